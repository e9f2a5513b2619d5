import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";
import { cookieFrom, eventId, FORM, t, webWorld } from "./support/web.ts";

webWorld();

describe("public pages", () => {
  it("render in Japanese by default and in English on request, remembered in a cookie", async () => {
    const paths = ["/", "/?view=month&month=2026-06", `/events/${eventId}`, "/calendar", `/fair/${eventId}`];
    for (const p of paths) {
      const ja = await t.request(p);
      expect(ja.status, p).toBe(200);
      expect(ja.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await ja.text()).toContain('<html lang="ja">');

      const en = await t.request(`${p}${p.includes("?") ? "&" : "?"}lang=en`);
      expect(en.status, p).toBe(200);
      expect(await en.text()).toContain('<html lang="en">');
      expect(cookieFrom(en, "lang")).toBe("lang=en");
    }
    const remembered = await t.request("/calendar", { headers: { Cookie: "lang=en" } });
    expect(await remembered.text()).toContain('<html lang="en">');
    const negotiated = await t.request("/", { headers: { "Accept-Language": "en-GB,en;q=0.9,ja;q=0.5" } });
    expect(await negotiated.text()).toContain('<html lang="en">');
    const preferJa = await t.request("/", { headers: { "Accept-Language": "ja,en;q=0.8" } });
    expect(await preferJa.text()).toContain('<html lang="ja">');
  });

  it("shows dates, fiscal years and kinds the Japanese and English way", async () => {
    const ja = await (await t.request(`/events/${eventId}`)).text();
    expect(ja).toContain("2026年6月12日(金) 14:00");
    expect(ja).toContain("令和8年度");
    expect(ja).toContain("東北ブロック");
    const en = await (await t.request(`/events/${eventId}?lang=en`)).text();
    expect(en).toContain("Fri 12 Jun 2026, 14:00");
    expect(en).toContain("FY2026");
    expect(en).toContain("Regional Cluster Seminar (test)");

    const list = await (await t.request("/")).text();
    expect(list).toContain(`/events/${eventId}`);
    const month = await (await t.request("/?view=month&month=2026-06")).text();
    expect(month).toContain("2026年6月");
    expect(month).toContain(`/events/${eventId}`);
    const other = await (await t.request("/?view=month&month=2026-08")).text();
    expect(other).not.toContain(`/events/${eventId}`);
    const filtered = await (await t.request("/?block=kyushu")).text();
    expect(filtered).not.toContain(`/events/${eventId}`);
    const byYear = await (await t.request("/?fy=2008")).text();
    expect(byYear).toContain("平成20年度");
  });

  it("serve CSS and JS from routes with long cache lifetimes, and no inline script", async () => {
    const page = await t.request("/");
    const html = await page.text();
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const css = html.match(/href="(\/assets\/app\.css\?v=\w+)"/)![1]!;
    const js = html.match(/src="(\/assets\/app\.js\?v=\w+)"/)![1]!;
    for (const [path, type] of [
      [css, "text/css"],
      [js, "text/javascript"],
    ] as const) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toContain("max-age=31536000");
    }
  });

  it("answer unknown pages with an HTML 404 while the API keeps problem+json", async () => {
    for (const p of ["/events/00000000-0000-4000-8000-000000000000", "/events/nope", "/r/unknown-token", "/fair/nope"]) {
      const res = await t.request(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("ページが見つかりません");
    }
    const api = await t.request("/api/events/00000000-0000-4000-8000-000000000000");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("lists every feed on the subscribe page with webcal and Google links and the plain address", async () => {
    const html = await (await t.request("/calendar")).text();
    expect(html).toContain('href="webcal://events.example.jp/calendar/feed.ics"');
    expect(html).toContain(
      "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fevents.example.jp%2Fcalendar%2Fblocks%2Fkanto.ics",
    );
    expect(html).toMatch(
      /<input id="feed-kind-seminar" type="text" readonly="" value="https:\/\/events\.example\.jp\/calendar\/kinds\/seminar\.ics"/,
    );
    expect(html.match(/data-feed="/g)!.length).toBe(1 + 10 + 8);
  });
});

describe("rate limits", () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_REGISTRATION: "2/600" } });
  });
  afterAll(async () => r?.close());

  it("answer a burst of registrations from one address with a friendly 429 page", async () => {
    const e = await createOpenEvent(r);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await r.request(`/events/${e.id}/register`, {
        method: "POST",
        headers: FORM,
        body: new URLSearchParams(person() as Record<string, string>).toString(),
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([303, 303, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await last!.text()).toContain("短時間に多くの送信がありました");
  });
});
