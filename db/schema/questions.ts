import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { events } from "./events.ts";
import { registrations } from "./registrations.ts";

export const QUESTION_KINDS = ["text", "textarea", "choice", "multi", "checkbox"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** One option of a choice or multi question; `value` is what an answer holds. */
export type QuestionOption = { value: string; labelJa: string; labelEn?: string | null };
/** An answer as stored: text for text/textarea/choice, option values for multi, a tick for checkbox. */
export type AnswerValue = string | string[] | boolean;

/** The organiser's questions of an event (懇親会 attendance, dietary needs…), in their order. */
export const eventQuestions = pgTable(
  "event_questions",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The organiser's own short id ("party"), or one given by the product ("q1"); answers are keyed by it. */
    id: text("id").notNull(),
    sortOrder: integer("sort_order").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    labelJa: text("label_ja").notNull(),
    labelEn: text("label_en"),
    required: boolean("required").notNull().default(false),
    options: jsonb("options").$type<QuestionOption[]>().notNull().default([]),
    maxLength: integer("max_length"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.id] })],
);

/**
 * A registrant's answer to one question. Personal data: the purge job removes the free-text ones
 * with the person and keeps the choices (option values only) of the anonymised registration.
 * Removing a question removes its answers (cascade).
 */
export const registrationAnswers = pgTable(
  "registration_answers",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    questionId: text("question_id").notNull(),
    value: jsonb("value").$type<AnswerValue>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.questionId] }),
    foreignKey({ columns: [t.eventId, t.questionId], foreignColumns: [eventQuestions.eventId, eventQuestions.id] }).onDelete(
      "cascade",
    ),
    index("registration_answers_question_idx").on(t.eventId, t.questionId),
  ],
);

export type EventQuestionRow = typeof eventQuestions.$inferSelect;
export type RegistrationAnswerRow = typeof registrationAnswers.$inferSelect;
