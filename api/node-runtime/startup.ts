import postgres from "postgres";
import { CONNECT_TIMEOUT_S } from "../../db/postgres.ts";
import { dbFault, dbFaultCode } from "../lib/db-fault.ts";

/** A start-up that cannot go on: its message is the one sentence printed before exit 1. */
export class StartupFailed extends Error {}

/** "127.0.0.1:5432" from a postgres:// URL, without user or password. */
export function databaseAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname || "localhost"}:${u.port || "5432"}`;
}

/**
 * Waits until the PostgreSQL server at `url` answers `select 1`, retrying with backoff for up to
 * `timeoutS` seconds and printing one line per failed attempt. Errors that waiting cannot cure
 * (a wrong password, a missing database) end the wait at once.
 */
export async function waitForPostgres(url: string, timeoutS: number, log: (line: string) => void = console.log): Promise<void> {
  const where = `database at ${databaseAddress(url)}`;
  const deadline = Date.now() + timeoutS * 1000;
  for (let attempt = 1, delayS = 1; attempt <= 1000; attempt++) {
    const sql = postgres(url, { max: 1, connect_timeout: CONNECT_TIMEOUT_S, onnotice: () => {}, fetch_types: false });
    let code: string;
    try {
      await sql`select 1`;
      return;
    } catch (e) {
      code = dbFaultCode(e);
      if (dbFault(e) !== "unavailable") {
        throw new StartupFailed(`${where} refused the connection (${code}: ${(e as Error).message}); check DATABASE_URL.`);
      }
    } finally {
      await sql.end({ timeout: 0 }).catch(() => {});
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new StartupFailed(`${where} still not reachable after ${timeoutS} s (${code}); giving up (DB_CONNECT_TIMEOUT_S sets how long to wait).`);
    }
    const wait = Math.max(1, Math.min(delayS, Math.ceil(left / 1000)));
    log(`${where} not reachable: ${code}; retrying in ${wait} s`);
    await new Promise((r) => setTimeout(r, wait * 1000));
    delayS = Math.min(delayS * 2, 5);
  }
  throw new StartupFailed(`${where} not reachable; giving up.`);
}
