import { Cron } from "croner";
import type { AppDeps } from "../api/deps.ts";
import { logError } from "../api/lib/log.ts";
import { runJob } from "./registry.ts";
import { SCHEDULE } from "./schedule.ts";

/** Under Node, an in-process timer runs the same schedule as the Worker's Cron Triggers. */
export function startJobTimer(deps: AppDeps): () => void {
  const crons = Object.entries(SCHEDULE).map(
    ([pattern, jobs]) =>
      new Cron(pattern, { timezone: "UTC", protect: true, catch: (e) => logError(`cron ${pattern}:`, e) }, async () => {
        for (const name of jobs) {
          try {
            const r = await runJob(deps, name);
            if (r.status === "succeeded") console.log(`job ${name} ${r.periodKey}: ${JSON.stringify(r.result)}`);
          } catch (e) {
            logError(`job ${name} failed:`, e);
          }
        }
      }),
  );
  return () => crons.forEach((c) => c.stop());
}
