import { Cron } from "croner";
import type { AppDeps } from "../api/deps.ts";
import { logError } from "../api/lib/log.ts";
import { runJob } from "./registry.ts";
import { SCHEDULE } from "./schedule.ts";

/**
 * Under Node, an in-process timer runs the same schedule as the Worker's Cron Triggers. The
 * returned stop() schedules nothing more and resolves once the jobs already running have ended.
 */
export function startJobTimer(deps: AppDeps): () => Promise<void> {
  const running = new Set<Promise<void>>();
  let stopped = false;
  const crons = Object.entries(SCHEDULE).map(
    ([pattern, jobs]) =>
      new Cron(pattern, { timezone: "UTC", protect: true, catch: (e) => logError(`cron ${pattern}:`, e) }, async () => {
        const round = (async () => {
          for (const name of jobs) {
            if (stopped) return;
            try {
              const r = await runJob(deps, name);
              if (r.status === "succeeded") console.log(`job ${name} ${r.periodKey}: ${JSON.stringify(r.result)}`);
            } catch (e) {
              logError(`job ${name} failed:`, e);
            }
          }
        })();
        running.add(round);
        await round.finally(() => running.delete(round));
      }),
  );
  return async () => {
    stopped = true;
    crons.forEach((c) => c.stop());
    await Promise.all([...running]);
  };
}
