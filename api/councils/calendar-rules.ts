/**
 * Calendar rules for council meetings. All functions take a calendar date (year, month 1–12,
 * day) as it reads in Asia/Tokyo and never consult the process time zone, so they behave the
 * same in Node (any TZ) and on Cloudflare Workers.
 */
import holiday_jp from "@holiday-jp/holiday_jp";

/** "YYYY-MM-DD" of a calendar date. */
export function ymdKey(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** True if (y, m, d) names a real calendar date (no 31 April, 29 February only in leap years). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** 0 = Sunday … 6 = Saturday, for the calendar date itself (proleptic Gregorian, zone-free). */
export function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

// The package's isHoliday(Date) formats the Date with local getters (process TZ) and scans
// Object.keys() on every call, so we look the "YYYY-MM-DD" key up in its bundled table instead.
const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string }>> = holiday_jp.holidays;
const HOLIDAY_YEARS = Object.keys(HOLIDAYS).map((k) => Number(k.slice(0, 4)));

/** Calendar years covered by the bundled holiday data (1970–2050 in @holiday-jp/holiday_jp 2.5.1). */
export const HOLIDAY_DATA_YEARS = {
  first: Math.min(...HOLIDAY_YEARS),
  last: Math.max(...HOLIDAY_YEARS),
} as const;

/**
 * Japanese public holiday (国民の祝日), including substitute holidays (振替休日) and citizens'
 * holidays (国民の休日). Outside HOLIDAY_DATA_YEARS the data is silent and this returns false.
 */
export function isJapaneseHoliday(y: number, m: number, d: number): boolean {
  return Object.hasOwn(HOLIDAYS, ymdKey(y, m, d));
}

/** The public holiday's name in Japanese and English (e.g. みどりの日 / Greenery Day), or null. */
export function japaneseHolidayName(y: number, m: number, d: number): { ja: string; en: string } | null {
  const h = Object.hasOwn(HOLIDAYS, ymdKey(y, m, d)) ? HOLIDAYS[ymdKey(y, m, d)]! : null;
  return h ? { ja: h.name, en: h.name_en } : null;
}

/**
 * Periods when meetings are not held even on working days: Golden Week (29 Apr – 5 May),
 * Obon (13–16 Aug) and the year-end/new-year break (28 Dec – 4 Jan), bounds inclusive.
 */
export function isBlackout(_y: number, m: number, d: number): boolean {
  const md = m * 100 + d;
  return (
    (md >= 429 && md <= 505) || // Golden Week
    (md >= 813 && md <= 816) || // Obon
    md >= 1228 || // year-end
    md <= 104 // new year
  );
}

/** Monday–Friday, not a public holiday, not in a blackout period (and a real date). */
export function isSuitableMeetingDay(y: number, m: number, d: number): boolean {
  if (!isValidDate(y, m, d)) return false;
  const wd = weekdayOf(y, m, d);
  if (wd === 0 || wd === 6) return false;
  return !isJapaneseHoliday(y, m, d) && !isBlackout(y, m, d);
}
