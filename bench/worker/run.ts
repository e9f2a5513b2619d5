/**
 * bench/worker: CPU per request of the Worker in workerd (Miniflare, the bundle `wrangler deploy
 * --dry-run` builds, PostgreSQL through a local Hyperdrive binding) against the Node server
 * (`node --import tsx api/node.ts`) on the same database, in the same run.
 *
 * CPU is read from /proc/<pid>/stat (user + system time of the workerd process, and of the Node
 * server process) before and after N sequential requests, after a warm-up; wall time per request
 * is the client's view (keep-alive connections). Linux only.
 *
 * Run: npx tsx bench/worker/run.ts
 * Env: BENCH_REQUESTS (400)  requests per path and server
 *      BENCH_WARMUP (100)    requests before measuring
 *      DATABASE_URL          PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { ASSET_URLS } from "../../web/assets/index.ts";
import { freshServerDb, median } from "../lib.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
const PATHS = [
  { name: "static asset", path: ASSET_URLS.css, targetMs: 2 },
  { name: "/api/blocks", path: "/api/blocks", targetMs: 5 },
];

/** user + system CPU of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The workerd processes Miniflare started (children of this process). */
function workerdPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === "workerd" && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function buildWorker(outdir: string): string {
  execFileSync(process.execPath, [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", WRANGLER_HIDE_BANNER: "true", WRANGLER_LOG: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 300_000,
  });
  return join(outdir, "worker.js");
}

async function startNode(databaseUrl: string, dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "api/node.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), JOBS: "off", RATE_LIMITS: "off", DATA_DIR: dataDir, PUBLIC_URL: "https://events.example.jp" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`node server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

async function measure(base: string, path: string, pids: () => number[]) {
  const get = async () => {
    const res = await fetch(base + path);
    if (res.status !== 200) throw new Error(`${base}${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < WARMUP; i++) await get();
  const processes = pids();
  const cpuBefore = processes.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const walls: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await get();
    walls.push(performance.now() - started);
  }
  const cpuAfter = processes.reduce((sum, pid) => sum + cpuMs(pid), 0);
  return { cpuPerRequestMs: (cpuAfter - cpuBefore) / REQUESTS, wallMedianMs: median(walls) };
}

async function main() {
  const scratch = await freshServerDb();
  const outdir = mkdtempSync(join(tmpdir(), "bench-worker-"));
  const dataDir = mkdtempSync(join(tmpdir(), "bench-worker-data-"));
  let node: Awaited<ReturnType<typeof startNode>> | undefined;
  let mf: Miniflare | undefined;
  try {
    // The Node server migrates and seeds the database; the Worker then reads the same rows.
    node = await startNode(scratch.url, dataDir);
    const script = buildWorker(outdir);
    const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"))![1]!;
    const hyperdriveUrl = new URL(scratch.url);
    if (!hyperdriveUrl.password) hyperdriveUrl.password = "unused"; // Miniflare's Hyperdrive insists on one
    mf = new Miniflare({
      modules: true,
      scriptPath: script,
      modulesRoot: outdir,
      compatibilityDate,
      compatibilityFlags: ["nodejs_compat"],
      // wrangler.toml's [[rules]]: Swagger UI's files travel beside worker.js as text modules.
      modulesRules: [{ type: "Text", include: ["**/*-swagger-ui-bundle.js", "**/*-swagger-ui.css"] }],
      cf: false,
      hyperdrives: { HYPERDRIVE: hyperdriveUrl.toString() },
      bindings: { PUBLIC_URL: "https://events.example.jp", RATE_LIMITS: "off", JOBS: "off", SECRET_KEY: "bench-worker-secret-key-0123456789abcdefghij" },
    });
    const workerUrl = (await mf.ready).toString().replace(/\/$/, "");
    const nodePid = node.pid;
    console.log(`${REQUESTS} requests per path after ${WARMUP} warm-up; CPU = user + system time of the server process / requests`);
    console.log("\n| path | workerd CPU ms/req | Node CPU ms/req | workerd wall median ms | Node wall median ms | target (workerd CPU) |");
    console.log("|---|---:|---:|---:|---:|---|");
    for (const { name, path, targetMs } of PATHS) {
      const worker = await measure(workerUrl, path, workerdPids);
      const nodeResult = await measure(node.url, path, () => [nodePid]);
      console.log(
        `| ${name} | ${worker.cpuPerRequestMs.toFixed(2)} | ${nodeResult.cpuPerRequestMs.toFixed(2)} | ${worker.wallMedianMs.toFixed(2)} | ${nodeResult.wallMedianMs.toFixed(2)} | ≤ ${targetMs} ms: ${worker.cpuPerRequestMs <= targetMs ? "met" : "not met"} |`,
      );
    }
  } finally {
    await mf?.dispose().catch(() => {});
    node?.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await scratch.drop().catch((e) => console.error("drop:", e));
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
