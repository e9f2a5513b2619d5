/**
 * bench/feeds: a public feed of 10,000 events, built and served through HTTP by the product, against
 * ical-generator alone building the same calendar in the same run; the 304 revalidation latency;
 * and peak memory. Run: npx tsx bench/feeds/run.ts   (BENCH_DB=postgres for the PostgreSQL server at
 * DATABASE_URL or 127.0.0.1:5432/test; BENCH_EVENTS, BENCH_RUNS to change the size)
 */
import { serve } from "@hono/node-server";
import ical, { ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { createApp } from "../../api/app.ts";
import { parseConfig } from "../../api/config.ts";
import { systemClock } from "../../api/lib/clock.ts";
import { resolveSealer } from "../../api/lib/secret.ts";
import { openDatabase } from "../../db/open.ts";
import { events } from "../../db/schema/index.ts";
import { freshServerDb, httpGet, median, percentile as pct } from "../lib.ts";

const N = Number(process.env.BENCH_EVENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const onServer = process.env.BENCH_DB === "postgres";
const fresh = onServer ? await freshServerDb() : null;
const DB = fresh?.url ?? "memory://";

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const database = await openDatabase({ databaseUrl: DB, dataDir: "" });
const config = parseConfig({ RATE_LIMITS: "off", JOBS: "off", PUBLIC_URL: "https://events.example.jp" });
const app = createApp({
  db: database.db,
  clock: systemClock,
  config,
  sealer: await resolveSealer(database.db, undefined),
  mailer: null,
});

// 10,000 events over ten years: timed, all-day and multi-day, long Japanese text, some cancelled.
const kinds = ["seminar", "forum", "joint_presentation", "briefing"] as const;
const base = Date.parse("2026-04-01T00:00:00Z");
const rows = Array.from({ length: N }, (_, i) => {
  const start = new Date(base + i * 7 * 3_600_000);
  const allDay = i % 5 === 0;
  return {
    kind: kinds[i % kinds.length]!,
    status: (i % 50 === 0 ? "cancelled" : "scheduled") as "cancelled" | "scheduled",
    cancelledAt: i % 50 === 0 ? new Date() : null,
    titleJa: `地域クラスターセミナー 第${i}回「産学官連携による地域イノベーションの創出」`,
    titleEn: `Regional cluster seminar no. ${i}`,
    descriptionJa: "知的クラスター創成事業と産業クラスター計画の合同成果発表会。".repeat(4),
    descriptionEn: "Joint result presentation of the Knowledge Cluster Initiative and the Industrial Cluster Project.",
    venue: "ビッグパレットふくしま",
    prefecture: "福島県",
    startsAt: start,
    endsAt: new Date(start.getTime() + (allDay ? 2 : 0.125) * 86_400_000),
    allDay,
    fiscalYear: 2026,
  };
});
for (let i = 0; i < rows.length; i += 500) await database.db.insert(events).values(rows.slice(i, i + 500));
const loaded = await database.db.select().from(events);

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const port = (server.address() as { port: number }).port;
const url = `http://127.0.0.1:${port}/calendar/feed.ics`;

/** ical-generator alone: the same events, the same Asia/Tokyo times with a VTIMEZONE, toString(). */
function icalGeneratorAlone() {
  const cal = ical({ name: "地域クラスター催事（すべて）", method: "PUBLISH" as never, prodId: "-//bench//ical-generator//EN" });
  cal.timezone({ name: "Asia/Tokyo", generator: (tz: string) => tzlib_get_ical_block(tz)[0] ?? null });
  for (const e of loaded) {
    cal.createEvent({
      id: `${e.id}@cluster-events`,
      sequence: e.sequence,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      start: e.startsAt,
      end: e.endsAt,
      allDay: e.allDay,
      timezone: e.allDay ? null : "Asia/Tokyo",
      summary: e.titleJa,
      description: `${e.descriptionJa}\n\n詳細・参加登録: https://events.example.jp/events/${e.id}`,
      location: `${e.venue}, ${e.prefecture}`,
      url: `https://events.example.jp/events/${e.id}`,
      status: e.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

const product: number[] = [];
const alone: number[] = [];
let bytes = 0;
let aloneBytes = 0;
let etag = "";
for (let r = 0; r < RUNS; r++) {
  // Alternate, so neither side gets a warmer machine.
  let t0 = performance.now();
  const res = await httpGet(url);
  product.push(performance.now() - t0);
  bytes = Buffer.byteLength(res.body);
  etag = String(res.headers.etag);
  t0 = performance.now();
  aloneBytes = Buffer.byteLength(icalGeneratorAlone());
  alone.push(performance.now() - t0);
}

const revalidate: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  const res = await httpGet(url, { "If-None-Match": etag });
  if (res.status !== 304) throw new Error(`expected 304, got ${res.status}`);
  revalidate.push(performance.now() - t0);
}

clearInterval(sampler);
server.close();
await database.close();
await fresh?.drop();

const ratio = median(product) / median(alone);
console.log(`\nfeed of ${N} events (${DB === "memory://" ? "PGlite" : "PostgreSQL"}), ${RUNS} runs each, medians\n`);
console.log("| what | median ms | size |");
console.log("|---|---:|---:|");
console.log(
  `| product: GET /calendar/feed.ics over HTTP (query + build + serve) | ${median(product).toFixed(0)} | ${(bytes / 1e6).toFixed(1)} MB |`,
);
console.log(
  `| ical-generator alone (toString of the same calendar) | ${median(alone).toFixed(0)} | ${(aloneBytes / 1e6).toFixed(1)} MB |`,
);
console.log(`| ratio product / ical-generator alone | ${ratio.toFixed(2)} (target ≤ 1.3) | |`);
console.log(
  `| 304 revalidation (If-None-Match), 300 requests | p50 ${median(revalidate).toFixed(2)} / p99 ${pct(revalidate, 99).toFixed(2)} | |`,
);
console.log(`| peak RSS of the process (server and baseline together) | ${(peakRss / 2 ** 20).toFixed(0)} MiB | |`);
