import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Database, type Db } from "./client.ts";

/** A PostgreSQL server through postgres.js. On Workers, open one per request and never end it there. */
export function openPostgres(url: string, options: { max?: number; onWorker?: boolean } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Hyperdrive pools for us; prepared statements are fine with it.
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
