import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox } from "../db/schema/index.ts";
import { ADMIN_TOKEN } from "./support/app.ts";
import { authzWorld, eventId, manageToken, plannedId, sessions, t, tokens } from "./support/authz.ts";
import { table, type Access, type Caller, type Expected, type Req, type Target } from "./support/authz-table.ts";

authzWorld();

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

  it("pages newest first with a cursor, and refuses a cursor it did not issue", async () => {
    const all = (await (await t.request("/api/audit?limit=500", { admin: true })).json()) as { items: { id: string }[] };
    expect(all.items.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request(`/api/audit?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { admin: true });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= all.items.length);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const bad = Buffer.from("2026-05-01T00:00:00.000Z|not-an-id").toString("base64url");
    for (const c of ["garbage", bad]) {
      const res = await t.request(`/api/audit?cursor=${c}`, { admin: true });
      expect(res.status, c).toBe(400);
    }
  });
});
