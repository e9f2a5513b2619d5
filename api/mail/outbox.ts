import type { Db } from "../../db/client.ts";
import { outbox, type OutboxAttachment } from "../../db/schema/index.ts";

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

/** Writes a message to the outbox, inside the caller's transaction. */
export async function enqueueMail(tx: Db, publicUrl: string, msg: MailMessage): Promise<void> {
  await outboxInsert(tx, publicUrl, msg);
}

/** The outbox insert as a query (not yet run), for callers that combine it with another statement. */
export function outboxInsert(tx: Db, publicUrl: string, msg: MailMessage) {
  const host = new URL(publicUrl).hostname || "localhost";
  return tx
    .insert(outbox)
    .values({
      dedupeKey: msg.dedupeKey,
      messageId: `<${crypto.randomUUID()}@${host}>`,
      kind: msg.kind,
      toAddress: msg.to,
      subject: msg.subject,
      textBody: msg.text,
      htmlBody: msg.html,
      attachments: msg.attachments ?? [],
      createdAt: msg.now,
      nextAttemptAt: msg.now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}
