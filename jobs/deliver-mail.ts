import { eq, sql } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { tsParam } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";
import { describeError } from "../api/lib/log.ts";
import { composeOutboxMessage, NothingToSend } from "../api/mail/compose.ts";

export const MAX_ATTEMPTS = 8;
/** How long a claimed message is reserved before another runner may retry it (a crash mid-send). */
const LEASE_MS = 5 * 60_000;
const BATCH = 25;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 3_600_000);
}

/**
 * Sends the outbox messages due as of `opts.now` (default: the clock at each batch), so a run "as
 * of" an instant sends what is due then; leases are real time whatever `now` says. Each message is
 * rendered from what the row says to send (composeOutboxMessage).
 * Claiming uses FOR UPDATE SKIP LOCKED, so two runners never take the same message; a runner that
 * dies after sending leaves the lease to expire, and the message is sent again with the same
 * Message-ID (at least once, recognisably the same). Once sent, the row keeps no secret: its
 * payload (a sealed password token) is cleared; registrants' messages never stored one.
 */
export async function deliverMail(
  deps: Pick<AppDeps, "db" | "mailer" | "clock" | "sealer" | "config">,
  opts: { maxBatches?: number; now?: Date } = {},
) {
  const { db, mailer, clock } = deps;
  if (!mailer) return { sent: 0, retried: 0, failed: 0, skipped: "no mailer configured" };
  let sent = 0;
  let retried = 0;
  let failed = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 40); batch++) {
    const now = clock.now();
    const due = opts.now ?? now;
    const claimed = await db.transaction(async (tx) => {
      // The due rows are picked and locked in a CTE, so the LIMIT is applied exactly once.
      const result = await tx.execute(sql`
        with due as (
          select id from ${outbox}
          where (status = 'pending' and next_attempt_at <= ${tsParam(due)})
             or (status = 'sending' and locked_until < ${tsParam(now)})
          order by created_at, id
          limit ${BATCH}
          for update skip locked
        )
        update ${outbox} set status = 'sending', attempts = attempts + 1,
          locked_until = ${tsParam(new Date(now.getTime() + LEASE_MS))}
        from due where ${outbox.id} = due.id
        returning ${outbox.id} as id`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
      return rows.map((r) => r.id);
    });
    if (claimed.length === 0) break;
    for (const id of claimed) {
      const [m] = await db.select().from(outbox).where(eq(outbox.id, id));
      if (!m) continue;
      try {
        await mailer.send(await composeOutboxMessage(deps, m));
        await db
          .update(outbox)
          .set({ status: "sent", sentAt: clock.now(), lockedUntil: null, lastError: null, payload: null })
          .where(eq(outbox.id, id));
        sent++;
      } catch (e) {
        // What the relay said, without the addresses and links it may quote back.
        const error = describeError(e).split("\n")[0]!;
        // Nothing left to send (the registrant's data was purged): not worth a retry.
        const giveUp = e instanceof NothingToSend || m.attempts >= MAX_ATTEMPTS;
        console.warn(
          `deliver-mail: message ${m.id} (${m.kind}) attempt ${m.attempts} ${giveUp ? "failed for good" : "failed"}: ${error}`,
        );
        await db
          .update(outbox)
          .set({
            status: giveUp ? "failed" : "pending",
            lockedUntil: null,
            ...(giveUp ? { payload: null } : {}),
            lastError: error.slice(0, 1000),
            nextAttemptAt: new Date(Math.max(clock.now().getTime(), due.getTime()) + backoffMs(m.attempts)),
          })
          .where(eq(outbox.id, id));
        if (giveUp) failed++;
        else retried++;
      }
    }
  }
  return { sent, retried, failed };
}
