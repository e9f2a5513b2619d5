import { expect } from "vitest";
import { calendarTokenFor } from "../../api/calendar/tokens.ts";
import { emailKey } from "../../api/lib/text.ts";
import { createOpenEvent, outboxMailsTo, person } from "./app.ts";
import { eventId, manageToken, organiser, plannedId, regCode, regId, register, sessions, t, type Organiser } from "./authz.ts";

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
export type Access = "public" | "event-read" | "event" | "block" | "create" | "admin" | "staff" | "own" | "secret";
export type Caller = "anonymous" | "outOfScope" | "inScope" | "admin";
/** `as`: the credentials of a throwaway account, sent instead of the caller's own (for a route that ends them). */
export type Req = { path: string; json?: unknown; body?: string; type?: string; session?: boolean; as?: Organiser };
/** What a request looks like: `event` is the event it targets, `valid` false asks for a wrong secret. */
export type Target = { event: string; caller: Caller; valid: boolean };
export type Expected = number | "ok";
/** `expect` overrides the rule's answer for one caller, where the route is stricter than its rule. */
export type Row = { access: Access; req: (x: Target) => Req | Promise<Req>; expect?: Partial<Record<Caller, Expected>> };

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

export const table: Record<string, Row> = {
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
