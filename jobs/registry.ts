import type { AppDeps } from "../api/deps.ts";
import { fiscalYearOf, tokyoParts } from "../lib/time.ts";
import { checkCouncilCompliance, complianceRound } from "./check-council-compliance.ts";
import { deliverMail } from "./deliver-mail.ts";
import { planFiscalYear } from "./plan-fiscal-year.ts";
import { purgePersonalData } from "./purge-personal-data.ts";
import { remindRegistrants } from "./remind-registrants.ts";
import { runOnce } from "./runs.ts";

type Job = {
  /** The period an instant belongs to; a period that succeeded is not run again. */
  period(now: Date): string;
  run(deps: AppDeps, now: Date): Promise<unknown>;
};

const minute = (d: Date) => d.toISOString().slice(0, 16);
const hour = (d: Date) => d.toISOString().slice(0, 13);
const tokyoDay = (d: Date) => {
  const p = tokyoParts(d);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};

export const JOBS = {
  "deliver-mail": { period: minute, run: (deps, now) => deliverMail(deps, { now }) },
  "plan-fiscal-year": { period: (now) => `fy${fiscalYearOf(now)}`, run: (deps, now) => planFiscalYear(deps, now) },
  "check-council-compliance": {
    // Two rounds a fiscal year; outside them the job only reports (keyed by day).
    period: (now) => {
      const round = complianceRound(now);
      return round ? `fy${fiscalYearOf(now)}-${round}` : `day-${tokyoDay(now)}`;
    },
    run: (deps, now) => checkCouncilCompliance(deps, now),
  },
  "remind-registrants": { period: hour, run: (deps, now) => remindRegistrants(deps, now) },
  "purge-personal-data": { period: tokyoDay, run: (deps, now) => purgePersonalData(deps, now) },
} satisfies Record<string, Job>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Runs one job as of an instant, at most once per period. */
export async function runJob(deps: AppDeps, name: JobName, now: Date = deps.clock.now()) {
  const job: Job = JOBS[name];
  const outcome = await runOnce(
    deps.db,
    name,
    job.period(now),
    now,
    () => job.run(deps, now),
    () => deps.clock.now(),
  );
  return { job: name, asOf: now.toISOString(), ...outcome };
}
