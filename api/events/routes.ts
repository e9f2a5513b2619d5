import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { Event, EventCreate, EventList, EventPatch, EventQuery, IdParam } from "./schemas.ts";
import { cancelEvent, createEvent, getEvent, listEvents, toEventDto, updateEvent } from "./service.ts";

export const eventRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/events",
      auth: "public",
      tags: ["events"],
      summary: "List events",
      description: "Ordered by start. `from`/`to` select events overlapping that range; pages with `cursor`.",
      query: EventQuery,
      responses: { 200: jsonResponse(EventList, "A page of events") },
      errors: [400],
    },
    async (ctx, { query }, c) => {
      const { rows, nextCursor } = await listEvents(ctx, { query });
      return c.json({ items: rows.map((r) => toEventDto(r, ctx.config.PUBLIC_URL)), nextCursor }, 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}",
      auth: "public",
      tags: ["events"],
      summary: "One event",
      params: IdParam,
      responses: { 200: jsonResponse(Event, "The event") },
      errors: [400, 404],
    },
    async (ctx, { params }, c) =>
      c.json(toEventDto(await getEvent(ctx, { id: params.id }), ctx.config.PUBLIC_URL), 200),
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events",
      auth: "staff",
      tags: ["events"],
      summary: "Create an event (administrator, or an organiser in their blocks)",
      body: EventCreate,
      responses: { 201: jsonResponse(Event, "Created") },
      errors: [400],
    },
    async (ctx, { body }, c) => {
      const row = await createEvent(ctx, body);
      c.header("Location", `/api/events/${row.id}`);
      return c.json(toEventDto(row, ctx.config.PUBLIC_URL), 201);
    },
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/events/{id}",
      auth: "staff",
      tags: ["events"],
      summary: "Change an event (organiser in scope)",
      description: "Raising the capacity confirms people from the waiting list in the same transaction.",
      params: IdParam,
      body: EventPatch,
      responses: { 200: jsonResponse(Event, "Updated") },
      errors: [400, 404, 409],
    },
    async (ctx, { params, body }, c) => {
      const row = await updateEvent(ctx, { id: params.id, input: body });
      return c.json(toEventDto(row, ctx.config.PUBLIC_URL), 200);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/cancel",
      auth: "staff",
      tags: ["events"],
      summary: "Cancel an event (organiser in scope); registrants are told",
      params: IdParam,
      responses: { 200: jsonResponse(Event, "Cancelled") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json(toEventDto(await cancelEvent(ctx, { id: params.id }), ctx.config.PUBLIC_URL), 200),
  ),
];
