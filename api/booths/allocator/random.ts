/** Seeded random numbers: the same input always gives the same allocation. */
import { compareStrings, type Model } from "./model.ts";
import type { Assignment } from "./types.ts";

function hashString(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** xoshiro128** */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    // splitmix32 to expand the seed
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let mixed = state;
      mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
      mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
      return (mixed ^ (mixed >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }
  u32(): number {
    const r = Math.imul(this.rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const tmp = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= tmp;
    this.d = this.rotl(this.d, 11);
    return r;
  }
  private rotl(neighbour: number, k: number): number {
    return (neighbour << k) | (neighbour >>> (32 - k));
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export function canonicalSeed(model: Model, pinned: readonly Assignment[]): number {
  let hash = 0x811c9dc5;
  for (const booth of model.booths) hash = hashString(`${booth.code}|${booth.x}|${booth.y}|${booth.w}|${booth.h}|${booth.zone};`, hash);
  for (const exhibitor of model.exhibitors) {
    const competitors = [...(exhibitor.competitors ?? [])].sort(compareStrings).join(",");
    hash = hashString(
      `${exhibitor.ref}|${exhibitor.cluster}|${exhibitor.field}|${exhibitor.size}|${exhibitor.priority}|${(exhibitor.preferences ?? []).join(",")}|${exhibitor.homeZone ?? ""}|${competitors};`,
      hash,
    );
  }
  const pins = pinned.map((p) => `${p.booth}=${p.exhibitor}`).sort(compareStrings);
  for (const p of pins) hash = hashString(p + ";", hash);
  const weights = model.weights;
  hash = hashString(`${weights.priorityBase}|${weights.preferences.join(",")}|${weights.homeZone}|${weights.sameClusterAdjacent}`, hash);
  return hash >>> 0;
}
