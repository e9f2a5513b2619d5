import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { jsonResponse, newRouter, problems } from "../lib/router.ts";
import { councilCompliance } from "./service.ts";

const ComplianceRow = z
  .object({
    block: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    held: z.number().int(),
    scheduled: z.number().int(),
    planned: z.number().int(),
    min: z.number().int(),
    max: z.number().int(),
    status: z.enum(["ok", "behind", "over"]),
  })
  .openapi("CouncilCompliance");

export function councilRoutes(deps: AppDeps) {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/api/councils/compliance",
      tags: ["councils"],
      summary: "Council meetings per block for a fiscal year (1–2 required)",
      request: { query: z.object({ fy: z.coerce.number().int().min(1990).max(2200).optional() }) },
      responses: {
        200: jsonResponse(z.object({ fiscalYear: z.number().int(), blocks: z.array(ComplianceRow) }), "Per block"),
        400: problems[400],
      },
    }),
    async (c) => c.json(await councilCompliance({ db: deps.db, fy: c.req.valid("query").fy, now: deps.clock.now() }), 200),
  );
}
