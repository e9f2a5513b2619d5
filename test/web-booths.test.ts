/** The organisers' booth page: forms without script, conflicts explained, allocation preview and apply. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { boothAssignments, booths, exhibitors, outbox } from "../db/schema/index.ts";
import { adminWho, createOpenEvent, createTestApp, type TestApp, exhibitor } from "./support/app.ts";

let t: TestApp;
const password = "correct horse battery staple";
let cookie: string;
let csrf: string;

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const post = (path: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  t.request(path, { method: "POST", headers: { ...FORM, ...headers }, body: new URLSearchParams(data).toString() });
const field = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));
const get = (path: string, c = cookie) => t.request(path, { headers: { Cookie: c } });
const send = (path: string, data: Record<string, string> = {}) => post(path, { _csrf: csrf, ...data }, { Cookie: cookie });

async function loginAs(email: string) {
  const res = await post("/admin/login", { email, password });
  expect(res.status).toBe(303);
  const c = cookieFrom(res, "__Host-ce_session")!;
  const page = await t.request("/admin", { headers: { Cookie: c } });
  return { cookie: c, csrf: field(await page.text(), "_csrf")! };
}

// A row of 1x1 booths A1..A4, a free-standing A6 and a 2x1 booth B1.
const hall = {
  booths: [
    ...[0, 1, 2, 3].map((i) => ({ code: `A${i + 1}`, x: i, y: 0, w: 1, h: 1, zone: "north" })),
    { code: "A6", x: 6, y: 0, w: 1, h: 1, zone: "south" },
    { code: "B1", x: 0, y: 2, w: 2, h: 1, zone: "west" },
  ],
};
const ex = exhibitor;

/** A techno-fair in the Tohoku block with the hall and the given exhibitors, set up through the API. */
async function fair(list: ReturnType<typeof ex>[]) {
  const e = await createOpenEvent(t, { kind: "techno_fair", titleJa: "東北テクノフェア", capacity: 500 });
  expect((await t.request(`/api/events/${e.id}/floor-plan`, { method: "PUT", admin: true, json: hall })).status).toBe(200);
  const res = await t.request(`/api/events/${e.id}/exhibitors`, { method: "PUT", admin: true, json: list });
  expect(res.status, await res.clone().text()).toBe(200);
  return e.id;
}

async function holders(eventId: string) {
  const rows = await t.db
    .select({ booth: booths.code, ref: exhibitors.ref, pinned: boothAssignments.pinned })
    .from(boothAssignments)
    .innerJoin(booths, eq(booths.id, boothAssignments.boothId))
    .innerJoin(exhibitors, eq(exhibitors.id, boothAssignments.exhibitorId))
    .where(eq(boothAssignments.eventId, eventId));
  return Object.fromEntries(rows.map((r) => [r.booth, `${r.ref}${r.pinned ? "*" : ""}`]));
}

const selected = (html: string, name: string) => {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))![1]!;
  return select.match(/<option value="([^"]*)" selected=""/)?.[1];
};

beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
  const who = adminWho(t);
  for (const [email, block] of [
    ["tohoku@example.jp", "tohoku"],
    ["kyushu@example.jp", "kyushu"],
  ] as const) {
    await createOrganiser({ ...t.deps, who }, {
      email,
      name: block,
      role: "organiser",
      scopes: { blocks: [block], events: [] },
      password,
    });
  }
  ({ cookie, csrf } = await loginAs("tohoku@example.jp"));
});
afterAll(async () => t?.close());

describe("the booth page", () => {
  it("sends anonymous visitors to the login page and hides other blocks' fairs", async () => {
    const id = await fair([ex("E1")]);
    const anon = await t.request(`/admin/events/${id}/booths`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe(`/admin/login?next=${encodeURIComponent(`/admin/events/${id}/booths`)}`);
    const write = await post(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" });
    expect(write.status).toBe(303);
    expect(write.headers.get("location")).toBe("/admin/login");

    const { cookie: kyushu, csrf: kyushuCsrf } = await loginAs("kyushu@example.jp");
    const hidden = await get(`/admin/events/${id}/booths`, kyushu);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toContain("ページが見つかりません");
    const hiddenWrite = await post(
      `/admin/events/${id}/booths/assign`,
      { _csrf: kyushuCsrf, exhibitor: "E1", booth: "A1" },
      { Cookie: kyushu },
    );
    expect(hiddenWrite.status).toBe(404);
    expect(await holders(id)).toEqual({});
    // A seminar has no booth page; a malformed id is the same 404.
    const seminar = await createOpenEvent(t);
    expect((await get(`/admin/events/${seminar.id}/booths`)).status).toBe(404);
    expect((await get("/admin/events/nope/booths")).status).toBe(404);
  });

  it("is linked from the events list and the editor of a techno-fair only", async () => {
    const id = await fair([]);
    const list = await (await get("/admin/events?fy=2026")).text();
    expect(list).toContain(`href="/admin/events/${id}/booths"`);
    const edit = await (await get(`/admin/events/${id}/edit`)).text();
    expect(edit).toContain(`href="/admin/events/${id}/booths"`);
    const seminar = await createOpenEvent(t);
    expect(await (await get(`/admin/events/${seminar.id}/edit`)).text()).not.toContain("/booths");
  });

  it("shows the map, the booths and the exhibitors, in Japanese or English", async () => {
    const id = await fair([ex("E1", { preferences: ["A2", "A1"] }), ex("E2", { size: "2x1" })]);
    const res = await get(`/admin/events/${id}/booths`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("<h1>ブース配置</h1>");
    expect(html.match(/<a class="booth [^"]*"/g)).toHaveLength(6);
    expect(html).toContain(`href="/admin/events/${id}/booths?booth=A3#assign"`);
    expect(html).toContain('<option value="E1">E1 — 出展者 E1 — 1x1</option>');
    expect(html).toContain('<option value="B1">B1 — 2x1 — 空き</option>');
    expect(html).toContain("A2 › A1");
    expect(html).toContain("申込済み");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // Choosing a booth on the map without script preselects it.
    expect(selected(await (await get(`/admin/events/${id}/booths?booth=A3`)).text(), "booth")).toBe("A3");
    const en = await (await get(`/admin/events/${id}/booths?lang=en`)).text();
    expect(en).toContain("<h1>Booth allocation</h1>");
    expect(en).toContain("B1 — 2x1 — Free");
  });

  it("refuses writes without the session's CSRF token", async () => {
    const id = await fair([ex("E1")]);
    const missing = await post(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" }, { Cookie: cookie });
    expect(missing.status).toBe(403);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    const wrong = await post(
      `/admin/events/${id}/booths/assign`,
      { _csrf: "x".repeat(43), exhibitor: "E1", booth: "A1" },
      { Cookie: cookie },
    );
    expect(wrong.status).toBe(403);
    for (const path of ["preview", "apply", "publish"]) {
      expect((await post(`/admin/events/${id}/booths/${path}`, {}, { Cookie: cookie })).status, path).toBe(403);
    }
    expect(await holders(id)).toEqual({});
  });

  it("assigns and moves through the form, answering 303 and showing it on the page", async () => {
    const id = await fair([ex("E1"), ex("E2")]);
    const res = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/events/${id}/booths?done=assigned&at=A1&ex=E1`);
    expect(await holders(id)).toEqual({ A1: "E1" });
    const html = await (await get(res.headers.get("location")!)).text();
    expect(html).toContain("ブース A1 に E1 を割り当てました。");
    expect(html).toMatch(/data-booth="A1"[^>]*>\s*<span class="code">A1<\/span><span class="who">出展者 E1<\/span>/);
    expect(html).toContain('<option value="A1">A1 — 1x1 — 出展者 E1 (E1)</option>');
    expect(html).toContain('data-testid="assigned-count">1<');

    const moved = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A6", pinned: "1" });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toContain("done=moved");
    expect(await holders(id)).toEqual({ A6: "E1*" });
    expect(await (await get(moved.headers.get("location")!)).text()).toContain("E1 をブース A6 に移動しました。");
  });

  it("explains a taken booth, keeps the selection and changes nothing", async () => {
    const id = await fair([ex("E1"), ex("E2")]);
    expect((await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" })).status).toBe(303);
    const res = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E2", booth: "A1", pinned: "1" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("割り当てできません");
    expect(html).toContain("ブース A1 は既に「出展者 E1」（E1）に割り当てられています。");
    expect(selected(html, "exhibitor")).toBe("E2");
    expect(selected(html, "booth")).toBe("A1");
    expect(html).toMatch(/name="pinned" value="1" checked=""/);
    // The alert comes before the form.
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf(`action="/admin/events/${id}/booths/assign"`));
    expect(html).toMatch(/class="booth taken conflict"[^>]*data-booth="A1"/);
    expect(await holders(id)).toEqual({ A1: "E1" });

    const en = await post(
      `/admin/events/${id}/booths/assign?lang=en`,
      { _csrf: csrf, exhibitor: "E2", booth: "A1" },
      { Cookie: cookie },
    );
    expect(await en.text()).toContain("Booth A1 is already taken by 出展者 E1 (E1).");
  });

  it("explains a size mismatch and a competitor next door", async () => {
    const id = await fair([ex("E1", { competitors: ["E2"] }), ex("E2"), ex("E3")]);
    const size = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "B1" });
    expect(size.status).toBe(409);
    expect(await size.text()).toContain("ブース B1 の大きさは 2x1 ですが、「出展者 E1」（E1）の申込は 1x1 です。");

    expect((await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" })).status).toBe(303);
    const rival = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E2", booth: "A2" });
    expect(rival.status).toBe(409);
    const html = await rival.text();
    expect(html).toContain(
      "「出展者 E2」（E2）と「出展者 E1」（E1）は競合関係にあり、ブース A2 は「出展者 E1」（E1）のブース A1 の隣です。",
    );
    expect(html).toMatch(/class="booth free conflict"[^>]*data-booth="A2"/);
    expect(html).toMatch(/class="booth taken conflict"[^>]*data-booth="A1"/);
    expect(await holders(id)).toEqual({ A1: "E1" });

    const missing = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E3", booth: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="f-booth-error"');
    const unknown = await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E3", booth: "Z9" });
    expect(unknown.status).toBe(400);
  });

  it("pins, unpins and clears a booth with the buttons", async () => {
    const id = await fair([ex("E1"), ex("E2")]);
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" });
    const page = await (await get(`/admin/events/${id}/booths`)).text();
    expect(page).toContain(`action="/admin/events/${id}/booths/A1/pin"`);
    expect(page).toContain('aria-label="固定する: A1"');

    const pin = await send(`/admin/events/${id}/booths/A1/pin`, { exhibitor: "E1", pinned: "1" });
    expect(pin.status).toBe(303);
    expect(await holders(id)).toEqual({ A1: "E1*" });
    const pinned = await (await get(pin.headers.get("location")!)).text();
    expect(pinned).toContain("ブース A1 を固定しました。");
    expect(pinned).toContain('aria-label="固定を外す: A1"');
    expect(pinned).toMatch(/class="booth taken pinned"[^>]*data-booth="A1"/);

    const unpin = await send(`/admin/events/${id}/booths/A1/pin`, { exhibitor: "E1", pinned: "0" });
    expect(unpin.status).toBe(303);
    expect(await holders(id)).toEqual({ A1: "E1" });

    // A button from a page shown before someone else changed the booth does nothing.
    const stale = await send(`/admin/events/${id}/booths/A1/pin`, { exhibitor: "E2", pinned: "1" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("このブースの割り当ては、ページを開いた後に変わりました。");
    expect(await holders(id)).toEqual({ A1: "E1" });

    const clear = await send(`/admin/events/${id}/booths/A1/clear`, { exhibitor: "E1" });
    expect(clear.status).toBe(303);
    expect(await holders(id)).toEqual({});
    expect(await (await get(clear.headers.get("location")!)).text()).toContain("ブース A1 を空けました。");
  });

  it("previews the allocation with its score and changes without touching the database, then applies it", async () => {
    const id = await fair([
      ex("E1", { preferences: ["A1"], priority: 10 }),
      ex("E2", { preferences: ["A3"] }),
      ex("E3", { size: "2x1", preferences: ["B1"] }),
      ex("E4", { size: "3x3" }),
    ]);
    // E2 pinned where it did not ask to be: the allocation must leave it there.
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E2", booth: "A6", pinned: "1" });
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A4" });
    const before = await holders(id);
    expect(before).toEqual({ A6: "E2*", A4: "E1" });

    const res = await send(`/admin/events/${id}/booths/preview`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>自動配置のプレビュー</h1>");
    expect(html).toMatch(/data-score="total">\d+/);
    expect(html).toContain('data-score="first-choice">2件');
    expect(html).toContain('data-score="placed">4件中 3件を配置');
    expect(html).toMatch(/data-score="elapsed">\d+ ミリ秒/);
    // Changes booth by booth: old → new.
    expect(html).toMatch(
      /data-change="A1"><th scope="row">A1<\/th><td><span class="muted">空き<\/span><\/td><td aria-hidden="true">→<\/td><td>「出展者 E1」（E1）<\/td>/,
    );
    expect(html).toMatch(/data-change="A4">[\s\S]*?「出展者 E1」（E1）[\s\S]*?空き/);
    expect(html).toContain('data-change="B1"');
    expect(html).not.toContain('data-change="A6"');
    expect(html).toMatch(/data-unassigned="E4">[\s\S]*?申込の大きさのブースがありません/);
    expect(await holders(id)).toEqual(before);

    const basis = field(html, "basis")!;
    expect(basis).toMatch(/^[0-9a-f]{32}$/);
    const apply = await send(`/admin/events/${id}/booths/apply`, { basis });
    expect(apply.status).toBe(303);
    expect(apply.headers.get("location")).toBe(`/admin/events/${id}/booths?done=applied&placed=3&unplaced=1`);
    expect(await holders(id)).toEqual({ A1: "E1", A6: "E2*", B1: "E3" });
    const after = await (await get(apply.headers.get("location")!)).text();
    expect(after).toContain("自動配置を適用しました（配置 3件、ブースなし 1件）");
    expect(after).toMatch(/data-exhibitor="E4">[\s\S]*?配置できず[\s\S]*?申込の大きさのブースがありません/);
    expect(after).toContain("第1希望");
  });

  it("refuses to apply a preview that is out of date, and previews again", async () => {
    const id = await fair([ex("E1", { preferences: ["A1"] }), ex("E2")]);
    const basis = field(await (await send(`/admin/events/${id}/booths/preview`)).text(), "basis")!;
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E2", booth: "A1", pinned: "1" });
    const res = await send(`/admin/events/${id}/booths/apply`, { basis });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("プレビューの後に配置や申込が変わりました");
    expect(field(html, "basis")).not.toBe(basis);
    expect(await holders(id)).toEqual({ A1: "E2*" });
  });

  it("publishes the allocation and says how many e-mails were queued", async () => {
    const id = await fair([ex("E1"), ex("E2", { email: null })]);
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" });
    const res = await send(`/admin/events/${id}/booths/publish`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/events/${id}/booths?done=published&queued=1&noemail=1`);
    const html = await (await get(res.headers.get("location")!)).text();
    expect(html).toContain("1件の通知メールを送信待ちにしました。メールアドレスのない出展者が1件あります。");
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, "e1@example.jp"));
    expect(mails.some((m) => m.subject?.includes("出展ブースのご案内"))).toBe(true);
  });

  it("escapes exhibitors' names everywhere they are shown", async () => {
    const evil = "<script>alert(1)</script>";
    const id = await fair([ex("E1", { name: evil, organization: '"><img src=x onerror=alert(1)>' }), ex("E2")]);
    await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E1", booth: "A1" });
    const pages = [
      await (await get(`/admin/events/${id}/booths`)).text(),
      await (await send(`/admin/events/${id}/booths/assign`, { exhibitor: "E2", booth: "A1" })).text(),
      await (await send(`/admin/events/${id}/booths/preview`)).text(),
    ];
    for (const html of pages) {
      expect(html).not.toContain(evil);
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    // Only code-like values from the query reach the status line.
    const spoof = await (await get(`/admin/events/${id}/booths?done=assigned&at=A1&ex=${encodeURIComponent(evil)}`)).text();
    expect(spoof).not.toContain("を割り当てました");
  });
});
