import { pgTable, text } from "drizzle-orm/pg-core";

/** Installation-wide secrets and flags, e.g. the sealing key of the embedded default. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
