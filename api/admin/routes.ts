import { createRoute, z } from "@hono/zod-openapi";
import { dateTimeInput } from "../lib/date-input.ts";
import { requireAdmin } from "../auth/middleware.ts";
import type { AppDeps } from "../deps.ts";
import { NotFound } from "../errors.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { isJobName, JOB_NAMES, runJob } from "../../jobs/registry.ts";

export function adminRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/admin/*", requireAdmin);
  return app.openapi(
    createRoute({
      method: "post",
      path: "/api/admin/jobs/{name}/run",
      tags: ["jobs"],
      summary: "Run one job as of an instant (administrator)",
      description: `Jobs: ${JOB_NAMES.join(", ")}. A period that already succeeded is skipped.`,
      security: [{ bearer: [] }],
      request: {
        params: z.object({ name: z.string().max(64) }),
        body: { ...jsonBody(z.strictObject({ now: dateTimeInput.optional() })), required: false },
      },
      responses: {
        200: jsonResponse(
          z
            .object({ job: z.string(), asOf: z.string(), status: z.enum(["succeeded", "skipped"]), periodKey: z.string() })
            .passthrough(),
          "The run",
        ),
        400: problems[400],
        401: problems[401],
        404: problems[404],
      },
    }),
    async (c) => {
      const name = c.req.valid("param").name;
      if (!isJobName(name)) throw new NotFound("job", `There is no job "${name}"; jobs are ${JOB_NAMES.join(", ")}.`);
      const body = c.req.valid("json") as { now?: string } | undefined;
      const now = body?.now ? new Date(body.now) : deps.clock.now();
      return c.json(await runJob(deps, name, now), 200);
    },
  );
}
