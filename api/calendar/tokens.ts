import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Ctx } from "../deps.ts";
import { calendarTokens } from "../../db/schema/index.ts";
import { NotFound } from "../errors.ts";
import { newToken, sha256Hex, TOKEN_PATTERN, type Sealer } from "../lib/tokens.ts";

/**
 * The personal feed token of an e-mail identity, created on first use. An existing token is only
 * read (no row lock, so callers holding an event's lock cannot deadlock on it); a new one is
 * inserted in one statement that gives way to a concurrent insert and returns the winner.
 */
export async function calendarTokenFor(tx: Db, sealer: Sealer, emailKey: string): Promise<string> {
  const [existing] = await tx
    .select({ sealedToken: calendarTokens.sealedToken })
    .from(calendarTokens)
    .where(eq(calendarTokens.emailKey, emailKey));
  if (existing) return sealer.open(existing.sealedToken);
  const token = newToken();
  const [tokenHash, sealedToken] = await Promise.all([sha256Hex(token), sealer.seal(token)]);
  const [row] = await tx
    .insert(calendarTokens)
    .values({ emailKey, tokenHash, sealedToken })
    .onConflictDoUpdate({ target: calendarTokens.emailKey, set: { emailKey: sql`excluded.email_key` } })
    .returning({ tokenHash: calendarTokens.tokenHash, sealedToken: calendarTokens.sealedToken });
  return row!.tokenHash === tokenHash ? token : sealer.open(row!.sealedToken);
}

/** The e-mail identity behind a feed token; an unknown or rotated token is not found. */
export async function emailKeyForCalendarToken(db: Db, token: string): Promise<string> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFound("feed");
  const [row] = await db
    .select({ emailKey: calendarTokens.emailKey })
    .from(calendarTokens)
    .where(eq(calendarTokens.tokenHash, await sha256Hex(token)));
  if (!row) throw new NotFound("feed");
  return row.emailKey;
}

/** Replaces a feed token; the old one answers 404 from then on. */
export async function rotateCalendarToken({ db, sealer, who }: Pick<Ctx, "db" | "sealer" | "who">, { token }: { token: string }) {
  const { now } = who;
  if (!TOKEN_PATTERN.test(token)) throw new NotFound("feed");
  const fresh = newToken();
  const updated = await db
    .update(calendarTokens)
    .set({ tokenHash: await sha256Hex(fresh), sealedToken: await sealer.seal(fresh), rotatedAt: now })
    .where(eq(calendarTokens.tokenHash, await sha256Hex(token)))
    .returning({ id: calendarTokens.id });
  if (updated.length === 0) throw new NotFound("feed");
  return fresh;
}

/** The personal feed's address: a secret, only ever sent to the address owner by e-mail. */
export function calendarUrl(publicUrl: string, token: string) {
  return `${publicUrl}/calendar/me/${token}.ics`;
}

/** One event's public .ics. */
export function eventCalendarUrl(publicUrl: string, eventId: string) {
  return `${publicUrl}/calendar/events/${eventId}.ics`;
}
