import { sql } from "drizzle-orm";
import { tsParam, type Db } from "../../db/client.ts";
import { rateLimits } from "../../db/schema/index.ts";
import { TooManyRequests } from "../errors.ts";
import { sha256Hex } from "./tokens.ts";

export type Limit = { max: number; windowSeconds: number };

/** "20/600" → 20 requests per 600 seconds. */
export function parseLimit(spec: string): Limit {
  const m = spec.match(/^(\d+)\/(\d+)$/);
  if (!m) throw new Error(`bad limit "${spec}"`);
  return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

/**
 * Counts one hit against a fixed window, in one atomic statement in the database, so every Node
 * process and every Worker isolate shares the count. Throws 429 with Retry-After when over.
 */
export async function hit(db: Db, key: string, limit: Limit, now: Date): Promise<void> {
  const k = `${key.split(":")[0]}:${(await sha256Hex(key)).slice(0, 40)}`;
  const windowStart = new Date(Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: k, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${tsParam(windowStart)} then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  if ((row?.count ?? 0) > limit.max) {
    const retry = Math.max(1, Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new TooManyRequests(retry);
  }
}

/**
 * The public side's limits, the same for the API and the web pages: per client address and per
 * e-mail address, as configured (RATE_LIMIT_REGISTRATION, RATE_LIMIT_LOGIN; RATE_LIMITS=off).
 */
export async function throttle(
  deps: {
    db: Db;
    clock: { now(): Date };
    config: { RATE_LIMITS: "on" | "off"; RATE_LIMIT_REGISTRATION: string; RATE_LIMIT_LOGIN: string };
  },
  action: "register" | "login",
  who: { address: string; emailKey: string },
): Promise<void> {
  if (deps.config.RATE_LIMITS === "off") return;
  const limit = parseLimit(action === "register" ? deps.config.RATE_LIMIT_REGISTRATION : deps.config.RATE_LIMIT_LOGIN);
  await hit(deps.db, `${action}-ip:${who.address}`, limit, deps.clock.now());
  await hit(deps.db, `${action}-email:${who.emailKey}`, limit, deps.clock.now());
}
