import type { OutgoingMail } from "./outbox.ts";

/** Sends one message; throws when the message was not accepted. */
export type Mailer = {
  send(message: OutgoingMail): Promise<void>;
  /** Deletes whatever copies this mailer kept of these outbox messages (the .eml files); purging calls it. */
  forget?(outboxIds: string[]): Promise<void>;
};

export function toNodemailerMessage(m: OutgoingMail, from: string) {
  return {
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    // A stable Message-ID: a resend after a crash is the same message to the recipient's client.
    messageId: m.messageId,
    // And a stable Date: when the message was written, not when this attempt went out.
    date: m.createdAt,
    headers: { "Auto-Submitted": "auto-generated", "X-Cluster-Events-Kind": m.kind },
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  };
}

/** nodemailer over SMTP (SMTP_URL), e.g. smtp://user:pass@relay:587 or smtps://…:465. */
export async function smtpMailer(url: string, from: string): Promise<Mailer> {
  const nodemailer = (await import("nodemailer")).default;
  // Timeouts well inside the outbox lease (5 min), so a hung send fails before another runner may retry it.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as never);
  return {
    async send(m) {
      const info = await transport.sendMail(toNodemailerMessage(m, from));
      if (info.rejected.length > 0) throw new Error(`rejected: ${info.rejected.join(", ")}`);
    },
  };
}
