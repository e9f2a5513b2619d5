import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { AppError, DataConflict } from "../errors.ts";
import { dbFaultCode, dbFaultProblem } from "./db-fault.ts";
import { logError, logWarning } from "./log.ts";

/** The one mapping from an error to an application/problem+json response (RFC 9457). */
export function problemResponse(err: unknown, c: Context): Response {
  let e: AppError;
  const fault = dbFaultProblem(err);
  if (fault) {
    e = fault;
    if (fault !== err) logFault(c, fault, err);
  } else if (err instanceof AppError) e = err;
  else if (err instanceof HTTPException) {
    const status = err.status;
    const slug = status === 400 && /JSON/i.test(err.message) ? "malformed-json" : status === 413 ? "body-too-large" : "http";
    e = new AppError(status, slug, err.message || "Request error", err.message);
  } else if (isDataException(err)) {
    // The database refused a value (a NUL byte, an out-of-range number, an impossible date) that
    // validation let through: the caller's input, so a 400, and the gap is logged to be closed.
    logWarning(`[${c.get("requestId" as never) ?? "-"}] ${c.req.method} ${routeOf(c)}: input refused by the database:`, err);
    e = new AppError(
      400,
      "invalid-input",
      "Invalid input",
      "A value in the request cannot be stored (for example a NUL character or a number out of range).",
    );
  } else {
    const requestId = c.get("requestId" as never) as string | undefined;
    logError(`[${requestId ?? "-"}] ${c.req.method} ${routeOf(c)}: unhandled error:`, err);
    e = new AppError(500, "internal", "Internal server error", "Something went wrong on our side; it has been logged.");
  }
  const body = {
    type: e.slug === "http" ? "about:blank" : `/problems/${e.slug}`,
    title: e.title,
    status: e.status,
    detail: e.detail,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId" as never) as string | undefined,
    ...(e.fields ? { errors: e.fields } : {}),
    // Extension members: a conflict's typed data (lib/problems.ts ProblemData).
    ...(e instanceof DataConflict ? (e.data as Record<string, unknown>) : {}),
  };
  return new Response(JSON.stringify(body), {
    status: e.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", ...(e.headers ?? {}) },
  });
}

/** One line per database fault: its code, the route and the request id, never the query or its values. */
export function logFault(c: Context, problem: AppError, err: unknown): void {
  console.warn(`[${c.get("requestId" as never) ?? "-"}] ${c.req.method} ${routeOf(c)}: ${problem.slug}: ${dbFaultCode(err)}`);
}

/** PostgreSQL's class 22 (data exception) on the error or its cause: bad input, not a server fault. */
function isDataException(err: unknown): boolean {
  for (let x: unknown = err, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

/** The matched route's pattern (/api/registrations/:manageToken), never the path: it may hold a token. */
export function routeOf(c: Context): string {
  try {
    return routePath(c, -1) || "*";
  } catch {
    return "*";
  }
}
