import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../api/config.ts";
import { fileMailer } from "../api/mail/file-transport.ts";
import { buildMailer } from "../api/mail/node-mailer.ts";
import { outbox, registrations } from "../db/schema/index.ts";
import { deliverMail } from "../jobs/deliver-mail.ts";
import { purgePersonalData } from "../jobs/purge-personal-data.ts";
import { enqueueRegistrationMail } from "../api/mail/registration-mail.ts";
import { createOpenEvent, person } from "./support/app.ts";
import { countById, deliveredTo, mailWorld, register, rowsTo, t } from "./support/mail-world.ts";
import { feedUrlsIn, readMail } from "./support/smtp.ts";

// What the outbox holds before and after delivery, and delivery without SMTP (the app and its SMTP
// server: test/support/mail-world.ts).

mailWorld();

describe("what the outbox keeps", () => {
  const uidOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid");

  it("registrants' messages are rendered at delivery: no plaintext manage or feed token in the outbox, before or after sending", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    const a = person();
    const b = person({ locale: "en", name: "Bo Chen" });
    const ra = await register(e.id, a);
    const rb = await register(e.id, b);
    expect(rb.status).toBe("waitlisted");
    // a cancels: b is promoted; both are told.
    expect((await t.request(`/api/registrations/${ra.manageToken}`, { method: "DELETE" })).status).toBe(200);
    const secrets = [ra.manageToken, rb.manageToken];
    const rows = await rowsTo([a.email, b.email]);
    expect(rows.map((r) => r.kind).sort()).toEqual([
      "registration.cancelled",
      "registration.confirmed",
      "registration.promoted",
      "registration.waitlisted",
    ]);
    // What to send: the kind, the registration, the locale; no message text, no token.
    for (const r of rows) {
      expect(r).toMatchObject({ subject: null, textBody: null, htmlBody: null, attachments: [], payload: null });
      expect(r.registrationId).toBe(r.toAddress === a.email ? ra.id : rb.id);
    }
    const dump = () =>
      t.db
        .select()
        .from(outbox)
        .then((all) => JSON.stringify(all));
    for (const secret of secrets) expect(await dump()).not.toContain(secret);

    await deliverMail(t.deps);
    const toA = deliveredTo(a.email).map((r) => r.mail);
    const toB = deliveredTo(b.email).map((r) => r.mail);
    expect(toA.map((m) => m.subject).sort()).toEqual([`【参加取消】${e.titleJa}`, `【参加登録完了】${e.titleJa}`].sort());
    expect(toB.map((m) => m.subject).sort()).toEqual(
      [`On the waiting list: ${e.titleEn}`, `You have a seat: ${e.titleEn}`].sort(),
    );
    const promoted = toB.find((m) => m.subject.startsWith("You have a seat"))!;
    expect(promoted.text).toContain(rb.manageUrl);
    // The personal feed link was looked up at delivery: the same in every message to b, and never stored.
    const feeds = new Set(toB.flatMap(feedUrlsIn));
    expect(feeds.size).toBe(1);
    expect(feedUrlsIn(promoted)).toHaveLength(1);
    secrets.push(...[...feeds, ...toA.flatMap(feedUrlsIn)].map((u) => u.split("/").pop()!.replace(".ics", "")));
    // The .ics has the UID of the event in the feeds: a confirmed entry replaces the tentative one.
    const feed = await (await t.request(`/calendar/events/${e.id}.ics`)).text();
    expect(uidOf(promoted.calendar!.body)).toBe(uidOf(feed));
    expect(uidOf(toB.find((m) => m.subject.startsWith("On the waiting"))!.calendar!.body)).toBe(uidOf(feed));
    expect(
      new ICAL.Component(ICAL.parse(promoted.calendar!.body)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("status"),
    ).not.toBe("TENTATIVE");
    // Each once; sent rows still hold no token.
    const ids = [...toA, ...toB].map((m) => m.messageId);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(countById().get(id)).toBe(1);
    expect((await rowsTo([a.email, b.email])).every((r) => r.status === "sent")).toBe(true);
    for (const secret of secrets) expect(await dump()).not.toContain(secret);
  });

  it("a password link is kept only sealed, and cleared once sent", async () => {
    const email = `organiser.${Math.random().toString(36).slice(2, 8)}@example.jp`;
    const res = await t.request("/api/organisers", {
      method: "POST",
      admin: true,
      json: { email, name: "新任 花子", role: "organiser", scopes: { blocks: ["kanto"], events: [] } },
    });
    expect(res.status).toBe(201);
    const [row] = await rowsTo([email]);
    expect(row).toMatchObject({ kind: "organiser.password-link", subject: null, textBody: null });
    expect(row!.payload!.sealedToken).toMatch(/^v1\./);
    await deliverMail(t.deps);
    const [got] = deliveredTo(email);
    expect(got!.mail.subject).toBe("【主催者アカウント】パスワード設定のご案内");
    const token = got!.mail.text.match(/\/admin\/password\?token=([A-Za-z0-9_-]{43})/)![1]!;
    const [after] = await rowsTo([email]);
    expect(after).toMatchObject({ status: "sent", payload: null });
    expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain(token);
    // The link works.
    expect(
      (await t.request("/api/auth/password", { method: "POST", json: { token, password: "a much longer secret" } })).status,
    ).toBe(204);
  });

  it("a registrant whose data was purged before delivery is sent nothing; a late message about them is not retried", async () => {
    const e = await createOpenEvent(t, { startsAt: "2025-04-10T10:00:00+09:00", endsAt: "2025-04-10T12:00:00+09:00" });
    const p = person();
    // Registered while it was open (the clock is set back), purged a year after it ended, before any delivery.
    const now = t.clock.now();
    t.clock.set("2025-04-01T00:00:00Z");
    await register(e.id, p);
    t.clock.set(now);
    await purgePersonalData(t.deps, new Date("2026-05-01T00:00:00Z"));
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    expect(reg!.purgedAt).not.toBeNull();
    // The purge took the pending confirmation with it.
    expect(await t.db.select().from(outbox).where(eq(outbox.registrationId, reg!.id))).toHaveLength(0);
    // A job that read the registration before the purge writes a reminder after it: nothing to render.
    await enqueueRegistrationMail(t.db, t.deps.config, { kind: "reminder-1d", registration: { ...reg!, email: p.email }, now });
    await deliverMail(t.deps);
    expect(deliveredTo(p.email)).toHaveLength(0);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.registrationId, reg!.id));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toContain("registration purged");
  });
});

describe("delivery without SMTP_URL", () => {
  it("writes each message as an .eml file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mail-"));
    try {
      const e = await createOpenEvent(t);
      const p = person();
      const reg = await register(e.id, p);
      const [row] = await rowsTo([p.email]);
      const files = await fileMailer(join(dir, "direct"), "Cluster Events <no-reply@example.jp>");
      expect(await deliverMail({ ...t.deps, mailer: files })).toMatchObject({ sent: 1 });
      const names = await readdir(join(dir, "direct"));
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(new RegExp(`-${row!.id}\\.eml$`));
      const mail = readMail(await readFile(join(dir, "direct", names[0]!), "utf8"));
      expect(mail.messageId).toBe(row!.messageId);
      expect(mail.to).toBe(p.email);
      expect(mail.subject).toBe(`【参加登録完了】${e.titleJa}`);
      expect(mail.text).toContain(reg.manageUrl);
      const vcal = new ICAL.Component(ICAL.parse(mail.calendar!.body));
      expect(vcal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toBe(`${e.id}@cluster-events`);
      expect(deliveredTo(p.email)).toHaveLength(0);
      const [sent] = await rowsTo([p.email]);
      expect(sent!.status).toBe("sent");

      // The Node entry picks the file transport under DATA_DIR/mail when SMTP_URL is unset.
      const fromConfig = await buildMailer(parseConfig({ DATA_DIR: dir }));
      const q = person();
      await register(e.id, q);
      expect(await deliverMail({ ...t.deps, mailer: fromConfig })).toMatchObject({ sent: 1 });
      const eml = await readdir(join(dir, "mail"));
      expect(eml).toHaveLength(1);
      expect(readMail(await readFile(join(dir, "mail", eml[0]!), "utf8")).to).toBe(q.email);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a message waits in the outbox while no mailer is configured", async () => {
    const e = await createOpenEvent(t);
    const p = person();
    await register(e.id, p);
    expect(await deliverMail({ ...t.deps, mailer: null })).toMatchObject({ sent: 0, skipped: "no mailer configured" });
    const [row] = await rowsTo([p.email]);
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.email, p.email));
    expect(reg).toBeDefined();
    await deliverMail(t.deps);
    expect(deliveredTo(p.email)).toHaveLength(1);
  });
});
