/**
 * The cluster directory: the clusters, councils and METI bureaus the product ships from the
 * source documents, each with its events. Read-only and public; planner proposals (`planned`)
 * never show here.
 */
import { and, asc, desc, eq, inArray, ne, notInArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { blocks, bureaus, clusters, councils, eventClusters, events } from "../../db/schema/index.ts";
import type { Ctx } from "../deps.ts";
import { NotFound, ValidationFailed } from "../errors.ts";

export const CLUSTER_PROGRAMMES = ["knowledge", "industrial", "continuing"] as const;
export type ClusterProgramme = (typeof CLUSTER_PROGRAMMES)[number];

type ClusterRow = typeof clusters.$inferSelect;
type CouncilRow = typeof councils.$inferSelect;
type BureauRow = typeof bureaus.$inferSelect;

/** How many of a block's other events a cluster page lists beside its own. */
const BLOCK_EVENTS_SHOWN = 20;

const BLOCK_COUNCIL_PREFIX = "block-council-";

function extraOf(row: ClusterRow): Record<string, unknown> {
  return row.extra && typeof row.extra === "object" ? (row.extra as Record<string, unknown>) : {};
}

export function clusterView(row: ClusterRow) {
  const extra = extraOf(row);
  return {
    code: row.code,
    programme: row.programme as ClusterProgramme,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    regionJa: row.regionJa,
    regionEn: row.regionEn,
    block: row.blockCode,
    bureau: row.bureauCode,
    council: typeof extra.councilCode === "string" ? extra.councilCode : null,
    fieldJa: row.fieldJa,
    fieldEn: row.fieldEn,
    companies: row.companies,
    companiesApprox: extra.companiesApprox === true,
    universities: row.universities,
    asOf: typeof extra.asOf === "string" ? extra.asOf : null,
    areaType: row.areaType as "global" | "city" | null,
    fiscalYearFrom: row.fiscalYearFrom,
    fiscalYearTo: row.fiscalYearTo,
    themeJa: row.themeJa,
    source: typeof extra.source === "string" ? extra.source : null,
  };
}
export type ClusterView = ReturnType<typeof clusterView>;

export function councilView(row: CouncilRow) {
  return {
    code: row.code,
    kind: row.code.startsWith(BLOCK_COUNCIL_PREFIX) ? ("block" as const) : ("promotion" as const),
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    regionJa: row.regionJa,
    block: row.blockCode,
    membersJa: row.membersJa,
  };
}
export type CouncilView = ReturnType<typeof councilView>;

export function bureauView(row: BureauRow) {
  return { code: row.code, nameJa: row.nameJa, nameEn: row.nameEn, block: row.blockCode };
}
export type BureauView = ReturnType<typeof bureauView>;

export type DirectoryQuery = { block?: string; programme?: ClusterProgramme };

async function assertKnownBlock(db: Db, code: string | undefined) {
  if (code === undefined) return;
  const [b] = await db.select({ code: blocks.code }).from(blocks).where(eq(blocks.code, code));
  if (!b) throw new ValidationFailed([{ field: "query.block", code: "unknown", message: `no block has the code ${code}` }]);
}

export async function listClusters(ctx: Pick<Ctx, "db">, query: DirectoryQuery): Promise<ClusterView[]> {
  await assertKnownBlock(ctx.db, query.block);
  const where: SQL[] = [];
  if (query.block) where.push(eq(clusters.blockCode, query.block));
  if (query.programme) where.push(eq(clusters.programme, query.programme));
  const rows = await ctx.db
    .select({ cluster: clusters })
    .from(clusters)
    .leftJoin(blocks, eq(blocks.code, clusters.blockCode))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(blocks.sortOrder), asc(clusters.code));
  // Programmes in the order people know them (knowledge, industrial, continuing); north to south within each.
  return rows
    .map((r) => clusterView(r.cluster))
    .sort((a, b) => CLUSTER_PROGRAMMES.indexOf(a.programme) - CLUSTER_PROGRAMMES.indexOf(b.programme));
}

export async function listCouncils(ctx: Pick<Ctx, "db">, query: Pick<DirectoryQuery, "block">): Promise<CouncilView[]> {
  await assertKnownBlock(ctx.db, query.block);
  const rows = await ctx.db
    .select()
    .from(councils)
    .where(query.block ? eq(councils.blockCode, query.block) : undefined)
    .orderBy(asc(councils.code));
  return rows.map(councilView);
}

export async function listBureaus(ctx: Pick<Ctx, "db">, query: Pick<DirectoryQuery, "block">): Promise<BureauView[]> {
  await assertKnownBlock(ctx.db, query.block);
  const rows = await ctx.db
    .select()
    .from(bureaus)
    .where(query.block ? eq(bureaus.blockCode, query.block) : undefined)
    .orderBy(asc(bureaus.code));
  return rows.map(bureauView);
}

/**
 * One cluster with its bureau, its councils (the promotion council it is tied to and its block's
 * council), the events the documents tie to it, and the block's other public events.
 */
export async function getCluster(ctx: Pick<Ctx, "db">, input: { code: string }) {
  const { db } = ctx;
  const [row] = await db.select().from(clusters).where(eq(clusters.code, input.code));
  if (!row) throw new NotFound("cluster");
  const cluster = clusterView(row);
  const councilCodes = [cluster.council, cluster.block ? `${BLOCK_COUNCIL_PREFIX}${cluster.block}` : null].filter(
    (c): c is string => c !== null,
  );
  const [bureauRows, councilRows, linked] = await Promise.all([
    cluster.bureau ? db.select().from(bureaus).where(eq(bureaus.code, cluster.bureau)) : Promise.resolve([]),
    councilCodes.length ? db.select().from(councils).where(inArray(councils.code, councilCodes)) : Promise.resolve([]),
    db
      .select({ event: events })
      .from(eventClusters)
      .innerJoin(events, eq(events.id, eventClusters.eventId))
      .where(and(eq(eventClusters.clusterCode, row.code), ne(events.status, "planned")))
      .orderBy(desc(events.startsAt)),
  ]);
  const own = linked.map((l) => l.event);
  const blockEvents = cluster.block
    ? await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.blockCode, cluster.block),
            ne(events.status, "planned"),
            own.length
              ? notInArray(
                  events.id,
                  own.map((e) => e.id),
                )
              : undefined,
          ),
        )
        .orderBy(desc(events.startsAt))
        .limit(BLOCK_EVENTS_SHOWN)
    : [];
  const councilList = councilCodes
    .map((c) => councilRows.find((r) => r.code === c))
    .filter((c): c is CouncilRow => c !== undefined)
    .map(councilView);
  return {
    cluster,
    bureau: bureauRows[0] ? bureauView(bureauRows[0]) : null,
    councils: councilList,
    events: own,
    blockEvents,
  };
}
