import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Weights } from "../../lib/allocation-weights.ts";
import { events } from "./events.ts";

export const booths = pgTable(
  "booths",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    code: text("code").notNull(),
    x: integer("x").notNull(),
    y: integer("y").notNull(),
    w: integer("w").notNull(),
    h: integer("h").notNull(),
    zone: text("zone").notNull(),
    sizeClass: text("size_class").notNull(),
  },
  (t) => [uniqueIndex("booths_event_code_uq").on(t.eventId, t.code)],
);

export const exhibitors = pgTable(
  "exhibitors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    ref: text("ref").notNull(),
    name: text("name").notNull(),
    organization: text("organization").notNull(),
    cluster: text("cluster").notNull(),
    field: text("field").notNull(),
    size: text("size").notNull(),
    priority: integer("priority").notNull().default(0),
    preferences: jsonb("preferences").$type<string[]>().notNull().default([]),
    homeZone: text("home_zone"),
    competitors: jsonb("competitors").$type<string[]>().notNull().default([]),
    email: text("email"),
    locale: text("locale").notNull().default("ja"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exhibitors_event_ref_uq").on(t.eventId, t.ref)],
);

/** The database itself forbids two exhibitors in a booth and two booths for an exhibitor. */
export const boothAssignments = pgTable(
  "booth_assignments",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    boothId: uuid("booth_id")
      .notNull()
      .references(() => booths.id)
      .unique(),
    exhibitorId: uuid("exhibitor_id")
      .notNull()
      .references(() => exhibitors.id)
      .unique(),
    pinned: boolean("pinned").notNull().default(false),
    assignedBy: text("assigned_by"),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("booth_assignments_event_idx").on(t.eventId)],
);

export const allocationSettings = pgTable("allocation_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id),
  weights: jsonb("weights").$type<Weights>(),
  /** When an automatic allocation was last applied, and who it could not place and why. */
  appliedAt: timestamp("applied_at", { withTimezone: true }),
  unassigned: jsonb("unassigned").$type<{ exhibitor: string; reason: string }[]>().notNull().default([]),
  publishedAt: timestamp("published_at", { withTimezone: true }),
});
