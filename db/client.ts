import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.ts";

export { schema };
/** A database handle or a transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

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
