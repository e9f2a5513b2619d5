import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import type { Ctx } from "../../deps.ts";
import { allocationSettings, boothAssignments, exhibitors } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import { Conflict, ValidationFailed, type FieldError } from "../../errors.ts";
import { lockEvent } from "../../events/service.ts";
import type { ExhibitorInputT } from "../schemas.ts";
import { organizationKey } from "./applications.ts";
import { assertHallUnchanged, eventFor, loadHall } from "./hall.ts";

/** Refs twice in the list and competitors that name no exhibitor, by position in the list. */
export function exhibitorSetProblems(list: ExhibitorInputT[], known: Set<string>) {
  const problems: { index: number; column: "ref" | "competitors"; code: string; message: string }[] = [];
  const seen = new Set<string>();
  list.forEach((x, index) => {
    if (seen.has(x.ref)) problems.push({ index, column: "ref", code: "duplicate", message: `ref "${x.ref}" appears twice` });
    seen.add(x.ref);
  });
  list.forEach((x, index) => {
    for (const c of x.competitors) {
      if (c === x.ref)
        problems.push({ index, column: "competitors", code: "invalid", message: "an exhibitor cannot be its own competitor" });
      else if (!seen.has(c) && !known.has(c))
        problems.push({ index, column: "competitors", code: "unknown", message: `unknown exhibitor ref "${c}"` });
    }
  });
  return problems;
}

function checkExhibitorSet(list: ExhibitorInputT[], known: Set<string>) {
  const errors: FieldError[] = exhibitorSetProblems(list, known).map((p) => ({
    field: `exhibitors[${p.index}].${p.column}`,
    code: p.code,
    message: p.message,
  }));
  if (errors.length) throw new ValidationFailed(errors.slice(0, 50));
}

const exhibitorValues = (eventId: string, x: ExhibitorInputT) => ({
  eventId,
  ref: x.ref,
  name: x.name,
  organization: x.organization,
  organizationKey: organizationKey(x.organization),
  cluster: x.cluster,
  field: x.field,
  size: x.size,
  priority: x.priority,
  preferences: x.preferences,
  homeZone: x.homeZone ?? null,
  competitors: x.competitors,
  email: x.email ?? null,
  locale: x.locale ?? "ja",
  withdrawnAt: null,
});

export async function addExhibitor(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, input }: { eventId: string; input: ExhibitorInputT },
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const existing = await tx.select({ ref: exhibitors.ref }).from(exhibitors).where(eq(exhibitors.eventId, eventId));
    if (existing.some((e) => e.ref === input.ref))
      throw new Conflict("exhibitor-exists", `An exhibitor with ref "${input.ref}" already exists.`);
    checkExhibitorSet([input], new Set(existing.map((e) => e.ref)));
    const [row] = await tx.insert(exhibitors).values(exhibitorValues(eventId, input)).returning();
    await audit(tx, who, { action: "exhibitor.create", entity: "exhibitor", entityId: row!.id, after: row });
    return row!;
  });
}

/**
 * The organisers' own (imported) rows of a hall; a list that names an application's ref is refused,
 * since an upload never replaces what an exhibitor sent through the form.
 */
export function importedOnly<T extends { ref: string; source: string }>(all: T[], input: { ref: string }[]): T[] {
  const applied = new Set(all.filter((x) => x.source === "application").map((x) => x.ref));
  const taken = input.flatMap((x, i) =>
    applied.has(x.ref) ? [{ field: `exhibitors[${i}].ref`, code: "taken", message: `ref "${x.ref}" is an application's` }] : [],
  );
  if (taken.length) throw new ValidationFailed(taken.slice(0, 50));
  return all.filter((x) => x.source !== "application");
}

/**
 * Replaces the organisers' list (the imported exhibitors): refs that stay are updated (their booth
 * kept while its size still fits), refs that go are withdrawn and lose their booth; history is
 * kept. Applications made through the form are not part of it and stay as they are.
 */
export async function replaceExhibitors(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, input, basis }: {
    eventId: string;
    input: ExhibitorInputT[];
    /** The hall as a preview showed it (hallBasis): refused if it changed since. */
    basis?: string;
  },
) {
  checkExhibitorSet(input, new Set());
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    if (basis) await assertHallUnchanged(tx, eventId, basis);
    const all = await tx.select().from(exhibitors).where(eq(exhibitors.eventId, eventId));
    const current = importedOnly(all, input);
    const byRef = new Map(current.map((x) => [x.ref, x]));
    const keep = new Set(input.map((x) => x.ref));
    const gone = current.filter((x) => !keep.has(x.ref) && !x.withdrawnAt);
    if (gone.length) {
      await tx.delete(boothAssignments).where(
        inArray(
          boothAssignments.exhibitorId,
          gone.map((x) => x.id),
        ),
      );
      await tx
        .update(exhibitors)
        .set({ withdrawnAt: who.now })
        .where(
          inArray(
            exhibitors.id,
            gone.map((x) => x.id),
          ),
        );
    }
    for (const x of input) {
      const prior = byRef.get(x.ref);
      if (prior) {
        await tx.update(exhibitors).set(exhibitorValues(eventId, x)).where(eq(exhibitors.id, prior.id));
        if (prior.size !== x.size) await tx.delete(boothAssignments).where(eq(boothAssignments.exhibitorId, prior.id));
      } else {
        await tx.insert(exhibitors).values(exhibitorValues(eventId, x));
      }
    }
    await audit(tx, who, {
      action: "exhibitors.replace",
      entity: "event",
      entityId: eventId,
      before: { count: current.filter((x) => !x.withdrawnAt).length },
      after: { count: input.length, withdrawn: gone.map((x) => x.ref) },
    });
    return listExhibitorsTx(tx, eventId);
  });
}

export type ExhibitorStatus = "withdrawn" | "declined" | "assigned" | "unassigned" | "accepted" | "applied";

export async function listExhibitorsTx(db: Db, eventId: string) {
  const { booths: bs, exhibitors: xs, assignments } = await loadHall(db, eventId);
  const [settings] = await db.select().from(allocationSettings).where(eq(allocationSettings.eventId, eventId));
  const reasons = new Map((settings?.unassigned ?? []).map((u) => [u.exhibitor, u.reason]));
  return xs.map((x) => {
    const a = assignments.find((y) => y.exhibitorId === x.id);
    const booth = a ? bs.find((b) => b.id === a.boothId) : undefined;
    const status: ExhibitorStatus = x.withdrawnAt
      ? "withdrawn"
      : x.declinedAt
        ? "declined"
        : booth
          ? "assigned"
          : settings?.appliedAt
            ? "unassigned"
            : x.acceptedAt
              ? "accepted"
              : "applied";
    return {
      ref: x.ref,
      name: x.name,
      organization: x.organization,
      cluster: x.cluster,
      field: x.field,
      size: x.size,
      priority: x.priority,
      preferences: x.preferences,
      homeZone: x.homeZone,
      competitors: x.competitors,
      email: x.email,
      source: x.source,
      organizationKana: x.organizationKana,
      contactName: x.contactName,
      competitorNames: x.competitorNames,
      note: x.note,
      declineReason: x.declineReason,
      accepted: x.acceptedAt !== null,
      status,
      booth: booth?.code ?? null,
      pinned: a?.pinned ?? false,
      ...(status === "unassigned" ? { reason: reasons.get(x.ref) ?? "not-placed" } : {}),
    };
  });
}

export async function listExhibitors(
  { db, who: { actor } }: Pick<Ctx, "db" | "who">,
  { eventId }: { eventId: string },
) {
  await eventFor(db, actor, eventId);
  return listExhibitorsTx(db, eventId);
}
