import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";

/** A talk inside a session (kept with its session: talks have no identity of their own). */
export type ProgrammeTalk = {
  titleJa: string;
  titleEn?: string | null;
  speakers: { name: string; affiliation?: string | null }[];
  startsAt?: string | null;
  endsAt?: string | null;
};

/** The rooms of an event's programme, in the organiser's order. */
export const programmeRooms = pgTable(
  "programme_rooms",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The organiser's own short id ("A", "main-hall"). */
    id: text("id").notNull(),
    nameJa: text("name_ja").notNull(),
    nameEn: text("name_en"),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.id] })],
);

/** One session of an event's programme; its id is the stable UID of its entry in the programme feed. */
export const programmeSessions = pgTable(
  "programme_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    titleJa: text("title_ja").notNull(),
    titleEn: text("title_en"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    roomId: text("room_id"),
    chairJa: text("chair_ja"),
    talks: jsonb("talks").$type<ProgrammeTalk[]>().notNull().default([]),
    /** iCalendar SEQUENCE of the session's feed entry: bumped whenever the session changes. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("programme_sessions_event_idx").on(t.eventId, t.startsAt),
    check("programme_sessions_time_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type ProgrammeRoomRow = typeof programmeRooms.$inferSelect;
export type ProgrammeSessionRow = typeof programmeSessions.$inferSelect;
