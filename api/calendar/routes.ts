import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { EVENT_KINDS, type EventKind } from "../../db/schema/events.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { NotFound } from "../errors.ts";
import { jsonResponse, newRouter, problems } from "../lib/router.ts";
import { listCalendars, resolveFeed, type FeedSpec, type Lang } from "./service.ts";
import { calendarUrl, rotateCalendarToken } from "./tokens.ts";
import { serveFeed as serve } from "./serve-feed.ts";

function langOf(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "en" || q === "ja") return q;
  if (q !== undefined) throw new NotFound("feed", "lang must be ja or en.");
  return "ja";
}

function stripIcs(param: string | undefined): string {
  const m = param?.match(/^(.+)\.ics$/);
  if (!m) throw new NotFound("feed");
  return m[1]!;
}

function kindOf(v: string | undefined): EventKind | undefined {
  if (v === undefined || v === "") return undefined;
  if (!(EVENT_KINDS as readonly string[]).includes(v)) throw new NotFound("kind", `There is no event kind "${v}".`);
  return v as EventKind;
}

export function calendarRoutes(deps: AppDeps) {
  const app = newRouter();
  const feed = (c: Context<AppEnv>, spec: FeedSpec) =>
    resolveFeed({ db: deps.db, spec, lang: langOf(c), now: deps.clock.now(), publicUrl: deps.config.PUBLIC_URL });

  app.get("/calendar/feed.ics", async (c) => {
    const block = c.req.query("block") || undefined;
    return serve(c, await feed(c, { scope: "all", block, kind: kindOf(c.req.query("kind")) }), {});
  });
  app.get("/calendar/blocks/:file", async (c) =>
    serve(c, await feed(c, { scope: "block", block: stripIcs(c.req.param("file")), kind: kindOf(c.req.query("kind")) }), {}),
  );
  app.get("/calendar/kinds/:file", async (c) => {
    const kind = kindOf(stripIcs(c.req.param("file")))!;
    return serve(c, await feed(c, { scope: "all", kind, block: c.req.query("block") || undefined }), {});
  });
  app.get("/calendar/events/:file", async (c) => {
    const id = stripIcs(c.req.param("file"));
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFound("event");
    return serve(c, await feed(c, { scope: "event", id }), { download: true });
  });
  app.get("/calendar/me/:file", async (c) =>
    serve(c, await feed(c, { scope: "personal", token: stripIcs(c.req.param("file")) }), { personal: true }),
  );

  // The feeds are plain routes (they answer text/calendar); they are described for the documentation
  // here, each with exactly the query parameters it honours (test/feed-params.test.ts sends every one).
  const LANG = z.enum(["ja", "en"]).optional().openapi({ description: "Language of titles and descriptions (default ja)" });
  const BLOCK = z.string().optional().openapi({ description: "Only this block's events (a block code such as kanto)" });
  const KIND = z.enum(EVENT_KINDS).optional().openapi({ description: "Only events of this kind" });
  const feedDoc = (path: string, summary: string, query: z.ZodObject, params?: z.ZodObject) =>
    app.openAPIRegistry.registerPath({
      method: "get",
      path,
      tags: ["calendar"],
      summary,
      request: { ...(params ? { params } : {}), query },
      responses: {
        200: {
          description: "iCalendar (METHOD:PUBLISH), with ETag and Last-Modified",
          content: { "text/calendar": { schema: z.string() } },
        },
        304: { description: "Not modified (If-None-Match / If-Modified-Since)" },
        404: problems[404],
      },
    });
  feedDoc("/calendar/feed.ics", "Every event (filters: block, kind)", z.object({ lang: LANG, block: BLOCK, kind: KIND }));
  feedDoc(
    "/calendar/blocks/{code}.ics",
    "One block's events (filter: kind)",
    z.object({ lang: LANG, kind: KIND }),
    z.object({ code: z.string() }),
  );
  feedDoc(
    "/calendar/kinds/{kind}.ics",
    "One kind of event (filter: block)",
    z.object({ lang: LANG, block: BLOCK }),
    z.object({ kind: z.enum(EVENT_KINDS) }),
  );
  feedDoc("/calendar/events/{id}.ics", "One event, as a download", z.object({ lang: LANG }), z.object({ id: z.string().uuid() }));
  feedDoc(
    "/calendar/me/{token}.ics",
    "Your personal feed (secret token)",
    z.object({ lang: LANG }),
    z.object({ token: z.string() }),
  );

  const CalendarLink = z
    .object({
      id: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      url: z.string(),
      webcalUrl: z.string(),
      googleUrl: z.string(),
    })
    .openapi("CalendarLink");

  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/api/calendars",
        tags: ["calendar"],
        summary: "Every public feed with its subscribe links",
        responses: { 200: jsonResponse(z.array(CalendarLink), "The feeds") },
      }),
      async (c) => c.json(await listCalendars(deps), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/calendar-tokens/{token}/rotate",
        tags: ["calendar"],
        summary: "Replace a personal feed token; the old one stops working at once",
        request: { params: z.object({ token: z.string().min(1).max(200) }) },
        responses: {
          200: jsonResponse(z.object({ token: z.string(), calendarUrl: z.string() }), "The new token"),
          404: problems[404],
        },
      }),
      async (c) => {
        const token = await rotateCalendarToken({
          db: deps.db,
          sealer: deps.sealer,
          token: c.req.valid("param").token,
          now: deps.clock.now(),
        });
        c.header("Cache-Control", "no-store");
        return c.json({ token, calendarUrl: calendarUrl(deps.config.PUBLIC_URL, token) }, 200);
      },
    );
}
