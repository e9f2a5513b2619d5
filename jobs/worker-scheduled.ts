import type { AppDeps } from "../api/deps.ts";
import { describeError, logError } from "../api/lib/log.ts";
import { runJob } from "./registry.ts";
import { jobsFor } from "./schedule.ts";

/** A job's result for the log line; the whole of it stays in job_runs.result. */
const brief = (result: unknown) => {
  const json = JSON.stringify(result ?? null);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
};

/**
 * The Worker's scheduled handler: runs the jobs mapped to the cron that fired, as of its time. A
 * failing job does not keep the next from running; the failures are thrown together at the end so
 * the invocation is reported as failed (and the failed period is retried by the next cron).
 */
export async function runScheduled(deps: AppDeps, cron: string, at: Date) {
  const names = jobsFor(cron);
  if (names.length === 0) console.warn(`cron ${cron}: no jobs are scheduled for it (jobs/schedule.ts)`);
  const results = [];
  const errors: unknown[] = [];
  for (const name of names) {
    try {
      const r = await runJob(deps, name, at);
      results.push(r);
      if (r.status === "succeeded") console.log(`job ${name} ${r.periodKey}: ${brief(r.result)}`);
    } catch (e) {
      logError(`job ${name} failed:`, e);
      errors.push(e);
    }
  }
  // Thrown so the invocation is marked failed; only the safe descriptions go with it (Cloudflare logs it).
  if (errors.length > 0)
    throw new Error(
      `cron ${cron}: ${errors.length} of ${names.length} jobs failed: ${errors.map((e) => describeError(e).split("\n")[0]).join("; ")}`,
    );
  return results;
}
