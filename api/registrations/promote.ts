import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { events, registrations, type RegistrationRow } from "../../db/schema/index.ts";
import type { AppDeps } from "../deps.ts";
import type { EventRow } from "../../db/schema/index.ts";
import { enqueueRegistrationMail } from "../mail/registration-mail.ts";


/**
 * Confirms people from the waiting list, first come first served, while seats are free, and
 * tells each of them why (`because`: someone cancelled, or the capacity was raised). Call inside a
 * transaction that holds the event's row lock (lockEvent), with `event` as it stands after the
 * change that freed the seats.
 */
export async function promoteWaitlist(
  tx: Db,
  event: EventRow,
  deps: Pick<AppDeps, "clock" | "sealer" | "config">,
  because: "cancellation" | "capacity",
): Promise<RegistrationRow[]> {
  const now = deps.clock.now();
  if (event.waitlistCount === 0 || event.status === "cancelled" || event.endsAt <= now) return [];
  const free = event.capacity === null ? event.waitlistCount : event.capacity - event.confirmedCount;
  if (free <= 0) return [];
  const next = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.seq))
    .limit(free);
  if (next.length === 0) return [];
  const promoted = await tx
    .update(registrations)
    .set({ status: "confirmed", confirmedAt: now })
    .where(
      inArray(
        registrations.id,
        next.map((r) => r.id),
      ),
    )
    .returning();
  await tx
    .update(events)
    .set({
      confirmedCount: sql`${events.confirmedCount} + ${promoted.length}`,
      waitlistCount: sql`${events.waitlistCount} - ${promoted.length}`,
    })
    .where(eq(events.id, event.id));
  promoted.sort((a, b) => a.seq - b.seq);
  for (const reg of promoted) {
    const kind = because === "capacity" ? "promoted-capacity" : "promoted";
    await enqueueRegistrationMail(tx, deps.config, { kind, registration: reg, now });
  }
  return promoted;
}

/** Tells everyone still registered that the event is cancelled (once each). */
export async function notifyEventCancelled(tx: Db, deps: Pick<AppDeps, "sealer" | "config">, event: EventRow, now: Date) {
  const regs = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), inArray(registrations.status, ["confirmed", "waitlisted"])));
  for (const reg of regs) {
    await enqueueRegistrationMail(tx, deps.config, { kind: "event-cancelled", registration: reg, now });
  }
}
