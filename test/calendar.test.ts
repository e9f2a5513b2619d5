import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, person, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, mailedFeedUrl, type Smtp } from "./support/smtp.ts";

let t: TestApp;
let smtp: Smtp;
beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp({ now: "2026-05-01T00:00:00Z" }));
});
afterAll(async () => t?.close());

function vevents(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => ({
    uid: v.getFirstPropertyValue("uid") as string,
    sequence: Number(v.getFirstPropertyValue("sequence") ?? 0),
    status: v.getFirstPropertyValue("status") as string,
    summary: v.getFirstPropertyValue("summary") as string,
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime(),
    location: v.getFirstPropertyValue("location") as string,
  }));
}

describe("feeds over HTTP", () => {
  it("serves a single event as a download with a stable UID and Tokyo time", async () => {
    const e = await createOpenEvent(t);
    const res = await t.request(`/calendar/events/${e.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    const text = await res.text();
    expect(text).toContain("METHOD:PUBLISH");
    expect(text.endsWith("\r\n")).toBe(true);
    const [v] = vevents(text);
    expect(v!.uid).toBe(`${e.id}@cluster-events`);
    expect(v!.start).toBe(Date.parse("2026-06-12T14:00:00+09:00"));
    expect(v!.location).toContain("ビッグパレットふくしま");
  });

  it("answers 304 to If-None-Match and If-Modified-Since, and HEAD without a body", async () => {
    const first = await t.request("/calendar/feed.ics");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age/);
    expect((await t.request("/calendar/feed.ics", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await t.request("/calendar/feed.ics", { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    const head = await t.request("/calendar/feed.ics", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    // Registrations move counters that feeds do not show: the version stays.
    const open = vevents(await first.text())[0]!;
    expect(open).toBeDefined();
    const some = await createOpenEvent(t, { titleJa: "登録のある催し" });
    const etag2 = (await t.request("/calendar/feed.ics")).headers.get("etag")!;
    await t.request(`/api/events/${some.id}/registrations`, { method: "POST", json: person() });
    expect((await t.request("/calendar/feed.ics", { headers: { "If-None-Match": etag2 } })).status).toBe(304);
    // A change makes a new version.
    await createOpenEvent(t, { titleJa: "新しい催し" });
    const after = await t.request("/calendar/feed.ics", { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("shows updates with a higher SEQUENCE and keeps cancellations for 30 days", async () => {
    const e = await createOpenEvent(t, { titleJa: "変更される催し" });
    await t.request(`/api/events/${e.id}`, {
      method: "PATCH",
      admin: true,
      json: { startsAt: "2026-06-13T14:00:00+09:00", endsAt: "2026-06-13T16:00:00+09:00" },
    });
    let v = vevents(await (await t.request("/calendar/feed.ics")).text()).find((x) => x.uid === `${e.id}@cluster-events`)!;
    expect(v.sequence).toBe(1);
    expect(v.start).toBe(Date.parse("2026-06-13T14:00:00+09:00"));
    await t.request(`/api/events/${e.id}/cancel`, { method: "POST", admin: true });
    v = vevents(await (await t.request("/calendar/feed.ics")).text()).find((x) => x.uid === `${e.id}@cluster-events`)!;
    expect(v.status).toBe("CANCELLED");
    expect(v.sequence).toBe(2);
    t.clock.advance(31 * 86_400_000);
    const later = vevents(await (await t.request("/calendar/feed.ics")).text());
    expect(later.find((x) => x.uid === `${e.id}@cluster-events`)).toBeUndefined();
    // The single download still says it is cancelled.
    expect(vevents(await (await t.request(`/calendar/events/${e.id}.ics`)).text())[0]!.status).toBe("CANCELLED");
    t.clock.set("2026-05-01T00:00:00Z");
  });

  it("filters by block and kind, names the calendar in the requested language", async () => {
    const e = await createOpenEvent(t, {
      block: "shikoku",
      kind: "briefing",
      titleJa: "四国説明会",
      titleEn: "Shikoku briefing",
    });
    const block = await (await t.request("/calendar/blocks/shikoku.ics?lang=en")).text();
    expect(block).toMatch(/X-WR-CALNAME:.*Shikoku/);
    expect(vevents(block).map((v) => v.uid)).toContain(`${e.id}@cluster-events`);
    expect(vevents(block).find((v) => v.uid === `${e.id}@cluster-events`)!.summary).toBe("Shikoku briefing");
    const ja = await (await t.request("/calendar/feed.ics?block=shikoku&kind=briefing")).text();
    expect(ja).toMatch(/X-WR-CALNAME:.*四国/);
    expect(vevents(ja).every((v) => v.summary === "四国説明会")).toBe(true);
    const kinds = await (await t.request("/calendar/kinds/briefing.ics")).text();
    expect(vevents(kinds).map((v) => v.uid)).toContain(`${e.id}@cluster-events`);
  });

  it("answers 404 problem+json for an unknown block, kind, event or token", async () => {
    for (const path of [
      "/calendar/blocks/atlantis.ics",
      "/calendar/feed.ics?kind=party",
      "/calendar/kinds/party.ics",
      `/calendar/events/00000000-0000-4000-8000-000000000000.ics`,
      `/calendar/me/${"A".repeat(43)}.ics`,
      "/calendar/me/short.ics",
    ]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("gives each person a personal feed by e-mail: confirmed and waitlisted (TENTATIVE), rotatable", async () => {
    const small = await createOpenEvent(t, { capacity: 1, titleJa: "小さな催し" });
    const big = await createOpenEvent(t, { capacity: 10, titleJa: "大きな催し" });
    const email = "feed.person@example.jp";
    await t.request(`/api/events/${small.id}/registrations`, { method: "POST", json: person() });
    const a = (await (
      await t.request(`/api/events/${small.id}/registrations`, { method: "POST", json: person({ email }) })
    ).json()) as Record<string, unknown>;
    const first = await mailedFeedUrl(t.deps, smtp, email);
    await t.request(`/api/events/${big.id}/registrations`, { method: "POST", json: person({ email: "FEED.person@example.jp" }) });
    const second = await mailedFeedUrl(t.deps, smtp, "FEED.person@example.jp");
    // One feed per address, whichever way it was spelled; and never in the answer.
    expect(second).toBe(first);
    expect(a.calendarUrl).toBeUndefined();
    expect(a.eventCalendarUrl).toBe(`https://events.example.jp/calendar/events/${small.id}.ics`);
    const path = new URL(first).pathname;
    const res = await t.request(path);
    expect(res.headers.get("cache-control")).toMatch(/private/);
    const items = vevents(await res.text());
    expect(items.find((v) => v.uid === `${small.id}@cluster-events`)!.status).toBe("TENTATIVE");
    expect(items.find((v) => v.uid === `${big.id}@cluster-events`)!.status).toBe("CONFIRMED");
    // The manage endpoint does not carry it either; it offers the event's public .ics.
    const managed = (await (await t.request(`/api/registrations/${a.manageToken}`)).json()) as Record<string, unknown>;
    expect(managed.calendarUrl).toBeUndefined();
    expect(managed.eventCalendarUrl).toBe(a.eventCalendarUrl);
    expect((await t.request(new URL(String(managed.eventCalendarUrl)).pathname)).status).toBe(200);
    // Rotation needs the feed token itself; the old token answers 404 from then on.
    const token = path.match(/\/calendar\/me\/(.+)\.ics$/)![1]!;
    const rotated = await t.request(`/api/calendar-tokens/${token}/rotate`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const { calendarUrl } = (await rotated.json()) as { calendarUrl: string };
    expect((await t.request(path)).status).toBe(404);
    expect((await t.request(new URL(calendarUrl).pathname)).status).toBe(200);
    expect((await t.request(`/api/calendar-tokens/${token}/rotate`, { method: "POST" })).status).toBe(404);
  });

  it("lists every feed with https, webcal and Google links", async () => {
    const list = (await (await t.request("/api/calendars")).json()) as {
      id: string;
      url: string;
      webcalUrl: string;
      googleUrl: string;
      nameJa: string;
      nameEn: string;
    }[];
    expect(list).toHaveLength(1 + 10 + 8);
    for (const f of list) {
      expect(f.url.startsWith("https://events.example.jp/calendar/")).toBe(true);
      expect(f.webcalUrl.startsWith("webcal://events.example.jp/calendar/")).toBe(true);
      expect(f.googleUrl).toContain(encodeURIComponent(f.webcalUrl));
      const res = await t.request(new URL(f.url).pathname + new URL(f.url).search);
      expect(res.status, f.url).toBe(200);
      expect((await res.text()).startsWith("BEGIN:VCALENDAR")).toBe(true);
    }
  });
});
