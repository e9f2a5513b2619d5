/**
 * An event's programme through HTTP: PUT/GET /api/events/:id/programme (rules, scopes, stable ids),
 * the programme feed parsed back with ical.js, and the timetable on the event page, in Chromium at
 * 1280 and 390 px.
 */
import ICAL from "ical.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, organiserToken, type TestApp } from "./support/app.ts";
import { browserRig, hasChromium } from "./support/browser.ts";

let t: TestApp;
let eventId: string;
let tokens: { inScope: string; outOfScope: string };

const rooms = [
  { id: "A", nameJa: "メインホール", nameEn: "Main hall" },
  { id: "B", nameJa: "会議室B", nameEn: "Room B" },
];
const keynote = {
  titleJa: "基調講演",
  titleEn: "Keynote",
  startsAt: "2026-06-12T14:00:00+09:00",
  endsAt: "2026-06-12T15:00:00+09:00",
  room: "A",
  chairJa: "鈴木 一郎",
  talks: [
    {
      titleJa: "地域クラスターのこれから",
      titleEn: "The future of regional clusters",
      speakers: [{ name: "山田 花子", affiliation: "文部科学省" }],
    },
  ],
};
const parallel = {
  titleJa: "分科会：医療機器",
  titleEn: "Breakout: medical devices",
  startsAt: "2026-06-12T15:00:00+09:00",
  endsAt: "2026-06-12T16:30:00+09:00",
  room: "B",
  talks: [
    { titleJa: "福島の医療機器産業", speakers: [{ name: "佐藤 次郎", affiliation: "福島県立医科大学" }, { name: "高橋 三郎" }] },
  ],
};

type Programme = {
  eventId: string;
  rooms: { id: string }[];
  sessions: { id: string; titleJa: string; room: string | null; sequence: number; startsAt: string }[];
  calendarUrl: string;
};
type Problem = { errors: { field: string; message: string }[] };

const put = (body: unknown, token?: string, id = eventId) =>
  t.request(`/api/events/${id}/programme`, {
    method: "PUT",
    json: body,
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : { admin: true }),
  });

function vevents(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    summary: String(v.getFirstPropertyValue("summary")),
    location: String(v.getFirstPropertyValue("location")),
    sequence: Number(v.getFirstPropertyValue("sequence")),
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    tzid: v.getFirstProperty("dtstart")!.getParameter("tzid"),
  }));
}

beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
  tokens = {
    inScope: await organiserToken(t, "prog.tohoku@example.jp", ["tohoku"]),
    outOfScope: await organiserToken(t, "prog.kyushu@example.jp", ["kyushu"]),
  };
  eventId = (
    await createOpenEvent(t, { block: "tohoku", startsAt: "2026-06-12T13:00:00+09:00", endsAt: "2026-06-12T18:00:00+09:00" })
  ).id;
});
afterAll(async () => t?.close());

describe("PUT and GET /api/events/:id/programme", () => {
  it("is empty until an organiser sets it, then anyone reads it in time order", async () => {
    const empty = (await (await t.request(`/api/events/${eventId}/programme`)).json()) as Programme;
    expect(empty.sessions).toEqual([]);
    const res = await put({ rooms, sessions: [parallel, keynote] }, tokens.inScope);
    expect(res.status).toBe(200);
    const p = (await res.json()) as Programme;
    expect(p.sessions.map((s) => s.titleJa)).toEqual(["基調講演", "分科会：医療機器"]);
    expect(p.calendarUrl).toBe(`https://events.example.jp/calendar/events/${eventId}/programme.ics`);
    const read = (await (await t.request(`/api/events/${eventId}/programme`)).json()) as Programme;
    expect(read).toEqual(p);
    expect(read.sessions[0]).toMatchObject({ room: "A", startsAt: "2026-06-12T14:00:00+09:00", sequence: 0 });
  });

  it("keeps a session's id when it is sent back, bumps its sequence only when it changed, and removes what is left out", async () => {
    const before = (await (await t.request(`/api/events/${eventId}/programme`)).json()) as Programme;
    const [k, b] = before.sessions;
    const res = await put({
      rooms,
      sessions: [
        { ...keynote, id: k!.id },
        { ...parallel, id: b!.id, titleJa: "分科会：医療機器・創薬" },
      ],
    });
    const after = (await res.json()) as Programme;
    expect(after.sessions.map((s) => [s.id, s.sequence])).toEqual([
      [k!.id, 0],
      [b!.id, 1],
    ]);
    const dropped = (await (await put({ rooms, sessions: [{ ...keynote, id: k!.id }] })).json()) as Programme;
    expect(dropped.sessions.map((s) => s.id)).toEqual([k!.id]);
    await put({ rooms, sessions: [{ ...keynote, id: k!.id }, parallel] });
  });

  it("refuses sessions outside the event, overlapping in one room, in an unknown room or with someone else's id, naming each", async () => {
    const cases: [unknown, string, RegExp?][] = [
      [{ rooms, sessions: [{ ...keynote, startsAt: "2026-06-12T09:00:00+09:00" }] }, "sessions.0.startsAt", /within the event/],
      [{ rooms, sessions: [{ ...keynote, endsAt: "2026-06-12T19:00:00+09:00" }] }, "sessions.0.startsAt", /within the event/],
      [
        { rooms, sessions: [keynote, { ...parallel, room: "A", startsAt: "2026-06-12T14:30:00+09:00" }] },
        "sessions.1",
        /overlaps sessions\.0 \("基調講演"\) in room A/,
      ],
      [{ rooms, sessions: [{ ...keynote, room: "Z" }] }, "sessions.0.room", /room Z/],
      [{ sessions: [{ ...keynote, id: "00000000-0000-4000-8000-000000000000" }] }, "sessions.0.id"],
      [{ rooms, sessions: [{ ...keynote, endsAt: keynote.startsAt }] }, "sessions.0.endsAt"],
      [
        { rooms, sessions: [{ ...keynote, talks: [{ ...keynote.talks[0], startsAt: "2026-06-12T17:00:00+09:00" }] }] },
        "sessions.0.talks.0.startsAt",
      ],
      [{ rooms: [rooms[0], rooms[0]], sessions: [] }, "rooms.1.id"],
      [{ rooms, sessions: [{ ...keynote, startsAt: "2026-02-30T10:00:00+09:00" }] }, "sessions.0.startsAt"],
      [{ rooms, sessions: [{ ...keynote, surprise: 1 }] }, "sessions.0.surprise"],
      [{ rooms, sessions: Array.from({ length: 101 }, () => keynote) }, "sessions"],
    ];
    const before = await (await t.request(`/api/events/${eventId}/programme`)).json();
    for (const [body, field, message] of cases) {
      const res = await put(body);
      expect(res.status, field).toBe(400);
      expect(res.headers.get("Content-Type")).toContain("application/problem+json");
      const errors = ((await res.json()) as Problem).errors;
      const hit = errors.find((e) => e.field === field);
      expect(hit, `${field}: ${JSON.stringify(errors)}`).toBeDefined();
      if (message) expect(hit!.message).toMatch(message);
    }
    // Nothing half-written.
    expect(await (await t.request(`/api/events/${eventId}/programme`)).json()).toEqual(before);
  });

  it("lets two sessions in one room touch, and sessions in different rooms overlap", async () => {
    const res = await put({
      rooms,
      sessions: [keynote, { ...parallel, room: "A" }, { ...parallel, titleJa: "並行", startsAt: keynote.startsAt }],
    });
    expect(res.status).toBe(200);
  });

  it("answers an anonymous writer 401, an organiser out of scope 404, and a cancelled event 409", async () => {
    const anon = await t.request(`/api/events/${eventId}/programme`, { method: "PUT", json: { sessions: [] } });
    expect(anon.status).toBe(401);
    expect((await put({ sessions: [] }, tokens.outOfScope)).status).toBe(404);
    const other = await createOpenEvent(t, { block: "tohoku" });
    expect((await t.request(`/api/events/${other.id}/cancel`, { method: "POST", admin: true, json: {} })).status).toBeLessThan(
      300,
    );
    const cancelled = await put({ sessions: [] }, tokens.inScope, other.id);
    expect(cancelled.status).toBe(409);
  });

  it("hides a planner proposal's programme from everyone but its organisers", async () => {
    const planned = await createOpenEvent(t, { block: "tohoku", status: "planned" });
    expect((await put({ sessions: [] }, tokens.inScope, planned.id)).status).toBe(200);
    expect((await t.request(`/api/events/${planned.id}/programme`)).status).toBe(404);
    expect((await t.request(`/calendar/events/${planned.id}/programme.ics`)).status).toBe(404);
    const own = await t.request(`/api/events/${planned.id}/programme`, {
      headers: { Authorization: `Bearer ${tokens.inScope}` },
    });
    expect(own.status).toBe(200);
    const outsider = await t.request(`/api/events/${planned.id}/programme`, {
      headers: { Authorization: `Bearer ${tokens.outOfScope}` },
    });
    expect(outsider.status).toBe(404);
  });
});

describe("GET /calendar/events/:id/programme.ics", () => {
  it("has one entry per session, in Tokyo time, with the room as LOCATION and the session id as UID", async () => {
    await put({ rooms, sessions: [keynote, parallel] });
    const p = (await (await t.request(`/api/events/${eventId}/programme`)).json()) as Programme;
    const res = await t.request(`/calendar/events/${eventId}/programme.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/calendar");
    const entries = vevents(await res.text());
    expect(entries.map((e) => e.uid)).toEqual(p.sessions.map((s) => `${s.id}@cluster-events`));
    expect(entries[0]).toMatchObject({ start: "2026-06-12T05:00:00.000Z", tzid: "Asia/Tokyo" });
    expect(entries[0]!.summary).toContain("基調講演");
    expect(entries[0]!.location).toContain("メインホール");
    const en = vevents(await (await t.request(`/calendar/events/${eventId}/programme.ics?lang=en`)).text());
    expect(en[0]!.summary).toContain("Keynote");
    expect(en[0]!.location).toContain("Main hall");
  });

  it("updates an entry in place (same UID, higher SEQUENCE) and revalidates with 304", async () => {
    const first = await t.request(`/calendar/events/${eventId}/programme.ics`);
    const etag = first.headers.get("ETag")!;
    const before = vevents(await first.text());
    expect((await t.request(`/calendar/events/${eventId}/programme.ics`, { headers: { "If-None-Match": etag } })).status).toBe(
      304,
    );
    const p = (await (await t.request(`/api/events/${eventId}/programme`)).json()) as Programme;
    await put({
      rooms,
      sessions: [
        {
          ...keynote,
          id: p.sessions[0]!.id,
          room: "B",
          startsAt: "2026-06-12T13:30:00+09:00",
          endsAt: "2026-06-12T14:30:00+09:00",
        },
        { ...parallel, id: p.sessions[1]!.id },
      ],
    });
    const changed = await t.request(`/calendar/events/${eventId}/programme.ics`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    const after = vevents(await changed.text());
    expect(after[0]!.uid).toBe(before[0]!.uid);
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence);
    expect(after[0]!.location).toContain("会議室B");
  });

  it("answers an unknown event with 404", async () => {
    expect((await t.request("/calendar/events/00000000-0000-4000-8000-000000000000/programme.ics")).status).toBe(404);
    expect((await t.request("/calendar/events/nope/programme.ics")).status).toBe(404);
  });
});

describe("the timetable on the event page", () => {
  it("shows sessions, talks and speakers in Japanese and English, and links the programme feed", async () => {
    await put({ rooms, sessions: [keynote, parallel] });
    const ja = await (await t.request(`/events/${eventId}`)).text();
    expect(ja).toContain("プログラム");
    expect(ja).toContain("基調講演");
    expect(ja).toContain("山田 花子（文部科学省）");
    expect(ja).toContain("座長：鈴木 一郎");
    expect(ja).toContain(`/calendar/events/${eventId}/programme.ics`);
    const en = await (await t.request(`/events/${eventId}?lang=en`)).text();
    expect(en).toContain("Keynote");
    expect(en).toContain("The future of regional clusters");
    expect(en).toContain("Main hall");
  });

  it("escapes what organisers type", async () => {
    const other = await createOpenEvent(t, { block: "tohoku" });
    await put(
      {
        sessions: [
          {
            ...keynote,
            room: null,
            titleJa: "<script>alert(1)</script>",
            startsAt: "2026-06-12T14:00:00+09:00",
            endsAt: "2026-06-12T15:00:00+09:00",
          },
        ],
      },
      undefined,
      other.id,
    );
    const html = await (await t.request(`/events/${other.id}`)).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe.skipIf(!hasChromium)("the timetable in Chromium", () => {
  let rig: Awaited<ReturnType<typeof browserRig>>;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    rig = await browserRig(t.app.fetch);
    ({ browser, base } = rig);
    await put({
      rooms,
      sessions: [
        keynote,
        parallel,
        {
          ...keynote,
          titleJa: "パネル討論",
          room: "B",
          startsAt: "2026-06-12T13:00:00+09:00",
          endsAt: "2026-06-12T14:30:00+09:00",
          talks: [],
        },
      ],
    });
  });
  afterAll(async () => rig?.close());

  it("puts the rooms side by side at 1280 px and lists the sessions in time order at 390 px", async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ locale: "ja-JP", viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${base}/events/${eventId}#programme`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const grid = await page.locator(".tt-grid").first().isVisible();
      const list = await page.locator(".tt-list").first().isVisible();
      expect([width, grid, list]).toEqual(width === 1280 ? [1280, true, false] : [390, false, true]);
      if (width === 390) {
        const order = await page.locator(".tt-list .session h4").allTextContents();
        expect(order).toEqual(["パネル討論", "基調講演", "分科会：医療機器"]);
      }
      await page.locator("#programme").screenshot({ path: `test/artifacts/screenshots/programme-${width}.png` });
      await context.close();
    }
  });
});
