/** The organisers' review of one exhibitor of the list: priority, matched competitors, accept or decline. */
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../deps.ts";
import { boothAssignments, exhibitors } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import { NotFound, ValidationFailed, type FieldError } from "../../errors.ts";
import { lockEvent } from "../../events/service.ts";
import type { ExhibitorReviewInput } from "../application-schemas.ts";
import { listExhibitorsTx } from "./exhibitors.ts";

/**
 * Declining takes the exhibitor out of the allocation (and its booth away) and shows the reason
 * on the applicant's private page; "applied" undoes an acceptance or a decline.
 */
export async function reviewExhibitor(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, ref, input }: { eventId: string; ref: string; input: ExhibitorReviewInput },
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const all = await tx.select().from(exhibitors).where(eq(exhibitors.eventId, eventId));
    const x = all.find((e) => e.ref === ref);
    if (!x) throw new NotFound("exhibitor");
    const errors: FieldError[] = [];
    const refs = new Set(all.map((e) => e.ref));
    input.competitors?.forEach((c, i) => {
      if (c === ref)
        errors.push({ field: `competitors.${i}`, code: "invalid", message: "an exhibitor cannot be its own competitor" });
      else if (!refs.has(c)) errors.push({ field: `competitors.${i}`, code: "unknown", message: `unknown exhibitor ref "${c}"` });
    });
    const reason = input.declineReason?.trim() || null;
    if (input.status === "declined" && !reason && !(input.declineReason === undefined && x.declineReason))
      errors.push({ field: "declineReason", code: "required", message: "must say why the application is declined" });
    if (errors.length) throw new ValidationFailed(errors);
    const decision =
      input.status === undefined
        ? {}
        : input.status === "declined"
          ? { declinedAt: x.declinedAt ?? who.now, acceptedAt: null, declineReason: reason ?? x.declineReason }
          : input.status === "accepted"
            ? { acceptedAt: x.acceptedAt ?? who.now, declinedAt: null, declineReason: null }
            : { acceptedAt: null, declinedAt: null, declineReason: null };
    const set = {
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      ...(input.competitors !== undefined ? { competitors: [...new Set(input.competitors)] } : {}),
      ...decision,
      updatedAt: who.now,
    };
    await tx.update(exhibitors).set(set).where(eq(exhibitors.id, x.id));
    if (input.status === "declined")
      await tx.delete(boothAssignments).where(and(eq(boothAssignments.eventId, eventId), eq(boothAssignments.exhibitorId, x.id)));
    await audit(tx, who, {
      action: "exhibitor.review",
      entity: "exhibitor",
      entityId: x.id,
      before: { priority: x.priority, competitors: x.competitors, acceptedAt: x.acceptedAt, declinedAt: x.declinedAt },
      after: { priority: set.priority, competitors: set.competitors, status: input.status, declineReason: set.declineReason },
    });
    return (await listExhibitorsTx(tx, eventId)).find((e) => e.ref === ref)!;
  });
}
