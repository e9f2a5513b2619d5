import { z } from "@hono/zod-openapi";

/** The years the product accepts in any date: its calendars, feeds and fiscal years live in between. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** Whether y-m-d is a day of the calendar (2027-02-30 is not: it is refused, not rolled into March). */
function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Checks the date as written (before any offset is applied): a real day, in MIN_YEAR..MAX_YEAR. */
function checkDatePart(s: string, ctx: z.RefinementCtx) {
  const m = s.match(DATE_PREFIX);
  if (!m) return;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(y, mo, d)) {
    ctx.addIssue({ code: "custom", message: `${m[0]} is not a day of the calendar`, params: { reason: "not_a_day" } });
  } else if (y < MIN_YEAR || y > MAX_YEAR) {
    ctx.addIssue({
      code: "custom",
      message: `the year must be between ${MIN_YEAR} and ${MAX_YEAR}`,
      params: { reason: "year_range", minimum: MIN_YEAR, maximum: MAX_YEAR },
    });
  }
}

const offsetDateTime = z.iso.datetime({ offset: true });

/** An instant: ISO 8601 with an offset (2026-06-12T14:00:00+09:00) or a bare date (2026-06-12, read in Asia/Tokyo). */
export const instantInput = z
  .string()
  .max(40)
  .refine((s) => DATE_ONLY.test(s) || offsetDateTime.safeParse(s).success, {
    message: "must be an ISO 8601 date-time with offset (2026-06-12T14:00:00+09:00) or a date (2026-06-12)",
    params: { reason: "date_time" },
  })
  .superRefine(checkDatePart)
  .openapi({ example: "2026-06-12T14:00:00+09:00" });

/** An instant with its offset, nothing less: the same year range and calendar check. */
export const dateTimeInput = z
  .string()
  .max(40)
  .refine((s) => offsetDateTime.safeParse(s).success, {
    message: "must be an ISO 8601 date-time with offset (2026-06-12T14:00:00+09:00)",
    params: { reason: "date_time" },
  })
  .superRefine(checkDatePart)
  .openapi({ example: "2027-04-01T00:30:00+09:00" });
