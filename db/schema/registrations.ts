import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";

export const SECTORS = ["industry", "academia", "government", "other"] as const;
export type Sector = (typeof SECTORS)[number];
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    status: text("status").$type<RegistrationStatus>().notNull(),
    /** Order of arrival within the event; the waiting list is served by it. */
    seq: bigint("seq", { mode: "number" }).notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    email: text("email").notNull(),
    /** NFKC + lower case: the identity used for "one registration per e-mail per event". */
    emailKey: text("email_key").notNull(),
    organization: text("organization").notNull(),
    sector: text("sector").$type<Sector>().notNull(),
    locale: text("locale").$type<Locale>().notNull().default("ja"),
    /** SHA-256 of the manage token, for lookup. */
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    /** The same token sealed with the installation key, so its link can be e-mailed again. */
    manageTokenSealed: text("manage_token_sealed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** When the registrant agreed to the event's privacy notice (where the event asks for consent). */
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /**
     * 受付番号: 7 letters of an alphabet without look-alikes, unique by construction (a bijection
     * of a global serial: check_in_code() in migration 0008); taken with nextCheckInCode() before
     * the insert, or filled by a trigger when an insert leaves it out. Shown at the desk; not a secret.
     */
    checkInCode: text("check_in_code").notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedInBy: text("checked_in_by"),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("registrations_active_email_uq")
      .on(t.eventId, t.emailKey)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex("registrations_event_seq_uq").on(t.eventId, t.seq),
    uniqueIndex("registrations_event_code_uq").on(t.eventId, t.checkInCode),
    index("registrations_event_status_idx").on(t.eventId, t.status, t.seq),
    index("registrations_email_idx").on(t.emailKey),
  ],
);

/** First answers to requests that carried an Idempotency-Key, replayed on retry. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    /** The response body, sealed (AES-GCM) because it carries a secret token. */
    sealedBody: text("sealed_body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_keys_pk").on(t.scope, t.key), index("idempotency_created_idx").on(t.createdAt)],
);

export type RegistrationRow = typeof registrations.$inferSelect;
