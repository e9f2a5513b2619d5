import { AppError } from "../errors.ts";

/** Seconds a client is told to wait before retrying while the database is away. */
const DB_RETRY_AFTER_S = 5;

/**
 * Network and driver codes meaning "no answer from the database": the socket could not be opened,
 * was reset or closed, or the driver gave up waiting (postgres.js's own codes included).
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
]);

/**
 * SQLSTATEs of a database that is there but cannot serve: shutting down (57P01-57P03), too many
 * connections (53300), a statement or idle transaction cancelled by its timeout (57014, 25P03),
 * and the connection exception class 08.
 */
function unavailableState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300", "57014", "25P03"].includes(code);
}

export type DbFault = "unavailable" | "storage-full";

/** Thrown where a request waited on the database past its deadline, or the database is stopping. */
export class DatabaseUnavailable extends AppError {
  constructor(detail = "The database is not answering right now. Please try again in a few seconds.") {
    super(503, "database-unavailable", "Database unavailable", detail, undefined, { "Retry-After": String(DB_RETRY_AFTER_S) });
  }
}

class StorageFull extends AppError {
  constructor() {
    super(
      503,
      "storage-full",
      "Storage full",
      "The server has no space left to store this change; nothing was saved. Reading still works. Please try again later.",
      undefined,
      { "Retry-After": "60" },
    );
  }
}

/** What kind of database fault `err` (or an error in its cause chain) is, if any. */
export function dbFault(err: unknown): DbFault | undefined {
  for (let x: unknown = err, i = 0; x && i < 6; x = (x as { cause?: unknown }).cause, i++) {
    if (x instanceof DatabaseUnavailable) return "unavailable";
    if (x instanceof StorageFull) return "storage-full";
    const code = (x as { code?: unknown }).code;
    const message = (x as { message?: unknown }).message;
    if (code === "53100" || code === "ENOSPC" || code === "EDQUOT") return "storage-full";
    if (typeof message === "string" && /no space left on device|could not extend file|disk quota exceeded/i.test(message)) {
      return "storage-full";
    }
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || unavailableState(code))) return "unavailable";
  }
  return undefined;
}

/** The problem a database fault answers with, or undefined when `err` is not one. */
export function dbFaultProblem(err: unknown): AppError | undefined {
  if (err instanceof DatabaseUnavailable || err instanceof StorageFull) return err;
  const fault = dbFault(err);
  if (fault === "storage-full") return new StorageFull();
  if (fault === "unavailable") return new DatabaseUnavailable();
  return undefined;
}

/** The first code (SQLSTATE, errno or driver code) in the cause chain, for a log line. */
export function dbFaultCode(err: unknown): string {
  for (let x: unknown = err, i = 0; x && i < 6; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && code) return code;
  }
  return err instanceof Error ? err.name : "unknown";
}
