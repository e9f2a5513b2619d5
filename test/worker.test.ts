/**
 * The Cloudflare Worker as deployed: built by wrangler (dry run), run in workerd by Miniflare, in
 * front of a real PostgreSQL through a local Hyperdrive binding. HTTP in, cron in, rows out.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Server, type Socket } from "node:net";
import { Miniflare, type MiniflareOptions } from "miniflare";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { seedDatabase } from "../db/seed/seed.ts";
import { createTestDatabase } from "./support/db.ts";
import { databaseWithoutSlots } from "./support/faults.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ADMIN_TOKEN = "worker-admin-token-0123456789abcdef";
const PUBLIC_URL = "https://events.example.jp";
const SERVER =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : "postgres://postgres@127.0.0.1:5432/test";

async function answers(url: string): Promise<boolean> {
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

const reachable = await answers(SERVER);
if (!reachable) {
  console.warn(
    `test/worker.test.ts: skipped, no PostgreSQL answers at ${new URL(SERVER).host} (set DATABASE_URL to a postgres:// server).`,
  );
}

/** A fresh, migrated database on SERVER (test/support/db.ts reads DATABASE_URL when called). */
async function freshDatabase() {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = SERVER;
  try {
    return await createTestDatabase();
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

/**
 * Miniflare's Hyperdrive insists on a password in the URL. A server that trusts local connections
 * (the usual test set-up) ignores it; one that checks passwords needs it in DATABASE_URL anyway,
 * since workerd cannot read PGPASSWORD or ~/.pgpass.
 */
function withPassword(url: string): string {
  const u = new URL(url);
  if (!u.password) u.password = "unused";
  return u.toString();
}

/** `wrangler deploy --dry-run`: the same bundle `npm run build:worker` produces, offline. */
function buildWorker(outdir: string): string {
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CI: "1",
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        // The banner is where wrangler asks the npm registry for a newer version.
        WRANGLER_HIDE_BANNER: "true",
        WRANGLER_LOG: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 180_000,
    },
  );
  return join(outdir, "worker.js");
}

const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"))![1]!;

describe.skipIf(!reachable)("the Worker in workerd", () => {
  let outdir: string;
  let script: string;
  let database: Database & { url?: string };
  let mf: Miniflare;
  let options: MiniflareOptions & { bindings: Record<string, string> };
  let smtp: SMTPServer;
  const received: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), "cluster-events-worker-"));
    script = buildWorker(outdir);
    // A local relay: nodemailer inside workerd (nodejs_compat) delivers the outbox to it.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    database = await freshDatabase();
    await seedDatabase(database.db);
    options = {
      modules: true,
      scriptPath: script,
      modulesRoot: outdir,
      compatibilityDate,
      compatibilityFlags: ["nodejs_compat"],
      // wrangler.toml's [[rules]]: Swagger UI's files travel beside worker.js as text modules.
      modulesRules: [{ type: "Text", include: ["**/*-swagger-ui-bundle.js", "**/*-swagger-ui.css"] }],
      // The default would fetch Request.cf from workers.cloudflare.com outside `NODE_ENV=test`.
      cf: false,
      hyperdrives: { HYPERDRIVE: withPassword(database.url!) },
      bindings: {
        ADMIN_TOKEN,
        PUBLIC_URL,
        SECRET_KEY: "worker-test-secret-key-0123456789abcdefghij",
        RATE_LIMITS: "off",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: "Cluster Events <no-reply@events.example.jp>",
      },
    } satisfies MiniflareOptions;
    mf = new Miniflare(options);
    await mf.ready;
  }, 240_000);

  afterAll(async () => {
    // Each step on its own: a Worker that failed to start must not leave the database behind.
    const steps = [
      () => mf?.dispose(),
      () => new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve())),
      () => database?.close(),
      () => outdir && rmSync(outdir, { recursive: true, force: true }),
    ];
    for (const step of steps)
      await Promise.resolve()
        .then(step)
        .catch((e) => console.error("cleanup:", e));
  });

  const request = (path: string, init: RequestInit & { json?: unknown; admin?: boolean } = {}) => {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    if (init.admin) headers.set("Authorization", `Bearer ${ADMIN_TOKEN}`);
    return mf.dispatchFetch(`${PUBLIC_URL}${path}`, { ...init, headers, body } as never) as unknown as Promise<Response>;
  };

  it("bundles without PGlite or other Node-only code", () => {
    // The source map lists every file esbuild took in, minified or not.
    const { sources } = JSON.parse(readFileSync(`${script}.map`, "utf8")) as { sources: string[] };
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((s) => /pglite|@electric-sql|@hono\/node-server|db\/open\.ts|file-transport\.ts/i.test(s))).toEqual([]);
    expect(readFileSync(script, "utf8")).not.toMatch(/pglite|@electric-sql/i);
    console.log(`worker bundle: ${(statSync(script).size / 1024).toFixed(0)} KiB from ${sources.length} sources`);
  });

  it("serves the API from PostgreSQL through Hyperdrive", async () => {
    const blocks = await request("/api/blocks");
    expect(blocks.status).toBe(200);
    expect((await blocks.json()) as unknown[]).toHaveLength(10);

    // Dated from the real clock: the Worker runs on systemClock.
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const created = await request("/api/events", {
      method: "POST",
      admin: true,
      json: {
        kind: "seminar",
        titleJa: "地域クラスターセミナー（Worker）",
        titleEn: "Regional Cluster Seminar (Worker)",
        block: "tohoku",
        venue: "ビッグパレットふくしま",
        prefecture: "福島県",
        startsAt: `${day}T14:00:00+09:00`,
        endsAt: `${day}T17:00:00+09:00`,
        capacity: 5,
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const event = (await created.json()) as { id: string };

    const anonymous = await request("/api/events", { method: "POST", json: { kind: "seminar" } });
    expect(anonymous.status).toBe(401);

    const registered = await request(`/api/events/${event.id}/registrations`, {
      method: "POST",
      json: {
        name: "山田 太郎",
        nameKana: "ヤマダ タロウ",
        email: "taro.worker@example.jp",
        organization: "福島大学",
        sector: "academia",
      },
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    const registration = (await registered.json()) as { status: string; manageToken: string };
    expect(registration.status).toBe("confirmed");

    const mine = await request(`/api/registrations/${registration.manageToken}`);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { email: string }).email).toBe("taro.worker@example.jp");

    const ics = await request(`/calendar/events/${event.id}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("地域クラスターセミナー（Worker）");

    // The registration and its confirmation e-mail landed in PostgreSQL, not somewhere else.
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`select count(*)::int as n from outbox where to_address = 'taro.worker@example.jp'`;
      expect(row!.n).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it("serves /docs with Swagger UI from its own origin, under a CSP that allows no other", async () => {
    const docs = await request("/docs");
    expect(docs.status).toBe(200);
    const csp = docs.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    const html = await docs.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.map((s) => s.split("?")[0])).toEqual(["/docs/assets/swagger-ui-bundle.js", "/docs/assets/init.js"]);
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await request(scripts[0]!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await bundle.text()).toContain("SwaggerUIBundle");
    const css = await request(html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain(".swagger-ui");
    const spec = (await (await request("/openapi.json")).json()) as { servers: { url: string }[] };
    expect(spec.servers).toEqual([{ url: PUBLIC_URL }]);
  });

  it("delivers the outbox over SMTP when the five-minute cron fires", async () => {
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ cron: "* * * * *", scheduledTime: new Date() });
    expect(result.outcome).toBe("ok");
    const mail = received.find((m) => m.to.includes("taro.worker@example.jp"));
    expect(mail, "the confirmation reached the SMTP server").toBeDefined();
    expect(mail!.data).toMatch(/^Content-Type: text\/calendar/m);
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql`select status from outbox where to_address = 'taro.worker@example.jp'`;
      expect(rows.map((r) => r.status)).toEqual(["sent"]);
    } finally {
      await sql.end();
    }
  });

  it("plans fiscal year 2027 when the cron fires at 00:30 on April 1 in Tokyo", async () => {
    const worker = await mf.getWorker();
    const cron = "30 15 * * *";
    const scheduledTime = new Date("2027-03-31T15:30:00Z");
    const first = await worker.scheduled({ cron, scheduledTime });
    expect(first.outcome).toBe("ok");

    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const planned = await sql<{ block_code: string; starts_at: Date }[]>`
        select block_code, starts_at from events
        where kind = 'block_council' and fiscal_year = 2027 and status = 'planned'`;
      expect(planned.length).toBeGreaterThanOrEqual(10);
      expect(new Set(planned.map((p) => p.block_code)).size).toBe(10);
      for (const p of planned) {
        expect(p.starts_at.getTime()).toBeGreaterThanOrEqual(Date.parse("2027-04-01T00:00:00+09:00"));
        expect(p.starts_at.getTime()).toBeLessThan(Date.parse("2028-04-01T00:00:00+09:00"));
      }
      const runs = await sql`
        select status, period_key from job_runs where job = 'plan-fiscal-year' and status = 'succeeded'`;
      expect(runs.map((r) => r.period_key)).toEqual(["fy2027"]);

      // The same cron again (a retry) plans nothing twice.
      const again = await worker.scheduled({ cron, scheduledTime });
      expect(again.outcome).toBe("ok");
      const [count] = await sql`
        select count(*)::int as n from events where kind = 'block_council' and fiscal_year = 2027`;
      expect(count!.n).toBe(planned.length);
    } finally {
      await sql.end();
    }
  });

  it("runs no jobs when JOBS is off", async () => {
    await mf.setOptions({ ...options, bindings: { ...options.bindings, JOBS: "off" } });
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ cron: "30 15 * * *", scheduledTime: new Date("2028-03-31T15:30:00Z") });
    expect(result.outcome).toBe("ok");
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const runs = await sql`select job from job_runs where as_of >= '2028-03-31T15:30:00Z'`;
      expect(runs).toEqual([]);
    } finally {
      await sql.end();
    }
  });
  it("answers /healthz always, and 503 problem+json with Retry-After when PostgreSQL cannot be reached", async () => {
    expect((await request("/healthz")).status).toBe(200);
    expect((await request("/readyz")).status).toBe(200);
    // PostgreSQL refusing every connection to a database with no connection slots (53300).
    const full = await databaseWithoutSlots(SERVER);
    // Miniflare's local Hyperdrive proxy (in this process) pipes sockets without error handlers:
    // workerd resetting one after the refusal would be an uncaught ECONNRESET here, not a finding.
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
      if (event === "connection") (args[0] as Socket).on("error", () => {});
      return (emit as (this: Server, e: string, ...a: unknown[]) => boolean).call(this, event, ...args);
    } as typeof emit;
    const down = new Miniflare({ ...options, hyperdrives: { HYPERDRIVE: withPassword(full.url) } });
    try {
      await down.ready;
      const get = (path: string, headers: Record<string, string> = {}) =>
        down.dispatchFetch(`${PUBLIC_URL}${path}`, { headers } as never) as unknown as Promise<Response>;
      expect((await get("/healthz")).status).toBe(200);
      for (const path of ["/readyz", "/api/blocks"]) {
        const res = await get(path);
        expect(res.status, path).toBe(503);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(((await res.json()) as { type: string }).type).toBe("/problems/database-unavailable");
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      const page = await get("/", { "Accept-Language": "en" });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("Temporarily unavailable");
    } finally {
      await down.dispose();
      Server.prototype.emit = emit;
      await full.drop();
    }
  }, 120_000);
});
