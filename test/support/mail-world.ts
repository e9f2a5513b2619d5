import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import type { Mailer } from "../../api/mail/transport.ts";
import { outbox } from "../../db/schema/index.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { startSmtp, type Received, type Smtp } from "./smtp.ts";

/**
 * The app on 2026-05-01 with a real SMTP server on 127.0.0.1, for the mail delivery tests: `hooks`
 * decide per RCPT TO and per DATA attempt. The bindings are live once `mailWorld()`'s beforeAll has run.
 */
export let t: TestApp;
let received: Received[];
export let smtp: Mailer;
let server: Smtp;

export function mailWorld(hooks: Parameters<typeof startSmtp>[0] = {}) {
  beforeAll(async () => {
    server = await startSmtp(hooks);
    received = server.received;
    smtp = server.mailer;
    t = await createTestApp({ now: "2026-05-01T00:00:00Z", mailer: smtp });
  });

  afterAll(async () => {
    await t?.close();
    await server?.close();
  });
}

type Created = { id: string; status: string; manageToken: string; manageUrl: string };

export async function register(eventId: string, body: Record<string, unknown>) {
  const res = await t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

export const deliveredTo = (email: string) => received.filter((r) => r.envelopeTo.includes(email));
export const rowsTo = (emails: string[]) => t.db.select().from(outbox).where(inArray(outbox.toAddress, emails));
export const countById = () => {
  const n = new Map<string, number>();
  for (const r of received) n.set(r.mail.messageId, (n.get(r.mail.messageId) ?? 0) + 1);
  return n;
};
