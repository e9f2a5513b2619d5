/** The request's context for verbs: built once per request, after the caller is identified. */
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv, Who } from "../deps.ts";

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { db, clock, config, sealer, mailer } = deps;
  return async (c, next) => {
    c.set("ctx", { db, clock, config, sealer, mailer, who: { actor: c.get("actor"), requestId: c.get("requestId"), now: clock.now() } });
    await next();
  };
}

/**
 * Work nobody asked for over HTTP (a job): the system acts, with an administrator's reach; what it
 * writes is accounted for by the job's run rather than the audit log.
 */
export const systemWho = (now: Date): Who => ({ actor: { kind: "admin", id: "system", label: "system", via: "system" }, now });

export const isSystem = (who: Who) => who.actor.kind === "admin" && who.actor.via === "system";
