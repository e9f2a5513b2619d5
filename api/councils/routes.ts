import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
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

export const councilRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/councils/compliance",
      auth: "public",
      tags: ["councils"],
      summary: "Council meetings per block for a fiscal year (1–2 required)",
      query: z.object({ fy: z.coerce.number().int().min(1990).max(2200).optional() }),
      responses: {
        200: jsonResponse(z.object({ fiscalYear: z.number().int(), blocks: z.array(ComplianceRow) }), "Per block"),
      },
      errors: [400],
    },
    async (ctx, { query }, c) => c.json(await councilCompliance(ctx, { fy: query.fy }), 200),
  ),
];
