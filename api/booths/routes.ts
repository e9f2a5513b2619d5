import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { coversEvent } from "../auth/scope.ts";
import { whoOf } from "../auth/who.ts";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ValidationFailed } from "../errors.ts";
import { getEvent } from "../events/service.ts";
import { IdParam } from "../events/schemas.ts";
import { Exhibitor } from "./application-schemas.ts";
import { fieldErrors, jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import type { ZodError } from "zod";
import {
  AllocationInput,
  AssignmentInput,
  BoothInput,
  ExhibitorInput,
  ExhibitorsCsv,
  ExhibitorsInput,
  FloorPlanCsv,
  FloorPlanInput,
  WeightsInput,
} from "./schemas.ts";
import { getWeights, runAllocation, setWeights } from "./service/allocation.ts";
import { assignBooth, unassignBooth } from "./service/assignment.ts";
import { parseExhibitorsCsv } from "./service/exhibitors-csv.ts";
import { addExhibitor, listExhibitors, replaceExhibitors } from "./service/exhibitors.ts";
import { parseFloorPlanCsv } from "./service/floor-plan-csv.ts";
import { listBooths, putFloorPlan } from "./service/floor-plan.ts";
import { publishAllocation } from "./service/publish.ts";
import { floorPlanSvg } from "./svg.ts";

const BoothParams = z.object({ id: z.string().uuid(), code: z.string().min(1).max(20) });
const Booth = z
  .object({
    ...BoothInput.shape,
    sizeClass: z.string(),
    adjacent: z.array(z.string()),
    assignment: z
      .object({
        exhibitor: z.string(),
        name: z.string(),
        organization: z.string(),
        cluster: z.string(),
        field: z.string(),
        pinned: z.boolean().optional().openapi({ description: "Organisers in scope only: the allocator keeps this booth" }),
      })
      .nullable(),
  })
  .openapi("Booth");
const Allocation = z
  .object({
    assignments: z.array(z.object({ booth: z.string(), exhibitor: z.string() })),
    unassigned: z.array(z.object({ exhibitor: z.string(), reason: z.string() })),
    score: z.object({ total: z.number(), firstChoice: z.number(), top3: z.number(), sameClusterAdjacent: z.number() }),
    elapsedMs: z.number(),
    applied: z.boolean(),
  })
  .passthrough()
  .openapi("Allocation");

/** A whole list in one body (up to 2 MiB): JSON, or the same as a CSV sheet. */
function uploadBody<T extends z.ZodType>(schema: T, csv: typeof FloorPlanCsv) {
  const json = jsonBody(schema);
  return { ...json, description: "Up to 2 MiB (other routes take 64 KiB).", content: { ...json.content, ...csv } };
}

export function boothRoutes(deps: AppDeps) {
  const app = newRouter();
  for (const path of [
    "/api/events/:id/floor-plan",
    "/api/events/:id/exhibitors",
    "/api/events/:id/allocation",
    "/api/events/:id/allocation/*",
    "/api/events/:id/booths/:code/assignment",
  ]) {
    app.use(path, async (c, next) =>
      c.req.method === "GET" && !path.includes("exhibitors") && !path.includes("allocation") ? next() : requireStaff(c, next),
    );
  }

  // CSV for spreadsheets; JSON goes on to the validated routes below.
  const csvEventId = (c: Context<AppEnv>) => {
    if (!(c.req.header("Content-Type") ?? "").toLowerCase().startsWith("text/csv")) return null;
    const id = IdParam.safeParse({ id: c.req.param("id") });
    if (!id.success) throw new ValidationFailed(fieldErrors(id.error as ZodError, "param"));
    return id.data.id;
  };
  app.put("/api/events/:id/exhibitors", async (c, next) => {
    const eventId = csvEventId(c);
    if (!eventId) return next();
    const list = parseExhibitorsCsv(await c.req.text());
    return c.json(await replaceExhibitors({ db: deps.db, who: whoOf(c, deps), eventId, input: list }), 200);
  });
  app.put("/api/events/:id/floor-plan", async (c, next) => {
    const eventId = csvEventId(c);
    if (!eventId) return next();
    await putFloorPlan({ db: deps.db, who: whoOf(c, deps), eventId, input: parseFloorPlanCsv(await c.req.text()) });
    return c.json(await listBooths({ db: deps.db, eventId, viewer: c.get("actor") }), 200);
  });

  return app
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/floor-plan",
        tags: ["booths"],
        summary: "Replace the floor plan (while nothing is assigned): JSON, or text/csv with the header code,x,y,w,h,zone",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: uploadBody(FloorPlanInput, FloorPlanCsv) },
        responses: {
          200: jsonResponse(z.array(Booth), "The booths"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
          413: problems[413],
        },
      }),
      async (c) => {
        const eventId = c.req.valid("param").id;
        // The CSV is answered above; what reaches here is validated JSON.
        const input = c.req.valid("json") as z.infer<typeof FloorPlanInput>;
        await putFloorPlan({ db: deps.db, who: whoOf(c, deps), eventId, input });
        return c.json(await listBooths({ db: deps.db, eventId, viewer: c.get("actor") }), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/booths",
        tags: ["booths"],
        summary: "Every booth with its assignment",
        request: { params: IdParam },
        responses: { 200: jsonResponse(z.array(Booth), "The booths"), 404: problems[404] },
      }),
      async (c) => c.json(await listBooths({ db: deps.db, eventId: c.req.valid("param").id, viewer: c.get("actor") }), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/floor-plan.svg",
        tags: ["booths"],
        summary: "The floor map as SVG",
        request: { params: IdParam },
        responses: { 200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } }, 404: problems[404] },
      }),
      async (c) => {
        const eventId = c.req.valid("param").id;
        const event = await getEvent({ db: deps.db, id: eventId, viewer: c.get("actor") });
        const showPinned = coversEvent(c.get("actor"), event);
        const svg = floorPlanSvg(await listBooths({ db: deps.db, eventId, viewer: c.get("actor") }), { title: event.titleJa, showPinned });
        return c.body(svg, 200, { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-cache" });
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/exhibitors",
        tags: ["booths"],
        summary: "Add one exhibitor application",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: jsonBody(ExhibitorInput) },
        responses: {
          201: jsonResponse(Exhibitor, "Added"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const eventId = c.req.valid("param").id;
        const row = await addExhibitor({ db: deps.db, who: whoOf(c, deps), eventId, input: c.req.valid("json") });
        const list = await listExhibitors({ db: deps.db, actor: c.get("actor"), eventId });
        return c.json(
          list.find((x) => x.ref === row.ref)!,
          201,
        );
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/exhibitors",
        tags: ["booths"],
        summary: "Replace all exhibitor applications (JSON, or text/csv with a header row)",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: uploadBody(ExhibitorsInput, ExhibitorsCsv) },
        responses: {
          200: jsonResponse(z.array(Exhibitor), "The exhibitors"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          413: problems[413],
        },
      }),
      async (c) => {
        const body = c.req.valid("json") as z.infer<typeof ExhibitorsInput>;
        const list = Array.isArray(body) ? body : body.exhibitors;
        return c.json(
          await replaceExhibitors({ db: deps.db, who: whoOf(c, deps), eventId: c.req.valid("param").id, input: list }),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/exhibitors",
        tags: ["booths"],
        summary: "Exhibitor applications with their status",
        security: [{ bearer: [] }],
        request: { params: IdParam },
        responses: { 200: jsonResponse(z.array(Exhibitor), "The exhibitors"), 401: problems[401], 404: problems[404] },
      }),
      async (c) => c.json(await listExhibitors({ db: deps.db, actor: c.get("actor"), eventId: c.req.valid("param").id }), 200),
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/booths/{code}/assignment",
        tags: ["booths"],
        summary: "Assign (or move) an exhibitor to a booth",
        security: [{ bearer: [] }],
        request: { params: BoothParams, body: jsonBody(AssignmentInput) },
        responses: {
          200: jsonResponse(z.object({ booth: z.string(), exhibitor: z.string(), pinned: z.boolean() }), "Assigned"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const p = c.req.valid("param");
        const b = c.req.valid("json");
        return c.json(
          await assignBooth({
            db: deps.db,
            who: whoOf(c, deps),
            eventId: p.id,
            code: p.code,
            exhibitorRef: b.exhibitor,
            pinned: b.pinned,
          }),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/events/{id}/booths/{code}/assignment",
        tags: ["booths"],
        summary: "Clear a booth",
        security: [{ bearer: [] }],
        request: { params: BoothParams },
        responses: { 204: { description: "Cleared" }, 401: problems[401], 404: problems[404] },
      }),
      async (c) => {
        const p = c.req.valid("param");
        await unassignBooth({ db: deps.db, who: whoOf(c, deps), eventId: p.id, code: p.code });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/allocation",
        tags: ["booths"],
        summary: "Automatic allocation (dryRun to preview); pinned booths stay",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: { ...jsonBody(AllocationInput), required: false } },
        responses: {
          200: jsonResponse(Allocation, "The allocation"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
        },
      }),
      async (c) => {
        const b = (c.req.valid("json") ?? {}) as { dryRun?: boolean; timeLimitMs?: number; weights?: never };
        return c.json(await runAllocation({ db: deps.db, who: whoOf(c, deps), eventId: c.req.valid("param").id, ...b }), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/allocation/weights",
        tags: ["booths"],
        summary: "The scoring weights stored for the event (or the defaults)",
        security: [{ bearer: [] }],
        request: { params: IdParam },
        responses: { 200: jsonResponse(WeightsInput, "Weights"), 401: problems[401], 404: problems[404] },
      }),
      async (c) => c.json(await getWeights({ db: deps.db, actor: c.get("actor"), eventId: c.req.valid("param").id }), 200),
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/allocation/weights",
        tags: ["booths"],
        summary: "Store scoring weights on the event",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: jsonBody(WeightsInput) },
        responses: { 200: jsonResponse(WeightsInput, "Weights"), 400: problems[400], 401: problems[401], 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await setWeights({ db: deps.db, who: whoOf(c, deps), eventId: c.req.valid("param").id, weights: c.req.valid("json") }),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/allocation/publish",
        tags: ["booths"],
        summary: "E-mail every exhibitor its booth (through the outbox)",
        security: [{ bearer: [] }],
        request: { params: IdParam },
        responses: {
          200: jsonResponse(z.object({ queued: z.number(), withoutEmail: z.number() }), "Queued"),
          401: problems[401],
          404: problems[404],
        },
      }),
      async (c) => c.json(await publishAllocation(deps, whoOf(c, deps), c.req.valid("param").id), 200),
    );
}
