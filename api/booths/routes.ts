import { z } from "@hono/zod-openapi";
import { coversEvent } from "../auth/scope.ts";
import { getEvent } from "../events/service.ts";
import { IdParam } from "../events/schemas.ts";
import { Exhibitor } from "./application-schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
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
    basis: z.string().openapi({ description: "What the allocation was computed from (the hall and the weights), for applying exactly what was previewed" }),
  })
  .passthrough()
  .openapi("Allocation");

const UPLOAD = "Up to 2 MiB (other routes take 64 KiB).";

export const boothRoutes = [
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/floor-plan",
      auth: "staff",
      tags: ["booths"],
      summary: "Replace the floor plan (while nothing is assigned): JSON, or text/csv with the header code,x,y,w,h,zone",
      params: IdParam,
      body: { schema: FloorPlanInput, description: UPLOAD, csv: { content: FloorPlanCsv, parse: parseFloorPlanCsv } },
      responses: { 200: jsonResponse(z.array(Booth), "The booths") },
      errors: [400, 404, 409, 413],
    },
    async (ctx, { params, body }, c) => {
      await putFloorPlan(ctx, { eventId: params.id, input: body });
      return c.json(await listBooths(ctx, { eventId: params.id }), 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/booths",
      auth: "public",
      tags: ["booths"],
      summary: "Every booth with its assignment",
      params: IdParam,
      responses: { 200: jsonResponse(z.array(Booth), "The booths") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json(await listBooths(ctx, { eventId: params.id }), 200),
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/floor-plan.svg",
      auth: "public",
      tags: ["booths"],
      summary: "The floor map as SVG",
      params: IdParam,
      responses: { 200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } } },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      const event = await getEvent(ctx, { id: params.id });
      const showPinned = coversEvent(ctx.who.actor, event);
      const svg = floorPlanSvg(await listBooths(ctx, { eventId: params.id }), { title: event.titleJa, showPinned });
      return c.body(svg, 200, { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-cache" });
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/exhibitors",
      auth: "staff",
      tags: ["booths"],
      summary: "Add one exhibitor application",
      params: IdParam,
      body: ExhibitorInput,
      responses: { 201: jsonResponse(Exhibitor, "Added") },
      errors: [400, 404, 409],
    },
    async (ctx, { params, body }, c) => {
      const row = await addExhibitor(ctx, { eventId: params.id, input: body });
      const list = await listExhibitors(ctx, { eventId: params.id });
      return c.json(list.find((x) => x.ref === row.ref)!, 201);
    },
  ),
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/exhibitors",
      auth: "staff",
      tags: ["booths"],
      summary: "Replace all exhibitor applications (JSON, or text/csv with a header row)",
      params: IdParam,
      body: { schema: ExhibitorsInput, description: UPLOAD, csv: { content: ExhibitorsCsv, parse: parseExhibitorsCsv } },
      responses: { 200: jsonResponse(z.array(Exhibitor), "The exhibitors") },
      errors: [400, 404, 413],
    },
    async (ctx, { params, body }, c) => {
      const list = Array.isArray(body) ? body : body.exhibitors;
      return c.json(await replaceExhibitors(ctx, { eventId: params.id, input: list }), 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/exhibitors",
      auth: "staff",
      tags: ["booths"],
      summary: "Exhibitor applications with their status",
      params: IdParam,
      responses: { 200: jsonResponse(z.array(Exhibitor), "The exhibitors") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json(await listExhibitors(ctx, { eventId: params.id }), 200),
  ),
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/booths/{code}/assignment",
      auth: "staff",
      tags: ["booths"],
      summary: "Assign (or move) an exhibitor to a booth",
      params: BoothParams,
      body: AssignmentInput,
      responses: { 200: jsonResponse(z.object({ booth: z.string(), exhibitor: z.string(), pinned: z.boolean() }), "Assigned") },
      errors: [400, 404, 409],
    },
    async (ctx, { params, body }, c) =>
      c.json(
        await assignBooth(ctx, { eventId: params.id, code: params.code, exhibitorRef: body.exhibitor, pinned: body.pinned }),
        200,
      ),
  ),
  defineRoute(
    {
      method: "delete",
      path: "/api/events/{id}/booths/{code}/assignment",
      auth: "staff",
      tags: ["booths"],
      summary: "Clear a booth",
      params: BoothParams,
      responses: { 204: { description: "Cleared" } },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      await unassignBooth(ctx, { eventId: params.id, code: params.code });
      return c.body(null, 204);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/allocation",
      auth: "staff",
      tags: ["booths"],
      summary: "Automatic allocation (dryRun to preview); pinned booths stay",
      params: IdParam,
      body: { schema: AllocationInput, required: false },
      responses: { 200: jsonResponse(Allocation, "The allocation") },
      errors: [400, 404, "allocation-changed"],
    },
    async (ctx, { params, body }, c) => {
      const b = (body ?? {}) as { dryRun?: boolean; timeLimitMs?: number; weights?: never; basis?: string };
      return c.json(await runAllocation(ctx, { eventId: params.id, ...b }), 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/allocation/weights",
      auth: "staff",
      tags: ["booths"],
      summary: "The scoring weights stored for the event (or the defaults)",
      params: IdParam,
      responses: { 200: jsonResponse(WeightsInput, "Weights") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json(await getWeights(ctx, { eventId: params.id }), 200),
  ),
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/allocation/weights",
      auth: "staff",
      tags: ["booths"],
      summary: "Store scoring weights on the event",
      params: IdParam,
      body: WeightsInput,
      responses: { 200: jsonResponse(WeightsInput, "Weights") },
      errors: [400, 404],
    },
    async (ctx, { params, body }, c) =>
      c.json(await setWeights(ctx, { eventId: params.id, weights: body }), 200),
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/allocation/publish",
      auth: "staff",
      tags: ["booths"],
      summary: "E-mail every exhibitor its booth (through the outbox)",
      params: IdParam,
      responses: { 200: jsonResponse(z.object({ queued: z.number(), withoutEmail: z.number() }), "Queued") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json(await publishAllocation(ctx, { eventId: params.id }), 200),
  ),
];
