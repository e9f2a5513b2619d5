/**
 * Plans a fiscal year's block council meetings: pure, deterministic, no I/O (runs on Workers).
 *
 * - Each block meets `cadence` times: meeting 1 between 1 June and 30 September of the fiscal
 *   year, meeting 2 between 1 November and the end of February of the following calendar year.
 * - Only suitable days (weekday, not a public holiday, not a blackout period).
 * - Blocks are sorted by code and spread over their window: block i of the n blocks meeting in
 *   that window aims at the day at fraction (i + 0.5) / n of the window and takes the nearest
 *   suitable day that is free (not in `taken`, not already given to another block); ties go to
 *   the earlier day. Only when no free suitable day is left does a block share a date, and then
 *   with as few other meetings as possible.
 * - With `after` (a run in the middle of the fiscal year), only days after it are used: each
 *   window is cut to the days after `after`, and a meeting whose window has no suitable day left
 *   is not planned but reported as a shortfall of its block, so the block gets as many meetings
 *   as still fit.
 * - Outside the bundled holiday table (FY2050 needs 2051's holidays, which it does not have) the
 *   plan avoids weekends and the breaks only, and says so in `warnings`.
 */
import { tokyoInstant } from "../../lib/time.ts";
import { HOLIDAY_DATA_YEARS, isSuitableMeetingDay, isValidDate, ymdKey } from "./calendar-rules.ts";

export type CouncilBlockInput = { code: string; cadence: 1 | 2 };

export type PlanInput = {
  fiscalYear: number;
  blocks: CouncilBlockInput[];
  /** "YYYY-MM-DD" (Tokyo) dates already used by other meetings. */
  taken?: string[];
  /** "YYYY-MM-DD" (Tokyo): plan only on days after this one (the day the planner runs). */
  after?: string;
};

export type PlannedMeeting = { blockCode: string; ordinal: 1 | 2; date: string /* YYYY-MM-DD, Tokyo */ };

/** A block that gets fewer meetings than its cadence, and which meetings' windows had passed. */
export type PlanShortfall = { blockCode: string; cadence: 1 | 2; planned: number; missed: (1 | 2)[] };

/** Calendar years of the plan's windows for which the holiday table has no data. */
export type PlanWarning = { code: "holidays-unknown"; years: number[] };

export type CouncilPlan = {
  fiscalYear: number;
  /** "YYYY-MM-DD": the plan uses only days after it (null: the whole windows). */
  after: string | null;
  meetings: PlannedMeeting[];
  shortfalls: PlanShortfall[];
  warnings: PlanWarning[];
};

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar days [from, to] inclusive as "YYYY-MM-DD", via UTC arithmetic (zone-free). */
function daysBetween(from: [number, number, number], to: [number, number, number]) {
  const out: { key: string; y: number; m: number; d: number }[] = [];
  const end = Date.UTC(to[0], to[1] - 1, to[2]);
  for (let t = Date.UTC(from[0], from[1] - 1, from[2]); t <= end; t += DAY_MS) {
    const x = new Date(t);
    const y = x.getUTCFullYear();
    const m = x.getUTCMonth() + 1;
    const d = x.getUTCDate();
    out.push({ key: ymdKey(y, m, d), y, m, d });
  }
  return out;
}

/** The planning window of a meeting ordinal, as calendar days. */
export function councilWindow(fiscalYear: number, ordinal: 1 | 2) {
  if (ordinal === 1) return daysBetween([fiscalYear, 6, 1], [fiscalYear, 9, 30]);
  const lastFeb = new Date(Date.UTC(fiscalYear + 1, 2, 0)).getUTCDate(); // 28 or 29
  return daysBetween([fiscalYear, 11, 1], [fiscalYear + 1, 2, lastFeb]);
}

/** The meetings of a plan (see planCouncilYear for what could not be planned and why). */
export function planCouncilMeetings(input: PlanInput): PlannedMeeting[] {
  return planCouncilYear(input).meetings;
}

export function planCouncilYear(input: PlanInput): CouncilPlan {
  const { fiscalYear } = input;
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`fiscalYear must be an integer: ${fiscalYear}`);
  const after = input.after ?? null;
  if (after !== null && !DATE_RE.test(after)) throw new RangeError(`after must be YYYY-MM-DD: ${after}`);
  const seen = new Set<string>();
  for (const b of input.blocks) {
    if (seen.has(b.code)) throw new RangeError(`duplicate block code: ${b.code}`);
    if (b.cadence !== 1 && b.cadence !== 2) throw new RangeError(`cadence must be 1 or 2: ${b.code}`);
    seen.add(b.code);
  }
  // Code-point order, not localeCompare, so the result does not depend on the runtime's ICU.
  const blocks = [...input.blocks].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const taken = new Set(input.taken ?? []);

  const result: PlannedMeeting[] = [];
  const missed = new Map<string, (1 | 2)[]>();
  const unknownYears = new Set<number>();
  for (const ordinal of [1, 2] as const) {
    const members = blocks.filter((b) => b.cadence >= ordinal);
    if (members.length === 0) continue;
    // Zero-padded keys compare as dates.
    const window = councilWindow(fiscalYear, ordinal).filter((day) => after === null || day.key > after);
    // Candidate days with their position in the window and how many meetings already use them.
    const candidates = window
      .map((day, index) => ({ ...day, index, load: taken.has(day.key) ? 1 : 0 }))
      .filter((c) => isSuitableMeetingDay(c.y, c.m, c.d));
    if (candidates.length === 0) {
      for (const b of members) missed.set(b.code, [...(missed.get(b.code) ?? []), ordinal]);
      continue;
    }
    for (const c of candidates) {
      if (c.y < HOLIDAY_DATA_YEARS.first || c.y > HOLIDAY_DATA_YEARS.last) unknownYears.add(c.y);
    }
    const n = members.length;
    members.forEach((block, i) => {
      const target = Math.floor(((i + 0.5) / n) * window.length);
      let best = candidates[0]!;
      for (const c of candidates) {
        const better = c.load < best.load || (c.load === best.load && Math.abs(c.index - target) < Math.abs(best.index - target));
        // Equal load and distance: the earlier day wins, which the ascending scan already keeps.
        if (better) best = c;
      }
      best.load += 1;
      result.push({ blockCode: block.code, ordinal, date: best.key });
    });
  }
  const meetings = result.sort((a, b) =>
    a.blockCode < b.blockCode ? -1 : a.blockCode > b.blockCode ? 1 : a.ordinal - b.ordinal,
  );
  const shortfalls = blocks
    .filter((b) => missed.has(b.code))
    .map((b) => ({
      blockCode: b.code,
      cadence: b.cadence,
      planned: meetings.filter((m) => m.blockCode === b.code).length,
      missed: missed.get(b.code)!,
    }));
  const warnings: PlanWarning[] = unknownYears.size
    ? [{ code: "holidays-unknown", years: [...unknownYears].sort((a, b) => a - b) }]
    : [];
  return { fiscalYear, after, meetings, shortfalls, warnings };
}

/** A council meeting's time on a "YYYY-MM-DD" date: 14:00–16:00 Asia/Tokyo, as instants. */
export function meetingTimes(date: string): { startsAt: Date; endsAt: Date } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) throw new RangeError(`not a calendar date: ${date}`);
  return { startsAt: tokyoInstant(y, mo, d, 14, 0), endsAt: tokyoInstant(y, mo, d, 16, 0) };
}
