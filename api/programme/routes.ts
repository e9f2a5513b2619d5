import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import { serveFeed } from "../calendar/serve-feed.ts";
import type { AppDeps } from "../deps.ts";
import { NotFound } from "../errors.ts";
import { IdParam } from "../events/schemas.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { Programme, ProgrammeInput } from "./schemas.ts";
import { getProgramme, programmeFeed, programmeView, replaceProgramme } from "./service.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function programmeRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/events/:id/programme", async (c, next) => (c.req.method === "PUT" ? requireStaff(c, next) : next()));

  app.get("/calendar/events/:id/programme.ics", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) throw new NotFound("event");
    const q = c.req.query("lang");
    if (q !== undefined && q !== "ja" && q !== "en") throw new NotFound("feed", "lang must be ja or en.");
    return serveFeed(c, await programmeFeed(deps, { eventId: id, lang: q === "en" ? "en" : "ja" }), {});
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/calendar/events/{id}/programme.ics",
    tags: ["calendar", "programme"],
    summary: "An event's programme as a feed: one entry per session, the room as LOCATION",
    request: { params: z.object({ id: z.string().uuid() }), query: z.object({ lang: z.enum(["ja", "en"]).optional() }) },
    responses: {
      200: {
        description: "iCalendar (METHOD:PUBLISH), with ETag and Last-Modified",
        content: { "text/calendar": { schema: z.string() } },
      },
      304: { description: "Not modified (If-None-Match / If-Modified-Since)" },
      404: problems[404],
    },
  });

  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/programme",
        tags: ["programme"],
        summary: "An event's programme: rooms, sessions, talks and speakers",
        request: { params: IdParam },
        responses: {
          200: jsonResponse(Programme, "The programme (empty when none is set)"),
          400: problems[400],
          404: problems[404],
        },
      }),
      async (c) => {
        const { event, programme } = await getProgramme(deps, { eventId: c.req.valid("param").id, actor: c.get("actor") });
        return c.json(programmeView(event.id, programme, deps.config.PUBLIC_URL), 200);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/programme",
        tags: ["programme"],
        summary: "Replace an event's programme (organiser of the event)",
        description:
          "Sessions must lie within the event; two sessions in one room must not overlap. Send a session's `id` to keep it (its calendar entry is updated, not duplicated); sessions left out are removed.",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: jsonBody(ProgrammeInput) },
        responses: {
          200: jsonResponse(Programme, "The programme as stored"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const { event, programme } = await replaceProgramme(deps, {
          eventId: c.req.valid("param").id,
          who: whoOf(c, deps),
          programme: c.req.valid("json"),
        });
        return c.json(programmeView(event.id, programme, deps.config.PUBLIC_URL), 200);
      },
    );
}
