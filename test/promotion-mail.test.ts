/** The waiting list's promotion mail says why a seat came free: a cancellation, or a larger capacity. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "../jobs/deliver-mail.ts";
import { createOpenEvent, person, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, type Smtp } from "./support/smtp.ts";

let t: TestApp;
let smtp: Smtp;
beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp());
});
afterAll(async () => t?.close());

async function register(eventId: string, who: Record<string, unknown>) {
  const res = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: who });
  expect(res.status).toBe(201);
  return (await res.json()) as { status: string; manageToken: string };
}
/** The promotion message to this address, as it reached the SMTP server. */
async function promotionTo(email: string) {
  await deliverMail(t.deps);
  const mails = smtp.to(email).filter((m) => /繰り上げ|You have a seat/.test(m.subject));
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describe("promotion from the waiting list", () => {
  it("after the capacity was raised, says so (ja and en), and not that someone cancelled", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    await register(e.id, person());
    const ja = person();
    const en = person({ locale: "en", name: "Bo Chen" });
    expect((await register(e.id, ja)).status).toBe("waitlisted");
    expect((await register(e.id, en)).status).toBe("waitlisted");
    const res = await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { capacity: 3 } });
    expect(res.status).toBe(200);

    const toJa = await promotionTo(ja.email);
    expect(toJa.subject).toContain("【参加確定（キャンセル待ちから繰り上げ）】");
    expect(toJa.text).toContain("定員が増えたため");
    expect(toJa.text).not.toContain("キャンセルが出た");
    expect(toJa.text).toMatch(/受付番号/);
    expect(toJa.calendar?.body).toContain("BEGIN:VEVENT");
    const toEn = await promotionTo(en.email);
    expect(toEn.text).toContain("capacity was raised");
    expect(toEn.text).not.toContain("A seat became free");
  });

  it("after a cancellation, says that a seat became free", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    const first = await register(e.id, person());
    const next = person();
    expect((await register(e.id, next)).status).toBe("waitlisted");
    expect((await t.request(`/api/registrations/${first.manageToken}`, { method: "DELETE" })).status).toBe(200);
    const mail = await promotionTo(next.email);
    expect(mail.text).toContain("キャンセルが出たため");
    expect(mail.text).not.toContain("定員が増えた");
  });
});
