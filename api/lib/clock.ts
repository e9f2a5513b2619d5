export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
/** A clock that stays where it is put; for tests and for jobs run "as of" an instant. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
