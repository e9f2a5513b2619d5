/**
 * bench/registration (`npm run bench:registration`): 2,000 registrations at concurrency 200 on one
 * hot event (capacity 500) and over 50 events (capacity 10 each), in one run and with one client
 * (node:http, keep-alive), against
 *   - pgbench (-c 10 -j 2 -T 10): the simplest correct registration transaction, and the
 *     product's own registration statement, so the database-side ceiling of both is visible;
 *   - the bare server (bare-server.ts): Hono + postgres.js, the seat taken in one statement;
 *   - the product, started as a user starts it (`npm start`, RATE_LIMITS=off, JOBS=off);
 * and the same product vs bare server on PGlite. Each row: req/s, p50, p99, the confirmed count,
 * first-come-first-served order, and the server's CPU ms per registration (from /proc, the whole
 * process tree). Then 300 sequential registrations (CPU per registration at concurrency 1), and
 * the deliver-mail job's CPU per message (rendering moved there).
 *
 * Env: DATABASE_URL (a PostgreSQL server, default 127.0.0.1:5432/test), BENCH_TOTAL,
 * BENCH_CONCURRENCY, BENCH_ONLY=hot|50, BENCH_SKIP_PGLITE=1, BENCH_SKIP_PGBENCH=1,
 * BENCH_PROFILE=<dir> (--cpu-prof of the product and of the bare server into dir), BENCH_RUNS=5 (the
 * whole comparison five times, then the spread of the ratios).
 */
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { parseConfig } from "../../api/config.ts";
import { systemClock } from "../../api/lib/clock.ts";
import { resolveSealer } from "../../api/lib/secret.ts";
import { fileMailer } from "../../api/mail/file-transport.ts";
import { openDatabase } from "../../db/open.ts";
import { openPostgres } from "../../db/postgres.ts";
import { deliverMail } from "../../jobs/deliver-mail.ts";
import { freshServerDb, percentile } from "../lib.ts";
import { pgbench, pgbenchEventId, SIMPLE_SCRIPT, statementScript } from "./pgbench.ts";
import { productSeatStatement } from "./product-statement.ts";
import { postgresCpu, postgresCpuSince, startProcess, treeCpuMs, type Started } from "./proc.ts";

const TOTAL = Number(process.env.BENCH_TOTAL ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300);
/** BENCH_RUNS=5: the whole comparison five times over, then the spread of the ratios. */
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
let run = 1;
const ADMIN = "bench-admin-token-0123456789";
/** The product's checkout (BENCH_PRODUCT_ROOT: another checkout, e.g. the code before a change). */
const ROOT = process.env.BENCH_PRODUCT_ROOT ?? fileURLToPath(new URL("../..", import.meta.url));
const SCENARIOS = (
  [
    ["hot event", 1, 500],
    ["50 events", 50, 10],
  ] as const
).filter(([name]) => !process.env.BENCH_ONLY || name.startsWith(process.env.BENCH_ONLY));

type Row = {
  run: number;
  db: string;
  scenario: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  confirmed: number;
  expected: number;
  fcfs: boolean;
  cpuMs: number | null;
  /** PostgreSQL's own CPU per registration (its processes on this machine), PostgreSQL HTTP rows only. */
  dbCpuMs?: number | null;
};
const rows: Row[] = [];
const extra: string[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": data.length, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function load(n: number, concurrency: number, one: (i: number) => Promise<boolean>) {
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

/** A server under test: how to make an event, register, and read the confirmed count. */
type Target = {
  server: Started;
  createEvent(capacity: number): Promise<string>;
  registerPath(id: string): string;
  confirmed(id: string): Promise<number>;
  /** On the PostgreSQL server of this machine: its CPU per registration is measured too. */
  onPostgres?: boolean;
};

function productTarget(server: Started): Target {
  return {
    server,
    async createEvent(capacity) {
      const res = await fetch(`${server.base}/api/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({
          kind: "forum",
          titleJa: "地域クラスターフォーラム（負荷試験）",
          startsAt: "2099-06-12T14:00:00+09:00",
          endsAt: "2099-06-12T17:00:00+09:00",
          capacity,
        }),
      });
      if (res.status !== 201) throw new Error(`create event: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    registerPath: (id) => `${server.base}/api/events/${id}/registrations`,
    confirmed: async (id) =>
      ((await (await fetch(`${server.base}/api/events/${id}`)).json()) as { confirmedCount: number }).confirmedCount,
  };
}

function bareTarget(server: Started): Target {
  return {
    server,
    async createEvent(capacity) {
      const res = await fetch(`${server.base}/events`, { method: "POST", body: JSON.stringify({ capacity }) });
      return ((await res.json()) as { id: string }).id;
    },
    registerPath: (id) => `${server.base}/events/${id}/registrations`,
    confirmed: async (id) =>
      ((await (await fetch(`${server.base}/events/${id}`)).json()) as { confirmedCount: number }).confirmedCount,
  };
}

/** The load through HTTP; checks the answers: `capacity` confirmed per event, waiting positions 1..k in order. */
async function httpRun(t: Target, events: number, capacity: number, total: number, concurrency: number) {
  const ids: string[] = [];
  for (let i = 0; i < events; i++) ids.push(await t.createEvent(capacity));
  const tag = Math.random().toString(36).slice(2, 7);
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers = new Map<string, { confirmed: number; positions: number[] }>(
    ids.map((id) => [id, { confirmed: 0, positions: [] }]),
  );
  const cpu0 = treeCpuMs(t.server.pid);
  const db0 = postgresCpu();
  const s = await load(total, concurrency, async (i) => {
    const id = ids[i % events]!;
    const res = await post(t.registerPath(id), {
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      email: `p${i}.${tag}@example.jp`,
      organization: "福島大学",
      sector: "academia",
    });
    if (res.status !== 201) {
      if (s_unexpected.length < 3) s_unexpected.push(`${res.status} ${res.body.slice(0, 200)}`);
      return false;
    }
    const b = JSON.parse(res.body) as { status: string; waitlistPosition?: number };
    const a = answers.get(id)!;
    if (b.status === "confirmed") a.confirmed++;
    else a.positions.push(b.waitlistPosition ?? -1);
    return true;
  });
  const cpuMs = (treeCpuMs(t.server.pid) - cpu0) / total;
  const dbMs = postgresCpuSince(db0);
  const dbCpuMs = t.onPostgres && dbMs !== null ? dbMs / total : null;
  let confirmed = 0;
  let fcfs = true;
  for (const id of ids) {
    const c = await t.confirmed(id);
    confirmed += c;
    const a = answers.get(id)!;
    const sorted = [...a.positions].sort((x, y) => x - y);
    if (c !== Math.min(capacity, total / events) || a.confirmed !== c || sorted.some((p, k) => p !== k + 1)) fcfs = false;
  }
  return { ...s, confirmed, fcfs, cpuMs, dbCpuMs, expected: Math.min(events * capacity, total) };
}
const s_unexpected: string[] = [];

async function startProduct(databaseUrl: string | undefined, label: string) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "bench-product-"));
  const profile = process.env.BENCH_PROFILE;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    RATE_LIMITS: "off",
    JOBS: "off",
    ADMIN_TOKEN: ADMIN,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  // As a user starts it; with BENCH_PROFILE the same entry under `node --cpu-prof` (not allowed in NODE_OPTIONS).
  const [cmd, args] = profile
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${join(profile, label)}`, "--import", "tsx", "api/node.ts"]]
    : ["npm", ["start", "--silent"]];
  const server = await startProcess(cmd, args, { env, port, readyPath: "/api/events", cwd: ROOT, quiet: true });
  return {
    server,
    dataDir,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startBare(database: string) {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE;
  const label = database.startsWith("postgres") ? "bare-postgres" : "bare-pglite";
  const server = await startProcess(
    process.execPath,
    [
      ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${join(profile, label)}`] : []),
      "--import",
      "tsx",
      fileURLToPath(new URL("./bare-server.ts", import.meta.url)),
    ],
    { env: { ...process.env, BARE_DATABASE: database, PORT: String(port) }, port, readyPath: "/healthz", cwd: ROOT, quiet: true },
  ).catch(async () => {
    throw new Error("bare server did not start");
  });
  return server;
}

function push(db: string, scenario: string, path: string, r: Omit<Row, "run" | "db" | "scenario" | "path">) {
  rows.push({ run, db, scenario, path, ...r });
  const x = rows.at(-1)!;
  console.log(
    `  ${db} / ${scenario} / ${path}: ${x.rps.toFixed(0)}/s p50 ${x.p50.toFixed(1)} p99 ${x.p99.toFixed(1)} confirmed ${x.confirmed} fcfs ${x.fcfs} cpu ${x.cpuMs?.toFixed(2) ?? "–"} ms${x.dbCpuMs == null ? "" : `, PostgreSQL ${x.dbCpuMs.toFixed(2)} ms`}`,
  );
}

async function migratedServerDb() {
  const d = await freshServerDb();
  const m = await openDatabase({ databaseUrl: d.url, dataDir: "" });
  await m.close();
  return d;
}

async function benchPgbench() {
  const d = await migratedServerDb();
  const sql = postgres(d.url, { max: 1, onnotice: () => {} });
  try {
    for (const [scenario, events, capacity] of SCENARIOS) {
      for (const kind of ["simple", "product"] as const) {
        await sql`truncate registrations, outbox cascade`;
        await sql`delete from events where id::text like '00000000-0000-4000-8000-%'`;
        for (let k = 1; k <= events; k++) {
          await sql`insert into events (id, kind, title_ja, status, starts_at, ends_at, fiscal_year, capacity)
            values (${pgbenchEventId(k)}, 'forum', '地域クラスターフォーラム（負荷試験）', 'scheduled', '2099-06-12T05:00:00Z', '2099-06-12T08:00:00Z', 2099, ${capacity})`;
        }
        let script = SIMPLE_SCRIPT.replace(/^/, events === 1 ? "\\set e 1\n" : `\\set e random(1, ${events})\n`);
        if (kind === "product") {
          script = statementScript(productSeatStatement("http://127.0.0.1:8787"), events);
        }
        const db0 = postgresCpu();
        const r = await pgbench(d.url, script);
        const dbMs = postgresCpuSince(db0);
        const [c] = await sql`select count(*)::int as n from registrations where status = 'confirmed'`;
        const [bad] = await sql`
          select count(*)::int as n from events e
          where e.id::text like '00000000-0000-4000-8000-%' and (
            e.confirmed_count <> (select count(*) from registrations r where r.event_id = e.id and r.status = 'confirmed')
            or exists (select 1 from registrations r where r.event_id = e.id and r.status = 'confirmed' and r.seq > e.capacity)
            or e.confirmed_count > e.capacity)`;
        push("PostgreSQL", scenario, kind === "simple" ? "pgbench: simplest transaction" : "pgbench: product's statement", {
          rps: r.tps,
          p50: r.p50,
          p99: r.p99,
          ok: r.transactions,
          confirmed: c!.n,
          expected: events * capacity,
          fcfs: bad!.n === 0,
          cpuMs: null,
          dbCpuMs: dbMs === null ? null : dbMs / r.transactions,
        });
      }
    }
  } finally {
    await sql.end();
    await d.drop();
  }
}

async function benchPostgres() {
  const productDb = await freshServerDb();
  const bareDb = await migratedServerDb();
  const product = await startProduct(productDb.url, "postgres");
  const bare = await startBare(bareDb.url);
  try {
    const p = { ...productTarget(product.server), onPostgres: true };
    const b = { ...bareTarget(bare), onPostgres: true };
    for (const [scenario, events, capacity] of SCENARIOS) {
      push("PostgreSQL", scenario, "bare server", await httpRun(b, events, capacity, TOTAL, CONCURRENCY));
      push("PostgreSQL", scenario, "product (npm start)", await httpRun(p, events, capacity, TOTAL, CONCURRENCY));
    }
    push("PostgreSQL", `sequential ×${SEQUENTIAL}`, "bare server", await httpRun(b, 1, 500, SEQUENTIAL, 1));
    push("PostgreSQL", `sequential ×${SEQUENTIAL}`, "product (npm start)", await httpRun(p, 1, 500, SEQUENTIAL, 1));
  } finally {
    await product.stop();
    await bare.stop();
  }
  // What moved to delivery: the deliver-mail job's CPU per message (rendering and writing .eml files).
  const config = parseConfig({ DATABASE_URL: productDb.url, PUBLIC_URL: "http://127.0.0.1:8787" });
  const database = openPostgres(productDb.url);
  const mailDir = await mkdtemp(join(tmpdir(), "bench-mail-"));
  try {
    const deps = {
      db: database.db,
      clock: systemClock,
      config,
      sealer: await resolveSealer(database.db, undefined),
      mailer: await fileMailer(mailDir, config.MAIL_FROM),
    };
    await deliverMail(deps, { maxBatches: 1 }); // warm-up
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await deliverMail(deps, { maxBatches: 20 });
    const c = process.cpuUsage(c0);
    extra.push(
      `deliver-mail (in-process, PostgreSQL, file mailer): ${r.sent} messages, ${((c.user + c.system) / 1000 / r.sent).toFixed(2)} ms CPU and ${((performance.now() - t0) / r.sent).toFixed(2)} ms wall per message`,
    );
  } finally {
    await database.close();
    await rm(mailDir, { recursive: true, force: true });
    await productDb.drop();
    await bareDb.drop();
  }
}

async function benchPglite() {
  const product = await startProduct(undefined, "pglite");
  const bareDir = await mkdtemp(join(tmpdir(), "bench-bare-pglite-"));
  const bare = await startBare(`pglite:${bareDir}`);
  try {
    for (const [scenario, events, capacity] of SCENARIOS) {
      push("PGlite", scenario, "bare server", await httpRun(bareTarget(bare), events, capacity, TOTAL, CONCURRENCY));
      push(
        "PGlite",
        scenario,
        "product (npm start)",
        await httpRun(productTarget(product.server), events, capacity, TOTAL, CONCURRENCY),
      );
    }
  } finally {
    await product.stop();
    await bare.stop();
    await rm(bareDir, { recursive: true, force: true });
  }
}

for (; run <= RUNS; run++) {
  if (RUNS > 1) console.log(`run ${run} of ${RUNS}`);
  if (process.env.BENCH_SKIP_PGBENCH !== "1") await benchPgbench();
  if (process.env.BENCH_SKIP_POSTGRES !== "1") await benchPostgres();
  if (process.env.BENCH_SKIP_PGLITE !== "1") await benchPglite();
}

const { cpus } = await import("node:os");
console.log(
  `\n${TOTAL} registrations at concurrency ${CONCURRENCY}; ${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}\n`,
);
const runCol = RUNS > 1;
console.log(
  `| ${runCol ? "run | " : ""}database | scenario | path | req/s | p50 ms | p99 ms | ok | confirmed | FCFS | CPU ms/reg | PostgreSQL CPU ms/reg | × bare | × pgbench |`,
);
console.log(`|${runCol ? "---:|" : ""}---|---|---|---:|---:|---:|---:|---:|:-:|---:|---:|---:|---:|`);
/** The reference rows of the same run, database and scenario. */
const refOf = (r: Row, path: string) => rows.find((x) => x.run === r.run && x.db === r.db && x.scenario === r.scenario && x.path === path);
for (const r of rows) {
  const bare = refOf(r, "bare server");
  const pgb = refOf(r, "pgbench: simplest transaction");
  const ratio = (ref: Row | undefined) => (ref && r.path.startsWith("product") ? (r.rps / ref.rps).toFixed(2) : "");
  console.log(
    `| ${runCol ? `${r.run} | ` : ""}${r.db} | ${r.scenario} | ${r.path} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.ok} | ${r.confirmed}${r.confirmed === r.expected ? " ✓" : " ✗"} | ${r.fcfs ? "✓" : "✗"} | ${r.cpuMs === null ? "–" : r.cpuMs.toFixed(2)} | ${r.dbCpuMs == null ? "–" : r.dbCpuMs.toFixed(2)} | ${ratio(bare)} | ${ratio(pgb)} |`,
  );
}
if (runCol) {
  // The spread over the runs: min / median / max of each product row's figures.
  const spread = (xs: number[], digits: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits));
    return `${f(sorted[0])} / ${f(sorted[Math.floor(sorted.length / 2)])} / ${f(sorted.at(-1))}`;
  };
  console.log(`\nSpread over ${RUNS} runs (min / median / max):\n`);
  console.log("| database | scenario | × bare | × pgbench | CPU ms/reg | PostgreSQL CPU ms/reg (bare's) | p99 ms | req/s |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  const products = rows.filter((r) => r.path.startsWith("product"));
  for (const key of [...new Set(products.map((r) => `${r.db}|${r.scenario}`))]) {
    const [db, scenario] = key.split("|") as [string, string];
    const of = products.filter((r) => r.db === db && r.scenario === scenario);
    const ratioTo = (path: string) =>
      of.flatMap((r) => {
        const ref = refOf(r, path);
        return ref ? [r.rps / ref.rps] : [];
      });
    console.log(
      `| ${db} | ${scenario} | ${spread(ratioTo("bare server"), 2)} | ${spread(ratioTo("pgbench: simplest transaction"), 2)} | ${spread(
        of.map((r) => r.cpuMs ?? NaN),
        2,
      )} | ${spread(
        of.map((r) => r.dbCpuMs ?? NaN),
        2,
      )} (${spread(
        of.map((r) => refOf(r, "bare server")?.dbCpuMs ?? NaN),
        2,
      )}) | ${spread(
        of.map((r) => r.p99),
        0,
      )} | ${spread(
        of.map((r) => r.rps),
        0,
      )} |`,
    );
  }
}
for (const line of extra) console.log(`\n${line}`);
if (s_unexpected.length) console.log(`\nunexpected answers (first ${s_unexpected.length}):\n${s_unexpected.join("\n")}`);
const bad = rows.filter((r) => r.confirmed !== r.expected || !r.fcfs);
if (bad.length) console.log(`\nCAPACITY/ORDER CHECK FAILED for: ${bad.map((b) => `${b.db}/${b.scenario}/${b.path}`).join(", ")}`);
