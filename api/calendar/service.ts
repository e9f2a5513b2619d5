import { and, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { blocks, events, feedState, registrations } from "../../db/schema/index.ts";
import { EVENT_KINDS, type EventKind } from "../../db/schema/events.ts";
import { KIND_WORDS } from "../../lib/domain-words.ts";
import type { Ctx } from "../deps.ts";
import { listBlocks } from "../blocks/service.ts";
import { NotFound } from "../errors.ts";
import { buildCalendar, etagFor, type FeedEvent } from "./ics.ts";
import { emailKeyForCalendarToken } from "./tokens.ts";

/** Cancelled events stay in feeds this long, so clients see the cancellation. */
const CANCELLED_VISIBLE_MS = 30 * 86_400_000;
/** Bump when the builder's output changes, so cached ETags are not reused across versions. */
const FEED_VERSION = "2";

export type Lang = "ja" | "en";
export type FeedSpec =
  | { scope: "all"; block?: string; kind?: EventKind }
  | { scope: "block"; block: string; kind?: EventKind }
  | { scope: "event"; id: string }
  | { scope: "personal"; token: string };

export type Feed = {
  etag: string;
  lastModified: Date;
  /** Builds the body; only called when the client does not already have this version. */
  build(): Promise<string>;
  filename: string;
};

const kindName = (kind: EventKind, lang: Lang) => KIND_WORDS[lang][kind];

const PRODUCT = { ja: "地域クラスター催事", en: "Regional cluster events" };

/**
 * What a feed shows: never a planned event (feeds are public documents, fetched without
 * credentials and cached), and cancelled events for a while so clients see the cancellation.
 */
function visible(now: Date): SQL {
  return and(
    sql`${events.status} <> 'planned'`,
    or(sql`${events.status} <> 'cancelled'`, gte(events.cancelledAt, new Date(now.getTime() - CANCELLED_VISIBLE_MS))),
  )!;
}

async function blockName(db: Db, code: string, lang: Lang) {
  const [b] = await db.select().from(blocks).where(eq(blocks.code, code));
  if (!b) throw new NotFound("block");
  return lang === "en" ? `${b.nameEn} block` : `${b.nameJa}ブロック`;
}

/** Feed name, matching rows and a fingerprint, without building the calendar. */
export async function resolveFeed(
  { db, config, who }: Pick<Ctx, "db" | "config" | "who">,
  { spec, lang }: { spec: FeedSpec; lang: Lang },
): Promise<Feed> {
  const { now } = who;
  const publicUrl = config.PUBLIC_URL;
  let where: SQL | undefined;
  let name: string;
  let filename: string;
  let tentativeIds = new Set<string>();
  if (spec.scope === "event") {
    where = and(eq(events.id, spec.id), sql`${events.status} <> 'planned'`);
    name = "";
    filename = `event-${spec.id}.ics`;
  } else if (spec.scope === "personal") {
    const key = await emailKeyForCalendarToken(db, spec.token);
    const regs = await db
      .select({ eventId: registrations.eventId, status: registrations.status })
      .from(registrations)
      .where(
        and(
          eq(registrations.emailKey, key),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
          isNull(registrations.purgedAt),
        ),
      );
    tentativeIds = new Set(regs.filter((r) => r.status === "waitlisted").map((r) => r.eventId));
    const ids = regs.map((r) => r.eventId);
    where = ids.length ? and(inArray(events.id, ids), visible(now)) : sql`false`;
    name = lang === "en" ? `${PRODUCT.en}: my registrations` : `${PRODUCT.ja}（参加登録した催し）`;
    filename = "my-events.ics";
  } else {
    const conds: SQL[] = [visible(now)];
    const parts: string[] = [];
    if (spec.block) {
      conds.push(eq(events.blockCode, spec.block));
      parts.push(await blockName(db, spec.block, lang));
    }
    if (spec.kind) {
      conds.push(eq(events.kind, spec.kind));
      parts.push(kindName(spec.kind, lang));
    }
    where = and(...conds);
    name = parts.length ? `${PRODUCT[lang]}: ${parts.join(" / ")}` : `${PRODUCT[lang]}${lang === "en" ? " (all)" : "（すべて）"}`;
    filename = spec.block ? `${spec.block}.ics` : "cluster-events.ics";
  }

  let lastModified: Date;
  let etag: string;
  if (spec.scope === "all" || spec.scope === "block") {
    // Public feeds revalidate from one row kept by a trigger on events, without touching the
    // events. The UTC day is part of the version, because cancelled events leave after 30 days.
    const [state] = await db.select().from(feedState).where(eq(feedState.id, 1));
    const dayStart = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
    lastModified = new Date(Math.max(state?.changedAt.getTime() ?? 0, dayStart.getTime()));
    etag = await etagFor([FEED_VERSION, JSON.stringify(spec), lang, String(state?.version ?? 0), dayStart.toISOString()]);
  } else {
    const [stat] = await db
      .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${events.updatedAt})` })
      .from(events)
      .where(where);
    if (spec.scope === "event" && !stat?.n) throw new NotFound("event");
    lastModified = stat?.last ? new Date(stat.last) : new Date(0);
    etag = await etagFor([
      FEED_VERSION,
      JSON.stringify(spec),
      lang,
      String(stat?.n ?? 0),
      stat?.last ?? "",
      [...tentativeIds].sort().join(","),
    ]);
  }
  // Whole seconds: HTTP dates carry no more, and If-Modified-Since compares against them.
  lastModified.setMilliseconds(0);

  return {
    etag,
    lastModified,
    filename,
    build: async () => {
      const rows = await loadRows(db, where, tentativeIds);
      const title = name || (rows[0] ? (lang === "en" ? (rows[0].titleEn ?? rows[0].titleJa) : rows[0].titleJa) : PRODUCT[lang]);
      return buildCalendar({ events: rows, lang, name: title, publicUrl, now });
    },
  };
}

async function loadRows(db: Db, where: SQL | undefined, tentative: Set<string>): Promise<FeedEvent[]> {
  const rows = await db.select().from(events).where(where).orderBy(events.startsAt, events.id);
  return rows.map((r) => ({ ...r, tentative: tentative.has(r.id) }));
}

/** A feed URL with its webcal: and Google Calendar subscribe forms. */
export function subscribeLinks(url: string) {
  const webcalUrl = url.replace(/^https?:/, "webcal:");
  return { url, webcalUrl, googleUrl: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl)}` };
}

export async function listCalendars(ctx: Pick<Ctx, "db" | "config">) {
  const base = ctx.config.PUBLIC_URL;
  const out = [{ id: "all", nameJa: "すべての催し", nameEn: "All events", ...subscribeLinks(`${base}/calendar/feed.ics`) }];
  for (const b of await listBlocks(ctx)) {
    out.push({
      id: `block:${b.code}`,
      nameJa: `${b.nameJa}ブロック`,
      nameEn: `${b.nameEn} block`,
      ...subscribeLinks(`${base}/calendar/blocks/${b.code}.ics`),
    });
  }
  for (const k of EVENT_KINDS) {
    out.push({
      id: `kind:${k}`,
      nameJa: kindName(k, "ja"),
      nameEn: kindName(k, "en"),
      ...subscribeLinks(`${base}/calendar/kinds/${k}.ics`),
    });
  }
  return out;
}
