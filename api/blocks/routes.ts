import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { jsonResponse, newRouter } from "../lib/router.ts";
import { listBlocks } from "./service.ts";

const Block = z
  .object({
    code: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    councilCadence: z.number().int(),
    prefectures: z.array(z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })),
  })
  .openapi("Block");

export function blockRoutes(deps: AppDeps) {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/api/blocks",
      tags: ["blocks"],
      summary: "The 10 regional blocks and their prefectures",
      responses: { 200: jsonResponse(z.array(Block), "The blocks, in their usual order") },
    }),
    async (c) => c.json(await listBlocks(deps.db), 200),
  );
}
