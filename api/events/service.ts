import { and, asc, eq, gt, inArray, lt, ne, or, type SQL } from "drizzle-orm";
import { matchesWords, searchWords } from "./search.ts";
import type { Db } from "../../db/client.ts";
import { blocks, events } from "../../db/schema/index.ts";
import { Conflict, NotFound, ValidationFailed } from "../errors.ts";
import type { Actor, Ctx } from "../deps.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { fiscalYearOf, tokyoInstant, tokyoParts, toTokyoIso } from "../../lib/time.ts";
import { audit } from "../audit/service.ts";
import { isSystem } from "../lib/context.ts";
import { assertCoversEvent, coversBlock, coversEvent } from "../auth/scope.ts";
import { notifyEventCancelled, promoteWaitlist } from "../registrations/promote.ts";
import { EVENT_PLACE_KEYS, type EventCreateInput, type EventPatchInput, type EventQueryInput } from "./schemas.ts";
import { defaultPrivacyNotice } from "../../lib/privacy-notice.ts";
import type { DatePrecision, EventRow } from "../../db/schema/events.ts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function tokyoMidnight(d: Date): Date {
  const p = tokyoParts(d);
  return tokyoInstant(p.year, p.month, p.day);
}

/** Reads an instant input; a bare date is Tokyo midnight, and as an end it means "through that day". */
export function parseInstant(s: string, role: "start" | "end" = "start"): Date {
  if (DATE_ONLY.test(s)) {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    const t = tokyoInstant(y, m, d);
    return role === "end" ? new Date(t.getTime() + DAY_MS) : t;
  }
  return new Date(s);
}

/**
 * Start and end of an event; all-day events snap to Tokyo midnights with an exclusive end, and an
 * event known only to the month covers its months: from the 1st to the 1st of the month after.
 */
function resolveTimes(startsAt: string | Date, endsAt: string | Date, allDay: boolean, precision: DatePrecision = "day") {
  let start = typeof startsAt === "string" ? parseInstant(startsAt, "start") : startsAt;
  let end = typeof endsAt === "string" ? parseInstant(endsAt, "end") : endsAt;
  if (precision === "month") {
    const s = tokyoParts(start);
    const last = tokyoParts(new Date(Math.max(start.getTime(), end.getTime() - 1)));
    return { start: tokyoInstant(s.year, s.month, 1), end: tokyoInstant(last.year, last.month + 1, 1) };
  }
  if (allDay) {
    start = tokyoMidnight(start);
    const endMidnight = tokyoMidnight(end);
    end = endMidnight.getTime() === end.getTime() ? end : new Date(endMidnight.getTime() + DAY_MS);
    if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + DAY_MS);
  }
  if (end.getTime() < start.getTime()) {
    throw new ValidationFailed([
      { field: "endsAt", code: "too_small", message: "must not be before startsAt", params: { reason: "before", after: "startsAt" } },
    ]);
  }
  return { start, end };
}

export function toEventDto(row: EventRow, publicUrl: string) {
  const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    block: row.blockCode,
    venue: row.venue,
    venueEn: row.venueEn,
    prefecture: row.prefecture,
    address: row.address,
    addressEn: row.addressEn,
    access: row.access,
    accessEn: row.accessEn,
    mapUrl: row.mapUrl,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    privacyNoticeJa: row.privacyNoticeJa,
    privacyNoticeEn: row.privacyNoticeEn,
    privacyNotice: privacyNoticeOf(row),
    consentRequired: row.consentRequired,
    startsAt: toTokyoIso(row.startsAt),
    endsAt: toTokyoIso(row.endsAt),
    allDay: row.allDay,
    datePrecision: row.datePrecision,
    fiscalYear: row.fiscalYear,
    capacity: row.capacity,
    attendance: row.attendance,
    attendanceApprox: row.attendanceApprox,
    source: row.source,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    exhibitorCallOpensAt: iso(row.exhibitorCallOpensAt),
    exhibitorCallClosesAt: iso(row.exhibitorCallClosesAt),
    exhibitorBoothSizes: row.exhibitorBoothSizes,
    confirmedCount: row.confirmedCount,
    waitlistCount: row.waitlistCount,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.confirmedCount),
    sequence: row.sequence,
    url: `${publicUrl}/events/${row.id}`,
    createdAt: toTokyoIso(row.createdAt),
    updatedAt: toTokyoIso(row.updatedAt),
  };
}

/** The notice registrants see: the event's own (either language filling in for the other), or the product's default. */
export function privacyNoticeOf(row: Pick<EventRow, "privacyNoticeJa" | "privacyNoticeEn" | "contactName" | "contactEmail" | "contactPhone">) {
  if (!row.privacyNoticeJa && !row.privacyNoticeEn) return defaultPrivacyNotice(row);
  return { ja: row.privacyNoticeJa ?? row.privacyNoticeEn!, en: row.privacyNoticeEn ?? row.privacyNoticeJa! };
}

/** The place, contact and privacy fields as given (absent ones: null, consent not required). */
function placeValues(input: EventCreateInput) {
  const out: Record<string, unknown> = {};
  for (const k of EVENT_PLACE_KEYS) out[k] = input[k] ?? (k === "consentRequired" ? false : null);
  return out as Pick<EventRow, (typeof EVENT_PLACE_KEYS)[number]>;
}

/** The place, contact and privacy fields after a patch: absent keys keep their value, null clears. */
function patchedPlace(current: EventRow, input: EventPatchInput) {
  const out: Record<string, unknown> = {};
  for (const k of EVENT_PLACE_KEYS) out[k] = input[k] === undefined ? current[k] : (input[k] ?? (k === "consentRequired" ? false : null));
  return out as Pick<EventRow, (typeof EVENT_PLACE_KEYS)[number]>;
}

async function assertBlock(db: Db, code: string | null | undefined) {
  if (!code) return;
  const [b] = await db.select({ code: blocks.code }).from(blocks).where(eq(blocks.code, code));
  if (!b) throw new ValidationFailed([{ field: "block", code: "unknown", message: `unknown block "${code}"` }]);
}

function checkWindow(opens: Date | null, closes: Date | null) {
  if (opens && closes && closes.getTime() < opens.getTime()) {
    throw new ValidationFailed([
      {
        field: "registrationClosesAt",
        code: "too_small",
        message: "must not be before registrationOpensAt",
        params: { reason: "before", after: "registrationOpensAt" },
      },
    ]);
  }
}

type CallInput = Pick<EventCreateInput, "exhibitorCallOpensAt" | "exhibitorCallClosesAt" | "exhibitorBoothSizes">;

/**
 * The call for exhibitors as it will be stored: only a techno-fair has one, and it closes after
 * it opens. `current` is the stored call a patch changes.
 */
function resolveCall(kind: string, input: CallInput, current?: Pick<EventRow, keyof CallInput>) {
  const at = (v: string | null | undefined, was: Date | null | undefined, role: "start" | "end") =>
    v === undefined ? (was ?? null) : v ? parseInstant(v, role) : null;
  const opens = at(input.exhibitorCallOpensAt, current?.exhibitorCallOpensAt, "start");
  const closes = at(input.exhibitorCallClosesAt, current?.exhibitorCallClosesAt, "end");
  const sizes = [...new Set(input.exhibitorBoothSizes ?? current?.exhibitorBoothSizes ?? [])];
  if (kind !== "techno_fair" && (opens || closes || sizes.length)) {
    const field =
      input.exhibitorCallOpensAt !== undefined
        ? "exhibitorCallOpensAt"
        : input.exhibitorCallClosesAt !== undefined
          ? "exhibitorCallClosesAt"
          : input.exhibitorBoothSizes !== undefined
            ? "exhibitorBoothSizes"
            : "kind";
    throw new ValidationFailed([{ field, code: "invalid", message: "only a techno_fair event has a call for exhibitors" }]);
  }
  if (opens && closes && closes.getTime() < opens.getTime()) {
    throw new ValidationFailed([
      {
        field: "exhibitorCallClosesAt",
        code: "too_small",
        message: "must not be before exhibitorCallOpensAt",
        params: { reason: "before", after: "exhibitorCallOpensAt" },
      },
    ]);
  }
  return { exhibitorCallOpensAt: opens, exhibitorCallClosesAt: closes, exhibitorBoothSizes: sizes };
}

/**
 * Who is looking at events. Planned events (the planner's proposals nobody has confirmed) exist
 * only for organisers in scope; everyone else, pages and feeds included, is told they do not.
 */
export type Viewer = Actor;
export const PUBLIC_VIEWER: Viewer = { kind: "anonymous" };

function visibleTo(viewer: Viewer, event: Pick<EventRow, "id" | "status" | "blockCode">): boolean {
  return event.status !== "planned" || coversEvent(viewer, event);
}

/** The SQL form of visibleTo, for lists and feeds. */
function visibleWhere(viewer: Viewer): SQL | undefined {
  if (viewer.kind === "admin") return undefined;
  const conds: SQL[] = [ne(events.status, "planned")];
  if (viewer.kind === "organiser") {
    if (viewer.scopes.blocks.length) conds.push(inArray(events.blockCode, viewer.scopes.blocks));
    if (viewer.scopes.events.length) conds.push(inArray(events.id, viewer.scopes.events));
  }
  return or(...conds);
}

/** Events in start order, as `viewer` (by default the caller) may see them. */
export async function listEvents(ctx: Pick<Ctx, "db" | "who">, { query, viewer = ctx.who.actor }: { query: EventQueryInput; viewer?: Viewer }) {
  const where: SQL[] = [];
  const visible = visibleWhere(viewer);
  if (visible) where.push(visible);
  if (query.kind) where.push(eq(events.kind, query.kind));
  if (query.block) where.push(eq(events.blockCode, query.block));
  if (query.fy !== undefined) where.push(eq(events.fiscalYear, query.fy));
  if (query.status) where.push(eq(events.status, query.status));
  const words = query.q ? matchesWords(searchWords(query.q)) : undefined;
  if (words) where.push(words);
  if (query.from) where.push(gt(events.endsAt, parseInstant(query.from, "start")));
  if (query.to) where.push(lt(events.startsAt, parseInstant(query.to, "end")));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(or(gt(events.startsAt, c.at), and(eq(events.startsAt, c.at), gt(events.id, c.id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(events)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.startsAt, last.id) : null };
}

/** One event as `viewer` (by default the caller) may see it: a planned event out of their scope is not found. */
export async function getEvent(ctx: Pick<Ctx, "db" | "who">, { id, viewer = ctx.who.actor }: { id: string; viewer?: Viewer }): Promise<EventRow> {
  const [row] = await ctx.db.select().from(events).where(eq(events.id, id));
  if (!row || !visibleTo(viewer, row)) throw new NotFound("event");
  return row;
}

/** Locks the event row for the rest of the transaction: the serialisation point of its seats. */
export async function lockEvent(tx: Db, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  if (!row) throw new NotFound("event");
  return row;
}

/**
 * Locks an event to replace something that belongs to it (its programme, its questions): the
 * caller must organise it, and a cancelled event is not changed any more.
 */
export async function lockEventForChange(tx: Db, actor: Actor, id: string): Promise<EventRow> {
  const event = await lockEvent(tx, id);
  assertCoversEvent(actor, event);
  if (event.status === "cancelled") throw new Conflict("event-cancelled", "A cancelled event cannot be changed.");
  return event;
}

/**
 * Creates an event. Organisers may create events only in blocks of their scope; the system's own
 * work (the planner) is audited by its job run, and written in the job's transaction.
 */
export async function createEvent(ctx: Pick<Ctx, "db" | "clock" | "who">, input: EventCreateInput & { slug?: string }) {
  const { db, clock } = ctx;
  const who = isSystem(ctx.who) ? undefined : ctx.who;
  if (who && !coversBlock(who.actor, input.block)) {
    throw new ValidationFailed([{ field: "block", code: "out_of_scope", message: "must be a block you organise" }]);
  }
  const datePrecision = input.datePrecision ?? "day";
  const allDay = datePrecision === "month" || (input.allDay ?? (DATE_ONLY.test(input.startsAt) && DATE_ONLY.test(input.endsAt)));
  const { start, end } = resolveTimes(input.startsAt, input.endsAt, allDay, datePrecision);
  const opens = input.registrationOpensAt ? parseInstant(input.registrationOpensAt, "start") : null;
  const closes = input.registrationClosesAt ? parseInstant(input.registrationClosesAt, "end") : null;
  checkWindow(opens, closes);
  const call = resolveCall(input.kind, input);
  await assertBlock(db, input.block);
  const now = clock.now();
  const write = async (tx: Db) => {
    const [row] = await tx
      .insert(events)
      .values({
        slug: input.slug ?? null,
        kind: input.kind,
        status: input.status ?? "scheduled",
        titleJa: input.titleJa,
        titleEn: input.titleEn ?? null,
        descriptionJa: input.descriptionJa ?? null,
        descriptionEn: input.descriptionEn ?? null,
        blockCode: input.block ?? null,
        venue: input.venue ?? null,
        venueEn: input.venueEn ?? null,
        prefecture: input.prefecture ?? null,
        ...placeValues(input),
        startsAt: start,
        endsAt: end,
        allDay,
        datePrecision,
        fiscalYear: fiscalYearOf(start),
        capacity: input.capacity ?? null,
        attendance: input.attendance ?? null,
        attendanceApprox: input.attendanceApprox ?? false,
        registrationOpensAt: opens,
        registrationClosesAt: closes,
        ...call,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (who) await audit(tx, who, { action: "event.create", entity: "event", entityId: row!.id, after: row });
    return row!;
  };
  return who ? db.transaction(write) : write(db);
}

/** Fields whose change must reach calendars: they bump the iCalendar SEQUENCE. */
const SEQUENCED = [
  "titleJa",
  "titleEn",
  "venue",
  "venueEn",
  "prefecture",
  "address",
  "addressEn",
  "startsAt",
  "endsAt",
  "allDay",
  "datePrecision",
  "status",
] as const;

export async function updateEvent(ctx: Ctx, { id, input }: { id: string; input: EventPatchInput }) {
  const { db, clock, who } = ctx;
  return db.transaction(async (tx) => {
    const current = await lockEvent(tx, id);
    assertCoversEvent(who.actor, current);
    if (input.block !== undefined && input.block !== current.blockCode && !coversBlock(who.actor, input.block)) {
      throw new ValidationFailed([{ field: "block", code: "out_of_scope", message: "must be a block you organise" }]);
    }
    if (current.status === "cancelled") throw new Conflict("event-cancelled", "A cancelled event cannot be changed.");
    const datePrecision = input.datePrecision ?? current.datePrecision;
    const allDay = datePrecision === "month" || (input.allDay ?? current.allDay);
    const { start, end } = resolveTimes(
      input.startsAt ?? current.startsAt,
      input.endsAt ?? current.endsAt,
      allDay,
      datePrecision,
    );
    const opens =
      input.registrationOpensAt === undefined
        ? current.registrationOpensAt
        : input.registrationOpensAt
          ? parseInstant(input.registrationOpensAt, "start")
          : null;
    const closes =
      input.registrationClosesAt === undefined
        ? current.registrationClosesAt
        : input.registrationClosesAt
          ? parseInstant(input.registrationClosesAt, "end")
          : null;
    checkWindow(opens ?? null, closes ?? null);
    const call = resolveCall(input.kind ?? current.kind, input, current);
    if (input.block !== undefined) await assertBlock(tx, input.block);
    const capacity = input.capacity === undefined ? current.capacity : input.capacity;
    if (capacity !== null && capacity < current.confirmedCount) {
      throw new Conflict(
        "capacity-below-confirmed",
        `${current.confirmedCount} people are already confirmed; the capacity cannot go below that.`,
      );
    }
    const next = {
      kind: input.kind ?? current.kind,
      status: input.status ?? current.status,
      titleJa: input.titleJa ?? current.titleJa,
      titleEn: input.titleEn === undefined ? current.titleEn : input.titleEn,
      descriptionJa: input.descriptionJa === undefined ? current.descriptionJa : input.descriptionJa,
      descriptionEn: input.descriptionEn === undefined ? current.descriptionEn : input.descriptionEn,
      blockCode: input.block === undefined ? current.blockCode : input.block,
      venue: input.venue === undefined ? current.venue : input.venue,
      venueEn: input.venueEn === undefined ? current.venueEn : input.venueEn,
      prefecture: input.prefecture === undefined ? current.prefecture : input.prefecture,
      ...patchedPlace(current, input),
      startsAt: start,
      endsAt: end,
      allDay,
      datePrecision,
      fiscalYear: fiscalYearOf(start),
      capacity,
      attendance: input.attendance === undefined ? current.attendance : input.attendance,
      attendanceApprox: input.attendanceApprox ?? current.attendanceApprox,
      registrationOpensAt: opens ?? null,
      registrationClosesAt: closes ?? null,
      ...call,
    };
    const changed = SEQUENCED.some((k) => {
      const a = current[k];
      const b = next[k];
      return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
    });
    const [row] = await tx
      .update(events)
      .set({ ...next, sequence: changed ? current.sequence + 1 : current.sequence, updatedAt: clock.now() })
      .where(eq(events.id, id))
      .returning();
    // A larger (or no) capacity frees seats for the waiting list.
    const promoted = await promoteWaitlist(tx, row!, ctx, "capacity");
    const after = promoted.length > 0 ? (await tx.select().from(events).where(eq(events.id, id)))[0]! : row!;
    await audit(tx, who, { action: "event.update", entity: "event", entityId: id, before: current, after });
    return after;
  });
}

/** Cancels an event; everyone registered is told, in the same transaction. */
export async function cancelEvent(ctx: Ctx, { id }: { id: string }) {
  const { db, clock, who } = ctx;
  return db.transaction(async (tx) => {
    const current = await lockEvent(tx, id);
    assertCoversEvent(who.actor, current);
    if (current.status === "cancelled") return current;
    const now = clock.now();
    const [row] = await tx
      .update(events)
      .set({ status: "cancelled", cancelledAt: now, sequence: current.sequence + 1, updatedAt: now })
      .where(eq(events.id, id))
      .returning();
    await notifyEventCancelled(tx, ctx, row!, now);
    await audit(tx, who, { action: "event.cancel", entity: "event", entityId: id, before: current, after: row });
    return row!;
  });
}
