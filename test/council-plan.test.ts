// Calendar rules compare calendar dates and must not depend on the process zone; run far from Tokyo.
process.env.TZ = "America/Los_Angeles";

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HOLIDAY_DATA_YEARS,
  isBlackout,
  isJapaneseHoliday,
  isSuitableMeetingDay,
  isValidDate,
} from "../api/councils/calendar-rules.ts";
import { councilWindow, meetingTimes, planCouncilMeetings, planCouncilYear, type PlannedMeeting } from "../api/councils/plan.ts";
import { fiscalYearOf, toTokyoIso } from "../lib/time.ts";

const parse = (s: string) => s.split("-").map(Number) as [number, number, number];
const weekday = (s: string) => {
  const [y, m, d] = parse(s);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

const codes = (n: number) => Array.from({ length: n }, (_, i) => `B${String(i + 1).padStart(2, "0")}`);
const allTwice = codes(10).map((code) => ({ code, cadence: 2 as const }));
const mixed = codes(10).map((code, i) => ({ code, cadence: (i % 3 === 1 ? 1 : 2) as 1 | 2 }));
const YEARS = Array.from({ length: 2035 - 2019 + 1 }, (_, i) => 2019 + i);

function windowOf(fy: number, ordinal: 1 | 2) {
  const w = councilWindow(fy, ordinal);
  return { first: w[0]!.key, last: w[w.length - 1]!.key };
}

/** Every invariant of a plan, for a given input. */
function checkPlan(fy: number, blocks: { code: string; cadence: 1 | 2 }[], plan: PlannedMeeting[], taken: string[] = []) {
  for (const m of plan) {
    const [y, mo, d] = parse(m.date);
    expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isValidDate(y, mo, d)).toBe(true);
    expect(weekday(m.date), m.date).toBeGreaterThanOrEqual(1);
    expect(weekday(m.date), m.date).toBeLessThanOrEqual(5);
    expect(isJapaneseHoliday(y, mo, d), `${m.date} is a holiday`).toBe(false);
    expect(isBlackout(y, mo, d), `${m.date} is in a blackout`).toBe(false);
    const w = windowOf(fy, m.ordinal);
    expect(m.date >= w.first && m.date <= w.last, `${m.date} outside ${w.first}..${w.last}`).toBe(true);
    expect(fiscalYearOf(meetingTimes(m.date).startsAt)).toBe(fy);
  }
  for (const b of blocks) {
    const mine = plan.filter((m) => m.blockCode === b.code);
    expect(mine.map((m) => m.ordinal).sort()).toEqual(b.cadence === 2 ? [1, 2] : [1]);
  }
  expect(plan.length).toBe(blocks.reduce((n, b) => n + b.cadence, 0));
  const dates = plan.map((m) => m.date);
  expect(new Set(dates).size, "two blocks share a date").toBe(dates.length);
  const takenSet = new Set(taken);
  expect(dates.filter((d) => takenSet.has(d))).toEqual([]);
}

describe("calendar rules", () => {
  it("runs in the Los Angeles zone for these tests", () => {
    expect(new Date(Date.UTC(2026, 6, 20)).getTimezoneOffset()).toBe(420);
  });

  it("knows public holidays", () => {
    expect(isJapaneseHoliday(2026, 1, 1)).toBe(true);
    expect(isJapaneseHoliday(2026, 7, 20)).toBe(true); // Marine Day
    expect(isJapaneseHoliday(2026, 8, 11)).toBe(true); // Mountain Day
    expect(isJapaneseHoliday(2026, 9, 21)).toBe(true); // Respect for the Aged Day
    expect(isJapaneseHoliday(2026, 9, 22)).toBe(true); // citizens' holiday between two holidays
    expect(isJapaneseHoliday(2026, 9, 23)).toBe(true); // Autumnal Equinox Day
    expect(isJapaneseHoliday(2026, 11, 3)).toBe(true);
    expect(isJapaneseHoliday(2026, 11, 23)).toBe(true);
    expect(isJapaneseHoliday(2027, 2, 11)).toBe(true); // National Foundation Day
    expect(isJapaneseHoliday(2027, 2, 23)).toBe(true); // Emperor's Birthday
    expect(isJapaneseHoliday(2019, 5, 1)).toBe(true); // accession day, one-off
    expect(isJapaneseHoliday(2020, 7, 24)).toBe(true); // Olympics: Sports Day moved
    expect(isJapaneseHoliday(2020, 10, 12)).toBe(false); // … so not in October that year
    expect(isJapaneseHoliday(2026, 6, 12)).toBe(false);
    expect(isJapaneseHoliday(2026, 7, 21)).toBe(false);
  });

  it("knows substitute holidays", () => {
    expect(isJapaneseHoliday(2026, 5, 6)).toBe(true); // Constitution Day fell on a Sunday
    expect(isJapaneseHoliday(2025, 2, 24)).toBe(true); // Emperor's Birthday on a Sunday
    expect(isJapaneseHoliday(2024, 11, 4)).toBe(true); // Culture Day on a Sunday
    expect(isJapaneseHoliday(2026, 5, 7)).toBe(false);
  });

  it("does not depend on the process zone", () => {
    // 2026-07-20 00:00 in Los Angeles is 16:00 the same day in Tokyo, and 2026-07-19 17:00 LA
    // is already 07-20 in Tokyo; neither matters, since the rules take calendar dates.
    for (const tz of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"]) {
      process.env.TZ = tz;
      expect(isJapaneseHoliday(2026, 7, 20)).toBe(true);
      expect(isJapaneseHoliday(2026, 7, 19)).toBe(false);
      expect(isJapaneseHoliday(2026, 7, 21)).toBe(false);
      expect(isSuitableMeetingDay(2026, 7, 21)).toBe(true);
    }
    process.env.TZ = "America/Los_Angeles";
  });

  it("has blackout periods with inclusive edges", () => {
    // Golden Week
    expect(isBlackout(2026, 4, 28)).toBe(false);
    expect(isBlackout(2026, 4, 29)).toBe(true);
    expect(isBlackout(2026, 5, 1)).toBe(true);
    expect(isBlackout(2026, 5, 5)).toBe(true);
    expect(isBlackout(2026, 5, 6)).toBe(false);
    // Obon
    expect(isBlackout(2026, 8, 12)).toBe(false);
    expect(isBlackout(2026, 8, 13)).toBe(true);
    expect(isBlackout(2026, 8, 16)).toBe(true);
    expect(isBlackout(2026, 8, 17)).toBe(false);
    // Year end and new year
    expect(isBlackout(2026, 12, 27)).toBe(false);
    expect(isBlackout(2026, 12, 28)).toBe(true);
    expect(isBlackout(2026, 12, 31)).toBe(true);
    expect(isBlackout(2027, 1, 1)).toBe(true);
    expect(isBlackout(2027, 1, 4)).toBe(true);
    expect(isBlackout(2027, 1, 5)).toBe(false);
  });

  it("judges suitable meeting days", () => {
    expect(isSuitableMeetingDay(2026, 6, 12)).toBe(true); // Friday
    expect(isSuitableMeetingDay(2026, 6, 13)).toBe(false); // Saturday
    expect(isSuitableMeetingDay(2026, 6, 14)).toBe(false); // Sunday
    expect(isSuitableMeetingDay(2026, 7, 20)).toBe(false); // Marine Day (Monday)
    expect(isSuitableMeetingDay(2026, 5, 6)).toBe(false); // substitute holiday (Wednesday)
    expect(isSuitableMeetingDay(2026, 5, 1)).toBe(false); // Friday in Golden Week
    expect(isSuitableMeetingDay(2026, 8, 14)).toBe(false); // Friday in Obon
    expect(isSuitableMeetingDay(2026, 8, 17)).toBe(true); // Monday after Obon
    expect(isSuitableMeetingDay(2026, 12, 28)).toBe(false); // Monday, year end
    expect(isSuitableMeetingDay(2027, 1, 4)).toBe(false); // Monday, new year
    expect(isSuitableMeetingDay(2027, 1, 5)).toBe(true);
    expect(isSuitableMeetingDay(2027, 2, 11)).toBe(false);
    expect(isSuitableMeetingDay(2027, 2, 23)).toBe(false);
    expect(isSuitableMeetingDay(2026, 2, 30)).toBe(false); // not a date
    expect(isSuitableMeetingDay(2026, 4, 31)).toBe(false);
  });

  it("covers the planning years with holiday data", () => {
    expect(HOLIDAY_DATA_YEARS.first).toBeLessThanOrEqual(2019);
    expect(HOLIDAY_DATA_YEARS.last).toBeGreaterThanOrEqual(2036);
  });
});

describe("planCouncilMeetings", () => {
  it.each(YEARS)("plans FY%i for 10 blocks meeting twice, and for a mix", (fy) => {
    for (const blocks of [allTwice, mixed]) {
      const plan = planCouncilMeetings({ fiscalYear: fy, blocks });
      checkPlan(fy, blocks, plan);
      for (const never of [`${fy}-07-20`, `${fy + 1}-02-11`, `${fy + 1}-02-23`, `${fy}-08-13`, `${fy}-12-28`]) {
        expect(plan.map((m) => m.date)).not.toContain(never);
      }
    }
  });

  it("never picks 2026-07-20, 2027-02-11 or 2027-02-23, whatever else is taken", () => {
    // Take every other suitable day, which pushes blocks towards the holidays' neighbours.
    const suitable = [...councilWindow(2026, 1), ...councilWindow(2026, 2)].filter((d) => isSuitableMeetingDay(d.y, d.m, d.d));
    const taken = suitable.filter((_, i) => i % 2 === 0).map((d) => d.key);
    const plan = planCouncilMeetings({ fiscalYear: 2026, blocks: allTwice, taken });
    checkPlan(2026, allTwice, plan, taken);
    for (const d of ["2026-07-20", "2027-02-11", "2027-02-23"]) expect(plan.map((m) => m.date)).not.toContain(d);
  });

  it("spreads meetings across each window rather than clustering at its start", () => {
    for (const fy of YEARS) {
      const plan = planCouncilMeetings({ fiscalYear: fy, blocks: allTwice });
      for (const ordinal of [1, 2] as const) {
        const dates = plan
          .filter((m) => m.ordinal === ordinal)
          .map((m) => m.date)
          .sort();
        const w = councilWindow(fy, ordinal);
        const pos = (d: string) => w.findIndex((x) => x.key === d) / (w.length - 1);
        expect(pos(dates[0]!)).toBeLessThan(0.15);
        expect(pos(dates[dates.length - 1]!)).toBeGreaterThan(0.85);
        // Consecutive meetings at least a few days apart.
        for (let i = 1; i < dates.length; i++) expect(pos(dates[i]!) - pos(dates[i - 1]!)).toBeGreaterThan(0.03);
      }
    }
  });

  it("gives block 1 of 1 a day near the middle of the window", () => {
    const [m1, m2] = planCouncilMeetings({ fiscalYear: 2026, blocks: [{ code: "X", cadence: 2 }] });
    // 1 Jun – 30 Sep: middle is 31 Jul (Friday, suitable). 1 Nov – 28 Feb: middle 30 Dec is in the break.
    expect(m1).toEqual({ blockCode: "X", ordinal: 1, date: "2026-07-31" });
    expect(m2!.date >= "2027-01-05" || m2!.date <= "2026-12-25").toBe(true);
  });

  it("is deterministic and independent of the order of blocks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2035 }),
        fc.shuffledSubarray(mixed, { minLength: mixed.length, maxLength: mixed.length }),
        (fy, shuffled) => {
          const a = planCouncilMeetings({ fiscalYear: fy, blocks: mixed });
          const b = planCouncilMeetings({ fiscalYear: fy, blocks: shuffled });
          expect(b).toEqual(a);
          expect(planCouncilMeetings({ fiscalYear: fy, blocks: shuffled })).toEqual(b);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("keeps every invariant for arbitrary blocks and taken dates", () => {
    const blocksArb = fc.uniqueArray(
      fc.record({ code: fc.string({ minLength: 1, maxLength: 6 }), cadence: fc.constantFrom(1 as const, 2 as const) }),
      { selector: (b) => b.code, minLength: 0, maxLength: 25 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2035 }),
        blocksArb,
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 80 }),
        (fy, blocks, offsets) => {
          const taken = offsets.map((o) => new Date(Date.UTC(fy, 3, 1) + o * 86_400_000).toISOString().slice(0, 10));
          const plan = planCouncilMeetings({ fiscalYear: fy, blocks, taken });
          checkPlan(fy, blocks, plan, taken);
          const reversed = planCouncilMeetings({ fiscalYear: fy, blocks: [...blocks].reverse(), taken: [...taken].reverse() });
          expect(reversed).toEqual(plan);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("avoids taken dates", () => {
    for (const fy of [2019, 2026, 2035]) {
      const first = planCouncilMeetings({ fiscalYear: fy, blocks: allTwice });
      const taken = first.map((m) => m.date);
      const second = planCouncilMeetings({ fiscalYear: fy, blocks: allTwice, taken });
      checkPlan(fy, allTwice, second, taken);
    }
  });

  it("shares dates only when no free suitable day is left", () => {
    // Take every suitable day of the first window but one: with three blocks, one gets the free
    // day and the other two must share with existing meetings, but not with each other.
    const suitable = councilWindow(2026, 1)
      .filter((d) => isSuitableMeetingDay(d.y, d.m, d.d))
      .map((d) => d.key);
    const free = suitable[40]!;
    const taken = suitable.filter((d) => d !== free);
    const plan = planCouncilMeetings({
      fiscalYear: 2026,
      blocks: ["A", "B", "C"].map((code) => ({ code, cadence: 1 as const })),
      taken,
    });
    expect(plan.map((m) => m.date)).toContain(free);
    expect(new Set(plan.map((m) => m.date)).size).toBe(3);
    for (const m of plan) expect(isSuitableMeetingDay(...parse(m.date))).toBe(true);
  });

  it("returns nothing for no blocks and rejects bad input", () => {
    expect(planCouncilMeetings({ fiscalYear: 2026, blocks: [] })).toEqual([]);
    expect(() =>
      planCouncilMeetings({
        fiscalYear: 2026,
        blocks: [
          { code: "A", cadence: 1 },
          { code: "A", cadence: 2 },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => planCouncilMeetings({ fiscalYear: 2026, blocks: [], after: "1 Dec" })).toThrow(RangeError);
  });
});

describe("planCouncilYear run in the middle of the year", () => {
  it("run on 2026-12-01 plans nothing before that day, and reports the blocks short of their cadence", () => {
    const plan = planCouncilYear({ fiscalYear: 2026, blocks: mixed, after: "2026-12-01" });
    expect(plan.meetings.length).toBeGreaterThan(0);
    for (const m of plan.meetings) {
      expect(m.date > "2026-12-01", m.date).toBe(true);
      expect(m.ordinal).toBe(2);
      expect(isSuitableMeetingDay(...parse(m.date))).toBe(true);
    }
    // Every block gets the one meeting that still fits (December to February), on distinct days.
    expect(plan.meetings.map((m) => m.blockCode).sort()).toEqual(mixed.filter((b) => b.cadence === 2).map((b) => b.code));
    expect(new Set(plan.meetings.map((m) => m.date)).size).toBe(plan.meetings.length);
    // Window 1 (June–September) is over: every block misses meeting 1; cadence-1 blocks get nothing.
    expect(plan.shortfalls).toHaveLength(10);
    for (const s of plan.shortfalls) {
      const b = mixed.find((x) => x.code === s.blockCode)!;
      expect(s).toEqual({ blockCode: b.code, cadence: b.cadence, planned: b.cadence - 1, missed: [1] });
    }
    expect(plan.warnings).toEqual([]);
  });

  it("spreads the remaining meetings over what is left of the window", () => {
    const plan = planCouncilYear({ fiscalYear: 2026, blocks: allTwice, after: "2026-12-01" });
    const dates = plan.meetings.map((m) => m.date).sort();
    expect(dates[0]! < "2026-12-15").toBe(true);
    expect(dates.at(-1)! > "2027-02-10").toBe(true);
  });

  it("run the day before a window plans the whole window; run on its last day plans none of it", () => {
    const early = planCouncilYear({ fiscalYear: 2026, blocks: allTwice, after: "2026-05-31" });
    expect(early.meetings).toEqual(planCouncilMeetings({ fiscalYear: 2026, blocks: allTwice }));
    expect(early.shortfalls).toEqual([]);
    const late = planCouncilYear({ fiscalYear: 2026, blocks: allTwice, after: "2027-02-28" });
    expect(late.meetings).toEqual([]);
    expect(late.shortfalls.map((s) => s.missed)).toEqual(allTwice.map(() => [1, 2]));
  });

  it("never plans on or before the run day, for any run day of the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2035 }), fc.integer({ min: 0, max: 364 }), (fy, offset) => {
        const after = new Date(Date.UTC(fy, 3, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const plan = planCouncilYear({ fiscalYear: fy, blocks: mixed, after });
        for (const m of plan.meetings) expect(m.date > after).toBe(true);
        for (const b of mixed) {
          const planned = plan.meetings.filter((m) => m.blockCode === b.code).length;
          const short = plan.shortfalls.find((s) => s.blockCode === b.code);
          expect(planned + (short?.missed.length ?? 0)).toBe(b.cadence);
          if (short) expect(short.planned).toBe(planned);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("planCouncilYear beyond the holiday table", () => {
  it("plans FY2050 on weekdays outside the breaks and warns that 2051's holidays are unknown", () => {
    const plan = planCouncilYear({ fiscalYear: 2050, blocks: allTwice });
    expect(plan.meetings).toHaveLength(20);
    expect(plan.warnings).toEqual([{ code: "holidays-unknown", years: [2051] }]);
    for (const m of plan.meetings) {
      const [y, mo, d] = parse(m.date);
      expect(weekday(m.date)).toBeGreaterThanOrEqual(1);
      expect(weekday(m.date)).toBeLessThanOrEqual(5);
      expect(isBlackout(y, mo, d)).toBe(false);
      if (y <= HOLIDAY_DATA_YEARS.last) expect(isJapaneseHoliday(y, mo, d)).toBe(false);
    }
    // A year inside the table has no warning.
    expect(planCouncilYear({ fiscalYear: 2049, blocks: allTwice }).warnings).toEqual([]);
  });
});

describe("meetingTimes", () => {
  it("is 14:00–16:00 in Tokyo", () => {
    const { startsAt, endsAt } = meetingTimes("2026-06-12");
    expect(startsAt.toISOString()).toBe("2026-06-12T05:00:00.000Z");
    expect(endsAt.toISOString()).toBe("2026-06-12T07:00:00.000Z");
    expect(toTokyoIso(startsAt)).toBe("2026-06-12T14:00:00+09:00");
    expect(toTokyoIso(endsAt)).toBe("2026-06-12T16:00:00+09:00");
  });

  it("rejects what is not a date", () => {
    expect(() => meetingTimes("2026-6-12")).toThrow(RangeError);
    expect(() => meetingTimes("2026-02-30")).toThrow(RangeError);
  });
});
