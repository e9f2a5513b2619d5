/** Who is making this request (the actor, the request id, the instant), as verbs and the audit log take it. */
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import type { Who } from "../audit/service.ts";

export function whoOf<E extends AppEnv>(c: Context<E>, deps: Pick<AppDeps, "clock">): Who {
  const ctx = c as unknown as Context<AppEnv>;
  return { actor: ctx.get("actor"), requestId: ctx.get("requestId"), now: deps.clock.now() };
}
