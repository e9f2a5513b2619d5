/** The registration desk through the API: kana search, 受付番号 and check-in by code, walk-ins, CSV for Excel. */
import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events, outbox, registrations } from "../db/schema/index.ts";
import { composeOutboxMessage } from "../api/mail/compose.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;

/** The message as the deliver job renders it (the outbox holds what to send, not its text). */
async function mailOf(dedupeKey: string) {
  const [row] = await t.db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  return composeOutboxMessage(t.deps, row!);
}
let tokens: { inScope: string; outOfScope: string };

const CODE = /^[ACDEFGHJKMNPRTUVWXY3467]{7}$/;

async function organiser(email: string, blocks: string[]) {
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "受付係", role: "organiser", scopes: { blocks, events: [] }, password: "correct horse battery staple" },
  });
  expect(res.status).toBe(201);
  const login = await t.request("/api/auth/login", { method: "POST", json: { email, password: "correct horse battery staple" } });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tok = await t.request("/api/api-tokens", {
    method: "POST",
    json: { name: "desk" },
    headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
  });
  return ((await tok.json()) as { token: string }).token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function register(eventId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: person(overrides) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; status: string; checkInCode: string; manageToken: string };
}

async function desk(eventId: string, q?: string, token = tokens.inScope) {
  const res = await t.request(`/api/events/${eventId}/registrations${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`, {
    headers: bearer(token),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string; name: string; nameKana: string | null; checkInCode: string }[] }).items;
}

const checkIn = (eventId: string, code: string, token: string | null = tokens.inScope) =>
  t.request(`/api/events/${eventId}/check-in`, { method: "POST", json: { code }, headers: token ? bearer(token) : {} });

beforeAll(async () => {
  t = await createTestApp();
  tokens = {
    inScope: await organiser("desk-tohoku@example.jp", ["tohoku"]),
    outOfScope: await organiser("desk-kyushu@example.jp", ["kyushu"]),
  };
});
afterAll(async () => t?.close());

describe("search by reading", () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = (await createOpenEvent(t, { capacity: 50 })).id;
    await register(eventId, { name: "高橋 一郎", nameKana: "たかはし いちろう" });
    await register(eventId, { name: "鈴木 一郎", nameKana: "スズキ　イチロウ" });
    await register(eventId, { name: "佐藤　花子", nameKana: "ｻﾄｳ ﾊﾅｺ" });
  });

  it("stores the reading in katakana whatever was typed", async () => {
    const items = await desk(eventId);
    expect(items.map((r) => r.nameKana).sort()).toEqual(["サトウ ハナコ", "スズキ イチロウ", "タカハシ イチロウ"]);
  });

  it("finds hiragana as katakana and ignores spaces of either width", async () => {
    expect((await desk(eventId, "たかはし")).map((r) => r.name)).toEqual(["高橋 一郎"]);
    expect((await desk(eventId, "タカハシ")).map((r) => r.name)).toEqual(["高橋 一郎"]);
    expect((await desk(eventId, "スズキイチロウ")).map((r) => r.name)).toEqual(["鈴木 一郎"]);
    expect((await desk(eventId, "すずき　いちろう")).map((r) => r.name)).toEqual(["鈴木 一郎"]);
    expect((await desk(eventId, "佐藤花子")).map((r) => r.name)).toEqual(["佐藤　花子"]);
    expect((await desk(eventId, "いちろう")).map((r) => r.name).sort()).toEqual(["鈴木 一郎", "高橋 一郎"]);
  });

  it("shows each registration's own number, the same in every search", async () => {
    const all = new Map((await desk(eventId)).map((r) => [r.id, r.checkInCode]));
    for (const q of ["たかはし", "いちろう", "佐藤"]) {
      for (const r of await desk(eventId, q)) expect(r.checkInCode).toBe(all.get(r.id));
    }
    const one = [...all.values()][1]!;
    expect((await desk(eventId, one.toLowerCase())).map((r) => r.checkInCode)).toEqual([one]);
  });

  it("the migration turns readings stored in hiragana into katakana", async () => {
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.eventId, eventId)).limit(1);
    await t.db.update(registrations).set({ nameKana: "やまだ　ゝゞ たろう" }).where(eq(registrations.id, reg!.id));
    const migration = readFileSync(new URL("../db/migrations/0008_registration_desk.sql", import.meta.url), "utf8");
    const statement = migration.slice(migration.lastIndexOf('UPDATE "registrations" SET "name_kana"'));
    await t.db.execute(sql.raw(statement));
    const [after] = await t.db.select().from(registrations).where(eq(registrations.id, reg!.id));
    expect(after!.nameKana).toBe("ヤマダ　ヽヾ タロウ");
  });
});

describe("受付番号 and check-in by code", () => {
  let eventId: string;
  let first: Awaited<ReturnType<typeof register>>;
  beforeAll(async () => {
    eventId = (await createOpenEvent(t, { capacity: 2 })).id;
    first = await register(eventId);
  });

  it("every registration has a short code of the unambiguous alphabet, in every answer", async () => {
    expect(first.checkInCode).toMatch(CODE);
    const managed = (await (await t.request(`/api/registrations/${first.manageToken}`)).json()) as { checkInCode: string };
    expect(managed.checkInCode).toBe(first.checkInCode);
    const listed = (await desk(eventId)).find((r) => r.id === first.id);
    expect(listed!.checkInCode).toBe(first.checkInCode);
  });

  it("codes are unique within an event", async () => {
    const big = (await createOpenEvent(t, { capacity: null })).id;
    const codes = await Promise.all(Array.from({ length: 25 }, () => register(big).then((r) => r.checkInCode)));
    expect(new Set(codes).size).toBe(25);
    for (const c of codes) expect(c).toMatch(CODE);
  });

  it("the confirmation mail carries the code and its QR code (SVG)", async () => {
    const mail = await mailOf(`reg:${first.id}:seat`);
    expect(mail.text).toContain(first.checkInCode);
    expect(mail.html).toContain(first.checkInCode);
    expect(mail.html).toMatch(/<svg [^>]*viewBox/);
    const qr = mail.attachments.find((a) => a.contentType === "image/svg+xml");
    expect(qr!.filename).toBe(`checkin-${first.checkInCode}.svg`);
    expect(qr!.content).toMatch(/^<svg /);
  });

  it("checks in once: a second scan answers alreadyCheckedIn", async () => {
    const res = await checkIn(eventId, first.checkInCode);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; alreadyCheckedIn: boolean; checkedInAt: string | null; checkedInBy: string };
    expect(body).toMatchObject({ id: first.id, alreadyCheckedIn: false, checkedInBy: "desk-tohoku@example.jp" });
    expect(body.checkedInAt).not.toBeNull();
    const again = await checkIn(eventId, first.checkInCode);
    expect(again.status).toBe(200);
    const second = (await again.json()) as { alreadyCheckedIn: boolean; checkedInAt: string };
    expect(second).toMatchObject({ alreadyCheckedIn: true, checkedInAt: body.checkedInAt });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, "registration.check-in")));
    expect(audits).toHaveLength(1);
  });

  it("accepts the code typed in lower case, full width or with spaces", async () => {
    const r = await register(eventId);
    const typed = [...r.checkInCode.toLowerCase()].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    const res = await checkIn(eventId, ` ${typed.slice(0, 3)}　${typed.slice(3)} `);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(r.id);
  });

  it("404 for an unknown code or another event's code, 409 for waitlisted and cancelled", async () => {
    expect((await checkIn(eventId, "AAAAAAA")).status).toBe(404);
    const other = (await createOpenEvent(t)).id;
    const elsewhere = await register(other);
    const res = await checkIn(eventId, elsewhere.checkInCode);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);

    const waiting = await register(eventId); // capacity 2 is full now
    expect(waiting.status).toBe("waitlisted");
    const w = await checkIn(eventId, waiting.checkInCode);
    expect(w.status).toBe(409);
    expect(((await w.json()) as { type: string }).type).toMatch(/not-confirmed$/);

    const gone = await register(other);
    await t.request(`/api/registrations/${gone.manageToken}`, { method: "DELETE" });
    expect((await checkIn(other, gone.checkInCode, tokens.inScope)).status).toBe(409);
  });

  it("needs an organiser in scope", async () => {
    expect((await checkIn(eventId, first.checkInCode, null)).status).toBe(401);
    expect((await checkIn(eventId, first.checkInCode, tokens.outOfScope)).status).toBe(404);
    const bad = await checkIn(eventId, "");
    expect(bad.status).toBe(400);
  });
});

describe("walk-ins", () => {
  let eventId: string;
  beforeAll(async () => {
    // Registration closed yesterday (the test clock is 2026-05-01); the event is next month.
    eventId = (await createOpenEvent(t, { capacity: 1, registrationClosesAt: "2026-04-30T12:00:00+09:00" })).id;
  });
  const walkIn = (json: Record<string, unknown>, token: string | null = tokens.inScope, headers: Record<string, string> = {}) =>
    t.request(`/api/events/${eventId}/registrations`, {
      method: "POST",
      json: { ...person(), walkIn: true, ...json },
      headers: { ...(token ? bearer(token) : {}), ...headers },
    });

  it("the public cannot register after registration closed; an organiser registers a walk-in, confirmed and checked in", async () => {
    const closed = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: person() });
    expect(closed.status).toBe(409);
    const res = await walkIn({ name: "当日 太郎", nameKana: "とうじつ たろう" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      status: string;
      checkInCode: string;
      checkedInAt: string;
      manageToken: string;
    };
    expect(body.status).toBe("confirmed");
    expect(body.checkInCode).toMatch(CODE);
    expect(body.checkedInAt).toBeTruthy();
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, body.id));
    expect(row).toMatchObject({ status: "confirmed", nameKana: "トウジツ タロウ", checkedInBy: "desk-tohoku@example.jp" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, "registration.walk-in")));
    expect(audit!.actorLabel).toBe("desk-tohoku@example.jp");
    const scan = (await (await checkIn(eventId, body.checkInCode)).json()) as { alreadyCheckedIn: boolean };
    expect(scan.alreadyCheckedIn).toBe(true);
    expect((await mailOf(`reg:${body.id}:seat`)).text).toContain(body.checkInCode);
  });

  it("a full event takes a walk-in only with overCapacity, and the log says so", async () => {
    const full = await walkIn({});
    expect(full.status).toBe(409);
    expect(((await full.json()) as { type: string }).type).toMatch(/event-full$/);
    const over = await walkIn({ overCapacity: true });
    expect(over.status).toBe(201);
    const { id } = (await over.json()) as { id: string };
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.confirmedCount).toBe(2);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "registration.walk-in")));
    expect(audit!.after).toMatchObject({ overCapacity: true, capacity: 1 });
  });

  it("is for organisers in scope only; overCapacity alone is refused; an Idempotency-Key replays", async () => {
    expect((await walkIn({}, null)).status).toBe(401);
    expect((await walkIn({ overCapacity: true }, tokens.outOfScope)).status).toBe(404);
    const open = (await createOpenEvent(t)).id;
    const sneaky = await t.request(`/api/events/${open}/registrations`, {
      method: "POST",
      json: { ...person(), overCapacity: true },
    });
    expect(sneaky.status).toBe(400);
    const p = person();
    const first = await walkIn({ ...p, overCapacity: true }, tokens.inScope, { "Idempotency-Key": "walk-in-0001-0002-0003" });
    const again = await walkIn({ ...p, overCapacity: true }, tokens.inScope, { "Idempotency-Key": "walk-in-0001-0002-0003" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const dup = await walkIn({ ...p, overCapacity: true });
    expect(dup.status).toBe(409);
  });
});

describe("CSV for Excel", () => {
  let eventId: string;
  let code: string;
  beforeAll(async () => {
    eventId = (await createOpenEvent(t, { capacity: 1 })).id;
    code = (await register(eventId, { name: '=HYPERLINK("x")', sector: "industry" })).checkInCode;
    await register(eventId, { name: "待ち, 次郎", sector: "government" });
    await checkIn(eventId, code);
  });
  const csv = async (query = "") => {
    const res = await t.request(`/api/events/${eventId}/registrations.csv${query}`, { headers: bearer(tokens.inScope) });
    expect(res.status).toBe(200);
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  };

  it("Japanese headers by default, words for status and sector, Tokyo times as YYYY/MM/DD HH:MM", async () => {
    const text = await csv();
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe("受付番号,状態,キャンセル待ち順,氏名,フリガナ,メールアドレス,所属,区分,言語,登録日時,受付日時");
    // Registered and checked in at the test clock, 2026-05-01T00:00Z = 09:00 in Tokyo.
    expect(lines[1]).toMatch(
      new RegExp(
        `^${code},参加確定,,"'=HYPERLINK\\(""x""\\)",ヤマダ タロウ,[^,]+,福島大学,産業界,日本語,2026/05/01 09:00,2026/05/01 09:00$`,
      ),
    );
    expect(lines[2]).toMatch(/^[A-Z0-9]{7},キャンセル待ち,1,"待ち, 次郎",.*,官公庁,日本語,2026\/05\/01 09:00,$/);
  });

  it("English headers and words with lang=en", async () => {
    const lines = (await csv("?lang=en")).slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Check-in code,Status,Waiting list,Name,Reading,E-mail,Organisation,Sector,Language,Registered,Checked in",
    );
    expect(lines[1]).toContain(",Confirmed,,");
    expect(lines[1]).toContain(",Industry,Japanese,");
  });
});
