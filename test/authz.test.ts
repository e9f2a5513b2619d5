import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outbox } from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
let tokens: { inScope: string; outOfScope: string };
let eventId: string;
let regId: string;

async function organiser(email: string, blocks: string[]) {
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "担当者", role: "organiser", scopes: { blocks, events: [] }, password: "correct horse battery staple" },
  });
  expect(res.status).toBe(201);
  const login = await t.request("/api/auth/login", { method: "POST", json: { email, password: "correct horse battery staple" } });
  expect(login.status).toBe(200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tok = await t.request("/api/api-tokens", {
    method: "POST",
    json: { name: "script" },
    headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
  });
  expect(tok.status).toBe(201);
  return ((await tok.json()) as { token: string }).token;
}

beforeAll(async () => {
  t = await createTestApp();
  tokens = {
    inScope: await organiser("tohoku@example.jp", ["tohoku"]),
    outOfScope: await organiser("kyushu@example.jp", ["kyushu"]),
  };
  const e = await createOpenEvent(t, { block: "tohoku", capacity: 50 });
  eventId = e.id;
  const r = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: person() });
  regId = ((await r.json()) as { id: string }).id;
});
afterAll(async () => t?.close());

type Call = { name: string; method: string; path: () => string; json?: unknown; body?: string; type?: string };

const booths = {
  booths: [
    { code: "A1", x: 0, y: 0, w: 1, h: 1, zone: "A" },
    { code: "A2", x: 1, y: 0, w: 1, h: 1, zone: "A" },
  ],
};
const exhibitor = (ref: string) => ({
  ref,
  name: `出展 ${ref}`,
  organization: "株式会社テスト",
  cluster: "c1",
  field: "IT",
  size: "1x1",
  priority: 3,
  preferences: ["A1"],
  competitors: [],
  email: `${ref}@example.jp`,
});

const organiserCalls: Call[] = [
  { name: "change an event", method: "PATCH", path: () => `/api/events/${eventId}`, json: { descriptionJa: "更新" } },
  { name: "registration desk", method: "GET", path: () => `/api/events/${eventId}/registrations` },
  { name: "CSV export", method: "GET", path: () => `/api/events/${eventId}/registrations.csv` },
  { name: "check in", method: "POST", path: () => `/api/events/${eventId}/registrations/${regId}/check-in` },
  { name: "undo check-in", method: "DELETE", path: () => `/api/events/${eventId}/registrations/${regId}/check-in` },
  { name: "floor plan", method: "PUT", path: () => `/api/events/${eventId}/floor-plan`, json: booths },
  {
    name: "replace exhibitors",
    method: "PUT",
    path: () => `/api/events/${eventId}/exhibitors`,
    json: [exhibitor("x1"), exhibitor("x2")],
  },
  { name: "list exhibitors", method: "GET", path: () => `/api/events/${eventId}/exhibitors` },
  { name: "assign a booth", method: "PUT", path: () => `/api/events/${eventId}/booths/A2/assignment`, json: { exhibitor: "x2" } },
  { name: "clear a booth", method: "DELETE", path: () => `/api/events/${eventId}/booths/A2/assignment` },
  {
    name: "weights",
    method: "PUT",
    path: () => `/api/events/${eventId}/allocation/weights`,
    json: { priorityBase: 10, preferences: [10, 7, 4], homeZone: 3, sameClusterAdjacent: 20 },
  },
  { name: "preview allocation", method: "POST", path: () => `/api/events/${eventId}/allocation`, json: { dryRun: true } },
  { name: "publish", method: "POST", path: () => `/api/events/${eventId}/allocation/publish` },
  {
    name: "edit the block",
    method: "PATCH",
    path: () => "/api/blocks/tohoku",
    json: { contactEmail: "secretariat.tohoku@example.jp", councilCadence: 2 },
  },
];
const adminCalls: Call[] = [
  { name: "list organisers", method: "GET", path: () => "/api/organisers" },
  { name: "audit log", method: "GET", path: () => "/api/audit" },
  { name: "run a job", method: "POST", path: () => "/api/admin/jobs/check-council-compliance/run", json: {} },
];

function send(call: Call, bearer?: string) {
  return t.request(call.path(), {
    method: call.method,
    ...(call.json !== undefined ? { json: call.json } : {}),
    headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
  });
}

describe("every organiser endpoint", () => {
  for (const call of organiserCalls) {
    it(`${call.name}: anonymous 401, out of scope 404, in scope and administrator succeed`, async () => {
      const anon = await send(call);
      expect(anon.status).toBe(401);
      expect(anon.headers.get("content-type")).toMatch(/problem\+json/);
      const out = await send(call, tokens.outOfScope);
      expect(out.status).toBe(404);
      const inScope = await send(call, tokens.inScope);
      expect(inScope.status, await inScope.clone().text()).toBeLessThan(300);
      const admin = await send(call, "test-admin-token-0123456789abcdef");
      expect(admin.status, await admin.clone().text()).toBeLessThan(300);
    });
  }
  for (const call of adminCalls) {
    it(`${call.name}: administrator only`, async () => {
      expect((await send(call)).status).toBe(401);
      expect((await send(call, tokens.inScope)).status).toBe(403);
      const admin = await send(call, "test-admin-token-0123456789abcdef");
      expect(admin.status, await admin.clone().text()).toBe(200);
    });
  }
  it("an organiser creates events only in their blocks", async () => {
    const body = { kind: "seminar", titleJa: "セミナー", startsAt: "2026-07-01", endsAt: "2026-07-01" };
    const own = await t.request("/api/events", {
      method: "POST",
      json: { ...body, block: "tohoku" },
      headers: { Authorization: `Bearer ${tokens.inScope}` },
    });
    expect(own.status).toBe(201);
    const other = await t.request("/api/events", {
      method: "POST",
      json: { ...body, block: "kanto" },
      headers: { Authorization: `Bearer ${tokens.inScope}` },
    });
    expect(other.status).toBe(400);
  });
});

describe("block councils", () => {
  it("the plan reaches the block's secretariat and the organisers of the block", async () => {
    const res = await t.request("/api/admin/jobs/plan-fiscal-year/run", {
      method: "POST",
      admin: true,
      json: { now: "2027-04-01T00:30:00+09:00" },
    });
    expect(res.status).toBe(200);
    const to = (await t.db.select().from(outbox).where(eq(outbox.kind, "council.plan"))).map((m) => m.toAddress);
    expect(to).toEqual(expect.arrayContaining(["secretariat.tohoku@example.jp", "tohoku@example.jp", "kyushu@example.jp"]));
    expect(to.filter((x) => x === "tohoku@example.jp")).toHaveLength(1);
  });
});

describe("audit log", () => {
  it("records who changed what, before and after", async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, eventId));
    const update = rows.find((r) => r.action === "event.update" && r.actorLabel === "tohoku@example.jp");
    expect(update).toBeDefined();
    expect((update!.before as { descriptionJa: string | null }).descriptionJa).toBeNull();
    expect((update!.after as { descriptionJa: string }).descriptionJa).toBe("更新");
    const res = await t.request(`/api/audit?entity=event&entityId=${eventId}`, { admin: true });
    const body = (await res.json()) as { items: { action: string }[] };
    expect(body.items.map((i) => i.action)).toContain("event.update");
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|tokenHash/);
  });
});

describe("sessions, tokens and CSRF", () => {
  it("a cookie write without the CSRF token is refused; with it, allowed", async () => {
    const login = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "tohoku@example.jp", password: "correct horse battery staple" },
    });
    const setCookie = login.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/__Host-/);
    const cookie = setCookie.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const path = `/api/events/${eventId}`;
    expect((await t.request(path, { method: "PATCH", json: { descriptionEn: "x" }, headers: { Cookie: cookie } })).status).toBe(
      403,
    );
    expect(
      (
        await t.request(path, {
          method: "PATCH",
          json: { descriptionEn: "x" },
          headers: { Cookie: cookie, "X-CSRF-Token": csrfToken, Origin: "https://evil.example" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request(path, {
          method: "PATCH",
          json: { descriptionEn: "x" },
          headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
        })
      ).status,
    ).toBe(200);
    // Logging out ends the session.
    expect((await t.request("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } })).status).toBe(204);
    expect((await t.request(`/api/events/${eventId}/registrations`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("a wrong password is 401 without saying which part was wrong", async () => {
    const res = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "tohoku@example.jp", password: "wrong password here" },
    });
    expect(res.status).toBe(401);
    const other = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "nobody@example.jp", password: "wrong password here" },
    });
    expect(((await other.json()) as { detail: string }).detail).toBe(((await res.json()) as { detail: string }).detail);
  });

  it("a revoked API token stops working at once; tokens are stored hashed", async () => {
    const list = await t.request("/api/api-tokens", { headers: { Authorization: `Bearer ${tokens.inScope}` } });
    const [mine] = (await list.json()) as { id: string; prefix: string }[];
    expect(tokens.inScope.startsWith(mine!.prefix)).toBe(true);
    expect(
      (
        await t.request(`/api/api-tokens/${mine!.id}`, {
          method: "DELETE",
          headers: { Authorization: `Bearer ${tokens.inScope}` },
        })
      ).status,
    ).toBe(204);
    expect(
      (await t.request(`/api/events/${eventId}/registrations`, { headers: { Authorization: `Bearer ${tokens.inScope}` } }))
        .status,
    ).toBe(401);
  });

  it("a new organiser without a password gets a one-time link by e-mail", async () => {
    const res = await t.request("/api/organisers", {
      method: "POST",
      admin: true,
      json: { email: "new@example.jp", name: "<b>新人</b>", role: "organiser", scopes: { blocks: ["kanto"], events: [] } },
    });
    expect(res.status).toBe(201);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.toAddress, "new@example.jp"));
    expect(mail!.htmlBody).toContain("&lt;b&gt;新人&lt;/b&gt;");
    const token = mail!.textBody.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
    expect(
      (await t.request("/api/auth/password", { method: "POST", json: { token, password: "a much longer secret" } })).status,
    ).toBe(204);
    expect(
      (await t.request("/api/auth/password", { method: "POST", json: { token, password: "a much longer secret" } })).status,
    ).toBe(404);
    expect(
      (
        await t.request("/api/auth/login", {
          method: "POST",
          json: { email: "new@example.jp", password: "a much longer secret" },
        })
      ).status,
    ).toBe(200);
  });

  it("a disabled organiser can no longer log in", async () => {
    const list = (await (await t.request("/api/organisers", { admin: true })).json()) as { id: string; email: string }[];
    const k = list.find((o) => o.email === "kyushu@example.jp")!;
    expect((await t.request(`/api/organisers/${k.id}`, { method: "PATCH", admin: true, json: { disabled: true } })).status).toBe(
      200,
    );
    expect(
      (
        await t.request("/api/auth/login", {
          method: "POST",
          json: { email: "kyushu@example.jp", password: "correct horse battery staple" },
        })
      ).status,
    ).toBe(401);
    expect(
      (await t.request(`/api/events/${eventId}/registrations`, { headers: { Authorization: `Bearer ${tokens.outOfScope}` } }))
        .status,
    ).toBe(401);
  });
});

describe("registration desk", () => {
  it("exports CSV that Excel opens, with formula injection neutralised", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    for (const name of ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "＝全角", '普通 の 名前, "引用"']) {
      expect(
        (await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person({ name, organization: name }) }))
          .status,
      ).toBe(201);
    }
    const res = await t.request(`/api/events/${e.id}/registrations.csv`, { admin: true });
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const buf = new Uint8Array(await res.arrayBuffer());
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(buf.slice(3));
    expect(text).toContain("\r\n");
    for (const cell of text.split(/,|\r\n/)) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r＝]/);
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain('"普通 の 名前, ""引用"""');
  });

  it("searches by name, kana and organisation and counts by sector", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      json: person({ name: "佐藤 花子", nameKana: "サトウ ハナコ", organization: "東北大学", sector: "academia" }),
    });
    await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      json: person({ name: "鈴木 一郎", nameKana: "スズキ イチロウ", organization: "仙台市役所", sector: "government" }),
    });
    const kana = (await (await t.request(`/api/events/${e.id}/registrations?q=ｻﾄｳ`, { admin: true })).json()) as {
      items: { name: string }[];
      bySector: Record<string, number>;
    };
    expect(kana.items.map((i) => i.name)).toEqual(["佐藤 花子"]);
    expect(kana.bySector).toEqual({ industry: 0, academia: 1, government: 1, other: 0 });
    const org = (await (
      await t.request(`/api/events/${e.id}/registrations?q=${encodeURIComponent("仙台")}`, { admin: true })
    ).json()) as { items: { name: string; id: string }[] };
    expect(org.items.map((i) => i.name)).toEqual(["鈴木 一郎"]);
    const rid = org.items[0]!.id;
    const first = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "POST", admin: true })
    ).json()) as { checkedInAt: string; checkedInBy: string };
    t.clock.advance(60_000);
    const again = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "POST", admin: true })
    ).json()) as { checkedInAt: string };
    expect(again.checkedInAt).toBe(first.checkedInAt);
    expect(first.checkedInBy).toBe("ADMIN_TOKEN");
    const undone = (await (
      await t.request(`/api/events/${e.id}/registrations/${rid}/check-in`, { method: "DELETE", admin: true })
    ).json()) as { checkedInAt: string | null };
    expect(undone.checkedInAt).toBeNull();
  });
});

describe("rate limits", () => {
  it("registration is limited per e-mail and per address, with Retry-After, and recovers", async () => {
    const limited = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_REGISTRATION: "3/60" } });
    try {
      const e = await createOpenEvent(limited, { capacity: 100 });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() })).status);
      }
      expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
      const res = await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      limited.clock.advance(61_000);
      expect((await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it("login is throttled", async () => {
    const limited = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_LOGIN: "2/900" } });
    try {
      const body = { email: "someone@example.jp", password: "whatever it is" };
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(401);
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(401);
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("security headers", () => {
  it("are on every response", async () => {
    const res = await t.request("/api/blocks");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
  });
});
