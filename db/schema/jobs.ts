import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** One row per job and period: a period that succeeded is never run again, whoever asks. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    periodKey: text("period_key").notNull(),
    /** running | succeeded | failed */
    status: text("status").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    result: jsonb("result"),
    error: text("error"),
  },
  (t) => [uniqueIndex("job_runs_job_period_uq").on(t.job, t.periodKey)],
);
