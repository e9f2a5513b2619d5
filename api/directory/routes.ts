import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { Event } from "../events/schemas.ts";
import { toEventDto } from "../events/service.ts";
import { jsonResponse, newRouter, problems } from "../lib/router.ts";
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

export function directoryRoutes(deps: AppDeps) {
  const dto = (row: Parameters<typeof toEventDto>[0]) => toEventDto(row, deps.config.PUBLIC_URL);
  return newRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/api/clusters",
        tags: ["directory"],
        summary: "Knowledge Cluster regions, Industrial Cluster projects and continuing cluster areas",
        request: { query: ClusterQuery },
        responses: { 200: jsonResponse(z.array(Cluster), "The clusters"), 400: problems[400] },
      }),
      async (c) => c.json(await listClusters(deps, c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/clusters/{code}",
        tags: ["directory"],
        summary: "One cluster with its bureau, councils and events",
        request: { params: z.object({ code: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a cluster code such as kc-kyoto") }) },
        responses: { 200: jsonResponse(ClusterDetail, "The cluster"), 400: problems[400], 404: problems[404] },
      }),
      async (c) => {
        const d = await getCluster(deps, c.req.valid("param"));
        return c.json({ ...d, events: d.events.map(dto), blockEvents: d.blockEvents.map(dto) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/councils",
        tags: ["directory"],
        summary: "Block councils and regional cluster promotion councils",
        request: { query: BlockQuery },
        responses: { 200: jsonResponse(z.array(Council), "The councils"), 400: problems[400] },
      }),
      async (c) => c.json(await listCouncils(deps, c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/bureaus",
        tags: ["directory"],
        summary: "METI regional bureaus",
        request: { query: BlockQuery },
        responses: { 200: jsonResponse(z.array(Bureau), "The bureaus"), 400: problems[400] },
      }),
      async (c) => c.json(await listBureaus(deps, c.req.valid("query")), 200),
    );
}
