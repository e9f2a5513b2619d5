import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type Scopes = { blocks: string[]; events: string[] };

export const organisers = pgTable("organisers", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  emailKey: text("email_key").notNull().unique(),
  name: text("name").notNull(),
  /** admin | organiser */
  role: text("role").$type<"admin" | "organiser">().notNull(),
  scopes: jsonb("scopes").$type<Scopes>().notNull().default({ blocks: [], events: [] }),
  /** pbkdf2-sha256$<iterations>$<salt>$<hash>; null until the organiser sets a password. */
  passwordHash: text("password_hash"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id),
    tokenHash: text("token_hash").notNull().unique(),
    /** Double-submit token for forms and fetches made with the cookie. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_organiser_idx").on(t.organiserId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  organiserId: uuid("organiser_id")
    .notNull()
    .references(() => organisers.id),
  name: text("name").notNull(),
  /** The first characters, so people can tell their tokens apart; the rest is only hashed. */
  prefix: text("prefix").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  /** Null: valid until revoked. */
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export const passwordLinks = pgTable("password_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  organiserId: uuid("organiser_id")
    .notNull()
    .references(() => organisers.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Every write: who, what, before and after, when; written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId),
  ],
);

/** Fixed-window counters for rate limits; shared by every instance because they live in the database. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
