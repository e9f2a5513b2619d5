import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { boothAssignments, booths, events, exhibitors } from "../../../db/schema/index.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import type { Actor } from "../../deps.ts";
import { Conflict, NotFound } from "../../errors.ts";
import { sha256Hex } from "../../lib/tokens.ts";

export type BoothRow = typeof booths.$inferSelect;
export type ExhibitorRow = typeof exhibitors.$inferSelect;
export type AssignmentRow = typeof boothAssignments.$inferSelect;

/** Everything on one event's hall: booths by code, exhibitors by ref, the assignments. */
export type Hall = { booths: BoothRow[]; exhibitors: ExhibitorRow[]; assignments: AssignmentRow[] };

/** The event, checked against the actor's scope when there is one. */
export async function eventFor(db: Db, actor: Actor | null, eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new NotFound("event");
  if (actor) assertCoversEvent(actor, event);
  return event;
}

export async function loadHall(db: Db, eventId: string): Promise<Hall> {
  const [bs, xs, as] = await Promise.all([
    db.select().from(booths).where(eq(booths.eventId, eventId)).orderBy(asc(booths.code)),
    db.select().from(exhibitors).where(eq(exhibitors.eventId, eventId)).orderBy(asc(exhibitors.ref)),
    db.select().from(boothAssignments).where(eq(boothAssignments.eventId, eventId)),
  ]);
  return { booths: bs, exhibitors: xs, assignments: as };
}

/**
 * A fingerprint of everything on the hall: booths, exhibitors and assignments. A preview carries it
 * to the confirming request, which is refused when it no longer matches, so what is saved is what
 * was seen.
 */
export async function hallBasis(db: Db, eventId: string): Promise<string> {
  const hall = await loadHall(db, eventId);
  const assignments = [...hall.assignments].sort((a, b) => (a.boothId < b.boothId ? -1 : 1));
  return (await sha256Hex(JSON.stringify({ ...hall, assignments }))).slice(0, 32);
}

export async function assertHallUnchanged(db: Db, eventId: string, basis: string) {
  if ((await hallBasis(db, eventId)) !== basis)
    throw new Conflict(
      "hall-changed",
      "The booths or exhibitors changed after the preview was made; preview the upload again.",
      "Changed since the preview",
    );
}
