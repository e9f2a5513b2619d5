import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../deps.ts";
import { boothAssignments, booths } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import { DataConflict, NotFound, ValidationFailed } from "../../errors.ts";
import { lockEvent } from "../../events/service.ts";
import { adjacencyByCode } from "../geometry.ts";
import { loadHall, type BoothRow, type ExhibitorRow, type Hall } from "./hall.ts";

/** Why an exhibitor may not take a booth given the other assignments, or null. */
function assignmentConflict(
  booth: BoothRow,
  ex: ExhibitorRow,
  ctx: Hall,
): DataConflict<"size-mismatch" | "booth-taken" | "competitor-adjacent"> | null {
  if (booth.sizeClass !== ex.size) {
    return new DataConflict(
      "size-mismatch",
      { booth: booth.code, boothSize: booth.sizeClass, exhibitor: ex.ref, exhibitorSize: ex.size },
      `Booth ${booth.code} is ${booth.sizeClass}; ${ex.ref} applied for ${ex.size}.`,
    );
  }
  const holder = ctx.assignments.find((a) => a.boothId === booth.id);
  if (holder && holder.exhibitorId !== ex.id) {
    const other = ctx.exhibitors.find((x) => x.id === holder.exhibitorId);
    return new DataConflict(
      "booth-taken",
      { booth: booth.code, exhibitor: ex.ref, holder: other?.ref ?? null },
      `Booth ${booth.code} is already assigned to ${other?.ref ?? "another exhibitor"}.`,
    );
  }
  const adj = adjacencyByCode(ctx.booths).get(booth.code) ?? [];
  for (const code of adj) {
    const nb = ctx.booths.find((b) => b.code === code)!;
    const a = ctx.assignments.find((x) => x.boothId === nb.id);
    if (!a || a.exhibitorId === ex.id) continue;
    const neighbour = ctx.exhibitors.find((x) => x.id === a.exhibitorId)!;
    if (ex.competitors.includes(neighbour.ref) || neighbour.competitors.includes(ex.ref)) {
      return new DataConflict(
        "competitor-adjacent",
        { booth: booth.code, exhibitor: ex.ref, competitor: neighbour.ref, competitorBooth: code },
        `${ex.ref} and ${neighbour.ref} are competitors and booth ${booth.code} is next to ${neighbour.ref}'s booth ${code}.`,
      );
    }
  }
  return null;
}

/**
 * Assigns (or moves) an exhibitor to a booth. The event row lock serialises organisers working on
 * one hall, and the unique indexes on booth and exhibitor make a double booking impossible anyway.
 */
export async function assignBooth(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, code, exhibitorRef, pinned }: { eventId: string; code: string; exhibitorRef: string; pinned?: boolean },
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const ctx = await loadHall(tx, eventId);
    const booth = ctx.booths.find((b) => b.code === code);
    if (!booth) throw new NotFound("booth");
    const ex = ctx.exhibitors.find((x) => x.ref === exhibitorRef && !x.withdrawnAt && !x.declinedAt);
    if (!ex)
      throw new ValidationFailed([{ field: "exhibitor", code: "unknown", message: `no exhibitor with ref "${exhibitorRef}"` }]);
    const problem = assignmentConflict(booth, ex, {
      ...ctx,
      assignments: ctx.assignments.filter((a) => a.exhibitorId !== ex.id),
    });
    if (problem) throw problem;
    const previous = ctx.assignments.find((a) => a.exhibitorId === ex.id);
    if (previous) await tx.delete(boothAssignments).where(eq(boothAssignments.exhibitorId, ex.id));
    const [row] = await tx
      .insert(boothAssignments)
      .values({
        eventId,
        boothId: booth.id,
        exhibitorId: ex.id,
        pinned: pinned ?? previous?.pinned ?? false,
        assignedBy: who.actor.kind === "anonymous" ? null : who.actor.label,
        assignedAt: who.now,
      })
      .returning();
    await audit(tx, who, {
      action: previous ? "booth.move" : "booth.assign",
      entity: "booth",
      entityId: `${eventId}/${code}`,
      before: previous
        ? { booth: ctx.booths.find((b) => b.id === previous.boothId)?.code, exhibitor: ex.ref, pinned: previous.pinned }
        : null,
      after: { booth: code, exhibitor: ex.ref, pinned: row!.pinned },
    });
    return { booth: code, exhibitor: ex.ref, pinned: row!.pinned };
  });
}

export async function unassignBooth(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, code }: { eventId: string; code: string },
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const [booth] = await tx
      .select()
      .from(booths)
      .where(and(eq(booths.eventId, eventId), eq(booths.code, code)));
    if (!booth) throw new NotFound("booth");
    const removed = await tx.delete(boothAssignments).where(eq(boothAssignments.boothId, booth.id)).returning();
    if (removed.length)
      await audit(tx, who, { action: "booth.unassign", entity: "booth", entityId: `${eventId}/${code}`, before: removed[0] });
  });
}
