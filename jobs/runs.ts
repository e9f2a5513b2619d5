import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { jobRuns } from "../db/schema/index.ts";
import { describeError } from "../api/lib/log.ts";

/** A run that has been "running" this long is taken to have crashed and may be taken over. */
const STALE_MS = 15 * 60_000;

export type RunOutcome<T> =
  | { status: "succeeded"; periodKey: string; result: T }
  | { status: "skipped"; periodKey: string; reason: "already-succeeded" | "running-elsewhere" };

/**
 * Runs `work` for (job, periodKey) at most once to success. The claim is one atomic upsert, so a
 * retried cron or a second instance running at the same moment does nothing the second time.
 */
export async function runOnce<T>(
  db: Db,
  job: string,
  periodKey: string,
  asOf: Date,
  work: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<RunOutcome<T>> {
  const started = now();
  const claimed = await db
    .insert(jobRuns)
    .values({ job, periodKey, status: "running", startedAt: started, asOf })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.periodKey],
      set: { status: "running", startedAt: started, asOf, error: null, finishedAt: null },
      setWhere: or(
        eq(jobRuns.status, "failed"),
        and(eq(jobRuns.status, "running"), lt(jobRuns.startedAt, new Date(started.getTime() - STALE_MS))),
      ),
    })
    .returning({ id: jobRuns.id });
  if (claimed.length === 0) {
    const [row] = await db
      .select({ status: jobRuns.status })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.periodKey, periodKey)));
    return { status: "skipped", periodKey, reason: row?.status === "succeeded" ? "already-succeeded" : "running-elsewhere" };
  }
  const id = claimed[0]!.id;
  try {
    const result = await work();
    await db
      .update(jobRuns)
      .set({ status: "succeeded", finishedAt: now(), result: sql`${JSON.stringify(result ?? null)}::jsonb` })
      .where(eq(jobRuns.id, id));
    return { status: "succeeded", periodKey, result };
  } catch (e) {
    await db
      .update(jobRuns)
      .set({ status: "failed", finishedAt: now(), error: describeError(e) })
      .where(eq(jobRuns.id, id));
    throw e;
  }
}
