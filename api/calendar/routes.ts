import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { EVENT_KINDS, type EventKind } from "../../db/schema/events.ts";
import type { AppEnv, Ctx } from "../deps.ts";
import { NotFound } from "../errors.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { listCalendars, resolveFeed, type FeedSpec } from "./service.ts";
import { calendarUrl, rotateCalendarToken } from "./tokens.ts";
import { FEED_RESPONSES, feedLang, serveFeed as serve } from "./serve-feed.ts";

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

const feed = (ctx: Ctx, c: Context<AppEnv>, spec: FeedSpec) =>
  resolveFeed(ctx, { spec, lang: feedLang(c) });

// The feeds answer text/calendar and read their own parameters (anything they cannot serve is a 404,
// never a 400); the declarations name exactly the query parameters each honours (test/feed-params.test.ts sends every one).
const LANG = z.enum(["ja", "en"]).optional().openapi({ description: "Language of titles and descriptions (default ja)" });
const BLOCK = z.string().optional().openapi({ description: "Only this block's events (a block code such as kanto)" });
const KIND = z.enum(EVENT_KINDS).optional().openapi({ description: "Only events of this kind" });
const FEED = { method: "get", auth: "public", tags: ["calendar"], responses: FEED_RESPONSES, errors: [404] } as const;

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

export const calendarRoutes = [
  defineRoute(
    {
      ...FEED,
      path: "/calendar/feed.ics",
      summary: "Every event (filters: block, kind)",
      query: z.object({ lang: LANG, block: BLOCK, kind: KIND }),
      unvalidated: { path: "/calendar/feed.ics" },
    },
    async (ctx, _, c) => {
      const block = c.req.query("block") || undefined;
      return serve(c, await feed(ctx, c, { scope: "all", block, kind: kindOf(c.req.query("kind")) }), {});
    },
  ),
  defineRoute(
    {
      ...FEED,
      path: "/calendar/blocks/{code}.ics",
      summary: "One block's events (filter: kind)",
      params: z.object({ code: z.string() }),
      query: z.object({ lang: LANG, kind: KIND }),
      unvalidated: { path: "/calendar/blocks/:file" },
    },
    async (ctx, _, c) =>
      serve(c, await feed(ctx, c, { scope: "block", block: stripIcs(c.req.param("file")), kind: kindOf(c.req.query("kind")) }), {}),
  ),
  defineRoute(
    {
      ...FEED,
      path: "/calendar/kinds/{kind}.ics",
      summary: "One kind of event (filter: block)",
      params: z.object({ kind: z.enum(EVENT_KINDS) }),
      query: z.object({ lang: LANG, block: BLOCK }),
      unvalidated: { path: "/calendar/kinds/:file" },
    },
    async (ctx, _, c) => {
      const kind = kindOf(stripIcs(c.req.param("file")))!;
      return serve(c, await feed(ctx, c, { scope: "all", kind, block: c.req.query("block") || undefined }), {});
    },
  ),
  defineRoute(
    {
      ...FEED,
      path: "/calendar/events/{id}.ics",
      summary: "One event, as a download",
      params: z.object({ id: z.string().uuid() }),
      query: z.object({ lang: LANG }),
      unvalidated: { path: "/calendar/events/:file" },
    },
    async (ctx, _, c) => {
      const id = stripIcs(c.req.param("file"));
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFound("event");
      return serve(c, await feed(ctx, c, { scope: "event", id }), { download: true });
    },
  ),
  defineRoute(
    {
      ...FEED,
      path: "/calendar/me/{token}.ics",
      summary: "Your personal feed (secret token)",
      params: z.object({ token: z.string() }),
      query: z.object({ lang: LANG }),
      unvalidated: { path: "/calendar/me/:file" },
    },
    async (ctx, _, c) => serve(c, await feed(ctx, c, { scope: "personal", token: stripIcs(c.req.param("file")) }), { personal: true }),
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/calendars",
      auth: "public",
      tags: ["calendar"],
      summary: "Every public feed with its subscribe links",
      responses: { 200: jsonResponse(z.array(CalendarLink), "The feeds") },
    },
    async (ctx, _, c) => c.json(await listCalendars(ctx), 200),
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/calendar-tokens/{token}/rotate",
      auth: "public",
      tags: ["calendar"],
      summary: "Replace a personal feed token; the old one stops working at once",
      params: z.object({ token: z.string().min(1).max(200) }),
      responses: { 200: jsonResponse(z.object({ token: z.string(), calendarUrl: z.string() }), "The new token") },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      const token = await rotateCalendarToken(ctx, { token: params.token });
      c.header("Cache-Control", "no-store");
      return c.json({ token, calendarUrl: calendarUrl(ctx.config.PUBLIC_URL, token) }, 200);
    },
  ),
];
