/** The shipped history as people see it: participants not seats, months not invented days, English venues. */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../db/schema/index.ts";
import { createTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-12-01T00:00:00Z" });
});
afterAll(async () => t?.close());

const idOf = async (slug: string) => (await t.db.select({ id: events.id }).from(events).where(eq(events.slug, slug)))[0]!.id;
const page = async (path: string, lang: "ja" | "en") => {
  const res = await t.request(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
  expect(res.status, path).toBe(200);
  return (await res.text()).replace(/<!-- -->/g, "");
};
/** The text of the facts list (dt/dd pairs) of an event page. */
const facts = (html: string) => [...html.matchAll(/<dt>([^<]*)<\/dt><dd[^>]*>([^<]*)/g)].map((m) => `${m[1]} ${m[2]}`.trim());

describe("a past forum", () => {
  it("shows 参加者 約200名 and no seats, in Japanese", async () => {
    const html = await page(`/events/${await idOf("regional-cluster-forum-1-2007")}`, "ja");
    expect(facts(html)).toContain("参加者 約200名");
    expect(html).not.toContain("定員");
    expect(html).not.toMatch(/残り\d+席/);
    expect(html).toContain("終了");
    expect(html).not.toContain('action="/events/');
  });

  it("shows about 200 participants and no seats, in English", async () => {
    const html = await page(`/events/${await idOf("regional-cluster-forum-1-2007")}`, "en");
    expect(facts(html)).toContain("Participants about 200 participants");
    expect(html).not.toContain("Capacity");
    expect(html).not.toMatch(/seats? left/);
    const cj = await page(`/events/${await idOf("cluster-japan-2007")}`, "en");
    expect(facts(cj)).toContain("Participants about 500 participants");
  });

  it("the API has attendance, not capacity, for it", async () => {
    const res = await t.request(`/api/events/${await idOf("cluster-japan-2007")}`);
    expect(await res.json()).toMatchObject({
      attendance: 500,
      attendanceApprox: true,
      capacity: null,
      seatsLeft: null,
      source: "001, 002",
    });
  });
});

describe("an event known only to the month", () => {
  const slug = "fy2003-hokkaido-it-cluster-forum-joint-presentation";

  it("reads 2004年3月 / March 2004, not the 1st to the 31st", async () => {
    const ja = await page(`/events/${await idOf(slug)}`, "ja");
    expect(facts(ja)).toContain("日時 2004年3月");
    expect(ja).not.toContain("2004年3月1日");
    expect(ja).not.toContain("31日");
    const en = await page(`/events/${await idOf(slug)}`, "en");
    expect(en).toMatch(/<dd>March 2004<\/dd>/);
    expect(en).not.toMatch(/1 Mar|31 Mar/);
    // The list of that fiscal year too.
    const list = await page("/?fy=2003", "ja");
    expect(list).toContain("2004年3月");
    expect(list).not.toContain("2004年3月1日");
    expect(await page("/?fy=2003", "en")).toContain("March 2004");
  });

  it("is one all-day entry on the 1st in feeds, with the month in its title", async () => {
    for (const [lang, note] of [
      ["ja", "（2004年3月・日付不詳）"],
      ["en", " (March 2004; day not recorded)"],
    ] as const) {
      const res = await t.request(`/calendar/events/${await idOf(slug)}.ics?lang=${lang}`);
      expect(res.status).toBe(200);
      const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent("vevent")!);
      expect(vevent.startDate.isDate).toBe(true);
      expect(vevent.startDate.toString()).toBe("2004-03-01");
      expect(vevent.endDate.toString()).toBe("2004-03-02");
      expect(vevent.summary.endsWith(note), vevent.summary).toBe(true);
    }
  });

  it("the API says datePrecision month", async () => {
    const res = await t.request(`/api/events/${await idOf(slug)}`);
    expect(await res.json()).toMatchObject({ datePrecision: "month", allDay: true, startsAt: "2004-03-01T00:00:00+09:00" });
  });
});

describe("venues in English", () => {
  it("English pages show Pacifico Yokohama, Big Palette Fukushima and Kyoto International Conference Center", async () => {
    for (const [s, ja, en] of [
      ["cluster-japan-2008-techno-fair", "パシフィコ横浜", "Pacifico Yokohama"],
      ["regional-cluster-seminar-fy2008-fukushima", "ビッグパレットふくしま", "Big Palette Fukushima"],
      ["iag-collaboration-conference-8-2009", "国立京都国際会館", "Kyoto International Conference Center"],
    ] as const) {
      const id = await idOf(s);
      const jaHtml = await page(`/events/${id}`, "ja");
      expect(jaHtml).toContain(ja);
      const enHtml = await page(`/events/${id}`, "en");
      expect(enHtml).toContain(en);
      expect(enHtml).not.toContain(ja);
      const ics = await (await t.request(`/calendar/events/${id}.ics?lang=en`)).text();
      const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
      expect(vevent.location).toContain(en);
    }
  });

  it("the organisers' editor shows and keeps the English venue", async () => {
    const res = await t.request(`/admin/events/${await idOf("cluster-japan-2008-techno-fair")}/edit`, { admin: true });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/name="venueEn"[^>]*value="Pacifico Yokohama"|value="Pacifico Yokohama"[^>]*name="venueEn"/);
  });

  it("the events API accepts venueEn on create and patch, and returns it", async () => {
    const create = await t.request("/api/events", {
      method: "POST",
      admin: true,
      json: {
        kind: "techno_fair",
        titleJa: "テクノフェア（テスト）",
        venue: "パシフィコ横浜",
        venueEn: "Pacifico Yokohama",
        prefecture: "神奈川県",
        startsAt: "2027-12-02",
        endsAt: "2027-12-03",
      },
    });
    expect(create.status).toBe(201);
    const created = (await create.json()) as { id: string; venueEn: string; sequence: number };
    expect(created.venueEn).toBe("Pacifico Yokohama");
    const patch = await t.request(`/api/events/${created.id}`, {
      method: "PATCH",
      admin: true,
      json: { venueEn: "PACIFICO Yokohama Exhibition Hall" },
    });
    expect(patch.status).toBe(200);
    expect(await patch.json()).toMatchObject({ venueEn: "PACIFICO Yokohama Exhibition Hall", sequence: created.sequence + 1 });
    const got = await (await t.request(`/api/events/${created.id}`)).json();
    expect(got).toMatchObject({ venueEn: "PACIFICO Yokohama Exhibition Hall", venue: "パシフィコ横浜" });
    const bad = await t.request(`/api/events/${created.id}`, { method: "PATCH", admin: true, json: { venueEn: 42 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("venueEn");
  });
});
