import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { openDatabase } from "../db/open.ts";
import { seedDatabase } from "../db/seed/seed.ts";
import { startJobTimer } from "../jobs/node-timer.ts";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import type { AppDeps } from "./deps.ts";
import { systemClock } from "./lib/clock.ts";
import { CONNECT_TIMEOUT_S } from "../db/postgres.ts";
import { resolveSealer, SECRET_KEY_WARNING } from "./lib/secret.ts";
import { buildMailer } from "./mail/node-mailer.ts";
import { nodeDocsAssets } from "./docs/assets-node.ts";
import { installFatalHandlers, startWatchdog } from "./node-runtime/fatal.ts";
import { startHttpServer, type HttpServer } from "./node-runtime/http-server.ts";
import { StartupFailed, databaseAddress, waitForPostgres } from "./node-runtime/startup.ts";

/** Exit code after an embedded-database failure (EX_IOERR): a supervisor restarts the process. */
const EXIT_ENGINE_FAILURE = 74;
/** After a request deadline on PGlite, how long `select 1` may take before the engine counts as stuck. */
const ENGINE_PROBE_MS = 5000;
/** A main thread blocked this long on PGlite is taken for a stuck engine. */
const WATCHDOG_STALL_MS = 10_000;

/**
 * Node entry: configuration, database (reached, migrated and seeded), job timer, HTTP server, and
 * the way out: a graceful drain on SIGTERM/SIGINT, a fast exit when the embedded database fails.
 */
async function main() {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const onPostgres = /^postgres(ql)?:\/\//.test(config.DATABASE_URL ?? "");
  const dataDir = resolve(config.DATA_DIR);
  let http: HttpServer | undefined;
  let failing = false;

  /** The embedded database failed (PANIC, abort): answer what waits with 503 and exit at once. */
  const engineFailed = (err: unknown) => {
    if (failing) return;
    failing = true;
    const cause = err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : String(err);
    console.error(
      `the embedded database in ${dataDir} failed (${cause}); is the disk full? Exiting so that it restarts once there is space.`,
    );
    http?.failInFlight(503, {
      type: "/problems/database-unavailable",
      title: "Database unavailable",
      status: 503,
      detail: "The database stopped; the server is restarting. Please try again in a few seconds.",
    });
    setTimeout(() => process.exit(EXIT_ENGINE_FAILURE), 200).unref();
  };
  installFatalHandlers({ onEngineFailure: engineFailed });

  let database: Database;
  try {
    if (onPostgres) await waitForPostgres(config.DATABASE_URL!, config.DB_CONNECT_TIMEOUT_S);
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      poolMax: config.DB_POOL_MAX,
      onEngineFailure: engineFailed,
    });
  } catch (e) {
    if (e instanceof StartupFailed) console.error(e.message);
    else if (onPostgres) console.error(`database at ${databaseAddress(config.DATABASE_URL!)} could not be prepared: ${(e as Error).message}`);
    else console.error(`the embedded database in ${dataDir} could not be opened: ${(e as Error).message}`);
    process.exit(1);
  }
  if (!config.SECRET_KEY) console.warn(SECRET_KEY_WARNING);
  const seeded = await seedDatabase(database.db);
  const sealer = await resolveSealer(database.db, config.SECRET_KEY);

  let draining = false;
  const deps: AppDeps = {
    db: database.db,
    clock: systemClock,
    config,
    sealer,
    mailer: await buildMailer(config),
    docs: nodeDocsAssets,
    runtime: {
      draining: () => draining,
      // A silent PostgreSQL: the connect timeout plus the statement timeout, then 503. PGlite: the
      // request answers 503 and the engine is probed; one that cannot answer stops the process.
      requestDeadlineMs: config.DB_STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_S * 1000,
      onDeadline: onPostgres
        ? () => {
            console.warn("a request waited past its deadline on the database: dropping the database connections");
            database.abandon?.();
          }
        : () => void probeEngine(),
    },
  };
  /** PGlite: a request past its deadline. If the engine cannot even answer `select 1`, it is stuck. */
  let probing = false;
  const probeEngine = async () => {
    if (probing) return;
    probing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<"stuck">((r) => (timer = setTimeout(() => r("stuck"), ENGINE_PROBE_MS)));
    const answer = await Promise.race([database.db.execute(sql`select 1`).then(() => "ok" as const, () => "ok" as const), stuck]);
    clearTimeout(timer);
    probing = false;
    if (answer === "stuck") engineFailed(new Error(`no answer to select 1 within ${ENGINE_PROBE_MS} ms after a request deadline`));
  };
  const app = createApp(deps);
  const stopJobs = config.JOBS === "on" ? startJobTimer(deps) : async () => {};
  const stopWatchdog = onPostgres
    ? () => {}
    : startWatchdog(
        WATCHDOG_STALL_MS,
        `the embedded database in ${dataDir} has blocked the server for {s} s (a PANIC, most often a full disk); exiting so that it restarts once there is space.`,
      );
  http = startHttpServer({
    fetch: app.fetch,
    port: config.PORT,
    onListening: (port) => {
      const where = onPostgres ? "PostgreSQL" : config.DATABASE_URL === "memory://" ? "memory://" : `PGlite in ${config.DATA_DIR}`;
      console.log(`cluster-events listening on http://localhost:${port} (${where}; ${seeded.inserted} seed rows added)`);
    },
  });

  const stop = async (signal: string) => {
    if (draining) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    draining = true;
    console.log(`${signal}: shutting down (waiting up to ${config.SHUTDOWN_GRACE_MS} ms for requests in flight)`);
    const cut = await http!.drain(config.SHUTDOWN_GRACE_MS);
    if (cut > 0) console.warn(`${cut} request(s) still running after ${config.SHUTDOWN_GRACE_MS} ms were cut`);
    await stopJobs();
    stopWatchdog();
    await database.close();
    console.log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

await main();
