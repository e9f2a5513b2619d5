import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import type { AppDeps } from "../deps.ts";
import { emailField, line } from "../lib/text.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { listBlocks, updateBlock } from "./service.ts";

const Block = z
  .object({
    code: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    councilCadence: z.number().int(),
    prefectures: z.array(z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })),
  })
  .openapi("Block");

const BlockPatch = z
  .strictObject({
    nameJa: line(50).optional(),
    nameEn: line(50).optional(),
    councilCadence: z.union([z.literal(1), z.literal(2)]).optional(),
    contactEmail: emailField.nullable().optional(),
    prefectures: z
      .array(z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, "must be a prefecture code 01–47"))
      .max(47)
      .optional(),
  })
  .openapi("BlockPatch");

export function blockRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/blocks/:code", requireStaff);
  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/api/blocks",
        tags: ["blocks"],
        summary: "The 10 regional blocks and their prefectures",
        responses: { 200: jsonResponse(z.array(Block), "The blocks, in their usual order") },
      }),
      async (c) => c.json(await listBlocks(deps.db), 200),
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/blocks/{code}",
        tags: ["blocks"],
        summary: "Edit a block: names, council cadence (1 or 2), secretariat address, prefectures (organiser of the block)",
        security: [{ bearer: [] }],
        request: {
          params: z.object({ code: z.string().regex(/^[a-z]{2,20}$/, "must be a block code such as kanto") }),
          body: jsonBody(BlockPatch),
        },
        responses: {
          200: jsonResponse(
            z.object({ code: z.string(), councilCadence: z.number(), contactEmail: z.string().nullable() }).passthrough(),
            "Updated",
          ),
          400: problems[400],
          401: problems[401],
          403: problems[403],
          404: problems[404],
        },
      }),
      async (c) => {
        const b = await updateBlock(deps.db, whoOf(c, deps), c.req.valid("param").code, c.req.valid("json"));
        return c.json(
          { code: b.code, nameJa: b.nameJa, nameEn: b.nameEn, councilCadence: b.councilCadence, contactEmail: b.contactEmail },
          200,
        );
      },
    );
}
