import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { blocks, clusters } from "./reference.ts";

export const EVENT_KINDS = [
  "block_council",
  "promotion_council",
  "joint_presentation",
  "seminar",
  "forum",
  "techno_fair",
  "conference",
  "briefing",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ["planned", "scheduled", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** How exactly the start is known: to the day, or only to the month (a past event the documents date as 平成16年3月). */
export const DATE_PRECISIONS = ["day", "month"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stable natural key for seeded and planned events, so re-seeding never duplicates. */
    slug: text("slug").unique(),
    kind: text("kind").$type<EventKind>().notNull(),
    status: text("status").$type<EventStatus>().notNull().default("scheduled"),
    titleJa: text("title_ja").notNull(),
    titleEn: text("title_en"),
    descriptionJa: text("description_ja"),
    descriptionEn: text("description_en"),
    blockCode: text("block_code").references(() => blocks.code),
    venue: text("venue"),
    /** The venue's English name (Pacifico Yokohama for パシフィコ横浜); English pages and feeds show it. */
    venueEn: text("venue_en"),
    prefecture: text("prefecture"),
    /** Street address (ja, and English); people find the venue with it, and calendars show it. */
    address: text("address"),
    addressEn: text("address_en"),
    /** How to get there: the nearest station and directions (ja/en). */
    access: text("access"),
    accessEn: text("access_en"),
    /** A map link (https only). */
    mapUrl: text("map_url"),
    /** Who registrants write to: shown on the event page and in every registrant e-mail. */
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /** The event's own privacy notice (ja/en); null: the product's default notice. */
    privacyNoticeJa: text("privacy_notice_ja"),
    privacyNoticeEn: text("privacy_notice_en"),
    /** Registration needs the registrant's consent to the privacy notice (consent: true). */
    consentRequired: boolean("consent_required").notNull().default(false),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    allDay: boolean("all_day").notNull().default(false),
    /** "month": only the month is known; the stored range is that whole month, shown as 2004年3月 / March 2004. */
    datePrecision: text("date_precision").$type<DatePrecision>().notNull().default("day"),
    fiscalYear: integer("fiscal_year").notNull(),
    /** null: unlimited */
    capacity: integer("capacity"),
    /** How many took part, as a record of a past event (約200名: attendanceApprox); not seats. */
    attendance: integer("attendance"),
    attendanceApprox: boolean("attendance_approx").notNull().default(false),
    /**
     * Where a seeded event's facts come from: a source document ("001", "000/003", …) or
     * "product-brief" (the product brief, not the documents). null for events entered in the product.
     */
    source: text("source"),
    /** false for a council event that is not one of its meetings (the Kanto launch): compliance does not count it. */
    countsAsMeeting: boolean("counts_as_meeting").notNull().default(true),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    /** A techno-fair's call for exhibitors: when the public application form takes applications, and the booth sizes offered. */
    exhibitorCallOpensAt: timestamp("exhibitor_call_opens_at", { withTimezone: true }),
    exhibitorCallClosesAt: timestamp("exhibitor_call_closes_at", { withTimezone: true }),
    exhibitorBoothSizes: jsonb("exhibitor_booth_sizes").$type<string[]>().notNull().default([]),
    confirmedCount: integer("confirmed_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    /** Monotonic counter handing out first-come-first-served positions. */
    nextSeq: bigint("next_seq", { mode: "number" }).notNull().default(1),
    /** iCalendar SEQUENCE: bumped on every change of time, place, title or status. */
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_starts_idx").on(t.startsAt, t.id),
    index("events_block_fy_idx").on(t.blockCode, t.fiscalYear),
    index("events_updated_idx").on(t.updatedAt),
    check("events_time_order", sql`${t.endsAt} >= ${t.startsAt}`),
    check("events_capacity_nonneg", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check("events_attendance_nonneg", sql`${t.attendance} is null or ${t.attendance} >= 0`),
    check("events_date_precision", sql`${t.datePrecision} in ('day', 'month')`),
    check("events_map_url_https", sql`${t.mapUrl} is null or ${t.mapUrl} like 'https://%'`),
    check("events_counts_nonneg", sql`${t.confirmedCount} >= 0 and ${t.waitlistCount} >= 0`),
  ],
);

export type EventRow = typeof events.$inferSelect;

/**
 * Which clusters an event belongs to, where a source document says so (the FY2003 joint result
 * presentations name their knowledge cluster regions); the cluster directory lists them.
 */
export const eventClusters = pgTable(
  "event_clusters",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    clusterCode: text("cluster_code")
      .notNull()
      .references(() => clusters.code),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.clusterCode] }), index("event_clusters_cluster_idx").on(t.clusterCode)],
);
