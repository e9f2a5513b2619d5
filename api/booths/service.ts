import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import type { ZodError } from "zod";
import type { Db } from "../../db/client.ts";
import {
  allocationSettings,
  boothAssignments,
  booths,
  events,
  exhibitors,
  type AllocationWeights,
} from "../../db/schema/index.ts";
import type { Actor, AppDeps } from "../deps.ts";
import { audit, type Who } from "../audit/service.ts";
import { assertCoversEvent } from "../auth/scope.ts";
import { Conflict, NotFound, Unprocessable, ValidationFailed, type FieldError } from "../errors.ts";
import { lockEvent } from "../events/service.ts";
import { fieldErrors } from "../lib/router.ts";
import { renderMail } from "../mail/layout.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { allocate, AllocationInputError, type AllocateResult as AllocationResult } from "./allocate.ts";
import { adjacencyByCode, sizeClass, validateBooths } from "./geometry.ts";
import { ExhibitorInput, type ExhibitorInputT } from "./schemas.ts";

export const DEFAULT_WEIGHTS: AllocationWeights = {
  priorityBase: 10,
  preferences: [10, 7, 4],
  homeZone: 3,
  sameClusterAdjacent: 20,
};

type BoothRow = typeof booths.$inferSelect;
type ExhibitorRow = typeof exhibitors.$inferSelect;
type AssignmentRow = typeof boothAssignments.$inferSelect;

async function eventFor(db: Db, actor: Actor | null, eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new NotFound("event");
  if (actor) assertCoversEvent(actor, event);
  return event;
}

async function load(db: Db, eventId: string) {
  const [bs, xs, as] = await Promise.all([
    db.select().from(booths).where(eq(booths.eventId, eventId)).orderBy(asc(booths.code)),
    db.select().from(exhibitors).where(eq(exhibitors.eventId, eventId)).orderBy(asc(exhibitors.ref)),
    db.select().from(boothAssignments).where(eq(boothAssignments.eventId, eventId)),
  ]);
  return { booths: bs, exhibitors: xs, assignments: as };
}

// ---------------------------------------------------------------- floor plan

export async function putFloorPlan({
  db,
  who,
  eventId,
  input,
}: {
  db: Db;
  who: Who;
  eventId: string;
  input: { booths: Omit<BoothRow, "id" | "eventId" | "sizeClass">[] };
}) {
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

export async function listBooths({ db, eventId }: { db: Db; eventId: string }) {
  await eventFor(db, null, eventId);
  const { booths: bs, exhibitors: xs, assignments } = await load(db, eventId);
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
              pinned: a.pinned,
            }
          : null,
    };
  });
}

// ---------------------------------------------------------------- exhibitors

const CSV_LIST = /[;|、，,]\s*/;

/** Exhibitor applications from CSV (a header row; lists in a cell separated by ";" or "|"). */
export function parseExhibitorsCsv(text: string): ExhibitorInputT[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((x) => x.trim()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (e) {
    throw new ValidationFailed([
      { field: "body", code: "invalid_csv", message: e instanceof Error ? e.message : "not valid CSV" },
    ]);
  }
  const errors: FieldError[] = [];
  const out: ExhibitorInputT[] = [];
  records.forEach((r, i) => {
    const list = (v: string | undefined) =>
      v
        ? v
            .split(CSV_LIST)
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const candidate = {
      ref: r.ref,
      name: r.name,
      organization: r.organization,
      cluster: r.cluster,
      field: r.field,
      size: r.size,
      priority: r.priority === undefined || r.priority === "" ? 0 : r.priority,
      preferences: list(r.preferences),
      homeZone: r.homeZone || null,
      competitors: list(r.competitors),
      email: r.email || null,
      ...(r.locale ? { locale: r.locale } : {}),
    };
    const parsed = ExhibitorInput.safeParse(candidate);
    if (parsed.success) out.push(parsed.data);
    else errors.push(...fieldErrors(parsed.error as ZodError).map((f) => ({ ...f, field: `rows[${i + 2}].${f.field}` })));
  });
  if (errors.length) throw new ValidationFailed(errors.slice(0, 50));
  return out;
}

function checkExhibitorSet(list: ExhibitorInputT[], known: Set<string>) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.ref))
      errors.push({ field: `exhibitors[${i}].ref`, code: "duplicate", message: `ref "${x.ref}" appears twice` });
    seen.add(x.ref);
  });
  list.forEach((x, i) => {
    for (const c of x.competitors) {
      if (c === x.ref)
        errors.push({
          field: `exhibitors[${i}].competitors`,
          code: "invalid",
          message: "an exhibitor cannot be its own competitor",
        });
      else if (!seen.has(c) && !known.has(c))
        errors.push({ field: `exhibitors[${i}].competitors`, code: "unknown", message: `unknown exhibitor ref "${c}"` });
    }
  });
  if (errors.length) throw new ValidationFailed(errors.slice(0, 50));
}

const exhibitorValues = (eventId: string, x: ExhibitorInputT) => ({
  eventId,
  ref: x.ref,
  name: x.name,
  organization: x.organization,
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

export async function addExhibitor({ db, who, eventId, input }: { db: Db; who: Who; eventId: string; input: ExhibitorInputT }) {
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
 * Replaces all applications: refs that stay are updated (their booth kept while its size still
 * fits), refs that go are withdrawn and lose their booth; history is kept.
 */
export async function replaceExhibitors({
  db,
  who,
  eventId,
  input,
}: {
  db: Db;
  who: Who;
  eventId: string;
  input: ExhibitorInputT[];
}) {
  checkExhibitorSet(input, new Set());
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const current = await tx.select().from(exhibitors).where(eq(exhibitors.eventId, eventId));
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

async function listExhibitorsTx(db: Db, eventId: string) {
  const { booths: bs, exhibitors: xs, assignments } = await load(db, eventId);
  const [settings] = await db.select().from(allocationSettings).where(eq(allocationSettings.eventId, eventId));
  const reasons = new Map((settings?.unassigned ?? []).map((u) => [u.exhibitor, u.reason]));
  return xs.map((x) => {
    const a = assignments.find((y) => y.exhibitorId === x.id);
    const booth = a ? bs.find((b) => b.id === a.boothId) : undefined;
    const status: "withdrawn" | "assigned" | "unassigned" | "applied" = x.withdrawnAt
      ? "withdrawn"
      : booth
        ? "assigned"
        : settings?.appliedAt
          ? "unassigned"
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
      status,
      booth: booth?.code ?? null,
      pinned: a?.pinned ?? false,
      ...(status === "unassigned" ? { reason: reasons.get(x.ref) ?? "not-placed" } : {}),
    };
  });
}

export async function listExhibitors({ db, actor, eventId }: { db: Db; actor: Actor; eventId: string }) {
  await eventFor(db, actor, eventId);
  return listExhibitorsTx(db, eventId);
}

// ---------------------------------------------------------------- manual assignment

/** Why an exhibitor may not take a booth given the other assignments, or null. */
function assignmentConflict(
  booth: BoothRow,
  ex: ExhibitorRow,
  ctx: { booths: BoothRow[]; exhibitors: ExhibitorRow[]; assignments: AssignmentRow[] },
): Conflict | null {
  if (booth.sizeClass !== ex.size) {
    return new Conflict(
      "size-mismatch",
      `Booth ${booth.code} is ${booth.sizeClass}; ${ex.ref} applied for ${ex.size}.`,
      "Size mismatch",
    );
  }
  const holder = ctx.assignments.find((a) => a.boothId === booth.id);
  if (holder && holder.exhibitorId !== ex.id) {
    const other = ctx.exhibitors.find((x) => x.id === holder.exhibitorId);
    return new Conflict(
      "booth-taken",
      `Booth ${booth.code} is already assigned to ${other?.ref ?? "another exhibitor"}.`,
      "Booth taken",
    );
  }
  const adj = adjacencyByCode(ctx.booths).get(booth.code) ?? [];
  for (const code of adj) {
    const nb = ctx.booths.find((b) => b.code === code)!;
    const a = ctx.assignments.find((x) => x.boothId === nb.id);
    if (!a || a.exhibitorId === ex.id) continue;
    const neighbour = ctx.exhibitors.find((x) => x.id === a.exhibitorId)!;
    if (ex.competitors.includes(neighbour.ref) || neighbour.competitors.includes(ex.ref)) {
      return new Conflict(
        "competitor-adjacent",
        `${ex.ref} and ${neighbour.ref} are competitors and booth ${booth.code} is next to ${neighbour.ref}'s booth ${code}.`,
        "Competitors side by side",
      );
    }
  }
  return null;
}

/**
 * Assigns (or moves) an exhibitor to a booth. The event row lock serialises organisers working on
 * one hall, and the unique indexes on booth and exhibitor make a double booking impossible anyway.
 */
export async function assignBooth({
  db,
  who,
  eventId,
  code,
  exhibitorRef,
  pinned,
}: {
  db: Db;
  who: Who;
  eventId: string;
  code: string;
  exhibitorRef: string;
  pinned?: boolean;
}) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const ctx = await load(tx, eventId);
    const booth = ctx.booths.find((b) => b.code === code);
    if (!booth) throw new NotFound("booth");
    const ex = ctx.exhibitors.find((x) => x.ref === exhibitorRef && !x.withdrawnAt);
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

export async function unassignBooth({ db, who, eventId, code }: { db: Db; who: Who; eventId: string; code: string }) {
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

// ---------------------------------------------------------------- automatic allocation

export async function storedWeights(db: Db, eventId: string): Promise<AllocationWeights> {
  const [s] = await db.select().from(allocationSettings).where(eq(allocationSettings.eventId, eventId));
  return s?.weights ?? DEFAULT_WEIGHTS;
}

export async function setWeights({
  db,
  who,
  eventId,
  weights,
}: {
  db: Db;
  who: Who;
  eventId: string;
  weights: AllocationWeights;
}) {
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

function allocationInput(ctx: Awaited<ReturnType<typeof load>>) {
  const active = ctx.exhibitors.filter((x) => !x.withdrawnAt);
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
export async function runAllocation({
  db,
  who,
  eventId,
  dryRun,
  timeLimitMs,
  weights,
}: {
  db: Db;
  who: Who;
  eventId: string;
  dryRun?: boolean;
  timeLimitMs?: number;
  weights?: AllocationWeights;
}): Promise<AllocationResult & { applied: boolean }> {
  await eventFor(db, who.actor, eventId);
  const w = weights ?? (await storedWeights(db, eventId));
  const solve = (ctx: Awaited<ReturnType<typeof load>>) => {
    try {
      return allocate({ ...allocationInput(ctx), weights: w, timeLimitMs: timeLimitMs ?? 2000 });
    } catch (e) {
      if (e instanceof AllocationInputError)
        throw new Unprocessable("allocation-input", e.problems.slice(0, 10).join("; "), "Allocation input is inconsistent");
      throw e;
    }
  };
  if (dryRun) return { ...solve(await load(db, eventId)), applied: false };
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const ctx = await load(tx, eventId);
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
    return { ...result, applied: true };
  });
}

// ---------------------------------------------------------------- publishing

/** E-mails every exhibitor its booth (or that it has none); a re-publish only tells those whose booth changed. */
export async function publishAllocation(deps: Pick<AppDeps, "db" | "config">, who: Who, eventId: string) {
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const list = await listExhibitorsTx(tx, eventId);
    let queued = 0;
    let withoutEmail = 0;
    for (const x of list) {
      if (x.status === "withdrawn") continue;
      if (!x.email) {
        withoutEmail++;
        continue;
      }
      const [row] = await tx
        .select()
        .from(exhibitors)
        .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.ref, x.ref), isNull(exhibitors.withdrawnAt)));
      const en = row?.locale === "en";
      const title = en ? (event.titleEn ?? event.titleJa) : event.titleJa;
      const { text, html } = renderMail({
        greeting: en ? `Dear ${x.name} (${x.organization}),` : `${x.organization} ${x.name} 様`,
        paragraphs: [
          x.booth
            ? en
              ? `Your exhibit booth at ${title} is ${x.booth}.`
              : `${title} における貴団体の出展ブースは「${x.booth}」に決まりました。`
            : en
              ? `We could not allocate a booth to you at ${title}. The organisers will contact you.`
              : `${title} では、現時点でブースを割り当てることができませんでした。事務局よりご連絡いたします。`,
          { label: en ? "Floor map" : "会場図", href: `${deps.config.PUBLIC_URL}/fair/${eventId}` },
        ],
        footer: en ? "Regional cluster events" : "地域クラスター催事システム",
      });
      await enqueueMail(tx, deps.config.PUBLIC_URL, {
        dedupeKey: `booth:${eventId}:${x.ref}:${x.booth ?? "none"}`,
        kind: "booth.assignment",
        to: x.email,
        subject: en ? `Your booth: ${x.booth ?? "not allocated"} (${title})` : `【出展ブースのご案内】${title}`,
        text,
        html,
        now: who.now,
      });
      queued++;
    }
    await tx
      .insert(allocationSettings)
      .values({ eventId, publishedAt: who.now })
      .onConflictDoUpdate({ target: allocationSettings.eventId, set: { publishedAt: who.now } });
    await audit(tx, who, { action: "allocation.publish", entity: "event", entityId: eventId, after: { queued, withoutEmail } });
    return { queued, withoutEmail };
  });
}
