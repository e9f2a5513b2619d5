import type { Db } from "../../db/client.ts";
import { outbox, type OutboxAttachment } from "../../db/schema/index.ts";

/** A message as it goes out: what a Mailer sends. */
export type OutgoingMail = {
  id: string;
  messageId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
  /** When it was written: the message's Date, the same on every attempt. */
  createdAt: Date;
};

/** A message rendered by its sender; only for messages that carry no secret (booth, council). */
export type MailMessage = {
  /** The same key twice is the same message: it is written once and sent once. */
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: OutboxAttachment[];
  /** When it was written (the injected clock); it is due at once. */
  now: Date;
};

/** What to send, rendered by the deliver job: a kind, whom it is about, and what else it needs. */
export type MailToRender = {
  dedupeKey: string;
  kind: string;
  to: string;
  registrationId?: string;
  locale?: string;
  /** Anything secret in here must be sealed; it is cleared once the message is sent. */
  payload?: Record<string, string>;
  now: Date;
};

/** Stable Message-ID: a resend after a crash is recognisable as the same message. */
function newMessageId(publicUrl: string) {
  return `<${crypto.randomUUID()}@${messageIdHost(publicUrl)}>`;
}

const hosts = new Map<string, string>();

/** The host part of our Message-IDs: PUBLIC_URL's host name (parsed once per URL). */
export function messageIdHost(publicUrl: string) {
  let host = hosts.get(publicUrl);
  if (host === undefined) {
    host = new URL(publicUrl).hostname || "localhost";
    hosts.set(publicUrl, host);
  }
  return host;
}

/** Writes a rendered message to the outbox, inside the caller's transaction. */
export async function enqueueMail(tx: Db, publicUrl: string, msg: MailMessage): Promise<void> {
  await insertOutbox(tx, publicUrl, msg, {
    subject: msg.subject,
    textBody: msg.text,
    htmlBody: msg.html,
    attachments: msg.attachments ?? [],
  });
}

/** Writes what to send to the outbox, inside the caller's transaction; the deliver job renders it. */
export async function enqueueToRender(tx: Db, publicUrl: string, msg: MailToRender): Promise<void> {
  await insertOutbox(tx, publicUrl, msg, {
    registrationId: msg.registrationId ?? null,
    locale: msg.locale ?? null,
    payload: msg.payload ?? null,
  });
}

async function insertOutbox(
  tx: Db,
  publicUrl: string,
  msg: { dedupeKey: string; kind: string; to: string; now: Date },
  rest: Partial<typeof outbox.$inferInsert>,
) {
  await tx
    .insert(outbox)
    .values({
      dedupeKey: msg.dedupeKey,
      messageId: newMessageId(publicUrl),
      kind: msg.kind,
      toAddress: msg.to,
      createdAt: msg.now,
      nextAttemptAt: msg.now,
      ...rest,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}
