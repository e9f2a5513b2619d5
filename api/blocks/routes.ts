import { z } from "@hono/zod-openapi";
import { emailField, line } from "../lib/text.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
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

export const blockRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/blocks",
      auth: "public",
      tags: ["blocks"],
      summary: "The 10 regional blocks and their prefectures",
      responses: { 200: jsonResponse(z.array(Block), "The blocks, in their usual order") },
    },
    async (ctx, _, c) => c.json(await listBlocks(ctx), 200),
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/blocks/{code}",
      auth: "staff",
      tags: ["blocks"],
      summary: "Edit a block: names, council cadence (1 or 2), secretariat address, prefectures (organiser of the block)",
      params: z.object({ code: z.string().regex(/^[a-z]{2,20}$/, "must be a block code such as kanto") }),
      body: BlockPatch,
      responses: {
        200: jsonResponse(
          z.object({ code: z.string(), councilCadence: z.number(), contactEmail: z.string().nullable() }).passthrough(),
          "Updated",
        ),
      },
      errors: [400, 403, 404],
    },
    async (ctx, { params, body }, c) => {
      const b = await updateBlock(ctx, { code: params.code, patch: body });
      return c.json(
        { code: b.code, nameJa: b.nameJa, nameEn: b.nameEn, councilCadence: b.councilCadence, contactEmail: b.contactEmail },
        200,
      );
    },
  ),
];
