import { createApp } from "./app.ts";
import { parseConfig, type Config } from "./config.ts";
import { openPostgres } from "../db/postgres.ts";
import { systemClock } from "./lib/clock.ts";
import { resolveSealer } from "./lib/secret.ts";
import { runScheduled } from "../jobs/worker-scheduled.ts";
import { smtpMailer } from "./mail/transport.ts";

/** Bindings from wrangler.toml; Hyperdrive supplies the PostgreSQL connection string. */
export type Env = {
  HYPERDRIVE: { connectionString: string };
  [key: string]: unknown;
};

type Ctx = { waitUntil(p: Promise<unknown>): void; passThroughOnException?(): void };

let cachedConfig: Config | undefined;
function config(env: Env): Config {
  cachedConfig ??= parseConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString, JOBS: "off" });
  return cachedConfig;
}

/** One postgres.js client per request (never ended inside workerd: Hyperdrive pools for us). */
async function depsFor(env: Env) {
  const cfg = config(env);
  const database = openPostgres(env.HYPERDRIVE.connectionString, { max: 1, onWorker: true });
  const sealer = await resolveSealer(database.db, cfg.SECRET_KEY);
  const mailer = cfg.SMTP_URL ? await smtpMailer(cfg.SMTP_URL, cfg.MAIL_FROM) : null;
  return { db: database.db, clock: systemClock, config: cfg, sealer, mailer };
}

export default {
  async fetch(request: Request, env: Env, ctx: Ctx): Promise<Response> {
    const app = createApp(await depsFor(env));
    return app.fetch(request, env, ctx as never);
  },
  async scheduled(controller: { cron: string; scheduledTime: number }, env: Env, ctx: Ctx): Promise<void> {
    ctx.waitUntil(runScheduled(await depsFor(env), controller.cron, new Date(controller.scheduledTime)));
  },
};
