import type { ExportedHandler, Hyperdrive, Response as WorkerResponse } from "@cloudflare/workers-types/index.ts";
import { openPostgres } from "../db/postgres.ts";
import { runScheduled } from "../jobs/worker-scheduled.ts";
import { createApp } from "./app.ts";
import { parseConfig, type Config } from "./config.ts";
import type { AppDeps } from "./deps.ts";
import { systemClock } from "./lib/clock.ts";
import { resolveSealer } from "./lib/secret.ts";
import type { Sealer } from "./lib/tokens.ts";
import { smtpMailer, type Mailer } from "./mail/transport.ts";

/** Bindings from wrangler.toml ([vars], secrets) and Hyperdrive, which supplies the PostgreSQL connection. */
export type Env = {
  HYPERDRIVE: Hyperdrive;
  [key: string]: unknown;
};

/*
 * What may live across requests in an isolate: plain values and CryptoKeys, never I/O objects. A
 * postgres.js client (its socket) or an SMTP transport belongs to the request that opened it, so
 * those are made per request or per cron invocation.
 */
let cachedConfig: Config | undefined;
let cachedSealer: Sealer | undefined;

function config(env: Env): Config {
  // On the Worker, Cloudflare's edge sets CF-Connecting-IP; there is no socket to read.
  cachedConfig ??= parseConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString }, { TRUST_PROXY: "cloudflare" });
  return cachedConfig;
}

/** nodemailer is loaded and connected only when a job actually sends, not on every request. */
function lazySmtpMailer(url: string, from: string): Mailer {
  let mailer: Promise<Mailer> | undefined;
  return { send: async (message) => (await (mailer ??= smtpMailer(url, from))).send(message) };
}

/**
 * The app's dependencies for one request or one cron invocation. The postgres.js client is never
 * ended: Hyperdrive keeps the pool, and workerd closes the socket when the invocation is over.
 */
async function depsFor(env: Env): Promise<AppDeps> {
  const cfg = config(env);
  const { db } = openPostgres(env.HYPERDRIVE.connectionString, { onWorker: true });
  // Only the resolved key is kept: a pending promise shared between requests could hang one of them.
  cachedSealer ??= await resolveSealer(db, cfg.SECRET_KEY);
  const mailer = cfg.SMTP_URL ? lazySmtpMailer(cfg.SMTP_URL, cfg.MAIL_FROM) : null;
  return { db, clock: systemClock, config: cfg, sealer: cachedSealer, mailer };
}

export default {
  async fetch(request, env, ctx) {
    const app = createApp(await depsFor(env));
    // The same objects at run time; only the DOM and Workers typings of Request/Response differ.
    const response = await app.fetch(request as unknown as Request, env, ctx as never);
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
    await runScheduled(await depsFor(env), controller.cron, new Date(controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
