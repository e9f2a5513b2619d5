import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import type { Mailer } from "../api/mail/transport.ts";
import { outbox } from "../db/schema/index.ts";
import { backoffMs, deliverMail, MAX_ATTEMPTS } from "../jobs/deliver-mail.ts";
import { createOpenEvent, person } from "./support/app.ts";
import { countById, deliveredTo, mailWorld, register, rowsTo, smtp, t } from "./support/mail-world.ts";
import { feedUrlsIn, type ReadMail } from "./support/smtp.ts";

// A real SMTP server on 127.0.0.1, with refusals the test controls.

/** Every DATA attempt, refused or not, by Message-ID. */
const attemptsSeen = new Map<string, number>();
/** Decides per DATA attempt: an Error refuses the message. */
let refuseData: (mail: ReadMail) => Error | null = () => null;
/** Recipients whose RCPT TO is always refused (permanent failure). */
const refusedRecipients = new Set<string>();
let rcptRefusals = 0;

mailWorld({
  onRcptTo(address) {
    if (!refusedRecipients.has(address)) return null;
    rcptRefusals++;
    return Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
  },
  onData(mail) {
    attemptsSeen.set(mail.messageId, (attemptsSeen.get(mail.messageId) ?? 0) + 1);
    return refuseData(mail);
  },
});

beforeEach(() => {
  refuseData = () => null;
  refusedRecipients.clear();
});

describe("delivery over SMTP", () => {
  it("delivers a registration's confirmation once: Japanese subject, links in the body, an .ics part", async () => {
    const e = await createOpenEvent(t);
    const p = person();
    const reg = await register(e.id, p);
    const [row] = await rowsTo([p.email]);
    expect(row).toMatchObject({ status: "pending", attempts: 0, kind: "registration.confirmed" });
    expect(row!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime());

    const result = await deliverMail(t.deps);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const got = deliveredTo(p.email);
    expect(got).toHaveLength(1);
    const mail = got[0]!.mail;

    expect(mail.to).toBe(p.email);
    expect(mail.headers.get("from")).toBe("Cluster Events <no-reply@example.jp>");
    // The subject travels as encoded-words and decodes to the Japanese text.
    expect(mail.headers.get("subject")).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(mail.subject).toBe(`【参加登録完了】${e.titleJa}`);
    expect(mail.messageId).toBe(row!.messageId);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");

    expect(mail.text).toContain(`${p.name} 様`);
    expect(mail.text).toContain("参加登録が完了しました。");
    expect(mail.text).toContain(reg.manageUrl);
    expect(mail.html).toContain(`href="${reg.manageUrl}"`);
    // The personal feed reaches the owner only here, in the mail.
    const [feedUrl] = feedUrlsIn(mail);
    expect(feedUrl).toMatch(/^https:\/\/events\.example\.jp\/calendar\/me\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(mail.text).toContain(feedUrl);
    expect(mail.html).toContain(`href="${feedUrl}"`);
    expect((await t.request(new URL(feedUrl!).pathname)).status).toBe(200);

    const cal = mail.calendar!;
    expect(cal).toBeDefined();
    expect(cal.headers.get("content-type")).toMatch(/method=PUBLISH/i);
    expect(cal.headers.get("content-disposition")).toMatch(/event\.ics/);
    const vcal = new ICAL.Component(ICAL.parse(cal.body));
    expect(vcal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const vevents = vcal.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(1);
    const vevent = new ICAL.Event(vevents[0]!);
    expect(vevent.uid).toBe(`${e.id}@cluster-events`);
    expect(vevent.summary).toBe(e.titleJa);
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2026-06-12T05:00:00.000Z");

    const [after] = await rowsTo([p.email]);
    expect(after).toMatchObject({ status: "sent", attempts: 1, lastError: null, lockedUntil: null });
    expect(after!.sentAt!.getTime()).toBe(t.clock.now().getTime());

    // Nothing is due any more: a second run sends nothing.
    expect((await deliverMail(t.deps)).sent).toBe(0);
    expect(deliveredTo(p.email)).toHaveLength(1);
  });

  it("writes to an English registrant in English", async () => {
    const e = await createOpenEvent(t);
    const p = person({ locale: "en", name: "Jane Smith" });
    const reg = await register(e.id, p);
    await deliverMail(t.deps);
    const [got] = deliveredTo(p.email);
    expect(got).toBeDefined();
    expect(got!.mail.subject).toBe(`Registration confirmed: ${e.titleEn}`);
    expect(got!.mail.text).toContain("Dear Jane Smith,");
    expect(got!.mail.text).toContain("Your registration is confirmed.");
    expect(got!.mail.text).toContain(`View or cancel your registration: ${reg.manageUrl}`);
    expect(got!.mail.text).toMatch(/Your personal calendar feed: https:\/\/events\.example\.jp\/calendar\/me\/[\w-]{43}\.ics/);
    expect(got!.mail.text).not.toMatch(/参加登録/);
    const vevent = new ICAL.Component(ICAL.parse(got!.mail.calendar!.body)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).toBe(e.titleEn);
  });

  it("retries refused messages with exponential backoff until they are accepted, each delivered once", async () => {
    const e = await createOpenEvent(t, { capacity: null });
    const people = [person(), person(), person()];
    for (const p of people) await register(e.id, p);
    const emails = people.map((p) => p.email);
    const refuseFirst = 2;
    refuseData = (mail) =>
      emails.includes(mail.to) && (attemptsSeen.get(mail.messageId) ?? 0) <= refuseFirst
        ? Object.assign(new Error("try again later"), { responseCode: 451 })
        : null;

    const first = await deliverMail(t.deps);
    expect(first).toMatchObject({ sent: 0, retried: 3, failed: 0 });
    for (const row of await rowsTo(emails)) {
      expect(row).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
      expect(row.lastError).toMatch(/451|try again later/);
      expect(row.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + backoffMs(1));
    }
    // Not due yet: nothing is tried before the backoff has passed.
    t.clock.advance(backoffMs(1) - 1000);
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 0, retried: 0 });

    t.clock.advance(1000);
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 0, retried: 3 });
    for (const row of await rowsTo(emails)) {
      expect(row).toMatchObject({ status: "pending", attempts: 2 });
      expect(row.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + backoffMs(2));
    }
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    t.clock.advance(backoffMs(2));
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 3, retried: 0 });
    const rows = await rowsTo(emails);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
      expect(attemptsSeen.get(row.messageId)).toBe(3);
    }
    // Delivered exactly once each, counted by Message-ID.
    const counts = countById();
    expect(rows.map((r) => counts.get(r.messageId))).toEqual([1, 1, 1]);
    expect(emails.map((x) => deliveredTo(x).length)).toEqual([1, 1, 1]);
  });

  it("POST /api/admin/jobs/deliver-mail/run {now} sends what is due as of that instant, and not what is due later", async () => {
    const e = await createOpenEvent(t, { capacity: null });
    const p = person();
    await register(e.id, p);
    refuseData = (mail) =>
      mail.to === p.email && (attemptsSeen.get(mail.messageId) ?? 0) <= 1
        ? Object.assign(new Error("try again later"), { responseCode: 451 })
        : null;
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 0, retried: 1 });
    const [refused] = await rowsTo([p.email]);
    const dueAt = refused!.nextAttemptAt.getTime();
    expect(dueAt).toBe(t.clock.now().getTime() + backoffMs(1));

    const run = async (now: Date) => {
      const res = await t.request("/api/admin/jobs/deliver-mail/run", {
        method: "POST",
        admin: true,
        json: { now: now.toISOString() },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as { asOf: string; status: string; result: { sent: number } };
    };
    // As of a second before it is due: nothing is sent.
    const before = await run(new Date(dueAt - 1000));
    expect(before).toMatchObject({ status: "succeeded", result: { sent: 0 } });
    expect(deliveredTo(p.email)).toHaveLength(0);
    // As of an hour from now (the clock has not moved): it is due then, and is sent, once.
    const later = new Date(t.clock.now().getTime() + 3_600_000);
    const sent = await run(later);
    expect(sent).toMatchObject({ asOf: later.toISOString(), status: "succeeded", result: { sent: 1 } });
    expect(deliveredTo(p.email)).toHaveLength(1);
    const [row] = await rowsTo([p.email]);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives up after MAX_ATTEMPTS and leaves the message visibly failed", async () => {
    const e = await createOpenEvent(t);
    const p = person({ email: `bounce.${Date.now()}@example.jp` });
    await register(e.id, p);
    refusedRecipients.add(p.email);
    const before = rcptRefusals;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await deliverMail(t.deps);
      const [row] = await rowsTo([p.email]);
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toMatch(/recipients were rejected|mailbox unavailable|550/i);
      if (attempt < MAX_ATTEMPTS) {
        expect(r).toMatchObject({ retried: 1, failed: 0 });
        expect(row!.status).toBe("pending");
        t.clock.advance(backoffMs(attempt));
      } else {
        expect(r).toMatchObject({ retried: 0, failed: 1 });
        expect(row!.status).toBe("failed");
      }
    }
    expect(rcptRefusals - before).toBe(MAX_ATTEMPTS);
    // A failed message is never tried again.
    t.clock.advance(24 * 3_600_000);
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(rcptRefusals - before).toBe(MAX_ATTEMPTS);
    expect(deliveredTo(p.email)).toHaveLength(0);
  });

  it("two runners at once never send the same message twice", async () => {
    const e = await createOpenEvent(t, { capacity: null });
    const people = Array.from({ length: 30 }, () => person());
    for (const p of people) await register(e.id, p);
    const emails = people.map((p) => p.email);

    const results = await Promise.all([deliverMail(t.deps), deliverMail(t.deps)]);
    expect(results[0]!.sent + results[1]!.sent).toBe(30);
    const rows = await rowsTo(emails);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const counts = countById();
    expect(rows.map((r) => counts.get(r.messageId) ?? 0)).toEqual(rows.map(() => 1));
    expect(emails.map((x) => deliveredTo(x).length)).toEqual(emails.map(() => 1));
  });

  it("after a crash between sending and marking sent, the message goes again with the same Message-ID", async () => {
    const e = await createOpenEvent(t);
    const p = person();
    await register(e.id, p);
    const [row] = await rowsTo([p.email]);
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 1 });
    // As if the process had died after the server accepted the message and before the row was
    // marked sent: the claim ('sending', with its lease) is all that is left.
    await t.db
      .update(outbox)
      .set({ status: "sending", sentAt: null, lockedUntil: new Date(t.clock.now().getTime() + 5 * 60_000) })
      .where(eq(outbox.id, row!.id));
    expect(deliveredTo(p.email)).toHaveLength(1);

    // While the lease holds, nobody takes it over.
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 0 });
    expect(deliveredTo(p.email)).toHaveLength(1);

    // Once it has expired, the message is sent again, recognisably the same message.
    t.clock.advance(5 * 60_000 + 1000);
    expect(await deliverMail(t.deps)).toMatchObject({ sent: 1 });
    const got = deliveredTo(p.email);
    expect(got).toHaveLength(2);
    expect(got[0]!.mail.messageId).toBe(row!.messageId);
    expect(got[1]!.mail.messageId).toBe(row!.messageId);
    expect(got[1]!.mail.headers.get("date")).toBe(got[0]!.mail.headers.get("date"));
    const [after] = await rowsTo([p.email]);
    expect(after).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a mailer that throws after sending is retried with the same Message-ID", async () => {
    const e = await createOpenEvent(t);
    const p = person();
    await register(e.id, p);
    let crashes = 1;
    const flaky: Mailer = {
      async send(m) {
        await smtp.send(m);
        if (crashes-- > 0) throw new Error("connection reset after the message was accepted");
      },
    };
    expect(await deliverMail({ ...t.deps, mailer: flaky })).toMatchObject({ sent: 0, retried: 1 });
    const [mid] = await rowsTo([p.email]);
    expect(mid).toMatchObject({ status: "pending", attempts: 1, lastError: "connection reset after the message was accepted" });
    t.clock.advance(backoffMs(1));
    expect(await deliverMail({ ...t.deps, mailer: flaky })).toMatchObject({ sent: 1 });
    const ids = deliveredTo(p.email).map((r) => r.mail.messageId);
    expect(ids).toEqual([mid!.messageId, mid!.messageId]);
  });
});
