import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarTokenFor } from "../api/calendar/tokens.ts";
import { emailKey } from "../api/lib/text.ts";
import { auditLog, outbox } from "../db/schema/index.ts";
import { ADMIN_TOKEN, createOpenEvent, createTestApp, outboxMailsTo, person, type TestApp } from "./support/app.ts";

let t: TestApp;
type Organiser = { token: string; cookie: string; csrfToken: string };
let tokens: { inScope: string; outOfScope: string };
let sessions: { inScope: Organiser; outOfScope: Organiser };
let eventId: string;
let plannedId: string;
let regId: string;
let regCode: string;
let manageToken: string;

async function organiser(email: string, blocks: string[]): Promise<Organiser> {
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
  return { token: ((await tok.json()) as { token: string }).token, cookie, csrfToken };
}

async function register(id: string, email?: string) {
  const r = await t.request(`/api/events/${id}/registrations`, { method: "POST", json: person(email ? { email } : {}) });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string; manageToken: string; checkInCode: string };
}

beforeAll(async () => {
  t = await createTestApp();
  sessions = {
    inScope: await organiser("tohoku@example.jp", ["tohoku"]),
    outOfScope: await organiser("kyushu@example.jp", ["kyushu"]),
  };
  tokens = { inScope: sessions.inScope.token, outOfScope: sessions.outOfScope.token };
  const e = await createOpenEvent(t, { block: "tohoku", capacity: 50 });
  eventId = e.id;
  plannedId = (await createOpenEvent(t, { block: "tohoku", status: "planned", titleJa: "計画中の協議会" })).id;
  ({ id: regId, manageToken, checkInCode: regCode } = await register(eventId));
});
afterAll(async () => t?.close());

// ------------------------------------------------------------------ every route of /openapi.json
/**
 * How a route decides who may use it. The route list comes from the OpenAPI document; this table
 * only says which rule each route follows and what a valid request looks like, so a route added
 * without a row (or a row left for a route that is gone) fails the test.
 *
 * - public: anyone; anonymous succeeds.
 * - event-read: public read of one event; a planned event is found only by organisers in scope.
 * - event: organisers of the event's block (and administrators); out of scope is 404.
 * - block: organisers of the block (and administrators); another block is 403 (blocks are public).
 * - create: organisers in their blocks; another block is refused (400 naming `block`).
 * - admin: administrators only; organisers 403.
 * - staff: any logged-in organiser or administrator.
 * - own: any logged-in organiser, their own things only; someone else's are 404.
 * - secret: a secret in the path or body is the credential; a wrong one is 404.
 */
type Access = "public" | "event-read" | "event" | "block" | "create" | "admin" | "staff" | "own" | "secret";
type Caller = "anonymous" | "outOfScope" | "inScope" | "admin";
/** `as`: the credentials of a throwaway account, sent instead of the caller's own (for a route that ends them). */
type Req = { path: string; json?: unknown; body?: string; type?: string; session?: boolean; as?: Organiser };
/** What a request looks like: `event` is the event it targets, `valid` false asks for a wrong secret. */
type Target = { event: string; caller: Caller; valid: boolean };
type Expected = number | "ok";
/** `expect` overrides the rule's answer for one caller, where the route is stricter than its rule. */
type Row = { access: Access; req: (x: Target) => Req | Promise<Req>; expect?: Partial<Record<Caller, Expected>> };

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
const weights = { priorityBase: 10, preferences: [10, 7, 4], homeZone: 3, sameClusterAdjacent: 20 };
const WRONG_SECRET = "x".repeat(43);
let exhibitorN = 0;

async function freshTohokuEvent() {
  return (await createOpenEvent(t, { block: "tohoku", capacity: 10 })).id;
}
async function feedToken(email: string) {
  return calendarTokenFor(t.db, t.deps.sealer, emailKey(email));
}
async function passwordLinkToken() {
  const email = `link${++exhibitorN}@example.jp`;
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "新人", role: "organiser", scopes: { blocks: ["tohoku"], events: [] } },
  });
  expect(res.status).toBe(201);
  const [mail] = await outboxMailsTo(t, email);
  return mail!.text.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
}
/** A tohoku fair with its call for exhibitors open, and a planned one (nobody applies to a proposal). */
let fairs: Promise<{ open: string; planned: string }> | undefined;
function callFairs() {
  fairs ??= (async () => {
    const call = { exhibitorCallOpensAt: "2026-04-01T00:00:00+09:00", exhibitorBoothSizes: ["1x1"] };
    const open = await createOpenEvent(t, { kind: "techno_fair", block: "tohoku", ...call });
    const planned = await createOpenEvent(t, { kind: "techno_fair", block: "tohoku", status: "planned", ...call });
    return { open: open.id, planned: planned.id };
  })();
  return fairs;
}
const application = () => ({
  organization: `出展機構${++exhibitorN}`,
  contactName: "出展 担当",
  email: `apply${exhibitorN}@example.jp`,
  field: "IT",
  boothSize: "1x1",
});
async function applicationToken() {
  const res = await t.request(`/api/events/${(await callFairs()).open}/exhibitor-applications`, {
    method: "POST",
    json: application(),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { manageToken: string }).manageToken;
}
async function apiTokenIdOf(o: Organiser) {
  const res = await t.request("/api/api-tokens", {
    method: "POST",
    json: { name: "to revoke" },
    headers: { Cookie: o.cookie, "X-CSRF-Token": o.csrfToken },
  });
  return ((await res.json()) as { id: string }).id;
}

const table: Record<string, Row> = {
  "POST /api/auth/login": {
    access: "public",
    req: () => ({ path: "/api/auth/login", json: { email: "tohoku@example.jp", password: "correct horse battery staple" } }),
  },
  "POST /api/auth/logout": { access: "public", req: () => ({ path: "/api/auth/logout" }) },
  "POST /api/auth/logout-all": {
    // It ends every session and token of the caller's account: a throwaway account of the caller's
    // kind stands in, so the rows after this one keep their credentials.
    access: "staff",
    req: async ({ caller }) => ({
      path: "/api/auth/logout-all",
      ...(caller === "inScope" || caller === "outOfScope"
        ? { as: await organiser(`everywhere${++exhibitorN}@example.jp`, caller === "inScope" ? ["tohoku"] : ["kyushu"]) }
        : {}),
    }),
    expect: { admin: 400 }, // ADMIN_TOKEN belongs to no account
  },
  "GET /api/auth/me": { access: "public", req: () => ({ path: "/api/auth/me" }) },
  "POST /api/auth/password": {
    access: "secret",
    req: async ({ valid }) => ({
      path: "/api/auth/password",
      json: { token: valid ? await passwordLinkToken() : WRONG_SECRET, password: "a much longer secret" },
    }),
  },
  "POST /api/organisers": {
    access: "admin",
    req: () => ({
      path: "/api/organisers",
      json: { email: `o${++exhibitorN}@example.jp`, name: "担当", role: "organiser", scopes: { blocks: ["kanto"], events: [] } },
    }),
  },
  "GET /api/organisers": { access: "admin", req: () => ({ path: "/api/organisers" }) },
  "PATCH /api/organisers/{id}": {
    access: "admin",
    req: async () => {
      const list = (await (await t.request("/api/organisers", { admin: true })).json()) as { id: string; email: string }[];
      return { path: `/api/organisers/${list.find((o) => o.email === "tohoku@example.jp")!.id}`, json: { name: "東北担当" } };
    },
  },
  "POST /api/organisers/{id}/password-link": {
    access: "admin",
    req: async () => {
      const list = (await (await t.request("/api/organisers", { admin: true })).json()) as { id: string; email: string }[];
      return { path: `/api/organisers/${list.find((o) => o.email.startsWith("o"))!.id}/password-link` };
    },
  },
  "POST /api/api-tokens": {
    access: "staff",
    req: () => ({ path: "/api/api-tokens", json: { name: "another" }, session: true }),
    expect: { admin: 400 }, // tokens belong to accounts, not to ADMIN_TOKEN
  },
  "GET /api/api-tokens": { access: "staff", req: () => ({ path: "/api/api-tokens" }) },
  "DELETE /api/api-tokens/{id}": {
    // The target belongs to the organiser in scope: the other one must not find it.
    access: "own",
    req: async () => ({ path: `/api/api-tokens/${await apiTokenIdOf(sessions.inScope)}` }),
  },
  "GET /api/blocks": { access: "public", req: () => ({ path: "/api/blocks" }) },
  "PATCH /api/blocks/{code}": {
    access: "block",
    req: () => ({ path: "/api/blocks/tohoku", json: { contactEmail: "secretariat.tohoku@example.jp", councilCadence: 2 } }),
  },
  "GET /api/events": { access: "public", req: () => ({ path: "/api/events?status=planned" }) },
  "POST /api/events": {
    access: "create",
    req: () => ({
      path: "/api/events",
      json: { kind: "seminar", titleJa: "セミナー", startsAt: "2026-07-01", endsAt: "2026-07-01", block: "tohoku" },
    }),
  },
  "GET /api/events/{id}": { access: "event-read", req: ({ event }) => ({ path: `/api/events/${event}` }) },
  "PATCH /api/events/{id}": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}`, json: { descriptionJa: "更新" } }),
  },
  "POST /api/events/{id}/cancel": {
    access: "event",
    req: async () => ({ path: `/api/events/${await freshTohokuEvent()}/cancel` }),
  },
  "POST /api/events/{id}/registrations": {
    access: "event-read",
    req: ({ event }) => ({ path: `/api/events/${event}/registrations`, json: person() }),
    expect: { inScope: 404, admin: 404 }, // nobody registers for a proposal
  },
  "GET /api/events/{id}/registrations": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/registrations` }),
  },
  "GET /api/registrations/{manageToken}": {
    access: "secret",
    req: ({ valid }) => ({ path: `/api/registrations/${valid ? manageToken : WRONG_SECRET}` }),
  },
  "DELETE /api/registrations/{manageToken}": {
    access: "secret",
    req: async ({ valid }) => ({ path: `/api/registrations/${valid ? (await register(eventId)).manageToken : WRONG_SECRET}` }),
  },
  "PATCH /api/registrations/{manageToken}": {
    access: "secret",
    req: ({ valid }) => ({ path: `/api/registrations/${valid ? manageToken : WRONG_SECRET}`, json: { answers: {} } }),
  },
  "POST /api/registrations/{manageToken}/calendar-link": {
    access: "secret",
    req: ({ valid }) => ({ path: `/api/registrations/${valid ? manageToken : WRONG_SECRET}/calendar-link` }),
  },
  "GET /api/events/{id}/registrations.csv": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/registrations.csv` }),
  },
  "POST /api/events/{id}/registrations/{rid}/check-in": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/registrations/${regId}/check-in` }),
  },
  "POST /api/events/{id}/check-in": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/check-in`, json: { code: regCode } }),
  },
  "DELETE /api/events/{id}/registrations/{rid}/check-in": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/registrations/${regId}/check-in` }),
  },
  "GET /calendar/feed.ics": { access: "public", req: () => ({ path: "/calendar/feed.ics" }) },
  "GET /calendar/blocks/{code}.ics": { access: "public", req: () => ({ path: "/calendar/blocks/tohoku.ics" }) },
  "GET /calendar/kinds/{kind}.ics": { access: "public", req: () => ({ path: "/calendar/kinds/seminar.ics" }) },
  "GET /calendar/events/{id}.ics": {
    access: "event-read",
    req: ({ event }) => ({ path: `/calendar/events/${event}.ics` }),
    // Feeds are public documents, fetched without credentials and cached: no planned event, for anyone.
    expect: { inScope: 404, admin: 404 },
  },
  "GET /calendar/me/{token}.ics": {
    access: "secret",
    req: async ({ valid }) => {
      const email = `feed${++exhibitorN}@example.jp`;
      await register(eventId, email);
      return { path: `/calendar/me/${valid ? await feedToken(email) : WRONG_SECRET}.ics` };
    },
  },
  "GET /api/calendars": { access: "public", req: () => ({ path: "/api/calendars" }) },
  "POST /api/calendar-tokens/{token}/rotate": {
    access: "secret",
    req: async ({ valid }) => {
      const email = `rotate${++exhibitorN}@example.jp`;
      await register(eventId, email);
      return { path: `/api/calendar-tokens/${valid ? await feedToken(email) : WRONG_SECRET}/rotate` };
    },
  },
  "PUT /api/events/{id}/floor-plan": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/floor-plan`, json: booths }),
  },
  "GET /api/events/{id}/booths": { access: "event-read", req: ({ event }) => ({ path: `/api/events/${event}/booths` }) },
  "GET /api/events/{id}/floor-plan.svg": {
    access: "event-read",
    req: ({ event }) => ({ path: `/api/events/${event}/floor-plan.svg` }),
  },
  "POST /api/events/{id}/exhibitors": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/exhibitors`, json: exhibitor(`y${++exhibitorN}`) }),
  },
  "PUT /api/events/{id}/exhibitors": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/exhibitors`, json: [exhibitor("x1"), exhibitor("x2")] }),
  },
  "GET /api/events/{id}/exhibitors": { access: "event", req: ({ event }) => ({ path: `/api/events/${event}/exhibitors` }) },
  "PUT /api/events/{id}/booths/{code}/assignment": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/booths/A2/assignment`, json: { exhibitor: "x2" } }),
  },
  "DELETE /api/events/{id}/booths/{code}/assignment": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/booths/A2/assignment` }),
  },
  "POST /api/events/{id}/allocation": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/allocation`, json: { dryRun: true } }),
  },
  "GET /api/events/{id}/allocation/weights": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/allocation/weights` }),
  },
  "PUT /api/events/{id}/allocation/weights": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/allocation/weights`, json: weights }),
  },
  "POST /api/events/{id}/allocation/publish": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/allocation/publish` }),
  },
  "POST /api/events/{id}/exhibitor-applications": {
    access: "event-read",
    // The scheduled event stands for an open fair, the planned one for a planned fair.
    req: async ({ event }) => {
      const f = await callFairs();
      return { path: `/api/events/${event === plannedId ? f.planned : f.open}/exhibitor-applications`, json: application() };
    },
    expect: { inScope: 404, admin: 404 }, // nobody applies to a proposal
  },
  "GET /api/exhibitor-applications/{token}": {
    access: "secret",
    req: async ({ valid }) => ({ path: `/api/exhibitor-applications/${valid ? await applicationToken() : WRONG_SECRET}` }),
  },
  "PATCH /api/exhibitor-applications/{token}": {
    access: "secret",
    req: async ({ valid }) => ({
      path: `/api/exhibitor-applications/${valid ? await applicationToken() : WRONG_SECRET}`,
      json: { field: "ナノテク" },
    }),
  },
  "DELETE /api/exhibitor-applications/{token}": {
    access: "secret",
    req: async ({ valid }) => ({ path: `/api/exhibitor-applications/${valid ? await applicationToken() : WRONG_SECRET}` }),
  },
  "PATCH /api/events/{id}/exhibitors/{ref}": {
    access: "event",
    req: async ({ event }) => {
      const ref = `r${++exhibitorN}`;
      const made = await t.request(`/api/events/${event}/exhibitors`, { method: "POST", admin: true, json: exhibitor(ref) });
      expect(made.status).toBe(201);
      return { path: `/api/events/${event}/exhibitors/${ref}`, json: { priority: 2 } };
    },
  },
  "GET /api/councils/compliance": { access: "public", req: () => ({ path: "/api/councils/compliance" }) },
  "GET /api/clusters": { access: "public", req: () => ({ path: "/api/clusters" }) },
  "GET /api/events/{id}/programme": { access: "event-read", req: ({ event }) => ({ path: `/api/events/${event}/programme` }) },
  "PUT /api/events/{id}/programme": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/programme`, json: { sessions: [] } }),
  },
  "GET /api/events/{id}/questions": { access: "event-read", req: ({ event }) => ({ path: `/api/events/${event}/questions` }) },
  "PUT /api/events/{id}/questions": {
    access: "event",
    req: ({ event }) => ({ path: `/api/events/${event}/questions`, json: [] }),
  },
  "GET /calendar/events/{id}/programme.ics": {
    access: "event-read",
    req: ({ event }) => ({ path: `/calendar/events/${event}/programme.ics` }),
    expect: { inScope: 404, admin: 404 }, // feeds never carry a proposal
  },
  "GET /api/clusters/{code}": { access: "public", req: () => ({ path: "/api/clusters/kc-sapporo" }) },
  "GET /api/councils": { access: "public", req: () => ({ path: "/api/councils" }) },
  "GET /api/bureaus": { access: "public", req: () => ({ path: "/api/bureaus" }) },
  "POST /api/admin/jobs/{name}/run": {
    access: "admin",
    req: () => ({ path: "/api/admin/jobs/check-council-compliance/run", json: {} }),
  },
  "GET /api/audit": { access: "admin", req: () => ({ path: "/api/audit" }) },
};

async function send(method: string, r: Req, caller: Caller | "manageToken") {
  const headers: Record<string, string> = {};
  if (caller === "admin") headers.Authorization = `Bearer ${ADMIN_TOKEN}`;
  if (caller === "manageToken") headers.Authorization = `Bearer ${manageToken}`;
  if (caller === "inScope" || caller === "outOfScope") {
    const o = r.as ?? sessions[caller];
    if (r.session) Object.assign(headers, { Cookie: o.cookie, "X-CSRF-Token": o.csrfToken });
    else headers.Authorization = `Bearer ${o.token}`;
  }
  if (r.type) headers["Content-Type"] = r.type;
  return t.request(r.path, {
    method,
    headers,
    ...(r.json !== undefined ? { json: r.json } : {}),
    ...(r.body !== undefined ? { body: r.body } : {}),
  });
}

async function operations() {
  const doc = (await (await t.request("/openapi.json")).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), op })),
  );
}

/** What each caller must get, by the route's rule: a status, or "ok" for any success. */
const EXPECT: Record<Access, Record<Caller, Expected>> = {
  public: { anonymous: "ok", outOfScope: "ok", inScope: "ok", admin: "ok" },
  "event-read": { anonymous: 404, outOfScope: 404, inScope: "ok", admin: "ok" },
  event: { anonymous: 401, outOfScope: 404, inScope: "ok", admin: "ok" },
  block: { anonymous: 401, outOfScope: 403, inScope: "ok", admin: "ok" },
  create: { anonymous: 401, outOfScope: 400, inScope: "ok", admin: "ok" },
  admin: { anonymous: 401, outOfScope: 403, inScope: 403, admin: "ok" },
  staff: { anonymous: 401, outOfScope: "ok", inScope: "ok", admin: "ok" },
  own: { anonymous: 401, outOfScope: 404, inScope: "ok", admin: "ok" },
  secret: { anonymous: 404, outOfScope: 404, inScope: 404, admin: 404 },
};

describe("every route in /openapi.json", () => {
  it("has a row in the authorization table, and the table names no route that is gone", async () => {
    const keys = (await operations()).map((o) => o.key);
    expect(keys.length).toBeGreaterThan(40);
    expect(
      keys.filter((k) => !(k in table)),
      "routes the authorization table cannot classify",
    ).toEqual([]);
    expect(
      Object.keys(table).filter((k) => !keys.includes(k)),
      "rows for routes that are gone",
    ).toEqual([]);
  });

  it("declares bearer security exactly where the table says a credential is needed", async () => {
    for (const { key, op } of await operations()) {
      const row = table[key];
      if (!row) continue;
      if (["event", "block", "create", "admin"].includes(row.access)) expect(op.security?.length, key).toBeTruthy();
      if (["public", "event-read", "secret"].includes(row.access)) expect(op.security, key).toBeUndefined();
    }
  });

  for (const [key, row] of Object.entries(table)) {
    const method = key.split(" ")[0]!;
    it(`${key} (${row.access})`, async () => {
      const want = { ...EXPECT[row.access], ...row.expect };
      const check = async (caller: Caller, x: Target, expected: Expected) => {
        const res = await send(method, await row.req(x), caller);
        const text = await res.clone().text();
        if (expected === "ok") expect(res.status, `${caller}: ${text}`).toBeLessThan(300);
        else {
          expect(res.status, `${caller}: ${text}`).toBe(expected);
          expect(res.headers.get("content-type"), caller).toMatch(/problem\+json/);
        }
      };
      // A manage-token holder presenting their token as a credential is nobody.
      const asManage = await send(method, await row.req({ event: eventId, caller: "anonymous", valid: false }), "manageToken");
      expect(asManage.status).toBe(401);
      if (row.access === "secret") {
        for (const caller of ["anonymous", "outOfScope", "admin"] as const)
          await check(caller, { event: eventId, caller, valid: false }, 404);
        await check("anonymous", { event: eventId, caller: "anonymous", valid: true }, "ok");
        return;
      }
      if (row.access === "event-read") {
        // A scheduled event is public; a planned one only for organisers in scope.
        await check("anonymous", { event: eventId, caller: "anonymous", valid: true }, "ok");
        for (const caller of ["anonymous", "outOfScope", "inScope", "admin"] as const) {
          await check(caller, { event: plannedId, caller, valid: true }, want[caller]);
        }
        return;
      }
      for (const caller of ["anonymous", "outOfScope", "inScope", "admin"] as const) {
        await check(caller, { event: eventId, caller, valid: true }, want[caller]);
      }
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
    const [mail] = await outboxMailsTo(t, "new@example.jp");
    expect(mail!.html).toContain("&lt;b&gt;新人&lt;/b&gt;");
    const token = mail!.text.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
    // The outbox holds the token only sealed, never in the clear.
    expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain(token);
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
