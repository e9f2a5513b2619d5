import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { Ctx } from "../../deps.ts";
import { allocationSettings, boothAssignments } from "../../../db/schema/index.ts";
import { DEFAULT_WEIGHTS, type Weights } from "../../../lib/allocation-weights.ts";
import { audit } from "../../audit/service.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import { Conflict, Unprocessable } from "../../errors.ts";
import { sha256Hex } from "../../lib/tokens.ts";
import { lockEvent } from "../../events/service.ts";
import { allocate, AllocationInputError, type AllocateResult as AllocationResult } from "../allocate.ts";
import { eventFor, loadHall, type Hall } from "./hall.ts";

/** The weights as an organiser sees them: out of scope is "not found", like every other read. */
export async function getWeights(
  { db, who: { actor } }: Pick<Ctx, "db" | "who">,
  { eventId }: { eventId: string },
) {
  await eventFor(db, actor, eventId);
  return storedWeights(db, eventId);
}

export async function storedWeights(db: Db, eventId: string): Promise<Weights> {
  const [s] = await db.select().from(allocationSettings).where(eq(allocationSettings.eventId, eventId));
  return s?.weights ?? DEFAULT_WEIGHTS;
}

export async function setWeights(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, weights }: { eventId: string; weights: Weights },
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const before = await storedWeights(tx, eventId);
    await tx
      .insert(allocationSettings)
      .values({ eventId, weights })
      .onConflictDoUpdate({ target: allocationSettings.eventId, set: { weights } });
    await audit(tx, who, { action: "allocation.weights", entity: "event", entityId: eventId, before, after: weights });
    return weights;
  });
}

function allocationInput(ctx: Hall) {
  const active = ctx.exhibitors.filter((x) => !x.withdrawnAt && !x.declinedAt);
  return {
    booths: ctx.booths.map((b) => ({ code: b.code, x: b.x, y: b.y, w: b.w, h: b.h, zone: b.zone })),
    exhibitors: active.map((x) => ({
      ref: x.ref,
      cluster: x.cluster,
      field: x.field,
      size: x.size,
      priority: x.priority,
      preferences: x.preferences,
      homeZone: x.homeZone,
      competitors: x.competitors,
    })),
    pinned: ctx.assignments
      .filter((a) => a.pinned)
      .map((a) => ({
        booth: ctx.booths.find((b) => b.id === a.boothId)!.code,
        exhibitor: ctx.exhibitors.find((x) => x.id === a.exhibitorId)!.ref,
      })),
  };
}

/**
 * Proposes (dryRun) or applies an allocation: pinned booths stay, everything else is re-placed,
 * all in one transaction under the event's lock.
 */
export async function runAllocation(
  { db, who }: Pick<Ctx, "db" | "who">,
  {
    eventId,
    dryRun,
    timeLimitMs,
    weights,
    basis,
  }: { eventId: string; dryRun?: boolean; timeLimitMs?: number; weights?: Weights; basis?: string },
): Promise<AllocationResult & { applied: boolean; basis: string }> {
  await eventFor(db, who.actor, eventId);
  const w = weights ?? (await storedWeights(db, eventId));
  const solve = (ctx: Hall) => {
    try {
      return allocate({ ...allocationInput(ctx), weights: w, timeLimitMs: timeLimitMs ?? 2000 });
    } catch (e) {
      if (e instanceof AllocationInputError)
        throw new Unprocessable("allocation-input", e.problems.slice(0, 10).join("; "), "Allocation input is inconsistent");
      throw e;
    }
  };
  if (dryRun) {
    const hall = await loadHall(db, eventId);
    return { ...solve(hall), applied: false, basis: await allocationBasis(hall, w) };
  }
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const ctx = await loadHall(tx, eventId);
    const current = await allocationBasis(ctx, w);
    // Applying what was previewed: refused when the hall or the weights changed in between.
    if (basis !== undefined && basis !== current) {
      throw new Conflict("allocation-changed", "The booths, exhibitors or weights changed after the preview; preview again before applying.");
    }
    const result = solve(ctx);
    await tx.delete(boothAssignments).where(and(eq(boothAssignments.eventId, eventId), eq(boothAssignments.pinned, false)));
    const pinnedRefs = new Set(allocationInput(ctx).pinned.map((p) => p.exhibitor));
    const fresh = result.assignments.filter((a) => !pinnedRefs.has(a.exhibitor));
    if (fresh.length) {
      await tx.insert(boothAssignments).values(
        fresh.map((a) => ({
          eventId,
          boothId: ctx.booths.find((b) => b.code === a.booth)!.id,
          exhibitorId: ctx.exhibitors.find((x) => x.ref === a.exhibitor)!.id,
          pinned: false,
          assignedBy: "allocation",
          assignedAt: who.now,
        })),
      );
    }
    await tx
      .insert(allocationSettings)
      .values({ eventId, appliedAt: who.now, unassigned: result.unassigned })
      .onConflictDoUpdate({ target: allocationSettings.eventId, set: { appliedAt: who.now, unassigned: result.unassigned } });
    await audit(tx, who, {
      action: "allocation.apply",
      entity: "event",
      entityId: eventId,
      before: { assigned: ctx.assignments.length },
      after: { assigned: result.assignments.length, unassigned: result.unassigned.length, score: result.score },
    });
    return { ...result, applied: true, basis: current };
  });
}

/**
 * What an allocation is computed from: the hall (booths, exhibitors, assignments and pins) and the
 * weights, as a short digest. A dry run answers it; applying with it refuses a changed hall.
 */
async function allocationBasis(hall: Hall, weights: Weights): Promise<string> {
  const assignments = [...hall.assignments].sort((a, b) => (a.boothId < b.boothId ? -1 : 1));
  return (await sha256Hex(JSON.stringify({ ...hall, assignments, weights }))).slice(0, 32);
}
