import { eq } from "drizzle-orm";
import { boothAssignments, booths } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import type { Ctx } from "../../deps.ts";
import { assertCoversEvent, coversEvent } from "../../auth/scope.ts";
import { Conflict, ValidationFailed } from "../../errors.ts";
import { getEvent, lockEvent, type Viewer } from "../../events/service.ts";
import { adjacencyByCode, sizeClass, validateBooths } from "../geometry.ts";
import { assertHallUnchanged, loadHall, type BoothRow } from "./hall.ts";

export async function putFloorPlan(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, input, basis }: {
    eventId: string;
    input: { booths: Omit<BoothRow, "id" | "eventId" | "sizeClass">[] };
    /** The hall as a preview showed it (hallBasis): refused if it changed since. */
    basis?: string;
  },
) {
  const problems = validateBooths(input.booths);
  if (problems.length) {
    throw new ValidationFailed(
      problems.map((p) => ({ field: `booths[${p.index}]`, code: p.problem, message: `${p.code}: ${p.detail}` })),
      `The floor plan has ${problems.length} problem(s): ${problems.map((p) => `${p.code} (${p.problem})`).join(", ")}`,
    );
  }
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    if (basis) await assertHallUnchanged(tx, eventId, basis);
    const [taken] = await tx.select().from(boothAssignments).where(eq(boothAssignments.eventId, eventId)).limit(1);
    if (taken)
      throw new Conflict(
        "floor-plan-in-use",
        "Booths are already assigned; clear the assignments before replacing the floor plan.",
      );
    const before = await tx.select().from(booths).where(eq(booths.eventId, eventId));
    await tx.delete(booths).where(eq(booths.eventId, eventId));
    const rows = input.booths.length
      ? await tx
          .insert(booths)
          .values(input.booths.map((b) => ({ ...b, eventId, sizeClass: sizeClass(b) })))
          .returning()
      : [];
    await audit(tx, who, {
      action: "floor-plan.replace",
      entity: "event",
      entityId: eventId,
      before: { booths: before.length },
      after: { booths: rows.length },
    });
    return rows;
  });
}

/**
 * The floor map: public once the event is, so a planned event's map is not found. Which booths are
 * pinned is the organisers' business: only organisers in scope see `pinned`.
 */
export async function listBooths(ctx: Pick<Ctx, "db" | "who">, { eventId, viewer = ctx.who.actor }: { eventId: string; viewer?: Viewer }) {
  const { db } = ctx;
  const event = await getEvent(ctx, { id: eventId, viewer });
  const organiser = coversEvent(viewer, event);
  const { booths: bs, exhibitors: xs, assignments } = await loadHall(db, eventId);
  const adj = adjacencyByCode(bs);
  return bs.map((b) => {
    const a = assignments.find((x) => x.boothId === b.id);
    const ex = a ? xs.find((x) => x.id === a.exhibitorId) : undefined;
    return {
      code: b.code,
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      zone: b.zone,
      sizeClass: b.sizeClass,
      adjacent: adj.get(b.code) ?? [],
      assignment:
        a && ex
          ? {
              exhibitor: ex.ref,
              name: ex.name,
              organization: ex.organization,
              cluster: ex.cluster,
              field: ex.field,
              ...(organiser ? { pinned: a.pinned } : {}),
            }
          : null,
    };
  });
}
