/**
 * Fault suite, PostgreSQL: the real Node entry, spawned, talks to PostgreSQL through a TCP proxy
 * written here that refuses, resets, slows or black-holes connections. For each fault: the exact
 * statuses, and that every acknowledged (201) registration is in the database afterwards.
 * Runs against DATABASE_URL's server, or 127.0.0.1:5432 when it answers; skipped otherwise.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/open.ts";
import { createScratchDatabase } from "../db/scratch.ts";
import { seedDatabase } from "../db/seed/seed.ts";
import {
  FaultTable,
  createEvent,
  freePort,
  postgresAnswers,
  register,
  sleep,
  spawnServer,
  untilRefused,
  startProxy,
  type Proxy,
  type Spawned,
} from "./support/faults.ts";

const SERVER =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : "postgres://postgres@127.0.0.1:5432/test";
const reachable = await postgresAnswers(SERVER);
if (!reachable) {
  console.warn(`test/faults-postgres.test.ts: skipped, no PostgreSQL answers at ${new URL(SERVER).host} (set DATABASE_URL).`);
}

/** Short timeouts keep the suite quick; the request deadline is this plus the 5 s connect timeout. */
const STATEMENT_TIMEOUT_MS = 2000;
const DEADLINE_MS = STATEMENT_TIMEOUT_MS + 5000;

const table = new FaultTable();
let scratch: { url: string; drop: () => Promise<void> };
let proxy: Proxy;
let proxiedUrl: string;
let server: Spawned | undefined;
let eventId: string;
const acknowledged = new Set<string>();

/** The e-mails registered (for any event of this scratch database), read straight from PostgreSQL (the server may be down). */
async function emailsInDatabase(): Promise<Map<string, number>> {
  const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ email: string }[]>`select email from registrations`;
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.email, (counts.get(r.email) ?? 0) + 1);
    return counts;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function record(experiment: string, results: Awaited<ReturnType<typeof register>>[]) {
  for (const r of results) if (r.status === "201") acknowledged.add(r.email);
  const inDb = await emailsInDatabase();
  const acked = results.filter((r) => r.status === "201");
  table.add(experiment, results, acked.length, acked.filter((r) => inDb.has(r.email)).length);
  for (const r of acked) expect(inDb.get(r.email), `acknowledged ${r.email} is stored once`).toBe(1);
}

async function status(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server!.base}${path}`, { headers, signal: AbortSignal.timeout(20_000) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", retryAfter: res.headers.get("retry-after"), text: await res.text() };
}

async function untilReady(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await status("/readyz").catch(() => ({ status: 0 }))).status === 200) return true;
    await sleep(250);
  }
  return false;
}

/** A client's retry with the same Idempotency-Key, as Retry-After asks, up to 5 times. */
async function retryUntilAcknowledged(email: string) {
  const tries = [];
  for (let i = 0; i < 5; i++) {
    const r = await register(server!.base, eventId, { email });
    tries.push(r);
    if (r.status !== "503") break;
    await sleep(500);
  }
  return tries;
}

const expectUnavailable = (r: { status: string | number; type: string; retryAfter: string | null; text: string }) => {
  expect(String(r.status), r.text).toBe("503");
  expect(r.type).toContain("application/problem+json");
  expect(JSON.parse(r.text).type).toBe("/problems/database-unavailable");
  expect(Number(r.retryAfter)).toBeGreaterThan(0);
};

describe.skipIf(!reachable)("faults between the server and PostgreSQL", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase(SERVER, "faults");
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    await seedDatabase(database.db);
    await database.close();
    const u = new URL(scratch.url);
    proxy = await startProxy({ host: u.hostname, port: Number(u.port || 5432) });
    u.hostname = "127.0.0.1";
    u.port = String(proxy.port);
    proxiedUrl = u.toString();
  });

  afterAll(async () => {
    if (server && server.child.exitCode !== 0) console.log(`server output:\n${server.output().slice(-4000)}`);
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    await proxy?.close();
    await scratch?.drop();
    table.print("fault table (PostgreSQL)");
  });

  it("5: start-up retries with one line per attempt, then exits 1 with one sentence", async () => {
    const closedPort = await freePort();
    const s = spawnServer(await freePort(), {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/nowhere`,
      DB_CONNECT_TIMEOUT_S: "2",
    });
    expect(await s.exited).toBe(1);
    const lines = s.output().trim().split("\n");
    expect(lines[0]).toBe(`database at 127.0.0.1:${closedPort} not reachable: ECONNREFUSED; retrying in 1 s`);
    expect(lines.at(-1)).toMatch(new RegExp(`^database at 127\\.0\\.0\\.1:${closedPort} still not reachable after 2 s \\(ECONNREFUSED\\); giving up`));
    expect(s.output()).not.toMatch(/^\s+at /m); // no stack trace
  });

  it("5: start-up waits for a database that comes back, then serves (8: /healthz, /readyz)", async () => {
    proxy.set("refuse");
    server = spawnServer(await freePort(), {
      DATABASE_URL: proxiedUrl,
      DB_CONNECT_TIMEOUT_S: "60",
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
    expect(await server.waitFor(/not reachable: ECONNRESET; retrying in \d s/, 60_000), server.output()).toBe(true);
    proxy.set("forward");
    expect(await server.waitFor("listening", 60_000), server.output()).toBe(true);
    expect((await status("/healthz")).status).toBe(200);
    expect((await status("/readyz")).status).toBe(200);
    eventId = await createEvent(server.base);
    const results = await Promise.all(Array.from({ length: 5 }, () => register(server!.base, eventId)));
    expect(results.map((r) => r.status)).toEqual(["201", "201", "201", "201", "201"]);
    await record("5 start-up while refused, then restored", results);
  });

  it("1: refused and reset connections answer 503 with Retry-After (API and pages, ja/en); recovery without restart", async () => {
    proxy.set("refuse");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await register(server!.base, eventId));
    for (const r of results) expectUnavailable(r);
    expectUnavailable(await status("/readyz"));
    expect((await status("/healthz")).status).toBe(200);
    const en = await status(`/events/${eventId}`, { "Accept-Language": "en" });
    expect(en.status).toBe(503);
    expect(en.type).toContain("text/html");
    expect(en.text).toContain("Temporarily unavailable");
    expect(en.retryAfter).toBe("5");
    const ja = await status(`/events/${eventId}`, { "Accept-Language": "ja" });
    expect(ja.status).toBe(503);
    expect(ja.text).toContain("データベースに一時的に接続できません");
    expectUnavailable(await status(`/api/events/${eventId}`));

    proxy.set("forward");
    expect(await untilReady(10_000)).toBe(true);
    const after = await Promise.all(Array.from({ length: 5 }, () => register(server!.base, eventId)));
    expect(after.map((r) => r.status), server!.output().slice(-1500)).toEqual(["201", "201", "201", "201", "201"]);
    await record("1 refused (5 during, 5 after restore)", [...results, ...after]);
  });

  it("1: connections reset mid-burst: 201 or 503, never 500, the process survives", async () => {
    const results: Awaited<ReturnType<typeof register>>[] = [];
    for (let round = 0; round < 4; round++) {
      const burst = Promise.all(Array.from({ length: 10 }, () => register(server!.base, eventId)));
      await sleep(20 + round * 15);
      proxy.reset();
      results.push(...(await burst));
    }
    for (const r of results) expect(["201", "503"], r.text).toContain(r.status);
    for (const r of results.filter((x) => x.status === "503")) expectUnavailable(r);
    expect(server!.child.exitCode).toBeNull();
    expect(server!.output()).not.toMatch(/uncaught exception|unhandled rejection/);
    expect(await untilReady(10_000)).toBe(true);
    // An answer lost to the fault is settled by retrying with the same Idempotency-Key.
    const retried = [];
    for (const r of results.filter((x) => x.status !== "201")) retried.push(...(await retryUntilAcknowledged(r.email)));
    for (const r of retried) expect(["201", "503"], r.text).toContain(r.status);
    for (const r of results.filter((x) => x.status !== "201")) expect(retried.some((x) => x.email === r.email && x.status === "201")).toBe(true);
    await record("1 reset mid-burst (4×10) + retries", [...results, ...retried]);
  });

  it("1: backends terminated by the server (57P01) answer 503, then recover", async () => {
    const admin = postgres(scratch.url, { max: 1, onnotice: () => {} });
    try {
      const burst = Promise.all(Array.from({ length: 10 }, () => register(server!.base, eventId)));
      await sleep(30);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'cluster-events' and datname = current_database()`;
      const results = await burst;
      for (const r of results) expect(["201", "503"], r.text).toContain(r.status);
      expect(await untilReady(10_000)).toBe(true);
      const after = await register(server!.base, eventId);
      expect(after.status).toBe("201");
      await record("1 pg_terminate_backend mid-burst", [...results, after]);
    } finally {
      await admin.end({ timeout: 1 });
    }
  });

  it("2: a black-holed database answers 503 within the deadline; nothing given up on is applied later", async () => {
    proxy.set("blackhole");
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 3 }, () => register(server!.base, eventId)));
    const took = Date.now() - t0;
    for (const r of results) expectUnavailable(r);
    expect(took).toBeLessThan(DEADLINE_MS + 8000);
    expectUnavailable(await status("/readyz"));
    proxy.set("forward");
    expect(await untilReady(20_000)).toBe(true);
    await sleep(STATEMENT_TIMEOUT_MS);
    const inDb = await emailsInDatabase();
    for (const r of results) expect(inDb.has(r.email), `${r.email} given up on, not stored`).toBe(false);
    const retried = [];
    for (const r of results) retried.push(...(await retryUntilAcknowledged(r.email)));
    for (const r of results) expect(retried.some((x) => x.email === r.email && x.status === "201")).toBe(true);
    await record("2 black-hole (3 during, retried after)", [...results, ...retried]);
    expect((await emailsInDatabase()).size).toBeGreaterThanOrEqual(acknowledged.size);
  });

  it("4: SIGTERM during a burst: requests in flight finish, new ones are refused, exit 0", async () => {
    const s = server!;
    // One event each, so that they do not queue on one event's lock behind the slowed network.
    const events = await Promise.all(Array.from({ length: 8 }, () => createEvent(s.base)));
    proxy.set("slow");
    const burst = Promise.all(events.map((id) => register(s.base, id)));
    await sleep(200);
    s.child.kill("SIGTERM");
    expect(await untilRefused(s.base, 10_000)).toBe(true);
    const late = await Promise.all(Array.from({ length: 3 }, () => register(s.base, eventId, { timeoutMs: 10_000 })));
    const results = await burst;
    expect(await s.exited).toBe(0);
    proxy.set("forward");
    expect(s.output()).toContain("SIGTERM: shutting down");
    expect(s.output()).toContain("stopped");
    for (const r of results) expect(r.status, `${r.text}\n${s.output()}`).toBe("201");
    // Sent after the listener closed: refused, or served on a connection kept alive from before.
    for (const r of late) expect(["201", "ECONNREFUSED"]).toContain(r.status);
    await record("4 SIGTERM mid-burst (8 in flight, 3 after)", [...results, ...late]);
    const inDb = await emailsInDatabase();
    for (const email of acknowledged) expect(inDb.get(email), `acknowledged ${email} present`).toBe(1);
  });
});
