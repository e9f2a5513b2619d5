import { z } from "@hono/zod-openapi";
import { dateTimeInput } from "../lib/date-input.ts";
import { NotFound } from "../errors.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { isJobName, JOB_NAMES, runJob } from "../../jobs/registry.ts";

export const adminRoutes = [
  defineRoute(
    {
      method: "post",
      path: "/api/admin/jobs/{name}/run",
      auth: "admin",
      tags: ["jobs"],
      summary: "Run one job as of an instant (administrator)",
      description: `Jobs: ${JOB_NAMES.join(", ")}. A period that already succeeded is skipped.`,
      params: z.object({ name: z.string().max(64) }),
      body: { schema: z.strictObject({ now: dateTimeInput.optional() }), required: false },
      responses: {
        200: jsonResponse(
          z
            .object({ job: z.string(), asOf: z.string(), status: z.enum(["succeeded", "skipped"]), periodKey: z.string() })
            .passthrough(),
          "The run",
        ),
      },
      errors: [400, 404],
    },
    async (ctx, { params, body }, c) => {
      if (!isJobName(params.name)) throw new NotFound("job", `There is no job "${params.name}"; jobs are ${JOB_NAMES.join(", ")}.`);
      const now = body?.now ? new Date(body.now) : ctx.clock.now();
      return c.json(await runJob(ctx, params.name, now), 200);
    },
  ),
];
