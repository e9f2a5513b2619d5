import { createHash } from "node:crypto";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildCalendar, cleanText, etagFor, eventUid, type FeedEvent } from "../api/calendar/ics.ts";
import { tokyoInstant } from "../lib/time.ts";
import { expectUtcStamps, expectWellFormedLines, parseWithIcalJs, parseWithNodeIcal, PUBLIC_URL } from "./ics.roundtrip.ts";

const ID = "0b5c6a1e-7d1f-4c8e-9a52-3f0e2d9b8c71";

function event(over: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: ID,
    kind: "seminar",
    status: "scheduled",
    titleJa: "地域クラスターセミナー",
    titleEn: "Regional cluster seminar",
    descriptionJa: "産学官連携の成果報告と意見交換。",
    descriptionEn: "Results and discussion.",
    venue: "パシフィコ横浜",
    prefecture: "神奈川県",
    startsAt: tokyoInstant(2025, 6, 1, 10, 0),
    endsAt: tokyoInstant(2025, 6, 1, 12, 30),
    allDay: false,
    sequence: 4,
    createdAt: new Date("2025-01-10T03:04:05Z"),
    updatedAt: new Date("2025-03-01T00:00:07Z"),
    cancelledAt: null,
    ...over,
  };
}

function build(events: FeedEvent[], over: Partial<Parameters<typeof buildCalendar>[0]> = {}) {
  return buildCalendar({
    events,
    lang: "ja",
    name: "地域クラスター催事",
    publicUrl: PUBLIC_URL,
    now: new Date("2025-05-01T00:00:00Z"),
    ...over,
  });
}

const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");
const lines = (s: string) => unfold(s).split("\r\n");

describe("calendar properties", () => {
  it("publishes with the product's PRODID, the name, Asia/Tokyo and the refresh interval", () => {
    const out = build([event()]);
    const l = lines(out);
    expect(l.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cluster-events//Regional cluster events//JA"]);
    expect(l).toContain("METHOD:PUBLISH");
    expect(l).toContain("NAME:地域クラスター催事");
    expect(l).toContain("X-WR-CALNAME:地域クラスター催事");
    expect(l).toContain("X-WR-TIMEZONE:Asia/Tokyo");
    expect(l).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(l).toContain("X-PUBLISHED-TTL:PT1H");
    expect(l.at(-2)).toBe("END:VCALENDAR");

    const { calendar } = parseWithIcalJs(out);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("地域クラスター催事");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(parseWithNodeIcal(out).calendar["WR-CALNAME"]).toBe("地域クラスター催事");
  });

  it("escapes the name and description as TEXT", () => {
    const out = build([], { name: "A, B; C\\D\nE", description: "説明, です;" });
    expect(lines(out)).toContain("X-WR-CALNAME:A\\, B\\; C\\\\D\\nE");
    expect(lines(out)).toContain("X-WR-CALDESC:説明\\, です\\;");
    expect(parseWithNodeIcal(out).calendar["WR-CALNAME"]).toBe("A, B; C\\D\nE");
  });

  it("takes the refresh interval from refreshMinutes", () => {
    expect(lines(build([], { refreshMinutes: 90 }))).toContain("X-PUBLISHED-TTL:PT1H30M");
    expect(lines(build([], { refreshMinutes: 15 }))).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT15M");
    expect(() => build([], { refreshMinutes: 0 })).toThrow(RangeError);
  });

  it("carries one VTIMEZONE for Asia/Tokyo, also when every event is all-day or there is none", () => {
    for (const events of [
      [event()],
      [event({ allDay: true, startsAt: tokyoInstant(2025, 6, 1), endsAt: tokyoInstant(2025, 6, 2) })],
      [],
    ]) {
      const out = build(events);
      expect(out.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(1);
      expect(out).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n");
      expect(out).toContain("TZOFFSETTO:+0900\r\n");
      expect(out.indexOf("BEGIN:VTIMEZONE")).toBeLessThan(out.indexOf("BEGIN:VEVENT") >>> 0);
      expectWellFormedLines(out);
      expect(parseWithIcalJs(out).events.size).toBe(events.length);
    }
  });
});

describe("events", () => {
  it("writes timed events in Asia/Tokyo, read back as the same instants by ical.js and node-ical", () => {
    const e = event();
    const out = build([e]);
    expect(lines(out)).toContain("DTSTART;TZID=Asia/Tokyo:20250601T100000");
    expect(lines(out)).toContain("DTEND;TZID=Asia/Tokyo:20250601T123000");
    for (const parsed of [parseWithIcalJs(out).events, parseWithNodeIcal(out).events]) {
      const got = parsed.get(eventUid(ID))!;
      expect(got.start).toEqual({ ms: Date.parse("2025-06-01T01:00:00Z") });
      expect(got.end).toEqual({ ms: Date.parse("2025-06-01T03:30:00Z") });
    }
  });

  it("keeps an instant just before Tokyo midnight on its Tokyo date", () => {
    const e = event({ startsAt: new Date("2025-12-31T14:59:59Z"), endsAt: new Date("2025-12-31T15:00:00Z") });
    const out = build([e]);
    expect(lines(out)).toContain("DTSTART;TZID=Asia/Tokyo:20251231T235959");
    expect(lines(out)).toContain("DTEND;TZID=Asia/Tokyo:20260101T000000");
    expect(parseWithIcalJs(out).events.get(eventUid(ID))!.start).toEqual({ ms: e.startsAt.getTime() });
  });

  it("writes all-day events as dates with an exclusive end, one day and several", () => {
    const one = event({ id: "a", allDay: true, startsAt: tokyoInstant(2025, 3, 31), endsAt: tokyoInstant(2025, 4, 1) });
    const three = event({ id: "b", allDay: true, startsAt: tokyoInstant(2025, 12, 30), endsAt: tokyoInstant(2026, 1, 2) });
    const out = build([one, three]);
    const l = lines(out);
    expect(l).toContain("DTSTART;VALUE=DATE:20250331");
    expect(l).toContain("DTEND;VALUE=DATE:20250401");
    expect(l).toContain("DTSTART;VALUE=DATE:20251230");
    expect(l).toContain("DTEND;VALUE=DATE:20260102");
    for (const parsed of [parseWithIcalJs(out).events, parseWithNodeIcal(out).events]) {
      expect(parsed.get(eventUid("a"))).toMatchObject({ start: { date: "2025-03-31" }, end: { date: "2025-04-01" } });
      expect(parsed.get(eventUid("b"))).toMatchObject({ start: { date: "2025-12-30" }, end: { date: "2026-01-02" } });
    }
  });

  it("gives an all-day event at least one day even when its end equals its start", () => {
    const out = build([event({ allDay: true, startsAt: tokyoInstant(2025, 7, 7), endsAt: tokyoInstant(2025, 7, 7) })]);
    expect(lines(out)).toContain("DTEND;VALUE=DATE:20250708");
  });

  it("uses one stable UID per event, equal across builds, languages and single-event downloads", () => {
    const other = event({ id: "5e0f1a2b-0000-4000-8000-000000000001" });
    const feed = build([event(), other]);
    const again = build([event(), other], { now: new Date("2030-01-01T00:00:00Z") });
    const en = build([other, event()], { lang: "en" });
    const single = build([event()]);
    expect(eventUid(ID)).toBe(`${ID}@cluster-events`);
    for (const out of [feed, again, en, single]) expect(lines(out)).toContain(`UID:${ID}@cluster-events`);
    expect([...parseWithIcalJs(feed).events.keys()]).toEqual([...parseWithIcalJs(again).events.keys()]);
    expect([...parseWithNodeIcal(feed).events.keys()].sort()).toEqual([...parseWithNodeIcal(en).events.keys()].sort());
  });

  it("is a function of the data: `now` changes nothing, DTSTAMP is updatedAt in UTC", () => {
    const a = build([event()], { now: new Date("2000-01-01T00:00:00Z") });
    const b = build([event()], { now: new Date("2099-01-01T00:00:00Z") });
    expect(a).toBe(b);
    expect(lines(a)).toContain("DTSTAMP:20250301T000007Z");
    expect(lines(a)).toContain("LAST-MODIFIED:20250301T000007Z");
    expect(lines(a)).toContain("CREATED:20250110T030405Z");
    expectUtcStamps(a);
    expect(parseWithIcalJs(a).events.get(eventUid(ID))!.dtstamp).toBe(Date.parse("2025-03-01T00:00:07Z"));
    const node = ical.sync.parseICS(a)[eventUid(ID)] as ical.VEvent;
    expect(node.dtstamp.getTime()).toBe(Date.parse("2025-03-01T00:00:07Z"));
  });

  it("does not depend on the process's time zone", () => {
    const saved = process.env.TZ;
    const events = [
      event(),
      event({ id: "d", allDay: true, startsAt: tokyoInstant(2025, 1, 1), endsAt: tokyoInstant(2025, 1, 4) }),
    ];
    try {
      const outputs = ["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"].map((tz) => {
        process.env.TZ = tz;
        return { offset: new Date("2025-06-01T00:00:00Z").getTimezoneOffset(), out: build(events) };
      });
      expect(outputs.map((o) => o.offset)).toEqual([420, -540, -840, 0]); // the switch took effect
      for (const o of outputs) expect(o.out).toBe(outputs[0]!.out);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("carries the sequence and the status", () => {
    const events = [
      event({ id: "s", status: "scheduled", sequence: 0 }),
      event({ id: "p", status: "planned", sequence: 1 }),
      event({ id: "w", status: "scheduled", tentative: true, sequence: 2 }),
      event({ id: "c", status: "cancelled", cancelledAt: new Date("2025-04-01T00:00:00Z"), sequence: 7 }),
      event({ id: "cw", status: "cancelled", tentative: true, cancelledAt: new Date("2025-04-01T00:00:00Z"), sequence: 8 }),
    ];
    const out = build(events);
    const want = {
      s: ["CONFIRMED", 0],
      p: ["TENTATIVE", 1],
      w: ["TENTATIVE", 2],
      c: ["CANCELLED", 7],
      cw: ["CANCELLED", 8],
    } as const;
    for (const parsed of [parseWithIcalJs(out).events, parseWithNodeIcal(out).events]) {
      for (const [id, [status, sequence]] of Object.entries(want)) {
        expect(parsed.get(eventUid(id))).toMatchObject({ status, sequence });
      }
    }
  });

  it("writes summary, description with the registration link, URL and location in the requested language", () => {
    const link = `${PUBLIC_URL}/events/${ID}`;
    const ja = parseWithIcalJs(build([event()])).events.get(eventUid(ID))!;
    expect(ja).toMatchObject({
      summary: "地域クラスターセミナー",
      description: `産学官連携の成果報告と意見交換。\n\n詳細・参加登録: ${link}`,
      url: link,
      location: "パシフィコ横浜, 神奈川県",
    });
    const en = parseWithIcalJs(build([event()], { lang: "en" })).events.get(eventUid(ID))!;
    expect(en).toMatchObject({
      summary: "Regional cluster seminar",
      description: `Results and discussion.\n\nDetails and registration: ${link}`,
    });

    const jaOnly = event({ titleEn: null, descriptionEn: null, descriptionJa: null, venue: null });
    const fallback = parseWithNodeIcal(build([jaOnly], { lang: "en" })).events.get(eventUid(ID))!;
    expect(fallback).toMatchObject({
      summary: "地域クラスターセミナー",
      description: `Details and registration: ${link}`,
      // The prefecture, stored in Japanese, is one of the 47: the English feed names it in English.
      location: "Kanagawa",
    });

    const nowhere = build([event({ venue: null, prefecture: null })]);
    expect(unfold(nowhere)).not.toMatch(/^LOCATION/m);
  });

  it("does not double the slash of a public URL with a trailing one", () => {
    const out = build([event()], { publicUrl: `${PUBLIC_URL}/` });
    expect(lines(out)).toContain(`URL;VALUE=URI:${PUBLIC_URL}/events/${ID}`);
  });
});

describe("text and lines", () => {
  it("escapes commas, semicolons, backslashes and newlines (RFC 5545 §3.3.11)", () => {
    const out = build([event({ titleJa: "A, B; C\\D\nE", descriptionJa: null, venue: "会場;一", prefecture: null })]);
    expect(lines(out)).toContain("SUMMARY:A\\, B\\; C\\\\D\\nE");
    expect(lines(out)).toContain("LOCATION:会場\\;一");
    for (const parsed of [parseWithIcalJs(out).events, parseWithNodeIcal(out).events]) {
      expect(parsed.get(eventUid(ID))).toMatchObject({ summary: "A, B; C\\D\nE", location: "会場;一" });
    }
  });

  it("writes a backslash before 'n' and a quoted title so that ical.js reads them exactly", () => {
    // node-ical 0.26 misreads both (see nodeIcalReadsExactly); the encoding itself is the RFC's.
    const out = build([event({ titleJa: '"C:\\new"', descriptionJa: "a\\nb\\Nc" })]);
    expect(lines(out)).toContain('SUMMARY:"C:\\\\new"');
    expect(parseWithIcalJs(out).events.get(eventUid(ID))).toMatchObject({
      summary: '"C:\\new"',
      description: `a\\nb\\Nc\n\n詳細・参加登録: ${PUBLIC_URL}/events/${ID}`,
    });
  });

  it("normalises what TEXT cannot carry: CR, line separators, controls, lone surrogates", () => {
    expect(cleanText("a\r\nb\rc\u2028d\u2029e")).toBe("a\nb\nc\nd\ne");
    expect(cleanText("x\u0000y\u0007z\u001b\u007f\tw")).toBe("xyz\tw");
    expect(cleanText("lone \ud83d here \ude00")).toBe("lone \ufffd here \ufffd");
    expect(cleanText("ok 😀 か\u3099")).toBe("ok 😀 か\u3099");
    const out = build([event({ titleJa: "一\r\n二\u2028三\u0001" })]);
    expect(parseWithNodeIcal(out).events.get(eventUid(ID))!.summary).toBe("一\n二\n三");
  });

  it("uses CRLF everywhere and ends with CRLF", () => {
    const out = build([
      event(),
      event({ id: "x", allDay: true, startsAt: tokyoInstant(2025, 1, 1), endsAt: tokyoInstant(2025, 1, 2) }),
    ]);
    expect(out.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).not.toMatch(/\r(?!\n)/);
    expectWellFormedLines(out);
  });

  it("folds long Japanese lines at 75 octets without breaking a character, and only where the limit forces it", () => {
    const title = "産学官連携による地域クラスター形成と新産業創出に関する合同成果発表会".repeat(4);
    const description = ("😀👨‍👩‍👧か\u3099e\u0301\u0302🇯🇵𠮷" + "あ".repeat(7) + "x").repeat(30);
    const out = build([event({ titleJa: title, descriptionJa: description })]);
    const physical = expectWellFormedLines(out);
    expect(physical.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(20);

    const octets = (s: string) => new TextEncoder().encode(s).length;
    for (let i = 0; i + 1 < physical.length; i++) {
      const next = physical[i + 1]!;
      if (!next.startsWith(" ")) continue;
      // Greedy: the next code point would not have fitted on this line.
      const firstCodePoint = String.fromCodePoint(next.codePointAt(1)!);
      expect(octets(physical[i]!) + octets(firstCodePoint)).toBeGreaterThan(75);
    }

    const parsed = parseWithIcalJs(out).events.get(eventUid(ID))!;
    expect(parsed.summary).toBe(title);
    expect(parsed.description.startsWith(description)).toBe(true);
    expect(parseWithNodeIcal(out).events.get(eventUid(ID))!.summary).toBe(title);
  });

  it("builds an empty calendar that parses", () => {
    const out = build([]);
    expectWellFormedLines(out);
    expect(parseWithIcalJs(out).events.size).toBe(0);
  });
});

describe("etagFor", () => {
  it("is a strong ETag over the parts: quoted hex SHA-256, stable, unambiguous", async () => {
    const tag = await etagFor(["1", "all", "ja"]);
    expect(tag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await etagFor(["1", "all", "ja"])).toBe(tag);
    expect(tag).toBe(
      `"${createHash("sha256")
        .update(JSON.stringify(["1", "all", "ja"]))
        .digest("hex")}"`,
    );
    expect(await etagFor(["1", "all", "en"])).not.toBe(tag);
    expect(await etagFor(["a,b"])).not.toBe(await etagFor(["a", "b"]));
  });
});
