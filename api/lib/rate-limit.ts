import { sql } from "drizzle-orm";
import { tsParam, type Db } from "../../db/client.ts";
import { rateLimits } from "../../db/schema/index.ts";
import { TooManyRequests } from "../errors.ts";
import type { Sealer } from "./tokens.ts";

export type Limit = { max: number; windowSeconds: number };

/** The longest window a limit may have (config refuses longer ones); older counters are dead. */
const MAX_WINDOW_SECONDS = 86_400;

/** "20/600" → 20 requests per 600 seconds. */
export function parseLimit(spec: string): Limit {
  const m = spec.match(/^(\d+)\/(\d+)$/);
  if (!m) throw new Error(`bad limit "${spec}"`);
  return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

type Count = { count: number; retryAfter: number };

/** What a counter needs: the database, and the secret that keys the stored counter names. */
type Counters = { db: Db; sealer: Pick<Sealer, "mac"> };

/**
 * Keys are stored keyed-hashed: they hold network and e-mail addresses. A plain hash of an IPv4
 * address is undone by trying all 2³² of them; an HMAC under the server's secret is not.
 */
function storedKey(sealer: Counters["sealer"], key: string) {
  return `${key.split(":")[0]}:${sealer.mac(key).slice(0, 40)}`;
}

function windowOf(limit: Limit, now: Date) {
  const ms = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, retryAfter: Math.max(1, Math.ceil((start.getTime() + ms - now.getTime()) / 1000)) };
}

/**
 * Counts one hit against a fixed window, in one atomic statement in the database, so every Node
 * process and every Worker isolate shares the count. Starting a new window also deletes counters
 * whose window is long over, so the table holds only live counters.
 */
async function hit({ db, sealer }: Counters, key: string, limit: Limit, now: Date): Promise<Count> {
  const k = storedKey(sealer, key);
  const { start, retryAfter } = windowOf(limit, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: k, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${tsParam(start)} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: start,
      },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 0;
  if (count === 1) {
    await db
      .delete(rateLimits)
      .where(sql`${rateLimits.windowStart} < ${tsParam(new Date(now.getTime() - MAX_WINDOW_SECONDS * 1000))}`);
  }
  return { count, retryAfter };
}

/** The count in the current window, without adding to it. */
async function peek({ db, sealer }: Counters, key: string, limit: Limit, now: Date): Promise<Count> {
  const { start, retryAfter } = windowOf(limit, now);
  const result = await db.execute(
    sql`select count from ${rateLimits} where key = ${storedKey(sealer, key)} and window_start = ${tsParam(start)}`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number }[];
  return { count: Number(rows[0]?.count ?? 0), retryAfter };
}

/** Throws 429 with Retry-After when over `limit`. */
export async function limitHit(counters: Counters, key: string, limit: Limit, now: Date): Promise<void> {
  const c = await hit(counters, key, limit, now);
  if (c.count > limit.max) throw new TooManyRequests(c.retryAfter);
}

type Deps = Counters & {
  clock: { now(): Date };
  config: { RATE_LIMITS: "on" | "off"; RATE_LIMIT_REGISTRATION: string; RATE_LIMIT_LOGIN: string };
};
type Who = { address: string; emailKey: string };

/**
 * Requests from one address naming one e-mail address that still pass when that e-mail address
 * is over its limit: the limit was filled by someone else (another address), who must not lock
 * its owner out.
 */
const REGISTRATION_OWN_ALLOWANCE = 5;

/**
 * Registration (the API and the form): every request counts per client address, per e-mail
 * address, and per the two together. Over the address limit is 429. Over the e-mail limit is 429
 * only for an address that has itself named that e-mail more than a few times; so an attacker
 * naming someone's address 20 times stops only the attacker.
 */
export async function throttleRegistration(deps: Deps, who: Who): Promise<void> {
  if (deps.config.RATE_LIMITS === "off") return;
  const limit = parseLimit(deps.config.RATE_LIMIT_REGISTRATION);
  const now = deps.clock.now();
  const ip = await hit(deps, `register-ip:${who.address}`, limit, now);
  const pair = await hit(deps, `register-pair:${who.address}\n${who.emailKey}`, limit, now);
  const email = await hit(deps, `register-email:${who.emailKey}`, limit, now);
  if (ip.count > limit.max) throw new TooManyRequests(ip.retryAfter);
  if (email.count > limit.max && pair.count > REGISTRATION_OWN_ALLOWANCE) throw new TooManyRequests(email.retryAfter);
}

/** Failed logins from one address on one account below which the account's own limit does not apply. */
const LOGIN_OWN_ALLOWANCE = 2;

/**
 * The login limit counts failures only: per client address, per account, and per the two
 * together. Checked before the password: an address over its limit is 429; an account over its
 * limit is 429 only for addresses that have themselves been failing on it, so the rightful person
 * with the right password still logs in while someone else guesses.
 */
export async function loginGate(deps: Deps, who: Who) {
  if (deps.config.RATE_LIMITS === "off") return { failed: async () => {} };
  const limit = parseLimit(deps.config.RATE_LIMIT_LOGIN);
  const now = deps.clock.now();
  const keys = {
    ip: `login-fail-ip:${who.address}`,
    account: `login-fail-account:${who.emailKey}`,
    pair: `login-fail-pair:${who.address}\n${who.emailKey}`,
  };
  const ip = await peek(deps, keys.ip, limit, now);
  if (ip.count >= limit.max) throw new TooManyRequests(ip.retryAfter);
  const account = await peek(deps, keys.account, limit, now);
  if (account.count >= limit.max) {
    const pair = await peek(deps, keys.pair, limit, now);
    if (pair.count >= LOGIN_OWN_ALLOWANCE) throw new TooManyRequests(account.retryAfter);
  }
  return {
    /** Records a wrong password (or unknown account) against all three. */
    failed: async () => {
      for (const key of Object.values(keys)) await hit(deps, key, limit, now);
    },
  };
}
