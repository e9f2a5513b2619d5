/** The registration desk: the list and its search, the CSV for Excel, check-in by row or by code, walk-ins. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { events, registrations } from "../../db/schema/index.ts";
import { audit, type Who } from "../audit/service.ts";
import { assertCoversEvent } from "../auth/scope.ts";
import { eventCalendarUrl } from "../calendar/tokens.ts";
import type { Actor, Ctx } from "../deps.ts";
import { AppError, Conflict, NotFound } from "../errors.ts";
import { lockEvent } from "../events/service.ts";
import { toExcelCsv } from "../lib/csv.ts";
import { once } from "../lib/idempotency.ts";
import { searchKey } from "../lib/kana.ts";
import { emailKey } from "../lib/text.ts";
import { toTokyoIso, tokyoParts } from "../../lib/time.ts";
import { newToken, sha256Hex } from "../lib/tokens.ts";
import { enqueueRegistrationMail } from "../mail/registration-mail.ts";
import { answersOfEvent, loadQuestions, validatedAnswers, writeAnswers } from "../questions/service.ts";
import { answerText, questionLabel, tallyAnswers } from "../questions/words.ts";
import type { RegistrationRow } from "../../db/schema/index.ts";
import type { RegistrationCreateInput } from "./schemas.ts";
import { manageUrl, nextCheckInCode, toRegistrationDto } from "./service.ts";
import { LOCALE_WORDS, SECTOR_WORDS, STATUS_WORDS } from "../../lib/domain-words.ts";

type Lang = "ja" | "en";
export type RegistrationFilter = { status?: RegistrationRow["status"]; sector?: RegistrationRow["sector"]; q?: string };

/** The event, if the actor may see it; otherwise exactly "not found". */
async function eventInScope(db: Db, actor: Actor, eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new NotFound("event");
  assertCoversEvent(actor, event);
  return event;
}

/**
 * Everyone registered, filtered and searched, with counts by status and sector. The search folds
 * kana, width and spaces (searchKey), so たかはし finds タカハシ and 佐藤花子 finds 佐藤　花子; it
 * also matches the 受付番号. Each row keeps its own number (the code) whatever the search.
 */
export async function listRegistrations(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, filter = {} }: { eventId: string; filter?: RegistrationFilter },
) {
  const event = await eventInScope(db, who.actor, eventId);
  const [rows, questions, answers] = await Promise.all([
    db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.seq)),
    loadQuestions(db, eventId),
    answersOfEvent(db, eventId),
  ]);
  let waiting = 0;
  const positioned = rows.map((r) => ({ row: r, position: r.status === "waitlisted" ? ++waiting : undefined }));
  const counts = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
  const bySector = { industry: 0, academia: 0, government: 0, other: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.checkedInAt) counts.checkedIn++;
    if (r.status === "confirmed") bySector[r.sector]++;
  }
  const needle = filter.q ? searchKey(filter.q) : "";
  const items = positioned
    .filter(({ row }) => !filter.status || row.status === filter.status)
    .filter(({ row }) => !filter.sector || row.sector === filter.sector)
    .filter(
      ({ row }) =>
        !needle ||
        [row.name, row.nameKana ?? "", row.organization, row.email, row.checkInCode].some((f) => searchKey(f).includes(needle)),
    )
    .map(({ row, position }) => toRegistrationDto(row, position, answers.get(row.id)));
  // Counted like the sectors: the people who hold a seat.
  const answerCounts = tallyAnswers(
    questions,
    rows.filter((r) => r.status === "confirmed").map((r) => answers.get(r.id) ?? {}),
  );
  return { event, items, counts, bySector, questions, answerCounts };
}

const CSV_HEADER: Record<Lang, string[]> = {
  ja: [
    "受付番号",
    "状態",
    "キャンセル待ち順",
    "氏名",
    "フリガナ",
    "メールアドレス",
    "所属",
    "区分",
    "言語",
    "登録日時",
    "受付日時",
  ],
  en: [
    "Check-in code",
    "Status",
    "Waiting list",
    "Name",
    "Reading",
    "E-mail",
    "Organisation",
    "Sector",
    "Language",
    "Registered",
    "Checked in",
  ],
};

/** `YYYY/MM/DD HH:MM` in Tokyo: what Excel in Japan reads as a date and time. */
function excelTime(iso: string | null): string {
  if (!iso) return "";
  const p = tokyoParts(new Date(iso));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}/${two(p.month)}/${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/**
 * The desk's list as CSV for Excel, headers and words in the page's language (Japanese by
 * default); one column per question after the fixed ones, answers in words (option labels).
 */
export async function registrationsCsv(
  ctx: Pick<Ctx, "db" | "who">,
  args: { eventId: string; filter?: RegistrationFilter; lang?: Lang },
) {
  const lang = args.lang ?? "ja";
  const { items, questions } = await listRegistrations(ctx, args);
  return toExcelCsv(
    [...CSV_HEADER[lang], ...questions.map((q) => questionLabel(q, lang))],
    items.map((r) => [
      r.checkInCode,
      STATUS_WORDS[lang][r.status],
      r.waitlistPosition ?? "",
      r.name,
      r.nameKana,
      r.email,
      r.organization,
      SECTOR_WORDS[lang][r.sector],
      LOCALE_WORDS[lang][r.locale],
      excelTime(r.createdAt),
      excelTime(r.checkedInAt),
      ...questions.map((q) => answerText(q, r.answers[q.id], lang)),
    ]),
  );
}

/** Checks a locked, confirmed registration in (or out); a repeat changes nothing. */
async function markCheckIn(tx: Db, who: Who, reg: RegistrationRow, checkedIn: boolean) {
  if (checkedIn && reg.status !== "confirmed") {
    throw new Conflict(
      "not-confirmed",
      `Only confirmed people can be checked in; this registration is ${reg.status}.`,
      "Not confirmed",
    );
  }
  if (checkedIn === (reg.checkedInAt !== null)) return { row: reg, changed: false };
  const [after] = await tx
    .update(registrations)
    .set(
      checkedIn
        ? { checkedInAt: who.now, checkedInBy: who.actor.kind === "anonymous" ? null : who.actor.label }
        : { checkedInAt: null, checkedInBy: null },
    )
    .where(eq(registrations.id, reg.id))
    .returning();
  await audit(tx, who, {
    action: checkedIn ? "registration.check-in" : "registration.check-in-undo",
    entity: "registration",
    entityId: reg.id,
    before: { checkedInAt: reg.checkedInAt, checkedInBy: reg.checkedInBy },
    after: { checkedInAt: after!.checkedInAt, checkedInBy: after!.checkedInBy },
  });
  return { row: after!, changed: true };
}

/** Checks someone in at the desk (idempotent: a second check-in keeps the first time), or undoes it. */
export async function setCheckIn(
  { db, who }: Pick<Ctx, "db" | "who">,
  { eventId, registrationId, checkedIn }: { eventId: string; registrationId: string; checkedIn: boolean },
) {
  return db.transaction(async (tx) => {
    await eventInScope(tx, who.actor, eventId);
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
      .for("update");
    if (!reg || reg.purgedAt) throw new NotFound("registration");
    return toRegistrationDto((await markCheckIn(tx, who, reg, checkedIn)).row);
  });
}

/** A code as typed or scanned: full-width and lower case folded, spaces and hyphens dropped. */
function normalizeCheckInCode(code: string): string {
  return code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000\-‐－ー]/g, "");
}

/** Check-in by 受付番号 (scanned or typed): a second scan answers with `alreadyCheckedIn: true`. */
export async function checkInByCode({ db, who }: Pick<Ctx, "db" | "who">, { eventId, code }: { eventId: string; code: string }) {
  const normal = normalizeCheckInCode(code);
  return db.transaction(async (tx) => {
    await eventInScope(tx, who.actor, eventId);
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.checkInCode, normal)))
      .for("update");
    if (!reg || reg.purgedAt) {
      throw new AppError(
        404,
        "unknown-check-in-code",
        "Unknown check-in code",
        "No registration of this event has this check-in code.",
      );
    }
    const { row, changed } = await markCheckIn(tx, who, reg, true);
    return { ...toRegistrationDto(row), alreadyCheckedIn: !changed };
  });
}


/**
 * Someone registered at the desk on the day by an organiser in scope: confirmed and checked in at
 * once, also after registration has closed (not for a cancelled or unconfirmed event). A full
 * event takes them only with `overCapacity`, and the audit log records that it did.
 */
export async function registerWalkIn(
  { db, sealer, config, who }: Pick<Ctx, "db" | "sealer" | "config" | "who">,
  { eventId, input, idempotencyKey }: { eventId: string; input: RegistrationCreateInput; idempotencyKey?: string },
) {
  const key = emailKey(input.email);
  const manageToken = newToken();
  const [manageTokenHash, manageTokenSealed, checkInCode, checked] = await Promise.all([
    sha256Hex(manageToken),
    sealer.seal(manageToken),
    nextCheckInCode(db),
    // At the door nothing is asked for, but what is given must fit the questions.
    validatedAnswers(db, eventId, input.answers, { requireAll: false }),
  ]);
  const idem = idempotencyKey
    ? { key: idempotencyKey, scope: `POST /api/events/${eventId}/registrations`, body: input }
    : undefined;
  return db.transaction(async (tx) => {
    const { result } = await once(tx, sealer, idem, async () => {
      const event = await lockEvent(tx, eventId);
      assertCoversEvent(who.actor, event);
      if (event.status === "cancelled")
        throw new Conflict("event-cancelled", "This event has been cancelled.", "Event cancelled");
      const invalid = checked.fail();
      if (invalid) throw invalid;
      if (event.status !== "scheduled") {
        throw new Conflict(
          "registration-not-open",
          "This event is only planned; confirm it before registering people.",
          "Registration not open",
        );
      }
      const [existing] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(eq(registrations.eventId, eventId), eq(registrations.emailKey, key), sql`${registrations.status} <> 'cancelled'`),
        );
      if (existing) {
        throw new Conflict(
          "already-registered",
          "This e-mail address is already registered for this event; find the person on the desk list and check them in.",
          "Already registered",
        );
      }
      const full = event.capacity !== null && event.confirmedCount >= event.capacity;
      if (full && !input.overCapacity) {
        throw new Conflict("event-full", "The event is full; send overCapacity: true to admit this person anyway.", "Event full");
      }
      await tx
        .update(events)
        .set({ nextSeq: sql`${events.nextSeq} + 1`, confirmedCount: sql`${events.confirmedCount} + 1` })
        .where(eq(events.id, eventId));
      const [reg] = await tx
        .insert(registrations)
        .values({
          eventId,
          status: "confirmed",
          seq: event.nextSeq,
          checkInCode,
          name: input.name,
          nameKana: input.nameKana ?? null,
          email: input.email,
          emailKey: key,
          organization: input.organization,
          sector: input.sector,
          locale: input.locale ?? "ja",
          manageTokenHash,
          manageTokenSealed,
          createdAt: who.now,
          confirmedAt: who.now,
          checkedInAt: who.now,
          checkedInBy: who.actor.kind === "anonymous" ? null : who.actor.label,
        })
        .returning();
      await writeAnswers(tx, reg!, checked.answers, who.now);
      await enqueueRegistrationMail(tx, config, { kind: "confirmed", registration: reg!, now: who.now });
      await audit(tx, who, {
        action: "registration.walk-in",
        entity: "registration",
        entityId: reg!.id,
        after: {
          status: "confirmed",
          checkedIn: true,
          overCapacity: full,
          capacity: event.capacity,
          confirmedBefore: event.confirmedCount,
        },
      });
      return {
        id: reg!.id,
        eventId,
        status: "confirmed" as const,
        checkInCode,
        checkedInAt: toTokyoIso(who.now),
        manageToken,
        manageUrl: manageUrl(config.PUBLIC_URL, manageToken),
        // Never the personal feed (it goes by e-mail only), as for anyone registering.
        eventCalendarUrl: eventCalendarUrl(config.PUBLIC_URL, eventId),
      };
    });
    return result;
  });
}
