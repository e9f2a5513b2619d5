import { createRoute, z } from "@hono/zod-openapi";
import { dateTimeInput } from "../lib/date-input.ts";
import { requireAdmin } from "../auth/middleware.ts";
import type { AppDeps } from "../deps.ts";
import { jsonResponse, newRouter, problems } from "../lib/router.ts";
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

export function auditRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/audit", requireAdmin);
  return app.openapi(
    createRoute({
      method: "get",
      path: "/api/audit",
      tags: ["audit"],
      summary: "The audit log, newest first (administrator)",
      security: [{ bearer: [] }],
      request: {
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
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(Entry), nextCursor: z.string().nullable() }), "Entries"),
        400: problems[400],
        401: problems[401],
      },
    }),
    async (c) => c.json(await listAudit(deps.db, c.req.valid("query")), 200),
  );
}
