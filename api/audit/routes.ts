import { z } from "@hono/zod-openapi";
import { dateTimeInput } from "../lib/date-input.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { listAudit } from "./service.ts";

const Entry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi("AuditEntry");

export const auditRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/audit",
      auth: "admin",
      tags: ["audit"],
      summary: "The audit log, newest first (administrator)",
      query: z.object({
        entity: z.string().max(40).optional(),
        entityId: z.string().max(100).optional(),
        actor: z.string().max(100).optional(),
        action: z.string().max(60).optional(),
        since: dateTimeInput.optional(),
        until: dateTimeInput.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      responses: { 200: jsonResponse(z.object({ items: z.array(Entry), nextCursor: z.string().nullable() }), "Entries") },
      errors: [400],
    },
    async (ctx, { query }, c) => c.json(await listAudit(ctx, query), 200),
  ),
];
