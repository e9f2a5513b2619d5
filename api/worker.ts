import type { ExportedHandler, Hyperdrive, Response as WorkerResponse } from "@cloudflare/workers-types/index.ts";
import type { Db } from "../db/client.ts";
import { openPostgres } from "../db/postgres.ts";
import { runScheduled } from "../jobs/worker-scheduled.ts";
import { createApp, type App } from "./app.ts";
import { parseConfig, type Config } from "./config.ts";
import type { AppDeps } from "./deps.ts";
import { systemClock } from "./lib/clock.ts";
import { workerDocsAssets } from "./docs/assets-worker.ts";
import { RequestScope } from "./lib/request-scope.ts";
import { resolveSealer } from "./lib/secret.ts";
import type { Sealer } from "./lib/tokens.ts";
import { smtpMailer, type Mailer } from "./mail/transport.ts";

/** Bindings from wrangler.toml ([vars], secrets) and Hyperdrive, which supplies the PostgreSQL connection. */
export type Env = {
  HYPERDRIVE: Hyperdrive;
  [key: string]: unknown;
};

/*
 * What lives across requests in an isolate: the app, the config, the sealing key: plain values
 * and CryptoKeys, never I/O objects. A postgres.js client (its socket) or an SMTP transport
 * belongs to the request that opened it: the app reaches them through `scope`.
 */
let cachedConfig: Config | undefined;
let cachedSealer: Sealer | undefined;
let cachedApp: App | undefined;
type Handles = { db: Db; mailer: Mailer };
const scope = new RequestScope<Handles>();

function config(env: Env): Config {
  // On the Worker, Cloudflare's edge sets CF-Connecting-IP; there is no socket to read.
  cachedConfig ??= parseConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString }, { TRUST_PROXY: "cloudflare" });
  return cachedConfig;
}

/**
 * One invocation's handles, opened on first use (a static asset opens nothing). The postgres.js
 * client is never ended: Hyperdrive keeps the pool, and workerd closes the socket afterwards.
 */
function handlesFor(env: Env, cfg: Config): Handles {
  let db: Db | undefined;
  let mailer: Promise<Mailer> | undefined;
  return {
    get db() {
      return (db ??= openPostgres(env.HYPERDRIVE.connectionString, { onWorker: true }).db);
    },
    /** nodemailer is loaded and connected only when a job actually sends. */
    mailer: { send: async (message) => (await (mailer ??= smtpMailer(cfg.SMTP_URL!, cfg.MAIL_FROM))).send(message) } as Mailer,
  };
}

async function depsFor(env: Env, handles: Handles): Promise<AppDeps> {
  const cfg = config(env);
  // Only the resolved key is kept: a pending promise shared between requests could hang one of them.
  cachedSealer ??= await resolveSealer(handles.db, cfg.SECRET_KEY);
  return {
    db: handles.db,
    clock: systemClock,
    config: cfg,
    sealer: cachedSealer,
    mailer: cfg.SMTP_URL ? handles.mailer : null,
    docs: workerDocsAssets,
  };
}

/** The app, built on the first request of the isolate; its db and mailer are the scope's stand-ins. */
async function appFor(env: Env, handles: Handles): Promise<App> {
  if (!cachedApp) {
    const deps = await depsFor(env, handles);
    cachedApp = createApp({ ...deps, db: scope.forward("db"), mailer: deps.mailer && scope.forward("mailer") });
  }
  return cachedApp;
}

export default {
  async fetch(request, env, ctx) {
    const handles = handlesFor(env, config(env));
    const response = await scope.run(handles, async () =>
      // The same objects at run time; only the DOM and Workers typings of Request/Response differ.
      (await appFor(env, handles)).fetch(request as unknown as Request, env, ctx as never),
    );
    return response as unknown as WorkerResponse;
  },

  /**
   * Cron Triggers (wrangler.toml) are the Worker's job timer; JOBS=off silences them. The jobs are
   * awaited rather than handed to waitUntil, so the invocation ends, and is marked failed, with them.
   */
  async scheduled(controller, env) {
    if (config(env).JOBS === "off") {
      console.log(`cron ${controller.cron}: JOBS is off, nothing run`);
      return;
    }
    const handles = handlesFor(env, config(env));
    await runScheduled(await depsFor(env, handles), controller.cron, new Date(controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
