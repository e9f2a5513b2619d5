/**
 * bench/registration: 2,000 registrations at concurrency 200, on one hot event (capacity 500) and
 * spread over 50 events (capacity 10 each), through HTTP against the product's Node server, and
 * in the same run the same transaction as raw SQL (postgres.js / PGlite directly) as the baseline.
 * Run: npx tsx bench/registration/run.ts   (DATABASE_URL: a PostgreSQL server, default 127.0.0.1:5432/test)
 */
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { MIGRATIONS_FOLDER, openDatabase } from "../../db/open.ts";
import { rawRegister, type TxRunner } from "./baseline.ts";
import { freshServerDb, percentile } from "../lib.ts";

const TOTAL = Number(process.env.BENCH_TOTAL ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const ADMIN = "bench-admin-token-0123456789";
const SCENARIOS = (
  [
    ["hot event", 1, 500],
    ["50 events", 50, 10],
  ] as const
).filter(([name]) => !process.env.BENCH_ONLY || name.startsWith(process.env.BENCH_ONLY));

type Stats = { rps: number; p50: number; p99: number; confirmed: number; ok: number };

async function load(n: number, concurrency: number, one: (i: number) => Promise<boolean>): Promise<Omit<Stats, "confirmed">> {
  const lat: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        if (await one(i).catch((e: unknown) => (errors.push(String((e as { cause?: unknown }).cause ?? e)), false))) ok++;
        lat.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (errors.length) console.log(`  ${errors.length} request errors, e.g. ${errors[0]}`);
  return { rps: n / elapsed, p50: percentile(lat, 50), p99: percentile(lat, 99), ok };
}

async function startServer(databaseUrl: string, port: number) {
  const child = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      ADMIN_TOKEN: ADMIN,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

const EVENT = (capacity: number, i: number) => ({
  kind: "forum",
  titleJa: `地域クラスターフォーラム ${i}`,
  startsAt: "2099-06-12T14:00:00+09:00",
  endsAt: "2099-06-12T17:00:00+09:00",
  capacity,
});

const unexpected: string[] = [];
/** The load generator's client: node:http with keep-alive (lighter than fetch, so the client steals less CPU). */
let agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, body: unknown): Promise<number> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": data.length } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function httpScenario(base: string, events: number, capacity: number): Promise<Stats> {
  const ids: string[] = [];
  for (let i = 0; i < events; i++) {
    const res = await fetch(`${base}/api/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify(EVENT(capacity, i)),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  const tag = Math.random().toString(36).slice(2, 7);
  // Fresh connections per scenario: an idle keep-alive socket the server has just timed out would
  // otherwise fail a request for reasons that have nothing to do with the product.
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const s = await load(TOTAL, CONCURRENCY, (i) =>
    post(`${base}/api/events/${ids[i % events]}/registrations`, {
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      email: `p${i}.${tag}@example.jp`,
      organization: "福島大学",
      sector: "academia",
    }).then((status) => status === 201),
  );
  let confirmed = 0;
  for (const id of ids)
    confirmed += ((await (await fetch(`${base}/api/events/${id}`)).json()) as { confirmedCount: number }).confirmedCount;
  return { ...s, confirmed };
}

async function rawScenario(
  tx: TxRunner,
  q: (sql: string, p: unknown[]) => Promise<Record<string, unknown>[]>,
  events: number,
  capacity: number,
): Promise<Stats> {
  const ids: string[] = [];
  for (let i = 0; i < events; i++) {
    const [row] = await q(
      `insert into events (kind, title_ja, starts_at, ends_at, fiscal_year, capacity) values ('forum', $1, '2099-06-12T05:00:00Z', '2099-06-12T08:00:00Z', 2099, $2) returning id`,
      [`raw ${i}`, capacity],
    );
    ids.push(row!.id as string);
  }
  const tag = Math.random().toString(36).slice(2, 7);
  const s = await load(
    TOTAL,
    CONCURRENCY,
    async (i) => (await rawRegister(tx, ids[i % events]!, `p${i}.${tag}@example.jp`)) !== "duplicate",
  );
  let confirmed = 0;
  for (const id of ids)
    confirmed += Number((await q("select confirmed_count from events where id = $1", [id]))[0]!.confirmed_count);
  return { ...s, confirmed };
}

const rows: { db: string; scenario: string; kind: string; s: Stats }[] = [];

async function benchPostgres() {
  const appDb = await freshServerDb();
  const server = await startServer(appDb.url, 18787);
  const rawDb = await freshServerDb();
  const migrated = await openDatabase({ databaseUrl: rawDb.url, dataDir: "" });
  await migrated.close();
  const sql = postgres(rawDb.url, { max: 10, onnotice: () => {} });
  const q = (text: string, p: unknown[]) => sql.unsafe(text, p as never[]) as unknown as Promise<Record<string, unknown>[]>;
  const tx: TxRunner = (fn) =>
    sql.begin((t) => fn((text, p) => t.unsafe(text, p as never[]) as unknown as Promise<Record<string, unknown>[]>)) as never;
  try {
    for (const [scenario, events, capacity] of SCENARIOS) {
      rows.push({ db: "PostgreSQL", scenario, kind: "HTTP (product)", s: await httpScenario(server.base, events, capacity) });
      rows.push({ db: "PostgreSQL", scenario, kind: "raw SQL (postgres.js)", s: await rawScenario(tx, q, events, capacity) });
    }
  } finally {
    await sql.end();
    await server.stop();
    await appDb.drop();
    await rawDb.drop();
  }
}

async function benchPglite() {
  const server = await startServer("memory://", 18788);
  const pg = new PGlite();
  await migratePglite(drizzlePglite(pg), { migrationsFolder: MIGRATIONS_FOLDER });
  const q = async (text: string, p: unknown[]) => (await pg.query<Record<string, unknown>>(text, p)).rows;
  const tx: TxRunner = (fn) =>
    pg.transaction(async (t) => fn(async (text, p) => (await t.query<Record<string, unknown>>(text, p)).rows));
  try {
    for (const [scenario, events, capacity] of SCENARIOS) {
      rows.push({ db: "PGlite", scenario, kind: "HTTP (product)", s: await httpScenario(server.base, events, capacity) });
      rows.push({ db: "PGlite", scenario, kind: "raw SQL (PGlite)", s: await rawScenario(tx, q, events, capacity) });
    }
  } finally {
    await pg.close();
    await server.stop();
  }
}

if (process.env.BENCH_SKIP_POSTGRES !== "1") await benchPostgres();
if (process.env.BENCH_SKIP_PGLITE !== "1") await benchPglite();

console.log(`\n${TOTAL} registrations at concurrency ${CONCURRENCY}\n`);
console.log("| database | scenario | path | req/s | p50 ms | p99 ms | 201s | confirmed | ratio to raw |");
console.log("|---|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const raw = rows.find((x) => x.db === r.db && x.scenario === r.scenario && x.kind.startsWith("raw"))!;
  const ratio = r.s.rps / raw.s.rps;
  console.log(
    `| ${r.db} | ${r.scenario} | ${r.kind} | ${r.s.rps.toFixed(0)} | ${r.s.p50.toFixed(1)} | ${r.s.p99.toFixed(1)} | ${r.s.ok} | ${r.s.confirmed}${r.s.confirmed === 500 ? " ✓" : " ✗"} | ${ratio.toFixed(2)} |`,
  );
}
if (unexpected.length) console.log(`\nunexpected answers (first ${unexpected.length}):\n${unexpected.join("\n")}`);
const bad = rows.filter((r) => r.s.confirmed !== 500);
if (bad.length) console.log(`\nCAPACITY CHECK FAILED for: ${bad.map((b) => `${b.db}/${b.scenario}/${b.kind}`).join(", ")}`);
