import { createRoute } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import type { AppDeps } from "../deps.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { Event, EventCreate, EventList, EventPatch, EventQuery, IdParam } from "./schemas.ts";
import { cancelEvent, createEvent, getEvent, listEvents, toEventDto, updateEvent } from "./service.ts";

const admin = [{ bearer: [] }];

export function eventRoutes(deps: AppDeps) {
  const dto = (row: Parameters<typeof toEventDto>[0]) => toEventDto(row, deps.config.PUBLIC_URL);
  const app = newRouter();
  app.use("/api/events", async (c, next) => (c.req.method === "POST" ? requireStaff(c, next) : next()));
  app.use("/api/events/:id", async (c, next) => (c.req.method === "PATCH" ? requireStaff(c, next) : next()));
  app.use("/api/events/:id/cancel", requireStaff);

  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events",
        tags: ["events"],
        summary: "List events",
        description: "Ordered by start. `from`/`to` select events overlapping that range; pages with `cursor`.",
        request: { query: EventQuery },
        responses: { 200: jsonResponse(EventList, "A page of events"), 400: problems[400] },
      }),
      async (c) => {
        const { rows, nextCursor } = await listEvents({ db: deps.db, query: c.req.valid("query"), viewer: c.get("actor") });
        return c.json({ items: rows.map(dto), nextCursor }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}",
        tags: ["events"],
        summary: "One event",
        request: { params: IdParam },
        responses: { 200: jsonResponse(Event, "The event"), 400: problems[400], 404: problems[404] },
      }),
      async (c) => c.json(dto(await getEvent({ db: deps.db, id: c.req.valid("param").id, viewer: c.get("actor") })), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events",
        tags: ["events"],
        summary: "Create an event (administrator, or an organiser in their blocks)",
        security: admin,
        request: { body: jsonBody(EventCreate) },
        responses: { 201: jsonResponse(Event, "Created"), 400: problems[400], 401: problems[401] },
      }),
      async (c) => {
        const row = await createEvent({ db: deps.db, clock: deps.clock, input: c.req.valid("json"), who: whoOf(c, deps) });
        c.header("Location", `/api/events/${row.id}`);
        return c.json(dto(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/events/{id}",
        tags: ["events"],
        summary: "Change an event (organiser in scope)",
        description: "Raising the capacity confirms people from the waiting list in the same transaction.",
        security: admin,
        request: { params: IdParam, body: jsonBody(EventPatch) },
        responses: {
          200: jsonResponse(Event, "Updated"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const row = await updateEvent({ ...deps, id: c.req.valid("param").id, input: c.req.valid("json"), who: whoOf(c, deps) });
        return c.json(dto(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/cancel",
        tags: ["events"],
        summary: "Cancel an event (organiser in scope); registrants are told",
        security: admin,
        request: { params: IdParam },
        responses: { 200: jsonResponse(Event, "Cancelled"), 401: problems[401], 404: problems[404] },
      }),
      async (c) => c.json(dto(await cancelEvent({ ...deps, id: c.req.valid("param").id, who: whoOf(c, deps) })), 200),
    );
}
