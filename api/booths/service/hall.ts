import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { boothAssignments, booths, events, exhibitors } from "../../../db/schema/index.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import type { Actor } from "../../deps.ts";
import { NotFound } from "../../errors.ts";

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
