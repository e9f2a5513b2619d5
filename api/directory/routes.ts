import { z } from "@hono/zod-openapi";
import { Event } from "../events/schemas.ts";
import { toEventDto } from "../events/service.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { CLUSTER_PROGRAMMES, getCluster, listBureaus, listClusters, listCouncils } from "./service.ts";

const blockCode = z.string().regex(/^[a-z]{2,20}$/, "must be a block code such as kanto");
const BlockQuery = z.object({ block: blockCode.optional().openapi({ example: "kinki" }) });
const ClusterQuery = BlockQuery.extend({ programme: z.enum(CLUSTER_PROGRAMMES).optional() });

const Cluster = z
  .object({
    code: z.string().openapi({ example: "kc-kyoto" }),
    programme: z.enum(CLUSTER_PROGRAMMES),
    nameJa: z.string(),
    nameEn: z.string().nullable(),
    regionJa: z.string().nullable(),
    regionEn: z.string().nullable(),
    block: z.string().nullable(),
    bureau: z.string().nullable(),
    council: z.string().nullable().openapi({ description: "The promotion council the cluster is tied to (knowledge clusters)" }),
    fieldJa: z.string().nullable(),
    fieldEn: z.string().nullable(),
    companies: z.number().int().nullable(),
    companiesApprox: z.boolean().openapi({ description: "The company count is the document's 約N社" }),
    universities: z.number().int().nullable(),
    asOf: z.string().nullable().openapi({ example: "平成21年度" }),
    areaType: z.enum(["global", "city"]).nullable().openapi({ description: "Continuing areas: グローバル型 or 都市エリア型" }),
    fiscalYearFrom: z.number().int().nullable(),
    fiscalYearTo: z.number().int().nullable(),
    themeJa: z.string().nullable(),
    source: z.string().nullable().openapi({ description: "The source document(s) the facts are quoted from" }),
  })
  .openapi("Cluster");

const Council = z
  .object({
    code: z.string(),
    kind: z.enum(["block", "promotion"]),
    nameJa: z.string(),
    nameEn: z.string().nullable(),
    regionJa: z.string().nullable(),
    block: z.string().nullable(),
    membersJa: z.string().nullable(),
  })
  .openapi("Council");

const Bureau = z
  .object({ code: z.string(), nameJa: z.string(), nameEn: z.string().nullable(), block: z.string().nullable() })
  .openapi("Bureau");

const ClusterDetail = z
  .object({
    cluster: Cluster,
    bureau: Bureau.nullable(),
    councils: z.array(Council),
    events: z.array(Event).openapi({ description: "Events the source documents tie to this cluster, latest first" }),
    blockEvents: z.array(Event).openapi({ description: "Other public events of the cluster's block, latest first (at most 20)" }),
  })
  .openapi("ClusterDetail");

export const directoryRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/clusters",
      auth: "public",
      tags: ["directory"],
      summary: "Knowledge Cluster regions, Industrial Cluster projects and continuing cluster areas",
      query: ClusterQuery,
      responses: { 200: jsonResponse(z.array(Cluster), "The clusters") },
      errors: [400],
    },
    async (ctx, { query }, c) => c.json(await listClusters(ctx, query), 200),
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/clusters/{code}",
      auth: "public",
      tags: ["directory"],
      summary: "One cluster with its bureau, councils and events",
      params: z.object({ code: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a cluster code such as kc-kyoto") }),
      responses: { 200: jsonResponse(ClusterDetail, "The cluster") },
      errors: [400, 404],
    },
    async (ctx, { params }, c) => {
      const d = await getCluster(ctx, params);
      const dto = (row: Parameters<typeof toEventDto>[0]) => toEventDto(row, ctx.config.PUBLIC_URL);
      return c.json({ ...d, events: d.events.map(dto), blockEvents: d.blockEvents.map(dto) }, 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/councils",
      auth: "public",
      tags: ["directory"],
      summary: "Block councils and regional cluster promotion councils",
      query: BlockQuery,
      responses: { 200: jsonResponse(z.array(Council), "The councils") },
      errors: [400],
    },
    async (ctx, { query }, c) => c.json(await listCouncils(ctx, query), 200),
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/bureaus",
      auth: "public",
      tags: ["directory"],
      summary: "METI regional bureaus",
      query: BlockQuery,
      responses: { 200: jsonResponse(z.array(Bureau), "The bureaus") },
      errors: [400],
    },
    async (ctx, { query }, c) => c.json(await listBureaus(ctx, query), 200),
  ),
];
