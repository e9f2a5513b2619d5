import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { events, registrations } from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, outboxMailsTo, person, type TestApp } from "./support/app.ts";

let t: TestApp;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
  eventId = (await createOpenEvent(t, { capacity: 50 })).id;
});
afterAll(async () => t?.close());

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const post = (path: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  t.request(path, { method: "POST", headers: { ...FORM, ...headers }, body: new URLSearchParams(data).toString() });
const field = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));

async function registrationForm(id: string) {
  const res = await t.request(`/events/${id}`);
  expect(res.status).toBe(200);
  const key = field(await res.text(), "idempotencyKey");
  expect(key).toBeTruthy();
  return key!;
}

async function registerViaForm(id: string, body: Record<string, string>) {
  const key = await registrationForm(id);
  return post(`/events/${id}/register`, { idempotencyKey: key, locale: "ja", ...body });
}

const tokenOf = (res: Response) => res.headers.get("location")!.match(/^\/r\/([\w-]+)\?new=1$/)![1]!;

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

describe("registration without JavaScript", () => {
  it("redirects with 303 to the confirmation, and a repeated submit of the same form registers once", async () => {
    const key = await registrationForm(eventId);
    const p = person({ email: "once@example.jp" });
    const body = { ...p, idempotencyKey: key, locale: "ja" } as Record<string, string>;
    const first = await post(`/events/${eventId}/register`, body);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toMatch(/^\/r\/[\w-]{43}\?new=1$/);
    const second = await post(`/events/${eventId}/register`, body);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const rows = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.emailKey, "once@example.jp")));
    expect(rows).toHaveLength(1);

    const page = await t.request(first.headers.get("location")!);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("参加登録が完了しました");
    expect(html).toContain("参加確定");
    expect(html).toContain(`/calendar/events/${eventId}.ics`);
    expect(html).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    // The personal feed is e-mailed, never shown to whoever filled in the form.
    expect(html).not.toMatch(/\/calendar\/me\//);
    expect(html).toContain(`action="/r/${tokenOf(first)}/calendar-link"`);
    expect(html).toContain(`value="https://events.example.jp/r/${tokenOf(first)}"`);
  });

  it("re-renders with 400, messages beside the fields and the answers kept", async () => {
    const res = await registerViaForm(eventId, {
      name: "",
      email: "not-an-address",
      organization: "福島大学",
      nameKana: "やまだ",
      sector: "",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("入力内容を確認してください");
    expect(html).toMatch(/id="f-name-error">必須項目です。入力してください。/);
    expect(html).toMatch(/id="f-email-error">メールアドレスの形式/);
    expect(html).toMatch(/id="f-sector-error">選択してください。/);
    expect(html).toContain('id="f-email" name="email" type="text" value="not-an-address"');
    expect(html).toContain('value="福島大学"');
    expect(html).toContain('value="やまだ"');
    expect(html).toContain('aria-invalid="true"');
    // Nothing was written.
    const rows = await t.db.select().from(registrations).where(eq(registrations.email, "not-an-address"));
    expect(rows).toHaveLength(0);
    const en = await post(`/events/${eventId}/register?lang=en`, { name: "", email: "x", organization: "o", sector: "industry" });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('id="f-name-error">This field is required.');
  });

  it("accepts a full-width e-mail address and katakana reading", async () => {
    const res = await registerViaForm(eventId, {
      name: "全角 花子",
      nameKana: "ゼンカク　ハナコ",
      email: "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
      organization: "株式会社テスト",
      sector: "industry",
    });
    expect(res.status).toBe(303);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.emailKey, "hanako@example.jp"));
    expect(row?.email).toBe("hanako@example.jp");
    expect(row?.sector).toBe("industry");
  });

  it("says so when the address is already registered", async () => {
    const body = { ...person({ email: "twice@example.jp" }) } as Record<string, string>;
    expect((await registerViaForm(eventId, body)).status).toBe(303);
    const again = await registerViaForm(eventId, body);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("既に登録されています");
  });

  it("puts people on the waiting list when the event is full, and promotes them when someone cancels", async () => {
    const e = await createOpenEvent(t, { capacity: 1, titleJa: "満席テスト" });
    const a = await registerViaForm(e.id, person() as Record<string, string>);
    const b = await registerViaForm(e.id, person() as Record<string, string>);
    expect([a.status, b.status]).toEqual([303, 303]);
    const full = await (await t.request(`/events/${e.id}`)).text();
    expect(full).toContain("キャンセル待ちに登録する");
    const waiting = await (await t.request(b.headers.get("location")!)).text();
    expect(waiting).toContain("キャンセル待ちに登録しました");
    expect(waiting).toContain("キャンセル待ち 1番目");

    const tokenA = tokenOf(a);
    const confirm = await t.request(`/r/${tokenA}/cancel`);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain("よろしいですか");
    expect(confirmHtml).toContain(`action="/r/${tokenA}/cancel"`);
    // Opening the confirmation changes nothing.
    expect(await (await t.request(`/r/${tokenA}`)).text()).toContain("参加確定");

    const cancel = await post(`/r/${tokenA}/cancel`, {});
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/r/${tokenA}?cancelled=1`);
    const after = await (await t.request(cancel.headers.get("location")!)).text();
    expect(after).toContain("参加登録をキャンセルしました");
    expect(after).toContain("キャンセル済み");
    const promoted = await (await t.request(`/r/${tokenOf(b)}`)).text();
    expect(promoted).toContain("参加確定");
  });

  it("the manage page shows no personal feed and offers to e-mail it instead, without script", async () => {
    const res = await registerViaForm(eventId, person() as Record<string, string>);
    const token = tokenOf(res);
    const html = await (await t.request(`/r/${token}`)).text();
    expect(html).not.toMatch(/\/calendar\/me\//);
    expect(html).not.toContain("rotate-feed");
    expect(html).toContain(`<form method="post" action="/r/${token}/calendar-link"`);
    const sent = await post(`/r/${token}/calendar-link`, {});
    expect(sent.status).toBe(303);
    const after = await (await t.request(sent.headers.get("location")!)).text();
    expect(after).toContain("カレンダーのリンクを、登録したメールアドレスにお送りしました。");
    expect(after).not.toMatch(/\/calendar\/me\//);
    expect((await post(`/r/${token}/rotate-feed`, {})).status).toBe(404);
  });

  it("explains when registration is closed", async () => {
    const e = await createOpenEvent(t, { registrationClosesAt: "2026-04-30T12:00:00+09:00" });
    const page = await (await t.request(`/events/${e.id}`)).text();
    expect(page).toContain("参加登録の受付は終了しました");
    expect(page).not.toContain(`action="/events/${e.id}/register"`);
    const res = await post(`/events/${e.id}/register`, person() as Record<string, string>);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("参加登録の受付は終了しました");
  });

  it("escapes what registrants typed everywhere it is shown", async () => {
    const evil = "<script>alert(1)</script>";
    const org = '"><img src=x onerror=alert(1)>';
    const res = await registerViaForm(eventId, { ...(person() as Record<string, string>), name: evil, organization: org });
    expect(res.status).toBe(303);
    const manage = await (await t.request(res.headers.get("location")!)).text();
    expect(manage).not.toContain(evil);
    expect(manage).not.toContain("<img src=x");
    expect(manage).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // And when the form comes back with an error, the kept input is escaped too.
    const bad = await registerViaForm(eventId, { name: evil, organization: org, email: "bad", sector: "other" });
    const badHtml = await bad.text();
    expect(badHtml).not.toContain(evil);
    expect(badHtml).not.toContain('"><img');
  });
});

describe("organiser pages", () => {
  const password = "correct horse battery staple";
  let cookie: string;
  let csrf: string;

  async function loginAs(email: string) {
    const res = await post("/admin/login", { email, password });
    expect(res.status).toBe(303);
    const c = cookieFrom(res, "__Host-ce_session")!;
    expect(c).toBeTruthy();
    const page = await t.request("/admin", { headers: { Cookie: c } });
    expect(page.status).toBe(200);
    return { cookie: c, csrf: field(await page.text(), "_csrf")! };
  }

  beforeAll(async () => {
    const who = { actor: { kind: "admin", id: "admin-token", label: "test", via: "admin-token" } as const, now: t.clock.now() };
    await createOrganiser(t.deps, who, {
      email: "tohoku@example.jp",
      name: "東北担当",
      role: "organiser",
      scopes: { blocks: ["tohoku"], events: [] },
      password,
    });
    await createOrganiser(t.deps, who, {
      email: "kyushu@example.jp",
      name: "九州担当",
      role: "organiser",
      scopes: { blocks: ["kyushu"], events: [] },
      password,
    });
    ({ cookie, csrf } = await loginAs("tohoku@example.jp"));
  });

  it("send anonymous visitors to the login page", async () => {
    for (const p of [
      "/admin",
      "/admin/events",
      "/admin/events/new",
      `/admin/events/${eventId}/edit`,
      `/admin/events/${eventId}/registrations`,
    ]) {
      const res = await t.request(p);
      expect(res.status, p).toBe(303);
      expect(res.headers.get("location")).toBe(`/admin/login?next=${encodeURIComponent(p)}`);
    }
    const write = await post("/admin/events/new", { titleJa: "x" });
    expect(write.status).toBe(303);
    expect(write.headers.get("location")).toBe("/admin/login");
    const login = await t.request("/admin/login");
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="password"');
  });

  it("log in with the same cookie as the API, and refuse a wrong password", async () => {
    const wrong = await post("/admin/login", { email: "tohoku@example.jp", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("メールアドレスまたはパスワードが正しくありません");
    const ok = await post("/admin/login", { email: "tohoku@example.jp", password, next: "/admin/events" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/admin/events");
    const set = ok.headers.getSetCookie().find((c) => c.startsWith("__Host-ce_session="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Secure/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    const offsite = await post("/admin/login", { email: "tohoku@example.jp", password, next: "https://evil.example/" });
    expect(offsite.headers.get("location")).toBe("/admin");
    const crossSite = await post("/admin/login", { email: "tohoku@example.jp", password }, { Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
  });

  it("show the fiscal-year dashboard of the blocks in scope only", async () => {
    const res = await t.request("/admin?fy=2026", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("令和8年度");
    expect(html).toContain('data-block="tohoku"');
    expect(html).not.toContain('data-block="hokkaido"');
    expect(html).toContain("遅れ");
    expect(html).toMatch(/<svg class="bar"[^>]*role="img"/);
    const en = await (await t.request("/admin?fy=2026&lang=en", { headers: { Cookie: cookie } })).text();
    expect(en).toContain("FY2026");
    expect(en).toContain("Behind");
    const admin = await t.request("/admin?fy=2026", { headers: { Authorization: "Bearer test-admin-token-0123456789abcdef" } });
    const all = await admin.text();
    expect(all.match(/data-block="/g)!.length).toBe(10);
  });

  it("refuse writes without the session's CSRF token", async () => {
    const body = { kind: "seminar", titleJa: "CSRF", startsAt: "2026-07-01T10:00", endsAt: "2026-07-01T12:00", block: "tohoku" };
    const missing = await post("/admin/events/new", body, { Cookie: cookie });
    expect(missing.status).toBe(403);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    const wrong = await post("/admin/events/new", { ...body, _csrf: "x".repeat(43) }, { Cookie: cookie });
    expect(wrong.status).toBe(403);
    const logout = await post("/admin/logout", {}, { Cookie: cookie });
    expect(logout.status).toBe(403);
    const rows = await t.db.select().from(events).where(eq(events.titleJa, "CSRF"));
    expect(rows).toHaveLength(0);
  });

  it("create, edit and cancel an event through the forms", async () => {
    const form = await t.request("/admin/events/new", { headers: { Cookie: cookie } });
    expect(form.status).toBe(200);
    const created = await post(
      "/admin/events/new",
      {
        _csrf: csrf,
        kind: "seminar",
        status: "scheduled",
        titleJa: "東北地域クラスターセミナー",
        titleEn: "Tohoku cluster seminar",
        block: "tohoku",
        venue: "仙台国際センター",
        prefecture: "宮城県",
        startsAt: "2026-07-10T13:30",
        endsAt: "2026-07-10T17:00",
        capacity: "１２０",
      },
      { Cookie: cookie },
    );
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.match(/^\/admin\/events\/([0-9a-f-]{36})\/edit\?saved=1$/)![1]!;
    const [row] = await t.db.select().from(events).where(eq(events.id, id));
    expect(row!.startsAt.toISOString()).toBe("2026-07-10T04:30:00.000Z");
    expect(row!.capacity).toBe(120);

    const edit = await (await t.request(`/admin/events/${id}/edit?saved=1`, { headers: { Cookie: cookie } })).text();
    expect(edit).toContain("保存しました");
    expect(edit).toContain('value="2026-07-10T13:30"');

    const invalid = await post(
      `/admin/events/${id}/edit`,
      {
        _csrf: csrf,
        kind: "seminar",
        titleJa: "",
        startsAt: "2026-07-10T13:30",
        endsAt: "2026-07-10T12:00",
        block: "tohoku",
        venue: "会場を残す",
      },
      { Cookie: cookie },
    );
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('value="会場を残す"');
    expect(invalidHtml).toMatch(/id="f-titleJa-error"/);

    const outOfScope = await post(
      "/admin/events/new",
      {
        _csrf: csrf,
        kind: "seminar",
        titleJa: "九州",
        startsAt: "2026-07-10T13:30",
        endsAt: "2026-07-10T17:00",
        block: "kyushu",
      },
      { Cookie: cookie },
    );
    expect(outOfScope.status).toBe(400);
    expect(await outOfScope.text()).toContain("担当しているブロックを選んでください");

    const updated = await post(
      `/admin/events/${id}/edit`,
      {
        _csrf: csrf,
        kind: "seminar",
        status: "scheduled",
        titleJa: "東北地域クラスターセミナー（改）",
        block: "tohoku",
        startsAt: "2026-07-10",
        endsAt: "2026-07-11",
        allDay: "1",
        capacity: "",
      },
      { Cookie: cookie },
    );
    expect(updated.status).toBe(303);
    const [after] = await t.db.select().from(events).where(eq(events.id, id));
    expect(after!.allDay).toBe(true);
    expect(after!.capacity).toBeNull();
    expect(after!.endsAt.toISOString()).toBe("2026-07-11T15:00:00.000Z");

    const confirm = await t.request(`/admin/events/${id}/cancel`, { headers: { Cookie: cookie } });
    expect(confirm.status).toBe(200);
    const cancelled = await post(`/admin/events/${id}/cancel`, { _csrf: csrf }, { Cookie: cookie });
    expect(cancelled.status).toBe(303);
    const [gone] = await t.db.select().from(events).where(eq(events.id, id));
    expect(gone!.status).toBe("cancelled");
  });

  it("hide events of other blocks", async () => {
    const { cookie: kyushu } = await loginAs("kyushu@example.jp");
    const res = await t.request(`/admin/events/${eventId}/registrations`, { headers: { Cookie: kyushu } });
    expect(res.status).toBe(404);
    const list = await (await t.request("/admin/events?fy=2026", { headers: { Cookie: kyushu } })).text();
    expect(list).not.toContain(`/admin/events/${eventId}/edit`);
  });

  it("run the registration desk: search, counts by sector, CSV export and check-in", async () => {
    const evil = "<script>alert(1)</script>";
    await t.request(`/api/events/${eventId}/registrations`, {
      method: "POST",
      json: person({ name: evil, email: "evil@example.jp" }),
    });
    const desk = await t.request(`/admin/events/${eventId}/registrations`, { headers: { Cookie: cookie } });
    expect(desk.status).toBe(200);
    const html = await desk.text();
    expect(html).not.toContain(evil);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(`/api/events/${eventId}/registrations.csv`);
    expect(html).toContain("産業界");

    const search = await (
      await t.request(`/admin/events/${eventId}/registrations?q=${encodeURIComponent("ハナコ")}`, { headers: { Cookie: cookie } })
    ).text();
    expect(search).toContain("全角 花子");
    expect(search).not.toContain("&lt;script&gt;");

    const csv = await t.request(`/api/events/${eventId}/registrations.csv`, { headers: { Cookie: cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);

    const [reg] = await t.db.select().from(registrations).where(eq(registrations.emailKey, "evil@example.jp"));
    const checkIn = await post(
      `/admin/events/${eventId}/registrations/${reg!.id}/check-in`,
      { _csrf: csrf, checkedIn: "1", back: "?q=evil" },
      { Cookie: cookie },
    );
    expect(checkIn.status).toBe(303);
    expect(checkIn.headers.get("location")).toBe(`/admin/events/${eventId}/registrations?q=evil#r-${reg!.id}`);
    const [checked] = await t.db.select().from(registrations).where(eq(registrations.id, reg!.id));
    expect(checked!.checkedInAt).not.toBeNull();
    expect(checked!.checkedInBy).toBe("tohoku@example.jp");
    const shown = await (
      await t.request(`/admin/events/${eventId}/registrations?q=evil`, { headers: { Cookie: cookie } })
    ).text();
    expect(shown).toContain("受付を取り消す");

    const undo = await post(
      `/admin/events/${eventId}/registrations/${reg!.id}/check-in`,
      { _csrf: csrf, checkedIn: "0" },
      { Cookie: cookie },
    );
    expect(undo.status).toBe(303);
    const [undone] = await t.db.select().from(registrations).where(eq(registrations.id, reg!.id));
    expect(undone!.checkedInAt).toBeNull();

    const noCsrf = await post(
      `/admin/events/${eventId}/registrations/${reg!.id}/check-in`,
      { checkedIn: "1" },
      { Cookie: cookie },
    );
    expect(noCsrf.status).toBe(403);
  });

  it("set a password with the one-time link, then log in", async () => {
    const who = { actor: { kind: "admin", id: "admin-token", label: "test", via: "admin-token" } as const, now: t.clock.now() };
    await createOrganiser(t.deps, who, {
      email: "new@example.jp",
      name: "新任",
      role: "organiser",
      scopes: { blocks: ["kanto"], events: [] },
    });
    const [mail] = await outboxMailsTo(t, "new@example.jp");
    const token = mail!.text.match(/\/admin\/password\?token=([\w-]+)/)![1]!;
    const page = await t.request(`/admin/password?token=${token}`);
    expect(page.status).toBe(200);
    const mismatch = await post("/admin/password", { token, password: "a long enough password", confirm: "something else" });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("確認用のパスワードが一致しません");
    const ok = await post("/admin/password", { token, password: "a long enough password", confirm: "a long enough password" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("パスワードを設定しました");
    const reused = await post("/admin/password", {
      token,
      password: "a long enough password",
      confirm: "a long enough password",
    });
    expect(reused.status).toBe(404);
    const login = await post("/admin/login", { email: "new@example.jp", password: "a long enough password" });
    expect(login.status).toBe(303);
  });

  it("log out", async () => {
    const { cookie: c, csrf: token } = await loginAs("tohoku@example.jp");
    const out = await post("/admin/logout", { _csrf: token }, { Cookie: c });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/admin/login");
    const after = await t.request("/admin", { headers: { Cookie: c } });
    expect(after.status).toBe(303);
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
