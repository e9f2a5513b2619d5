import { and, asc, eq, sql } from "drizzle-orm";
import { tsParam } from "../../db/client.ts";
import type { Ctx } from "../deps.ts";
import { blocks, events, jobRuns } from "../../db/schema/index.ts";
import { fiscalYearOf } from "../../lib/time.ts";
import type { PlanShortfall, PlanWarning } from "./plan.ts";

const COUNCIL_MIN = 1;
const COUNCIL_MAX = 2;

export type ComplianceRow = {
  block: string;
  nameJa: string;
  nameEn: string;
  held: number;
  scheduled: number;
  planned: number;
  min: number;
  max: number;
  status: "ok" | "behind" | "over";
};

/**
 * Where each block stands for a fiscal year: council meetings held (scheduled and over), scheduled
 * (confirmed, still to come) and planned (proposed by the planner, not yet confirmed).
 */
export async function councilCompliance(
  { db, who: { now } }: Pick<Ctx, "db" | "who">,
  { fy }: { fy?: number },
): Promise<{ fiscalYear: number; blocks: ComplianceRow[] }> {
  const year = fy ?? fiscalYearOf(now);
  const rows = await db
    .select({
      block: blocks.code,
      nameJa: blocks.nameJa,
      nameEn: blocks.nameEn,
      held: sql<number>`count(${events.id}) filter (where ${events.status} = 'scheduled' and ${events.endsAt} <= ${tsParam(now)})::int`,
      scheduled: sql<number>`count(${events.id}) filter (where ${events.status} = 'scheduled' and ${events.endsAt} > ${tsParam(now)})::int`,
      planned: sql<number>`count(${events.id}) filter (where ${events.status} = 'planned')::int`,
    })
    .from(blocks)
    // A council event that is not a meeting (the Kanto launch of 2005-03-11) is not counted.
    .leftJoin(
      events,
      and(
        eq(events.blockCode, blocks.code),
        eq(events.kind, "block_council"),
        eq(events.fiscalYear, year),
        eq(events.countsAsMeeting, true),
      ),
    )
    .groupBy(blocks.code, blocks.nameJa, blocks.nameEn, blocks.sortOrder)
    .orderBy(asc(blocks.sortOrder));
  return {
    fiscalYear: year,
    blocks: rows.map((r) => {
      const firm = r.held + r.scheduled;
      return {
        ...r,
        min: COUNCIL_MIN,
        max: COUNCIL_MAX,
        status: firm < COUNCIL_MIN ? "behind" : firm > COUNCIL_MAX ? "over" : "ok",
      };
    }),
  };
}

export type PlanNotes = { plannedFrom: string | null; shortfalls: PlanShortfall[]; warnings: PlanWarning[] };

/**
 * What the fiscal year's planner run could not do (blocks short of their cadence because it ran
 * mid-year, holidays it did not know), as recorded with the run; null before the year is planned.
 */
export async function councilPlanNotes({ db }: Pick<Ctx, "db">, { fy }: { fy: number }): Promise<PlanNotes | null> {
  const [run] = await db
    .select({ result: jobRuns.result })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, "plan-fiscal-year"), eq(jobRuns.periodKey, `fy${fy}`), eq(jobRuns.status, "succeeded")));
  const r = run?.result as Partial<PlanNotes> | null | undefined;
  if (!r) return null;
  return { plannedFrom: r.plannedFrom ?? null, shortfalls: r.shortfalls ?? [], warnings: r.warnings ?? [] };
}
