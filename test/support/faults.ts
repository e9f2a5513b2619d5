/**
 * Fault-injection helpers: a TCP proxy between the product and PostgreSQL that can refuse, reset
 * or black-hole connections, and a spawned Node server (the real entry, its own process).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, Socket, type AddressInfo, type Server } from "node:net";
export { freePort } from "./net.ts";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ADMIN_TOKEN = "fault-admin-token-0123456789abcdef";

export type ProxyMode = "forward" | "slow" | "refuse" | "blackhole";

/** In slow mode, how long each chunk from the product waits before it goes on to PostgreSQL. */
export const SLOW_MS = 300;

/**
 * A TCP proxy to `target`. forward: bytes pass both ways. refuse: new connections are reset at once
 * (as a stopped server's port would refuse them). blackhole: connections are accepted and nothing
 * is forwarded or answered, on new and existing connections (packets dropped). reset(): every
 * open connection is reset. Leaving blackhole resets the connections held in it: TCP cannot
 * resume a stream whose bytes were dropped. slow: like forward, each chunk to PostgreSQL delayed.
 */
export async function startProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = "forward";
  const pairs = new Set<{ client: Socket; upstream?: Socket; held: boolean }>();
  const server: Server = createServer((client) => {
    client.on("error", () => {});
    if (mode === "refuse") {
      client.resetAndDestroy();
      return;
    }
    const pair: { client: Socket; upstream?: Socket; held: boolean } = { client, held: mode === "blackhole" };
    pairs.add(pair);
    client.on("close", () => {
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    if (pair.held) {
      client.on("data", () => {}); // read and drop
      return;
    }
    const upstream = new Socket();
    pair.upstream = upstream;
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => client.destroy());
    upstream.connect(target.port, target.host);
    client.on("data", (d) => {
      if (pair.held) return;
      if (mode === "slow") setTimeout(() => !pair.held && !upstream.destroyed && upstream.write(d), SLOW_MS);
      else upstream.write(d);
    });
    upstream.on("data", (d) => {
      if (!pair.held) client.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const resetAll = () => {
    for (const p of pairs) {
      p.client.resetAndDestroy();
      p.upstream?.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    get mode() {
      return mode;
    },
    open: () => pairs.size,
    set(next: ProxyMode) {
      if (mode === "blackhole" && next !== "blackhole") resetAll();
      mode = next;
      if (next === "refuse") resetAll();
      if (next === "blackhole") for (const p of pairs) p.held = true;
    },
    reset: resetAll,
    close: async () => {
      resetAll();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type Proxy = Awaited<ReturnType<typeof startProxy>>;

/**
 * A database on `serverUrl` that refuses every connection of an ordinary role with 53300 (too many
 * connections): its connection limit is 0. Returns that role's URL for it.
 */
export async function databaseWithoutSlots(serverUrl: string) {
  const name = `noslots_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create role "${name}" login`);
  await admin.unsafe(`create database "${name}" connection limit 0`);
  await admin.end();
  const url = new URL(serverUrl);
  url.username = name;
  url.password = "";
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.unsafe(`drop role if exists "${name}"`);
      await a.end();
    },
  };
}

/** Whether a PostgreSQL server answers at `url` within a few seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export type Spawned = {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once `text` appears in the output (bounded by `ms`), with whether it did. */
  waitFor: (text: string | RegExp, ms: number) => Promise<boolean>;
};

/**
 * Spawns the Node entry (`node --import tsx api/node.ts`, or `npm start` with viaNpm) with `env`
 * on `port`; returns at once. Output is kept for the test to read.
 */
export function spawnServer(port: number, env: Record<string, string>, opts: { viaNpm?: boolean } = {}): Spawned {
  const fullEnv = {
    ...process.env,
    PORT: String(port),
    JOBS: "off",
    RATE_LIMITS: "off",
    ADMIN_TOKEN,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
  };
  const child = opts.viaNpm
    ? spawn("npm", ["start", "--silent"], { cwd: ROOT, env: fullEnv, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, ["--import", "tsx", "api/node.ts"], { cwd: ROOT, env: fullEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const waitFor = async (text: string | RegExp, ms: number) => {
    const until = Date.now() + ms;
    let gone = false;
    void exited.then(() => (gone = true));
    while (Date.now() < until) {
      if (typeof text === "string" ? out.includes(text) : text.test(out)) return true;
      if (gone) return typeof text === "string" ? out.includes(text) : text.test(out);
      await sleep(100);
    }
    return false;
  };
  return { child, base: `http://127.0.0.1:${port}`, output: () => out, exited, waitFor };
}

/** Polls until the server refuses connections (its listener closed), bounded by `ms`. */
export async function untilRefused(base: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const refused = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      () => false,
      (e: { cause?: { code?: string } }) => e.cause?.code === "ECONNREFUSED",
    );
    if (refused) return true;
    await sleep(25);
  }
  return false;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An event open for registration now (the spawned server runs on the real clock). */
export async function createEvent(base: string, capacity = 10_000): Promise<string> {
  const start = new Date(Date.now() + 30 * 86_400_000);
  const end = new Date(start.getTime() + 3 * 3_600_000);
  const res = await fetch(`${base}/api/events`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({
      kind: "seminar",
      titleJa: "障害試験セミナー",
      titleEn: "Fault test seminar",
      block: "tohoku",
      venue: "ビッグパレットふくしま",
      prefecture: "福島県",
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      capacity,
    }),
  });
  if (res.status !== 201) throw new Error(`createEvent: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

let n = 0;
/** One registration attempt: its status (or the network error's name) and the e-mail it used. */
export async function register(base: string, eventId: string, opts: { timeoutMs?: number; email?: string } = {}) {
  n++;
  const email = opts.email ?? `fault${n}.${Math.random().toString(36).slice(2, 8)}@example.jp`;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  try {
    const res = await fetch(`${base}/api/events/${eventId}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `fault-${email}` },
      body: JSON.stringify({ name: "障害 太郎", nameKana: "ショウガイ タロウ", email, organization: "福島大学", sector: "academia" }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: String(res.status), email, type: res.headers.get("content-type") ?? "", retryAfter: res.headers.get("retry-after"), text };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    return { status: err.cause?.code ?? err.name, email, type: "", retryAfter: null, text: err.cause?.message ?? err.message };
  }
}

/** The e-mail addresses registered for an event, read through the API as administrator. */
export async function registeredEmails(base: string, eventId: string): Promise<Set<string>> {
  const res = await fetch(`${base}/api/events/${eventId}/registrations`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (res.status !== 200) throw new Error(`registrations: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { items?: { email: string }[] } | { email: string }[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  return new Set(items.map((r) => r.email));
}

/** The fault table of the closing note: experiment → runs → acknowledged → present after → statuses. */
export class FaultTable {
  rows: { experiment: string; runs: number; acknowledged: number; present: number; statuses: Record<string, number> }[] = [];
  add(experiment: string, results: { status: string }[], acknowledged: number, present: number) {
    const statuses: Record<string, number> = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    this.rows.push({ experiment, runs: results.length, acknowledged, present, statuses });
  }
  print(title: string) {
    if (this.rows.length === 0) return;
    const lines = this.rows.map(
      (r) =>
        `| ${r.experiment} | ${r.runs} | ${r.acknowledged} | ${r.present} | ${Object.entries(r.statuses)
          .map(([s, k]) => `${s}×${k}`)
          .join(", ")} |`,
    );
    console.log(`${title}\n| experiment | runs | acknowledged | present after | statuses seen |\n|---|---|---|---|---|\n${lines.join("\n")}`);
  }
}
