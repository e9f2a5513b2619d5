import type { MiddlewareHandler } from "hono";
import type { Runtime } from "../deps.ts";
import { DatabaseUnavailable } from "./db-fault.ts";

/**
 * No request waits without end on a silent database: past the deadline the request answers 503
 * and the runtime drops the database connections it may be stuck on, so that a statement the
 * client gave up on is never sent or committed later.
 */
export function requestDeadline(runtime: Runtime & { requestDeadlineMs: number }): MiddlewareHandler {
  return async (_c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        runtime.onDeadline?.();
        reject(new DatabaseUnavailable(`The database did not answer within ${Math.round(runtime.requestDeadlineMs / 1000)} s.`));
      }, runtime.requestDeadlineMs);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
