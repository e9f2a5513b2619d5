import { sql } from "drizzle-orm";
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

/** Where an exhibitor came from: the public application form, or an organiser's list (CSV, JSON, one by one). */
export const EXHIBITOR_SOURCES = ["application", "import"] as const;
export type ExhibitorSource = (typeof EXHIBITOR_SOURCES)[number];

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
    source: text("source").$type<ExhibitorSource>().notNull().default("import"),
    /** NFKC + case-folded organisation: the identity behind "one application per organisation per fair". */
    organizationKey: text("organization_key"),
    organizationKana: text("organization_kana"),
    /** The person to write to (personal data, erased by the purge); `name` is what the public map shows. */
    contactName: text("contact_name"),
    /** Competitors as the applicant named them (organisation names); `competitors` holds the refs an organiser matched. */
    competitorNames: jsonb("competitor_names").$type<string[]>().notNull().default([]),
    note: text("note"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    /** Shown to the applicant on their private page. */
    declineReason: text("decline_reason"),
    /** SHA-256 of the applicant's private token (applications only). */
    manageTokenHash: text("manage_token_hash").unique(),
    /** The same token sealed with the installation key, so the received mail can carry its link. */
    manageTokenSealed: text("manage_token_sealed"),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("exhibitors_event_ref_uq").on(t.eventId, t.ref),
    uniqueIndex("exhibitors_event_application_org_uq")
      .on(t.eventId, t.organizationKey)
      .where(sql`${t.source} = 'application' and ${t.withdrawnAt} is null`),
  ],
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
