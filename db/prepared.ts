import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";

/**
 * A raw statement whose text is built once (its parameters `sql.placeholder(name)`) and that runs
 * as a named prepared statement. drizzle's `db.execute(sql…)` builds the text anew and sends it
 * unprepared every time: for a long statement on a hot path, that is JS work per call and a
 * parse and plan per call in PostgreSQL. Works on a database handle or a transaction, on
 * postgres.js (prepared per connection) and PGlite (which ignores the name).
 */
export function preparedStatement<Row>(name: string, statement: SQL) {
  const query = new PgDialect().sqlToQuery(statement);
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    const result: unknown = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
}
