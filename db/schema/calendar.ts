import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One personal feed token per e-mail identity; hashed for lookup, sealed so it can be shown again. */
export const calendarTokens = pgTable("calendar_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  emailKey: text("email_key").notNull().unique(),
  tokenHash: text("token_hash").notNull().unique(),
  sealedToken: text("sealed_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  rotatedAt: timestamp("rotated_at", { withTimezone: true }),
});

/**
 * One row whose version moves whenever an event's calendar-visible fields change (a trigger on
 * events keeps it; see the migration feed_state). Public feeds answer revalidations from it
 * without scanning the events.
 */
export const feedState = pgTable("feed_state", {
  id: integer("id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
});
