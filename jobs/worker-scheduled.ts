import type { AppDeps } from "../api/deps.ts";
import { runJob } from "./registry.ts";
import { jobsFor } from "./schedule.ts";

/** The Worker's scheduled handler: runs the jobs mapped to the cron that fired, as of its time. */
export async function runScheduled(deps: AppDeps, cron: string, at: Date) {
  const results = [];
  for (const name of jobsFor(cron)) results.push(await runJob(deps, name, at));
  return results;
}
