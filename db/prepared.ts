import { fillPlaceholders, type SQL } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";

/** postgres.js's client, as drizzle keeps it on a handle or a transaction. */
type PostgresJsClient = {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
};

/**
 * A raw statement whose text is built once (its parameters `sql.placeholder(name)`) and that runs
 * as a named prepared statement. drizzle's `db.execute(sql…)` builds the text anew and sends it
 * unprepared every time: for a long statement on a hot path, that is JS work per call and a
 * parse and plan per call in PostgreSQL. Works on a database handle or a transaction, on
 * postgres.js (prepared per connection) and PGlite (which ignores the name).
 *
 * On postgres.js the call goes to the driver directly, as drizzle itself would send a raw
 * statement (the same client, parsers and rows), without building a prepared-query object per
 * call; a failure is wrapped as drizzle wraps it, so that logs and fault handling see one shape.
 */
export function preparedStatement<Row>(name: string, statement: SQL) {
  const query = new PgDialect().sqlToQuery(statement);
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    const session = db._.session as unknown as { client: unknown };
    const client = session.client as Partial<PostgresJsClient>;
    if (typeof client.unsafe === "function") {
      const params = fillPlaceholders(query.params, values);
      try {
        return (await client.unsafe(query.sql, params, { prepare: true })) as Row[];
      } catch (err) {
        throw new DrizzleQueryError(query.sql, params, err as Error);
      }
    }
    const result: unknown = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
}
