import type { JobName } from "./registry.ts";

/**
 * The schedule shared by the Worker's Cron Triggers (wrangler.toml) and the Node timer. Cron
 * expressions are in UTC; 15:30 UTC is 00:30 in Tokyo.
 */
export const SCHEDULE: Record<string, JobName[]> = {
  "* * * * *": ["deliver-mail"],
  "0 * * * *": ["remind-registrants"],
  "30 15 * * *": ["plan-fiscal-year", "check-council-compliance", "purge-personal-data"],
};

export function jobsFor(cron: string): JobName[] {
  return SCHEDULE[cron] ?? [];
}
