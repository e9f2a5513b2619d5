import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/**
 * A database handle or a transaction: services accept either. Built without drizzle's relational
 * query API (the schema is not passed): nothing uses it, and building it costs ~0.2 ms per handle,
 * which the Worker pays on every request that opens one.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
  /** PostgreSQL on Node: drop every connection (a request gave up waiting on one); the next query reconnects. */
  abandon?(): void;
};

/** An instant as a SQL parameter inside raw `sql` fragments (postgres.js needs it typed). */
export function tsParam(d: Date): SQL {
  return sql`${d.toISOString()}::timestamptz`;
}
