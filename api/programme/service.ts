/**
 * An event's programme: rooms, sessions and their talks and speakers. Organisers in scope replace
 * it as a whole (PUT); everyone reads it, except for planner proposals, which only staff in scope see.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  programmeRooms,
  programmeSessions,
  type ProgrammeRoomRow as RoomRow,
  type ProgrammeSessionRow as SessionRow,
  type ProgrammeTalk,
} from "../../db/schema/index.ts";
import { audit } from "../audit/service.ts";
import type { Ctx } from "../deps.ts";
import { ValidationFailed, type FieldError } from "../errors.ts";
import { getEvent, lockEventForChange, parseInstant, PUBLIC_VIEWER, type Viewer } from "../events/service.ts";
import type { EventRow } from "../../db/schema/index.ts";
import { toTokyoIso } from "../../lib/time.ts";
import { buildCalendar, etagFor, type FeedEvent } from "../calendar/ics.ts";
import type { Feed } from "../calendar/service.ts";
import type { ProgrammeInputValue } from "./schemas.ts";


export async function loadProgramme(db: Db, eventId: string): Promise<{ rooms: RoomRow[]; sessions: SessionRow[] }> {
  const [rooms, sessions] = await Promise.all([
    db.select().from(programmeRooms).where(eq(programmeRooms.eventId, eventId)).orderBy(asc(programmeRooms.sortOrder)),
    db
      .select()
      .from(programmeSessions)
      .where(eq(programmeSessions.eventId, eventId))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.sortOrder)),
  ]);
  return { rooms, sessions };
}

export function programmeView(eventId: string, p: { rooms: RoomRow[]; sessions: SessionRow[] }, publicUrl: string) {
  return {
    eventId,
    rooms: p.rooms.map((r) => ({ id: r.id, nameJa: r.nameJa, nameEn: r.nameEn })),
    sessions: p.sessions.map((s) => ({
      id: s.id,
      titleJa: s.titleJa,
      titleEn: s.titleEn,
      startsAt: toTokyoIso(s.startsAt),
      endsAt: toTokyoIso(s.endsAt),
      room: s.roomId,
      chairJa: s.chairJa,
      talks: s.talks.map((t) => ({
        titleJa: t.titleJa,
        titleEn: t.titleEn ?? null,
        speakers: t.speakers.map((sp) => ({ name: sp.name, affiliation: sp.affiliation ?? null })),
        startsAt: t.startsAt ?? null,
        endsAt: t.endsAt ?? null,
      })),
      sequence: s.sequence,
    })),
    calendarUrl: `${publicUrl}/calendar/events/${eventId}/programme.ics`,
  };
}

export async function getProgramme(ctx: Pick<Ctx, "db" | "who">, input: { eventId: string; viewer?: Viewer }) {
  const event = await getEvent(ctx, { id: input.eventId, viewer: input.viewer });
  return { event, programme: await loadProgramme(ctx.db, event.id) };
}

type Checked = {
  id?: string;
  titleJa: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  chairJa: string | null;
  talks: ProgrammeTalk[];
};

/** Every rule of a programme, with each problem named by its place in the body. */
function check(event: EventRow, input: ProgrammeInputValue, existing: Set<string>): Checked[] {
  const errors: FieldError[] = [];
  const rooms = input.rooms ?? [];
  const roomIds = new Set<string>();
  rooms.forEach((r, i) => {
    if (roomIds.has(r.id)) errors.push({ field: `rooms.${i}.id`, code: "duplicate", message: `room ${r.id} is listed twice` });
    roomIds.add(r.id);
  });
  const seen = new Set<string>();
  const sessions = input.sessions.map((s, i): Checked => {
    const at = `sessions.${i}`;
    const startsAt = parseInstant(s.startsAt, "start");
    const endsAt = parseInstant(s.endsAt, "end");
    if (s.id !== undefined) {
      if (!existing.has(s.id)) errors.push({ field: `${at}.id`, code: "unknown", message: "is not a session of this programme" });
      else if (seen.has(s.id)) errors.push({ field: `${at}.id`, code: "duplicate", message: "names a session twice" });
      seen.add(s.id);
    }
    if (endsAt <= startsAt) errors.push({ field: `${at}.endsAt`, code: "too_small", message: "must be after startsAt" });
    if (startsAt < event.startsAt || endsAt > event.endsAt)
      errors.push({
        field: `${at}.startsAt`,
        code: "out_of_range",
        message: `must lie within the event (${toTokyoIso(event.startsAt)} to ${toTokyoIso(event.endsAt)})`,
      });
    const room = s.room ?? null;
    if (room !== null && !roomIds.has(room))
      errors.push({ field: `${at}.room`, code: "unknown", message: `room ${room} is not in rooms` });
    const talks = (s.talks ?? []).map((t, j): ProgrammeTalk => {
      const ts = t.startsAt ? parseInstant(t.startsAt, "start") : null;
      const te = t.endsAt ? parseInstant(t.endsAt, "end") : null;
      if ((ts && (ts < startsAt || ts > endsAt)) || (te && (te < startsAt || te > endsAt)))
        errors.push({ field: `${at}.talks.${j}.startsAt`, code: "out_of_range", message: "must lie within its session" });
      if (ts && te && te <= ts)
        errors.push({ field: `${at}.talks.${j}.endsAt`, code: "too_small", message: "must be after startsAt" });
      return {
        titleJa: t.titleJa,
        titleEn: t.titleEn ?? null,
        speakers: t.speakers.map((sp) => ({ name: sp.name, affiliation: sp.affiliation ?? null })),
        startsAt: ts ? toTokyoIso(ts) : null,
        endsAt: te ? toTokyoIso(te) : null,
      };
    });
    return {
      id: s.id,
      titleJa: s.titleJa,
      titleEn: s.titleEn ?? null,
      startsAt,
      endsAt,
      roomId: room,
      chairJa: s.chairJa ?? null,
      talks,
    };
  });
  // Two sessions in one room may touch (one ends at 11:00, the next starts at 11:00) but not overlap.
  for (let i = 0; i < sessions.length; i++)
    for (let j = i + 1; j < sessions.length; j++) {
      const a = sessions[i]!;
      const b = sessions[j]!;
      if (a.roomId !== null && a.roomId === b.roomId && a.startsAt < b.endsAt && b.startsAt < a.endsAt)
        errors.push({
          field: `sessions.${j}`,
          code: "overlap",
          message: `overlaps sessions.${i} ("${a.titleJa}") in room ${a.roomId}`,
        });
    }
  if (errors.length) throw new ValidationFailed(errors);
  return sessions;
}

/** Talks compared by value (jsonb does not keep the keys' order). */
const talksKey = (talks: ProgrammeTalk[]) =>
  JSON.stringify(
    talks.map((t) => [
      t.titleJa,
      t.titleEn ?? null,
      t.speakers.map((s) => [s.name, s.affiliation ?? null]),
      t.startsAt ?? null,
      t.endsAt ?? null,
    ]),
  );

const changed = (before: SessionRow, after: Checked) =>
  before.titleJa !== after.titleJa ||
  before.titleEn !== after.titleEn ||
  before.startsAt.getTime() !== after.startsAt.getTime() ||
  before.endsAt.getTime() !== after.endsAt.getTime() ||
  before.roomId !== after.roomId ||
  before.chairJa !== after.chairJa ||
  talksKey(before.talks) !== talksKey(after.talks);

/**
 * Replaces an event's programme. Sessions sent with their id keep it (and their place in calendars;
 * SEQUENCE goes up when they change); sessions left out are removed; new ones get an id.
 */
export async function replaceProgramme(ctx: Pick<Ctx, "db" | "who">, input: { eventId: string; programme: ProgrammeInputValue }) {
  const { who } = ctx;
  return ctx.db.transaction(async (tx) => {
    const event = await lockEventForChange(tx, who.actor, input.eventId);
    const before = await loadProgramme(tx, event.id);
    const byId = new Map(before.sessions.map((s) => [s.id, s]));
    const sessions = check(event, input.programme, new Set(byId.keys()));

    await tx.delete(programmeRooms).where(eq(programmeRooms.eventId, event.id));
    const rooms = input.programme.rooms ?? [];
    if (rooms.length)
      await tx
        .insert(programmeRooms)
        .values(rooms.map((r, i) => ({ eventId: event.id, id: r.id, nameJa: r.nameJa, nameEn: r.nameEn ?? null, sortOrder: i })));

    const kept = new Set(sessions.flatMap((s) => (s.id ? [s.id] : [])));
    for (const old of before.sessions)
      if (!kept.has(old.id)) await tx.delete(programmeSessions).where(eq(programmeSessions.id, old.id));
    for (const [i, s] of sessions.entries()) {
      const values = {
        sortOrder: i,
        titleJa: s.titleJa,
        titleEn: s.titleEn,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        roomId: s.roomId,
        chairJa: s.chairJa,
        talks: s.talks,
      };
      const old = s.id ? byId.get(s.id) : undefined;
      if (!old)
        await tx.insert(programmeSessions).values({ eventId: event.id, ...values, createdAt: who.now, updatedAt: who.now });
      else if (changed(old, s))
        await tx
          .update(programmeSessions)
          .set({ ...values, sequence: old.sequence + 1, updatedAt: who.now })
          .where(eq(programmeSessions.id, old.id));
      else if (old.sortOrder !== i)
        await tx.update(programmeSessions).set({ sortOrder: i }).where(eq(programmeSessions.id, old.id));
    }
    const after = await loadProgramme(tx, event.id);
    await audit(tx, who, {
      action: "programme.replace",
      entity: "event",
      entityId: event.id,
      before: { rooms: before.rooms.length, sessions: before.sessions.map((s) => s.id) },
      after: { rooms: after.rooms.length, sessions: after.sessions.map((s) => s.id) },
    });
    return { event, programme: after };
  });
}

const SESSION_WORD = { ja: "プログラム", en: "Programme" } as const;

/**
 * The programme as an iCalendar feed: one entry per session (its id is the UID, its SEQUENCE goes
 * up on change), with the room as LOCATION, built by the one calendar builder.
 */
export async function programmeFeed(ctx: Pick<Ctx, "db" | "config" | "who">, input: { eventId: string; lang: "ja" | "en" }): Promise<Feed> {
  // Feeds are public documents, fetched without credentials and cached: a proposal is in none, for anyone.
  const { event, programme } = await getProgramme(ctx, { eventId: input.eventId, viewer: PUBLIC_VIEWER });
  const { lang } = input;
  const rooms = new Map(programme.rooms.map((r) => [r.id, r]));
  const base = ctx.config.PUBLIC_URL.replace(/\/+$/, "");
  const eventTitle = lang === "en" && event.titleEn ? event.titleEn : event.titleJa;
  const entries: FeedEvent[] = programme.sessions.map((s) => {
    const room = s.roomId ? rooms.get(s.roomId) : undefined;
    const roomName = room ? (lang === "en" && room.nameEn ? room.nameEn : room.nameJa) : null;
    const talks = s.talks.map((t) => {
      const title = lang === "en" && t.titleEn ? t.titleEn : t.titleJa;
      const who = t.speakers.map((sp) => (sp.affiliation ? `${sp.name}（${sp.affiliation}）` : sp.name)).join("、");
      return who ? `・${title} — ${who}` : `・${title}`;
    });
    const chair = s.chairJa ? [lang === "en" ? `Chair: ${s.chairJa}` : `座長：${s.chairJa}`] : [];
    return {
      id: s.id,
      kind: event.kind,
      status: event.status,
      titleJa: `${s.titleJa}（${event.titleJa}）`,
      titleEn: `${s.titleEn ?? s.titleJa} (${event.titleEn ?? event.titleJa})`,
      descriptionJa: [...chair, ...talks].join("\n") || null,
      descriptionEn: [...chair, ...talks].join("\n") || null,
      venue: [event.venue, roomName].filter(Boolean).join(" ") || null,
      prefecture: event.prefecture,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      allDay: false,
      // A change of the event itself (cancelled, moved) reaches every session too.
      sequence: s.sequence + event.sequence,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt > event.updatedAt ? s.updatedAt : event.updatedAt,
      cancelledAt: event.cancelledAt,
      url: `${base}/events/${event.id}#programme`,
    };
  });
  const body = buildCalendar({
    events: entries,
    lang,
    name: `${eventTitle} ${SESSION_WORD[lang]}`,
    publicUrl: ctx.config.PUBLIC_URL,
    now: event.updatedAt,
  });
  const lastModified = entries.reduce((m, e) => (e.updatedAt > m ? e.updatedAt : m), event.updatedAt);
  return {
    etag: await etagFor([body]),
    lastModified,
    build: async () => body,
    filename: `programme-${event.id}.ics`,
  };
}
