/** The request's context for verbs: built once per request, after the caller is identified. */
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv, Ctx } from "../deps.ts";

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { db, clock, config, sealer, mailer } = deps;
  return async (c, next) => {
    c.set("ctx", { db, clock, config, sealer, mailer, who: { actor: c.get("actor"), requestId: c.get("requestId"), now: clock.now() } });
    await next();
  };
}

/** The context of work nobody asked for over HTTP (jobs, the seed): the system acts, as an administrator. */
export function systemContext(deps: AppDeps, now: Date = deps.clock.now()): Ctx {
  const { db, clock, config, sealer, mailer } = deps;
  return { db, clock, config, sealer, mailer, who: { actor: { kind: "admin", id: "system", label: "system", via: "admin-token" }, now } };
}
