import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { calendarTokens, events, registrations } from "../db/schema/index.ts";

const YEAR = 365 * 86_400_000;

/**
 * A year after an event, its registrants' personal data is erased. The rows stay (status, sector,
 * times), so counts and statistics by sector stay right.
 */
export async function purgePersonalData(deps: Pick<AppDeps, "db">, now: Date) {
  const cutoff = new Date(now.getTime() - YEAR);
  return deps.db.transaction(async (tx) => {
    const purged = await tx
      .update(registrations)
      .set({
        name: "",
        nameKana: null,
        email: "",
        emailKey: sql`'purged:' || ${registrations.id}`,
        organization: "",
        manageTokenSealed: "",
        purgedAt: now,
      })
      .where(
        and(
          isNull(registrations.purgedAt),
          sql`${registrations.eventId} in (select ${events.id} from ${events} where ${lt(events.endsAt, cutoff)})`,
        ),
      )
      .returning({ id: registrations.id });
    // Feed tokens of people who no longer have any registration left go too.
    const orphaned = await tx
      .delete(calendarTokens)
      .where(sql`not exists (select 1 from ${registrations} where ${eq(registrations.emailKey, calendarTokens.emailKey)})`)
      .returning({ id: calendarTokens.id });
    return { registrations: purged.length, feedTokens: orphaned.length };
  });
}
