import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens the database named by the configuration and applies the migrations (Node). */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  statementTimeoutMs?: number;
  /** PostgreSQL: connections in the pool. */
  poolMax?: number;
  /** PGlite: told of an engine failure (PANIC, abort) seen by any query. */
  onEngineFailure?: (err: unknown) => void;
}): Promise<Database> {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { openPostgres } = await import("./postgres.ts");
    const database = openPostgres(url, { statementTimeoutMs: opts.statementTimeoutMs, max: opts.poolMax });
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return database;
  }
  const { openPglite } = await import("./pglite.ts");
  let dir: string | undefined;
  if (url !== "memory://") {
    mkdirSync(opts.dataDir, { recursive: true });
    dir = opts.dataDir;
  }
  const database = await openPglite(dir, { onFailure: opts.onEngineFailure });
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return database;
}
