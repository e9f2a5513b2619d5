import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Database, type Db } from "./client.ts";

/**
 * A PostgreSQL server through postgres.js. On Workers (onWorker), open one per request or cron
 * invocation and never end it there: Hyperdrive pools the server connections, and workerd closes
 * the sockets when the invocation is over.
 */
export function openPostgres(url: string, options: { max?: number; onWorker?: boolean } = {}): Database {
  const sql = postgres(url, {
    // A Worker invocation may hold 6 sockets at once; Cloudflare's guidance for Hyperdrive is 5.
    max: options.max ?? (options.onWorker ? 5 : 10),
    onnotice: () => {},
    // No array-typed columns to decode, so skip the type lookup on connect. Prepared statements
    // stay on: Hyperdrive supports them and needs them for its query cache.
    fetch_types: false,
    connection: { application_name: "cluster-events" },
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    close: async () => {
      if (!options.onWorker) await sql.end({ timeout: 5 });
    },
  };
}
