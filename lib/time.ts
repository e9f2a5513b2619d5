/** Asia/Tokyo is a presentation and planning zone; instants are stored as timestamptz. Japan has no DST. */
export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 with +09:00, to the second. */
export function toTokyoIso(d: Date): string {
  const t = new Date(d.getTime() + TOKYO_OFFSET_MS);
  return t.toISOString().replace(/\.\d{3}Z$/, "+09:00");
}

/** Calendar parts of an instant in Asia/Tokyo. */
export function tokyoParts(d: Date) {
  const t = new Date(d.getTime() + TOKYO_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** The instant of a Tokyo wall-clock time. */
export function tokyoInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - TOKYO_OFFSET_MS);
}

/** Japanese fiscal year (April–March) of an instant, in Asia/Tokyo. */
export function fiscalYearOf(d: Date): number {
  const { year, month } = tokyoParts(d);
  return month >= 4 ? year : year - 1;
}

/** 令和8年度 / 平成15年度; Reiwa starts in FY2019 (2019-05-01), so FY2019 is 令和元年度. */
export function fiscalYearJa(fy: number): string {
  if (fy >= 2019) return `令和${fy - 2018 === 1 ? "元" : fy - 2018}年度`;
  if (fy >= 1989) return `平成${fy - 1988 === 1 ? "元" : fy - 1988}年度`;
  return `昭和${fy - 1925}年度`;
}

export function fiscalYearEn(fy: number): string {
  return `FY${fy}`;
}
