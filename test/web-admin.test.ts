import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { events, registrations } from "../db/schema/index.ts";
import { adminWho, outboxMailsTo, person } from "./support/app.ts";
import { cookieFrom, eventId, field, FULL_WIDTH_REGISTRANT, post, registerViaForm, t, webWorld } from "./support/web.ts";

webWorld();

// The desk test searches for the registrant web-registration.test.ts registers with a full-width
// address (when both were one file, that test ran first): the same form post here.
beforeAll(async () => {
  const res = await registerViaForm(eventId, FULL_WIDTH_REGISTRANT);
  expect(res.status).toBe(303);
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
    const who = adminWho(t);
    await createOrganiser({ ...t.deps, who }, {
      email: "tohoku@example.jp",
      name: "東北担当",
      role: "organiser",
      scopes: { blocks: ["tohoku"], events: [] },
      password,
    });
    await createOrganiser({ ...t.deps, who }, {
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
    const who = adminWho(t);
    await createOrganiser({ ...t.deps, who }, {
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
