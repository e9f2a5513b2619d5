import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, registrations } from "../db/schema/index.ts";
import { registrationDedupeKey } from "../api/mail/registration-mail.ts";
import { composed, createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
});
afterAll(async () => t?.close());

type Created = {
  id: string;
  status: string;
  waitlistPosition?: number;
  manageToken: string;
  manageUrl: string;
  eventCalendarUrl: string;
};

const register = (eventId: string, body: unknown, headers: Record<string, string> = {}) =>
  t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: body, headers });

async function expectProblem(res: Response, status: number, type?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { type: string; errors?: { field: string }[] };
  if (type) expect(body.type).toBe(`/problems/${type}`);
  return body;
}

describe("registering", () => {
  it("confirms while seats are left, then waitlists in order", async () => {
    const e = await createOpenEvent(t, { capacity: 2 });
    const got: Created[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await register(e.id, person());
      expect(res.status).toBe(201);
      got.push((await res.json()) as Created);
    }
    expect(got.map((g) => g.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect(got.map((g) => g.waitlistPosition)).toEqual([undefined, undefined, 1, 2]);
    expect(got[0]!.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(got[0]!.manageUrl).toBe(`https://events.example.jp/r/${got[0]!.manageToken}`);
    expect(got[0]!.eventCalendarUrl).toBe(`https://events.example.jp/calendar/events/${e.id}.ics`);
    expect(got[0]).not.toHaveProperty("calendarUrl");
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as {
      confirmedCount: number;
      waitlistCount: number;
      seatsLeft: number;
    };
    expect([ev.confirmedCount, ev.waitlistCount, ev.seatsLeft]).toEqual([2, 2, 0]);

    // Tokens are stored hashed, never in the clear.
    const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id)).orderBy(registrations.seq);
    expect(JSON.stringify(rows)).not.toContain(got[0]!.manageToken);
    // A confirmation was written to the outbox in the same transaction: what to send, no token in it.
    const outboxRows = await t.db.select().from(outbox).where(eq(outbox.toAddress, rows[0]!.email));
    expect(outboxRows).toHaveLength(1);
    expect(outboxRows[0]).toMatchObject({ kind: "registration.confirmed", registrationId: rows[0]!.id, subject: null });
    expect(JSON.stringify(outboxRows)).not.toContain(got.find((g) => g.id === rows[0]!.id)!.manageToken);
    // The database writes the dedupe keys the mail code uses (a later promotion is told once, not twice).
    const [waitlisted] = await t.db.select().from(outbox).where(eq(outbox.toAddress, rows[2]!.email));
    expect([outboxRows[0]!.dedupeKey, waitlisted!.dedupeKey]).toEqual([
      registrationDedupeKey("confirmed", rows[0]!, new Date()),
      registrationDedupeKey("waitlisted", rows[2]!, new Date()),
    ]);
    expect(rows.map((r) => r.emailKey)).toEqual(rows.map((r) => r.email.toLowerCase()));
    // Rendered at delivery, with the event's .ics.
    const mails = await composed(t, outboxRows);
    expect(mails[0]!.attachments[0]!.content).toContain("BEGIN:VCALENDAR");
  });

  it("one registration per e-mail, compared after NFKC and case folding", async () => {
    const e = await createOpenEvent(t);
    expect((await register(e.id, person({ email: "Hanako@Example.jp" }))).status).toBe(201);
    await expectProblem(await register(e.id, person({ email: "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ" })), 409, "already-registered");
    await expectProblem(await register(e.id, person({ email: " HANAKO@example.JP " })), 409, "already-registered");
  });

  it("accepts full-width and half-width kana and normalises them", async () => {
    const e = await createOpenEvent(t);
    const res = await register(e.id, person({ nameKana: "ﾔﾏﾀﾞ ﾀﾛｳ", email: "ｊｉｒｏ＠ｅｘａｍｐｌｅ．ｊｐ" }));
    expect(res.status).toBe(201);
    const { manageToken } = (await res.json()) as Created;
    const mine = (await (await t.request(`/api/registrations/${manageToken}`)).json()) as { nameKana: string; email: string };
    expect(mine.nameKana).toBe("ヤマダ タロウ");
    expect(mine.email).toBe("jiro@example.jp");
  });

  it("rejects bad input field by field", async () => {
    const e = await createOpenEvent(t);
    const p = await expectProblem(
      await register(e.id, { name: "", email: "not-an-email", organization: "<b>x</b>", sector: "press", locale: "fr" }),
      400,
      "validation",
    );
    expect(p.errors!.map((x) => x.field)).toEqual(expect.arrayContaining(["name", "email", "sector", "locale"]));
    await expectProblem(await register(e.id, person({ nameKana: "山田" })), 400, "validation");
    await expectProblem(await register("00000000-0000-4000-8000-000000000000", person()), 404);
  });

  it("keeps HTML as text", async () => {
    const e = await createOpenEvent(t);
    const res = await register(e.id, person({ name: "<script>alert(1)</script>", organization: 'A & B "株"' }));
    expect(res.status).toBe(201);
    const { manageToken } = (await res.json()) as Created;
    const mine = (await (await t.request(`/api/registrations/${manageToken}`)).json()) as { name: string };
    expect(mine.name).toBe("<script>alert(1)</script>");
    const all = await composed(t, await t.db.select().from(outbox));
    expect(all.some((m) => m.subject === `【参加登録完了】${e.titleJa}`)).toBe(true);
    const html = all.map((m) => m.html).join("\n");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("refuses cancelled, finished, not-yet-open and closed events, each with its own problem type", async () => {
    const cancelled = await createOpenEvent(t);
    await t.request(`/api/events/${cancelled.id}/cancel`, { method: "POST", admin: true });
    await expectProblem(await register(cancelled.id, person()), 409, "event-cancelled");

    const finished = await createOpenEvent(t, { startsAt: "2026-04-01T10:00:00+09:00", endsAt: "2026-04-01T12:00:00+09:00" });
    await expectProblem(await register(finished.id, person()), 409, "event-finished");

    const later = await createOpenEvent(t, { registrationOpensAt: "2026-05-10T00:00:00+09:00" });
    await expectProblem(await register(later.id, person()), 409, "registration-not-open");

    const closed = await createOpenEvent(t, {
      registrationClosesAt: "2026-04-20T00:00:00+09:00",
      registrationOpensAt: "2026-04-01T00:00:00+09:00",
    });
    await expectProblem(await register(closed.id, person()), 409, "registration-closed");

    // A planner's proposal is not public: as far as a registrant can tell, it does not exist.
    const planned = await createOpenEvent(t, { status: "planned" });
    await expectProblem(await register(planned.id, person()), 404, "not-found");
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body, 422 for another body", async () => {
    const e = await createOpenEvent(t);
    const body = person();
    const a = await register(e.id, body, { "Idempotency-Key": "retry-0123456789abcdef" });
    const b = await register(e.id, body, { "Idempotency-Key": "retry-0123456789abcdef" });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
    await expectProblem(await register(e.id, person(), { "Idempotency-Key": "retry-0123456789abcdef" }), 422, "idempotency-key-reused");
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as { confirmedCount: number };
    expect(ev.confirmedCount).toBe(1);
  });

  it("concurrent retries with one key register once", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    const body = person();
    const all = await Promise.all(Array.from({ length: 8 }, () => register(e.id, body, { "Idempotency-Key": "burst-0123456789abcdef" })));
    const bodies = await Promise.all(all.map((r) => r.json()));
    expect(all.every((r) => r.status === 201)).toBe(true);
    expect(new Set(bodies.map((x) => (x as Created).id)).size).toBe(1);
    const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    expect(rows).toHaveLength(1);
  });
});

describe("managing a registration", () => {
  it("shows only your own registration; cancelling promotes the first on the waiting list", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    const first = (await (await register(e.id, person())).json()) as Created;
    const second = (await (await register(e.id, person())).json()) as Created;
    const third = (await (await register(e.id, person())).json()) as Created;
    expect([first.status, second.status, third.status]).toEqual(["confirmed", "waitlisted", "waitlisted"]);

    const mine = (await (await t.request(`/api/registrations/${second.manageToken}`)).json()) as {
      id: string;
      waitlistPosition: number;
      event: { id: string };
    };
    expect(mine.id).toBe(second.id);
    expect(mine.waitlistPosition).toBe(1);
    expect(mine.event.id).toBe(e.id);

    const del = await t.request(`/api/registrations/${first.manageToken}`, { method: "DELETE" });
    expect(del.status).toBe(200);
    expect(((await del.json()) as { status: string }).status).toBe("cancelled");
    const promoted = (await (await t.request(`/api/registrations/${second.manageToken}`)).json()) as { status: string };
    expect(promoted.status).toBe("confirmed");
    const still = (await (await t.request(`/api/registrations/${third.manageToken}`)).json()) as { waitlistPosition: number };
    expect(still.waitlistPosition).toBe(1);
    // Cancelling twice is harmless and promotes nobody else.
    expect((await t.request(`/api/registrations/${first.manageToken}`, { method: "DELETE" })).status).toBe(200);
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as { confirmedCount: number; waitlistCount: number };
    expect([ev.confirmedCount, ev.waitlistCount]).toEqual([1, 1]);
    // The promoted person was told.
    const promotedRow = (await t.db.select().from(registrations).where(eq(registrations.id, second.id)))[0]!;
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, promotedRow.email));
    expect(mails.map((m) => m.kind).sort()).toEqual(["registration.promoted", "registration.waitlisted"]);
  });

  it("raising the capacity promotes in order", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    const regs: Created[] = [];
    for (let i = 0; i < 4; i++) regs.push((await (await register(e.id, person())).json()) as Created);
    const res = await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { capacity: 3 } });
    const ev = (await res.json()) as { confirmedCount: number; waitlistCount: number };
    expect([ev.confirmedCount, ev.waitlistCount]).toEqual([3, 1]);
    const statuses = await Promise.all(
      regs.map(
        async (r) => ((await (await t.request(`/api/registrations/${r.manageToken}`)).json()) as { status: string }).status,
      ),
    );
    expect(statuses).toEqual(["confirmed", "confirmed", "confirmed", "waitlisted"]);
    await expectProblem(
      await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { capacity: 2 } }),
      409,
      "capacity-below-confirmed",
    );
  });

  it("unknown, malformed or someone else's-looking tokens are 404", async () => {
    await expectProblem(await t.request(`/api/registrations/${"A".repeat(43)}`), 404);
    await expectProblem(await t.request(`/api/registrations/short`), 404);
    await expectProblem(await t.request(`/api/registrations/${"A".repeat(43)}`, { method: "DELETE" }), 404);
  });

  it("lists registrations for the administrator only", async () => {
    const e = await createOpenEvent(t);
    await register(e.id, person());
    expect((await t.request(`/api/events/${e.id}/registrations`)).status).toBe(401);
    const res = await t.request(`/api/events/${e.id}/registrations`, { admin: true });
    const list = (await res.json()) as { items: unknown[]; counts: { confirmed: number } };
    expect(list.items).toHaveLength(1);
    expect(list.counts.confirmed).toBe(1);
  });
});

describe("concurrency", () => {
  it("never oversells: 40 people at once for 7 seats", async () => {
    const e = await createOpenEvent(t, { capacity: 7 });
    const results = await Promise.all(Array.from({ length: 40 }, () => register(e.id, person())));
    const bodies = (await Promise.all(results.map((r) => r.json()))) as Created[];
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(bodies.filter((b) => b.status === "confirmed")).toHaveLength(7);
    const waiting = bodies.filter((b) => b.status === "waitlisted");
    expect(waiting).toHaveLength(33);
    expect(waiting.map((b) => b.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as { confirmedCount: number; waitlistCount: number };
    expect([ev.confirmedCount, ev.waitlistCount]).toEqual([7, 33]);
    const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(7);
    // Waiting-list order is arrival order.
    const byPos = [...waiting].sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    const seqs = byPos.map((b) => rows.find((r) => r.id === b.id)!.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("the same e-mail pressed many times at once registers once", async () => {
    const e = await createOpenEvent(t, { capacity: 5 });
    const body = person();
    const results = await Promise.all(Array.from({ length: 10 }, () => register(e.id, body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    // The counters moved once, and the ones who pressed again are told (once an hour) how to manage it.
    const ev = (await (await t.request(`/api/events/${e.id}`)).json()) as { confirmedCount: number; waitlistCount: number };
    expect([ev.confirmedCount, ev.waitlistCount]).toEqual([1, 0]);
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    const mail = await t.db.select().from(outbox).where(eq(outbox.registrationId, reg!.id));
    expect(mail.map((m) => m.kind).sort()).toEqual(["registration.confirmed", "registration.reminder-link"]);
    // The next person takes the next seat in order: nobody's number was spent on a duplicate.
    const next = await register(e.id, person());
    expect(next.status).toBe(201);
    const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id)).orderBy(registrations.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
  });
});
