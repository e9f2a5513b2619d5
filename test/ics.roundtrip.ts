/**
 * Shared by the iCalendar tests: parse a built calendar back with ical.js and node-ical, check the
 * physical lines, and the fast-check property run once per process time zone (test/ics.tz-*.test.ts).
 */
import fc from "fast-check";
import ICAL from "ical.js";
import ical from "node-ical";
import { expect } from "vitest";
import { buildCalendar, eventUid, type FeedEvent } from "../api/calendar/ics.ts";
import { tokyoParts } from "../lib/time.ts";

export const PUBLIC_URL = "https://events.example.jp";
const DAY_MS = 86_400_000;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** CRLF everywhere, a final CRLF, and every physical line ≤75 octets and valid UTF-8 on its own. */
export function expectWellFormedLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    const bytes = utf8.encode(line);
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(() => strictUtf8.decode(bytes), line).not.toThrow();
    expect(line.isWellFormed(), line).toBe(true);
  }
  return lines;
}

export type Parsed = {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  /** DTSTAMP as an instant; it must also be written in UTC (see expectUtcStamps). */
  dtstamp: number;
  start: { date: string } | { ms: number };
  end: { date: string } | { ms: number };
};

/** ical.js, with Asia/Tokyo known only from the document's own VTIMEZONE. */
export function parseWithIcalJs(text: string): { calendar: ICAL.Component; events: Map<string, Parsed> } {
  if (ICAL.TimezoneService.has("Asia/Tokyo")) ICAL.TimezoneService.remove("Asia/Tokyo");
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const events = new Map<string, Parsed>();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const e = new ICAL.Event(vevent);
    const when = (t: ICAL.Time) => (t.isDate ? { date: t.toString() } : { ms: t.toJSDate().getTime() });
    events.set(e.uid, {
      uid: e.uid,
      sequence: e.sequence,
      status: String(vevent.getFirstPropertyValue("status")),
      summary: e.summary,
      description: e.description,
      location: e.location ?? null,
      url: String(vevent.getFirstPropertyValue("url")),
      dtstamp: (vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().getTime(),
      start: when(e.startDate),
      end: when(e.endDate),
    });
  }
  return { calendar, events };
}

type NodeValue = string | { val: string } | undefined;
const nodeText = (v: unknown) => (v === undefined ? null : typeof v === "string" ? v : (v as { val: string }).val);

/** node-ical reads DATE values as local midnights of the process's zone. */
function nodeWhen(d: ical.DateWithTimeZone): { date: string } | { ms: number } {
  if (d.dateOnly) {
    const p = (n: number) => String(n).padStart(2, "0");
    return { date: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` };
  }
  return { ms: d.getTime() };
}

export function parseWithNodeIcal(text: string): {
  calendar: Record<string, unknown>;
  events: Map<string, Omit<Parsed, "dtstamp" | "url">>;
} {
  const data = ical.sync.parseICS(text);
  const events = new Map<string, Omit<Parsed, "dtstamp" | "url">>();
  for (const item of Object.values(data)) {
    if (!item || item.type !== "VEVENT") continue;
    const e = item as ical.VEvent;
    events.set(e.uid, {
      uid: e.uid,
      sequence: Number(e.sequence),
      status: String(e.status),
      summary: nodeText(e.summary as NodeValue) ?? "",
      description: nodeText(e.description as NodeValue) ?? "",
      location: nodeText(e.location as NodeValue),
      start: nodeWhen(e.start),
      end: nodeWhen(e.end!),
    });
  }
  return { calendar: (data as Record<string, unknown>).vcalendar as Record<string, unknown>, events };
}

/**
 * node-ical 0.26 unescapes TEXT with a chain of replaceAll calls, so it reads a literal backslash followed
 * by "n" as a backslash and a newline, and drops double quotes around a whole single-line value. Those
 * texts are checked against ical.js only.
 */
export const nodeIcalReadsExactly = (s: string) => !/\\[nN]/.test(s) && !/^".*"$/.test(s);

// --- expectations, derived from the input the way a reader would describe them ---

const pad = (n: number) => String(n).padStart(2, "0");
export function tokyoDate(d: Date): string {
  const p = tokyoParts(d);
  return `${String(p.year).padStart(4, "0")}-${pad(p.month)}-${pad(p.day)}`;
}

const blank = (s: string | null | undefined) => s == null || s.trim() === "";
const PREFECTURES_EN: Record<string, string> = { 神奈川県: "Kanagawa", 北海道: "Hokkaido", 沖縄県: "Okinawa" };

export function expected(e: FeedEvent, lang: "ja" | "en") {
  const link = `${PUBLIC_URL}/events/${e.id}`;
  const body = lang === "en" && !blank(e.descriptionEn) ? e.descriptionEn : e.descriptionJa;
  const linkLine = `${lang === "en" ? "Details and registration" : "詳細・参加登録"}: ${link}`;
  // The generated prefectures, as an English feed names them (written out here, not looked up).
  const prefecture = lang === "en" ? (PREFECTURES_EN[e.prefecture ?? ""] ?? e.prefecture) : e.prefecture;
  const location = [e.venue, prefecture].filter((s) => !blank(s)).join(", ");
  return {
    uid: eventUid(e.id),
    sequence: e.sequence,
    status: e.status === "cancelled" ? "CANCELLED" : e.status === "planned" || e.tentative ? "TENTATIVE" : "CONFIRMED",
    summary: lang === "en" && !blank(e.titleEn) ? e.titleEn! : e.titleJa,
    description: blank(body) ? linkLine : `${body}\n\n${linkLine}`,
    location: location || null,
    url: link,
    start: e.allDay ? { date: tokyoDate(e.startsAt) } : { ms: e.startsAt.getTime() },
    end: e.allDay ? { date: tokyoDate(e.endsAt) } : { ms: e.endsAt.getTime() },
  };
}

// --- arbitraries ---

const cp = (min: number, max: number) => fc.integer({ min, max }).map((n) => String.fromCodePoint(n));
/** Code points that survive the builder unchanged: no CR or other controls except LF and HTAB. */
const unit = fc.oneof(
  { weight: 30, arbitrary: cp(0x3041, 0x30ff) }, // kana
  { weight: 30, arbitrary: cp(0x4e00, 0x9fff) }, // kanji
  { weight: 20, arbitrary: cp(0x20, 0x7e) },
  { weight: 10, arbitrary: cp(0xa0, 0x7ff) }, // two-octet Latin, Greek, Cyrillic …
  { weight: 15, arbitrary: cp(0x1f300, 0x1faff) }, // emoji, four octets, surrogate pairs
  { weight: 10, arbitrary: cp(0x20000, 0x2a6df) }, // CJK extension B (𠮷 …)
  { weight: 15, arbitrary: fc.oneof(cp(0x300, 0x36f), fc.constantFrom("\u3099", "\u309a", "\u20dd")) }, // combining
  { weight: 5, arbitrary: fc.constantFrom("👨‍👩‍👧", "🇯🇵", "👍🏽", "e\u0301\u0302\u0303", "か\u3099", "\ufe0f", "\u200d") },
  { weight: 20, arbitrary: fc.constantFrom(",", ";", "\n", ":", '"', " ", "\t", "\n\n", "=", ",,", ";\n") },
  { weight: 5, arbitrary: fc.constantFrom("\\", "\\,", "\\;", "\\\\", "\\\n") },
  // Rare, so that most texts stay readable by node-ical (see nodeIcalReadsExactly).
  { weight: 1, arbitrary: fc.constantFrom("\\n", "\\N") },
);
// size "max": fast-check's default size keeps strings under ~20 units, too short to fold.
export const text = (maxLength: number) => fc.string({ unit, maxLength, size: "max" });
const nullableText = (maxLength: number) => fc.option(text(maxLength), { nil: null, freq: 3 });

const Y1990 = Date.UTC(1990, 0, 1);
const Y2100 = Date.UTC(2100, 0, 1);

export const feedEvent: fc.Arbitrary<FeedEvent> = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom("seminar", "forum", "techno_fair"),
    status: fc.constantFrom("planned", "scheduled", "cancelled") as fc.Arbitrary<FeedEvent["status"]>,
    titleJa: text(120),
    titleEn: nullableText(120),
    descriptionJa: nullableText(400),
    descriptionEn: nullableText(400),
    venue: nullableText(60),
    prefecture: fc.option(fc.constantFrom("神奈川県", "北海道", "沖縄県", "Tokyo"), { nil: null }),
    allDay: fc.boolean(),
    startSec: fc.integer({ min: Y1990 / 1000, max: Y2100 / 1000 }),
    lengthSec: fc.integer({ min: 0, max: 10 * 86_400 }),
    days: fc.integer({ min: 1, max: 40 }),
    sequence: fc.nat({ max: 10_000 }),
    createdSec: fc.integer({ min: Y1990 / 1000, max: Y2100 / 1000 }),
    updatedSec: fc.integer({ min: Y1990 / 1000, max: Y2100 / 1000 }),
    tentative: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r): FeedEvent => {
    // All-day events start at a Tokyo midnight and end at the Tokyo midnight after the last day.
    const start = r.allDay
      ? Math.floor((r.startSec * 1000 + 9 * 3_600_000) / DAY_MS) * DAY_MS - 9 * 3_600_000
      : r.startSec * 1000;
    const end = r.allDay ? start + r.days * DAY_MS : start + r.lengthSec * 1000;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      descriptionJa: r.descriptionJa,
      descriptionEn: r.descriptionEn,
      venue: r.venue,
      prefecture: r.prefecture,
      startsAt: new Date(start),
      endsAt: new Date(end),
      allDay: r.allDay,
      sequence: r.sequence,
      createdAt: new Date(r.createdSec * 1000),
      updatedAt: new Date(r.updatedSec * 1000),
      cancelledAt: r.status === "cancelled" ? new Date(r.updatedSec * 1000) : null,
      ...(r.tentative === undefined ? {} : { tentative: r.tentative }),
    };
  });

/** DTSTAMP, CREATED and LAST-MODIFIED of every event are UTC date-times ending in "Z". */
export function expectUtcStamps(out: string): void {
  const unfolded = out.replace(/\r\n[ \t]/g, "");
  const stamps = unfolded.match(/^(DTSTAMP|CREATED|LAST-MODIFIED)[:;].*$/gm) ?? [];
  expect(stamps.length).toBeGreaterThan(0);
  for (const line of stamps) expect(line).toMatch(/^(DTSTAMP|CREATED|LAST-MODIFIED):\d{8}T\d{6}Z\r?$/);
}

/** The property: whatever the events, both parsers give back exactly the instants, dates and text. */
export function checkRoundTrip(numRuns: number): void {
  let texts = 0;
  let textsReadByNodeIcal = 0;
  fc.assert(
    fc.property(
      fc.uniqueArray(feedEvent, { minLength: 1, maxLength: 4, selector: (e) => e.id }),
      fc.constantFrom("ja", "en") as fc.Arbitrary<"ja" | "en">,
      text(80),
      (events, lang, name) => {
        const out = buildCalendar({ events, lang, name, publicUrl: PUBLIC_URL, now: new Date(0) });
        expectWellFormedLines(out);
        const js = parseWithIcalJs(out);
        const node = parseWithNodeIcal(out);
        expect(js.events.size).toBe(events.length);
        expect(node.events.size).toBe(events.length);
        expectUtcStamps(out);
        if (nodeIcalReadsExactly(name)) expect(node.calendar["WR-CALNAME"] ?? "").toBe(name);
        for (const e of events) {
          const want = expected(e, lang);
          const a = js.events.get(want.uid)!;
          expect(a).toEqual({ ...want, dtstamp: e.updatedAt.getTime() });
          const b = node.events.get(want.uid)!;
          expect({ uid: b.uid, sequence: b.sequence, status: b.status, start: b.start, end: b.end }).toEqual({
            uid: want.uid,
            sequence: want.sequence,
            status: want.status,
            start: want.start,
            end: want.end,
          });
          for (const key of ["summary", "description"] as const) {
            texts++;
            if (!nodeIcalReadsExactly(want[key])) continue;
            textsReadByNodeIcal++;
            expect(b[key]).toBe(want[key]);
          }
          if (want.location === null || nodeIcalReadsExactly(want.location)) expect(b.location).toBe(want.location);
        }
      },
    ),
    { numRuns },
  );
  // The node-ical exclusions must not hollow the check out.
  expect(textsReadByNodeIcal / texts).toBeGreaterThan(0.5);
}
