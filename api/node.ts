import { serve } from "@hono/node-server";
import { openDatabase } from "../db/open.ts";
import { seedDatabase } from "../db/seed/seed.ts";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { systemClock } from "./lib/clock.ts";
import { resolveSealer, SECRET_KEY_WARNING } from "./lib/secret.ts";
import { startJobTimer } from "../jobs/node-timer.ts";
import { buildMailer } from "./mail/node-mailer.ts";

/** Node entry: configuration, database (migrated and seeded), job timer, HTTP server. */
async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const seeded = await seedDatabase(database.db);
  const sealer = await resolveSealer(database.db, config.SECRET_KEY);
  if (!config.SECRET_KEY) console.warn(SECRET_KEY_WARNING);
  const deps = { db: database.db, clock: systemClock, config, sealer, mailer: await buildMailer(config) };
  const app = createApp(deps);
  const stopJobs = config.JOBS === "on" ? startJobTimer(deps) : () => {};
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    const where = config.DATABASE_URL?.startsWith("postgres")
      ? "PostgreSQL"
      : (config.DATABASE_URL ?? `PGlite in ${config.DATA_DIR}`);
    console.log(`cluster-events listening on http://localhost:${info.port} (${where}; ${seeded.inserted} seed rows added)`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    stopJobs();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

await main();
