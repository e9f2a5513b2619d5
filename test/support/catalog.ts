import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** Column types that can hold text: every string, JSON, binary, array and composite column. */
const TEXTUAL = new Set([
  "text",
  "character varying",
  "character",
  "json",
  "jsonb",
  "bytea",
  "ARRAY",
  "USER-DEFINED",
  "xml",
  "tsvector",
]);

export type Column = { schema: string; table: string; column: string; type: string };

/** Every column of every table in the database that can hold text, read from the catalog (so new tables count). */
export async function textualColumns(db: Db): Promise<Column[]> {
  const rows = rowsOf<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`
      select c.table_schema, c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2, 3`),
  );
  return rows
    .filter((r) => TEXTUAL.has(r.data_type))
    .map((r) => ({ schema: r.table_schema, table: r.table_name, column: r.column_name, type: r.data_type }));
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Where each needle occurs in the database: every textual column of every table, compared as text
 * (binary columns as hex of the needle's UTF-8). One query per column, the needles as parameters.
 */
export async function findEverywhere(db: Db, needles: string[]): Promise<{ where: string; needle: string }[]> {
  const found: { where: string; needle: string }[] = [];
  const wanted = needles.filter((n) => n.length > 0);
  for (const col of await textualColumns(db)) {
    const target = `${ident(col.schema)}.${ident(col.table)}`;
    const value = col.type === "bytea" ? `encode(${ident(col.column)}, 'hex')` : `${ident(col.column)}::text`;
    const probes = wanted.map((n) => (col.type === "bytea" ? Buffer.from(n, "utf8").toString("hex") : n));
    const hits = rowsOf<{ i: number }>(
      await db.execute(sql`
        select v.i from (values ${sql.join(
          probes.map((p, i) => sql`(${i}::int, ${p}::text)`),
          sql`, `,
        )}) as v(i, probe)
        where exists (select 1 from ${sql.raw(target)} where strpos(${sql.raw(value)}, v.probe) > 0)`),
    );
    for (const h of hits) found.push({ where: `${col.schema}.${col.table}.${col.column}`, needle: wanted[Number(h.i)]! });
  }
  return found;
}

/** Every sealed value (v1.<iv>.<ciphertext>) stored anywhere in the database, with where it is. */
export async function sealedValues(db: Db): Promise<{ where: string; sealed: string }[]> {
  const out: { where: string; sealed: string }[] = [];
  for (const col of await textualColumns(db)) {
    if (col.type === "bytea") continue;
    const rows = rowsOf<{ v: string }>(
      await db.execute(
        sql`select ${sql.raw(`${ident(col.column)}::text`)} as v from ${sql.raw(`${ident(col.schema)}.${ident(col.table)}`)}
            where strpos(${sql.raw(`${ident(col.column)}::text`)}, 'v1.') > 0`,
      ),
    );
    for (const r of rows)
      for (const m of r.v.matchAll(/v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g))
        out.push({ where: `${col.schema}.${col.table}.${col.column}`, sealed: m[0] });
  }
  return out;
}
