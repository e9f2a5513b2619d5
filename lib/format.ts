/**
 * Dates and times for people, always in Asia/Tokyo whatever the process time zone (Node TZ,
 * Workers UTC). Built on tokyoParts (fixed +09:00 arithmetic; Japan has no DST), not on Intl,
 * so the output is the same on every runtime and ICU build.
 */
import { fiscalYearEn, fiscalYearJa, TOKYO_OFFSET_MS, tokyoParts } from "./time.ts";
import { MONTH_NAMES_EN } from "./calendar-words.ts";

const DAY_MS = 86_400_000;

export type Lang = "ja" | "en";

const WEEKDAY_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;
const WEEKDAY_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

type Parts = ReturnType<typeof tokyoParts>;

const pad2 = (n: number) => String(n).padStart(2, "0");
const wdJa = (p: Parts) => `(${WEEKDAY_JA[p.weekday]})`;
const wdEn = (p: Parts) => WEEKDAY_EN[p.weekday]!;
const monEn = (p: Parts) => MONTH_EN[p.month - 1]!;
/** 14:00; ja writes 9:00, en 09:00. `hour` may be 24 for an end at the following midnight. */
const hm = (hour: number, minute: number, lang: Lang) => `${lang === "ja" ? hour : pad2(hour)}:${pad2(minute)}`;

const sameDay = (a: Parts, b: Parts) => a.year === b.year && a.month === b.month && a.day === b.day;

/** The end of a ja range without what repeats from the start: 3日(水), 12月2日(火) or the full date. */
function jaEndDate(a: Parts, b: Parts): string {
  if (a.year !== b.year) return dateText(b, "ja");
  return a.month !== b.month ? `${b.month}月${b.day}日${wdJa(b)}` : `${b.day}日${wdJa(b)}`;
}

/** ja 2026年6月12日(金) / en Fri 12 Jun 2026 */
function dateText(p: Parts, lang: Lang): string {
  return lang === "ja" ? `${p.year}年${p.month}月${p.day}日${wdJa(p)}` : `${wdEn(p)} ${p.day} ${monEn(p)} ${p.year}`;
}

/** ja 2026年6月12日(金) · en Fri 12 Jun 2026 */
export function formatDate(d: Date, lang: Lang): string {
  return dateText(tokyoParts(d), lang);
}

/** ja 9:30 · en 09:30, in Tokyo. */
export function formatTime(d: Date, lang: Lang): string {
  const p = tokyoParts(d);
  return hm(p.hour, p.minute, lang);
}

/** ja 2026年6月12日(金) 14:00 · en Fri 12 Jun 2026, 14:00 */
export function formatDateTime(d: Date, lang: Lang): string {
  const p = tokyoParts(d);
  return lang === "ja"
    ? `${dateText(p, lang)} ${hm(p.hour, p.minute, lang)}`
    : `${dateText(p, lang)}, ${hm(p.hour, p.minute, lang)}`;
}

/**
 * A date range, dropping what repeats: ja 2008年12月2日(火)–3日(水), 2008年11月30日(日)–12月2日(火),
 * 2008年12月30日(火)–2009年1月2日(金); en Tue 2 – Wed 3 Dec 2008, Sun 30 Nov – Tue 2 Dec 2008,
 * Tue 30 Dec 2008 – Fri 2 Jan 2009.
 */
function dateRangeText(a: Parts, b: Parts, lang: Lang): string {
  if (sameDay(a, b)) return dateText(a, lang);
  if (lang === "ja") return `${dateText(a, lang)}–${jaEndDate(a, b)}`;
  const head =
    a.year !== b.year ? dateText(a, lang) : a.month !== b.month ? `${wdEn(a)} ${a.day} ${monEn(a)}` : `${wdEn(a)} ${a.day}`;
  return `${head} – ${dateText(b, lang)}`;
}

export type EventTimes = { startsAt: Date; endsAt: Date; allDay?: boolean | null; datePrecision?: "day" | "month" | null };

/** ja 2004年3月 · en March 2004: a month as a date known only to the month. */
function formatMonth(d: Date, lang: Lang): string {
  const p = tokyoParts(d);
  return lang === "ja" ? `${p.year}年${p.month}月` : `${MONTH_NAMES_EN[p.month - 1]} ${p.year}`;
}

/**
 * When an event happens, for people:
 * - timed, one day: 2026年6月12日(金) 14:00–16:00 · Fri 12 Jun 2026, 14:00–16:00 (an end at the
 *   following midnight reads 24:00);
 * - timed, several days: 2026年6月12日(金) 14:00 – 13日(土) 12:00 · Fri 12 Jun 2026, 14:00 – Sat 13 Jun 2026, 12:00;
 * - all-day: dates only; endsAt is the exclusive midnight after the last day, so 2 Dec 00:00 –
 *   4 Dec 00:00 reads 2008年12月2日(火)–3日(水) · Tue 2 – Wed 3 Dec 2008;
 * - known only to the month: 2004年3月 · March 2004 (2004年2月–3月 · February – March 2004 over two).
 */
export function formatEventWhen(e: EventTimes, lang: Lang): string {
  const start = e.startsAt.getTime();
  const end = e.endsAt.getTime();
  const a = tokyoParts(e.startsAt);
  if (e.datePrecision === "month") {
    const last = new Date(Math.max(start, end - 1));
    const b = tokyoParts(last);
    if (a.year === b.year && a.month === b.month) return formatMonth(e.startsAt, lang);
    if (lang === "ja") return `${formatMonth(e.startsAt, lang)}–${a.year === b.year ? `${b.month}月` : formatMonth(last, lang)}`;
    return `${a.year === b.year ? MONTH_NAMES_EN[a.month - 1] : formatMonth(e.startsAt, lang)} – ${formatMonth(last, lang)}`;
  }
  if (e.allDay) {
    // Last day shown = the day containing the final instant before the exclusive end.
    const b = tokyoParts(new Date(Math.max(start, end - 1)));
    return dateRangeText(a, b, lang);
  }
  if (end <= start) return formatDateTime(e.startsAt, lang);
  const b = tokyoParts(e.endsAt);
  const startText = formatDateTime(e.startsAt, lang);
  if (sameDay(a, b)) return `${startText}–${hm(b.hour, b.minute, lang)}`;
  const endsAtMidnight = (end + TOKYO_OFFSET_MS) % DAY_MS === 0;
  if (endsAtMidnight && sameDay(a, tokyoParts(new Date(end - DAY_MS)))) return `${startText}–${hm(24, 0, lang)}`;
  if (lang === "ja") return `${startText} – ${jaEndDate(a, b)} ${hm(b.hour, b.minute, lang)}`;
  return `${startText} – ${formatDateTime(e.endsAt, lang)}`;
}

/** 令和8年度 · FY2026 */
export function fiscalYearLabel(fy: number, lang: Lang): string {
  return lang === "ja" ? fiscalYearJa(fy) : fiscalYearEn(fy);
}
