/** The one way a feed is answered over HTTP (ETag, 304, cache headers), for every feature's feeds. */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../deps.ts";
import { NotFound } from "../errors.ts";
import type { Feed, Lang } from "./service.ts";

/** What a feed answers, for the OpenAPI document. */
export const FEED_RESPONSES = {
  200: {
    description: "iCalendar (METHOD:PUBLISH), with ETag and Last-Modified",
    content: { "text/calendar": { schema: z.string() } },
  },
  304: { description: "Not modified (If-None-Match / If-Modified-Since)" },
};

/** A feed's `lang` (ja by default); a calendar client asking for another gets 404, like any feed it cannot have. */
export function feedLang(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "en" || q === "ja") return q;
  if (q !== undefined) throw new NotFound("feed", "lang must be ja or en.");
  return "ja";
}

const FEED_TTL_SECONDS = 900;

/** Answers with the feed, or 304 when the client's copy is current (checked before building). */
export async function serveFeed(c: Context<AppEnv>, feed: Feed, opts: { download?: boolean; personal?: boolean }) {
  const headers: Record<string, string> = {
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    "Cache-Control": `${opts.personal ? "private" : "public"}, max-age=${FEED_TTL_SECONDS}, must-revalidate`,
    Vary: "Accept-Encoding",
  };
  const inm = c.req.header("If-None-Match");
  const ims = c.req.header("If-Modified-Since");
  const fresh = inm
    ? inm.split(",").some((t) => t.trim() === feed.etag || t.trim() === `W/${feed.etag}` || t.trim() === "*")
    : ims !== undefined && !Number.isNaN(Date.parse(ims)) && feed.lastModified.getTime() <= Date.parse(ims);
  if (fresh) return c.body(null, 304, headers);
  const body = await feed.build();
  return c.body(body, 200, {
    ...headers,
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `${opts.download ? "attachment" : "inline"}; filename="${feed.filename}"`,
  });
}
