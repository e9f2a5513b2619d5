// The process zone must not leak into the output: start far from Tokyo, before any Date use.
process.env.TZ = "UTC";

import { beforeAll, describe, expect, it } from "vitest";
import { fiscalYearLabel, formatDate, formatDateTime, formatEventWhen } from "../lib/format.ts";
import { meetingTimes } from "../api/councils/plan.ts";
import { tokyoInstant } from "../lib/time.ts";
import { placeLine } from "../lib/place.ts";
import { PREFECTURES, prefectureName } from "../lib/prefectures.ts";

const jun12 = (h: number, m = 0) => tokyoInstant(2026, 6, 12, h, m);

/** Expected getTimezoneOffset() in June and December for each zone (minutes west of UTC). */
const ZONES = {
  UTC: [0, 0],
  "America/Los_Angeles": [420, 480],
  "Pacific/Kiritimati": [-840, -840],
  "Pacific/Pago_Pago": [660, 660],
} as const;

describe.each(Object.entries(ZONES))("in process TZ %s", (tz, [june, december]) => {
  beforeAll(() => {
    process.env.TZ = tz;
    // Node re-reads TZ when it is assigned; make sure it really took effect.
    expect(new Date(Date.UTC(2026, 5, 12)).getTimezoneOffset()).toBe(june);
    expect(new Date(Date.UTC(2026, 11, 12)).getTimezoneOffset()).toBe(december);
  });

  it("formats a date and time", () => {
    expect(formatDateTime(jun12(14), "ja")).toBe("2026年6月12日(金) 14:00");
    expect(formatDateTime(jun12(14), "en")).toBe("Fri 12 Jun 2026, 14:00");
    expect(formatDateTime(jun12(9, 5), "ja")).toBe("2026年6月12日(金) 9:05");
    expect(formatDateTime(jun12(9, 5), "en")).toBe("Fri 12 Jun 2026, 09:05");
    // Just after Tokyo midnight is still the Tokyo day, though it is the previous day in UTC.
    expect(formatDateTime(tokyoInstant(2026, 6, 13, 0, 30), "en")).toBe("Sat 13 Jun 2026, 00:30");
    expect(formatDateTime(new Date("2026-06-12T23:59:00+09:00"), "ja")).toBe("2026年6月12日(金) 23:59");
  });

  it("formats a date", () => {
    expect(formatDate(jun12(14), "ja")).toBe("2026年6月12日(金)");
    expect(formatDate(jun12(14), "en")).toBe("Fri 12 Jun 2026");
    expect(formatDate(jun12(0), "en")).toBe("Fri 12 Jun 2026");
    expect(formatDate(new Date("2026-06-12T14:59:59Z"), "en")).toBe("Fri 12 Jun 2026");
    expect(formatDate(new Date("2026-06-12T15:00:00Z"), "en")).toBe("Sat 13 Jun 2026");
    expect(formatDate(meetingTimes("2027-02-26").startsAt, "ja")).toBe("2027年2月26日(金)");
  });

  it("formats a same-day event", () => {
    const e = { startsAt: jun12(14), endsAt: jun12(16), allDay: false };
    expect(formatEventWhen(e, "ja")).toBe("2026年6月12日(金) 14:00–16:00");
    expect(formatEventWhen(e, "en")).toBe("Fri 12 Jun 2026, 14:00–16:00");
    expect(formatEventWhen(meetingTimes("2026-06-12"), "ja")).toBe("2026年6月12日(金) 14:00–16:00");
    // Ends at the following midnight: still one day.
    const late = { startsAt: jun12(22), endsAt: tokyoInstant(2026, 6, 13), allDay: false };
    expect(formatEventWhen(late, "ja")).toBe("2026年6月12日(金) 22:00–24:00");
    expect(formatEventWhen(late, "en")).toBe("Fri 12 Jun 2026, 22:00–24:00");
    // Zero length.
    expect(formatEventWhen({ startsAt: jun12(14), endsAt: jun12(14), allDay: false }, "en")).toBe("Fri 12 Jun 2026, 14:00");
  });

  it("formats a multi-day timed event", () => {
    const e = { startsAt: jun12(14), endsAt: tokyoInstant(2026, 6, 13, 12), allDay: false };
    expect(formatEventWhen(e, "ja")).toBe("2026年6月12日(金) 14:00 – 13日(土) 12:00");
    expect(formatEventWhen(e, "en")).toBe("Fri 12 Jun 2026, 14:00 – Sat 13 Jun 2026, 12:00");
    const months = { startsAt: tokyoInstant(2026, 6, 30, 10), endsAt: tokyoInstant(2026, 7, 1, 17), allDay: false };
    expect(formatEventWhen(months, "ja")).toBe("2026年6月30日(火) 10:00 – 7月1日(水) 17:00");
    const years = { startsAt: tokyoInstant(2026, 12, 31, 22), endsAt: tokyoInstant(2027, 1, 1, 2), allDay: false };
    expect(formatEventWhen(years, "ja")).toBe("2026年12月31日(木) 22:00 – 2027年1月1日(金) 2:00");
    expect(formatEventWhen(years, "en")).toBe("Thu 31 Dec 2026, 22:00 – Fri 1 Jan 2027, 02:00");
  });

  it("formats all-day events with an exclusive end", () => {
    const two = { startsAt: tokyoInstant(2008, 12, 2), endsAt: tokyoInstant(2008, 12, 4), allDay: true };
    expect(formatEventWhen(two, "ja")).toBe("2008年12月2日(火)–3日(水)");
    expect(formatEventWhen(two, "en")).toBe("Tue 2 – Wed 3 Dec 2008");
    const one = { startsAt: tokyoInstant(2008, 12, 2), endsAt: tokyoInstant(2008, 12, 3), allDay: true };
    expect(formatEventWhen(one, "ja")).toBe("2008年12月2日(火)");
    expect(formatEventWhen(one, "en")).toBe("Tue 2 Dec 2008");
    const months = { startsAt: tokyoInstant(2008, 11, 30), endsAt: tokyoInstant(2008, 12, 3), allDay: true };
    expect(formatEventWhen(months, "ja")).toBe("2008年11月30日(日)–12月2日(火)");
    expect(formatEventWhen(months, "en")).toBe("Sun 30 Nov – Tue 2 Dec 2008");
    const years = { startsAt: tokyoInstant(2008, 12, 30), endsAt: tokyoInstant(2009, 1, 3), allDay: true };
    expect(formatEventWhen(years, "ja")).toBe("2008年12月30日(火)–2009年1月2日(金)");
    expect(formatEventWhen(years, "en")).toBe("Tue 30 Dec 2008 – Fri 2 Jan 2009");
    // A degenerate all-day row (end not after start) shows its one day.
    expect(formatEventWhen({ startsAt: one.startsAt, endsAt: one.startsAt, allDay: true }, "en")).toBe("Tue 2 Dec 2008");
  });

  it("labels fiscal years", () => {
    expect(fiscalYearLabel(2026, "ja")).toBe("令和8年度");
    expect(fiscalYearLabel(2026, "en")).toBe("FY2026");
    expect(fiscalYearLabel(2019, "ja")).toBe("令和元年度");
  });
});

describe("prefecture names", () => {
  it("shows one of the 47, written in Japanese, in English on English pages, and anything else as written", () => {
    expect(prefectureName("福島県", "en")).toBe("Fukushima");
    expect(prefectureName("東京", "en")).toBe("Tokyo");
    expect(prefectureName("北海道", "en")).toBe("Hokkaido");
    expect(prefectureName("福島県", "ja")).toBe("福島県");
    expect(prefectureName("Fukushima", "en")).toBe("Fukushima");
    expect(prefectureName("関東一円", "en")).toBe("関東一円");
    expect(prefectureName(null, "en")).toBeNull();
    expect(PREFECTURES).toHaveLength(47);
    expect(placeLine({ venue: "ビッグパレットふくしま", venueEn: "Big Palette Fukushima", prefecture: "福島県" }, "en")).toBe(
      "Big Palette Fukushima, Fukushima",
    );
  });
});
