import { z } from "@hono/zod-openapi";
import { FEED_RESPONSES, feedLang, serveFeed } from "../calendar/serve-feed.ts";
import { NotFound } from "../errors.ts";
import { IdParam } from "../events/schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { Programme, ProgrammeInput } from "./schemas.ts";
import { getProgramme, programmeFeed, programmeView, replaceProgramme } from "./service.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const programmeRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/calendar/events/{id}/programme.ics",
      auth: "public",
      tags: ["calendar", "programme"],
      summary: "An event's programme as a feed: one entry per session, the room as LOCATION",
      params: z.object({ id: z.string().uuid() }),
      query: z.object({ lang: z.enum(["ja", "en"]).optional() }),
      responses: FEED_RESPONSES,
      errors: [404],
      unvalidated: { path: "/calendar/events/:id/programme.ics" },
    },
    async (ctx, _, c) => {
      const id = c.req.param("id")!;
      if (!UUID.test(id)) throw new NotFound("event");
      return serveFeed(c, await programmeFeed(ctx, { eventId: id, lang: feedLang(c) }), {});
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/programme",
      auth: "public",
      tags: ["programme"],
      summary: "An event's programme: rooms, sessions, talks and speakers",
      params: IdParam,
      responses: { 200: jsonResponse(Programme, "The programme (empty when none is set)") },
      errors: [400, 404],
    },
    async (ctx, { params }, c) => {
      const { event, programme } = await getProgramme(ctx, { eventId: params.id });
      return c.json(programmeView(event.id, programme, ctx.config.PUBLIC_URL), 200);
    },
  ),
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/programme",
      auth: "staff",
      tags: ["programme"],
      summary: "Replace an event's programme (organiser of the event)",
      description:
        "Sessions must lie within the event; two sessions in one room must not overlap. Send a session's `id` to keep it (its calendar entry is updated, not duplicated); sessions left out are removed.",
      params: IdParam,
      body: ProgrammeInput,
      responses: { 200: jsonResponse(Programme, "The programme as stored") },
      errors: [400, 404, 409],
    },
    async (ctx, { params, body }, c) => {
      const { event, programme } = await replaceProgramme(ctx, { eventId: params.id, programme: body });
      return c.json(programmeView(event.id, programme, ctx.config.PUBLIC_URL), 200);
    },
  ),
];
