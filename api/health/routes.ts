import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { DatabaseUnavailable } from "../lib/db-fault.ts";

/** How long /readyz waits for the database's answer to a trivial query. */
export const READY_TIMEOUT_MS = 1000;

/**
 * For load balancers and orchestrators: /healthz says the process answers, /readyz that the
 * database does too (and that the process is not shutting down). Neither touches a session.
 */
export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const noStore = { "Cache-Control": "no-store" };

  app.get("/healthz", (c) => c.json({ status: "ok" }, 200, noStore));

  app.get("/readyz", async (c) => {
    if (deps.runtime?.draining()) throw new DatabaseUnavailable("The server is shutting down.");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailable(`The database did not answer within ${READY_TIMEOUT_MS} ms.`)), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([deps.db.execute(sql`select 1`), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: "ready" }, 200, noStore);
  });

  return app;
}
