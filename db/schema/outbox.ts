import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type OutboxAttachment = { filename: string; contentType: string; content: string };

/**
 * Every e-mail is written here in the same transaction as the change that causes it;
 * the deliver-mail job sends it. `dedupeKey` makes "send once" a database fact.
 *
 * A row holds *what to send*, not the message: a registrant's mail is its kind, the registration
 * and the locale, and the deliver job renders it when it sends (opening the sealed manage token,
 * looking up the feed token), so no plaintext token is ever written here and the write under the
 * event's lock stays small. A password link carries its token sealed in `payload`, cleared once
 * sent. Only messages without secrets (booth, council) are stored rendered (`subject` not null).
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** Stable Message-ID, so a resend after a crash is recognisable as the same message. */
    messageId: text("message_id").notNull().unique(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    /** The registration a registrant's message is about (rendered at delivery from it). */
    registrationId: uuid("registration_id"),
    locale: text("locale"),
    /** What else a message rendered at delivery needs (a sealed token, an id); cleared once sent. */
    payload: jsonb("payload").$type<Record<string, string>>(),
    /** Set only for messages stored rendered; null: rendered at delivery. */
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    /** pending | sending | sent | failed */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_registration_idx").on(t.registrationId)],
);

export type OutboxRow = typeof outbox.$inferSelect;
