/**
 * pgbench as the database-side reference: the simplest correct registration transaction, and the
 * product's own registration statement, run by pgbench itself (-c 10 -j 2 -T 10).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { percentile } from "../lib.ts";

const run = promisify(execFile);

/** Event k (1-based) of a pgbench database has this id, so scripts can pick one with :e. */
export const pgbenchEventId = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, "0")}`;
const EVENT_EXPR = `('00000000-0000-4000-8000-' || lpad(:e::text, 12, '0'))`;

/** The simplest correct registration: lock the event row, insert the registration, move the counter, commit. */
export const SIMPLE_SCRIPT = `\\set n random(1, 1000000000000)
BEGIN;
SELECT capacity, confirmed_count, next_seq FROM events WHERE id = ${EVENT_EXPR}::uuid FOR UPDATE \\gset
INSERT INTO registrations (event_id, status, seq, name, name_kana, email, email_key, organization, sector, manage_token_hash, manage_token_sealed, confirmed_at)
  VALUES (${EVENT_EXPR}::uuid, CASE WHEN :confirmed_count < :capacity THEN 'confirmed' ELSE 'waitlisted' END, :next_seq,
    '山田 太郎', 'ヤマダ タロウ', 'p' || :n || '@example.jp', 'p' || :n || '@example.jp', '福島大学', 'academia', md5('h' || :n), 'sealed',
    CASE WHEN :confirmed_count < :capacity THEN now() END);
UPDATE events SET next_seq = next_seq + 1,
  confirmed_count = confirmed_count + (confirmed_count < capacity)::int,
  waitlist_count = waitlist_count + (confirmed_count >= capacity)::int
  WHERE id = ${EVENT_EXPR}::uuid;
COMMIT;
`;

/** Placeholders a statement is built with, replaced by per-transaction pgbench expressions. */
export const MARK = { id: "@@ID@@", n: "@@N@@", event: "@@EV@@", m: "@@M@@" } as const;
const EXPR: Record<string, string> = {
  [MARK.id]: "md5('i' || :n)",
  [MARK.n]: ":n",
  [MARK.event]: EVENT_EXPR,
  [MARK.m]: "md5('m' || :n)",
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === MARK.id || v === MARK.event) return `(${EXPR[v]})::uuid`;
  let s = quote(typeof v === "string" ? v : JSON.stringify(v));
  for (const [mark, expr] of Object.entries(EXPR)) s = s.split(mark).join(`' || ${expr} || '`);
  return s;
}

/** A drizzle statement as a pgbench script line: parameters inlined, placeholders made per-transaction. */
export function statementScript(q: { text: string; params: unknown[] }, events: number): string {
  const text = q.text.replace(/\$(\d+)/g, (_, i: string) => literal(q.params[Number(i) - 1]));
  return `\\set n random(1, 1000000000000)\n\\set e ${events === 1 ? "1" : `random(1, ${events})`}\n${text.replace(/\s*\n\s*/g, " ")};\n`;
}

export type PgbenchResult = { tps: number; p50: number; p99: number; transactions: number };

export async function pgbench(dbUrl: string, script: string): Promise<PgbenchResult> {
  const dir = await mkdtemp(join(tmpdir(), "pgbench-"));
  try {
    const file = join(dir, "script.sql");
    await writeFile(file, script);
    const u = new URL(dbUrl);
    const { stdout } = await run(
      "pgbench",
      [
        "-n",
        "-c",
        "10",
        "-j",
        "2",
        "-T",
        "10",
        "-f",
        file,
        "-l",
        `--log-prefix=${join(dir, "log")}`,
        "-h",
        u.hostname,
        "-p",
        u.port || "5432",
        "-U",
        decodeURIComponent(u.username || "postgres"),
        u.pathname.slice(1),
      ],
      { maxBuffer: 1 << 24 },
    );
    const tps = Number(stdout.match(/tps = ([\d.]+)/)?.[1] ?? NaN);
    const failed = stdout.match(/number of failed transactions: (\d+)/)?.[1];
    if (failed && failed !== "0") console.log(`  pgbench: ${failed} failed transactions`);
    const lat: number[] = [];
    for (const f of await readdir(dir)) {
      if (!f.startsWith("log")) continue;
      for (const line of (await readFile(join(dir, f), "utf8")).split("\n")) {
        const us = Number(line.split(" ")[2]);
        if (line && Number.isFinite(us)) lat.push(us / 1000);
      }
    }
    return { tps, p50: percentile(lat, 50), p99: percentile(lat, 99), transactions: lat.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
