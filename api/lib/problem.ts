import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../errors.ts";

/** The one mapping from an error to an application/problem+json response (RFC 9457). */
export function problemResponse(err: unknown, c: Context): Response {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof HTTPException) {
    const status = err.status;
    const slug = status === 400 && /JSON/i.test(err.message) ? "malformed-json" : status === 413 ? "body-too-large" : "http";
    e = new AppError(status, slug, err.message || "Request error", err.message);
  } else {
    const requestId = c.get("requestId" as never) as string | undefined;
    console.error(`[${requestId ?? "-"}] unhandled error`, err);
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
  };
  return new Response(JSON.stringify(body), {
    status: e.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", ...(e.headers ?? {}) },
  });
}
