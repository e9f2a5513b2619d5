import { and, eq, gt, lte, lt, sql } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { enqueueRegistrationMail } from "../api/mail/registration-mail.ts";
import { events, registrations } from "../db/schema/index.ts";

const DAY = 86_400_000;
const ROUNDS = [
  { kind: "reminder-7d", before: 7 * DAY, until: 1 * DAY },
  { kind: "reminder-1d", before: 1 * DAY, until: 0 },
] as const;

/**
 * Reminds confirmed registrants 7 days and 1 day before their event, once each: a reminder is due
 * once its moment has passed and the next one has not, and only to people who had registered by
 * then. The outbox's dedupe key makes a second run send nothing.
 */
export async function remindRegistrants(deps: Pick<AppDeps, "db" | "sealer" | "config">, now: Date) {
  let queued = 0;
  for (const round of ROUNDS) {
    const due = await deps.db
      .select({ reg: registrations, event: events })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(
          eq(registrations.status, "confirmed"),
          eq(events.status, "scheduled"),
          lte(events.startsAt, new Date(now.getTime() + round.before)),
          gt(events.startsAt, new Date(now.getTime() + round.until)),
          lt(registrations.createdAt, sql`${events.startsAt} - ${`${round.before / 1000} seconds`}::interval`),
        ),
      );
    for (const { reg } of due) {
      await enqueueRegistrationMail(deps.db, deps.config, { kind: round.kind, registration: reg, now });
      queued++;
    }
  }
  return { considered: queued };
}
