import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { preparedStatement } from "../../db/prepared.ts";
import { eventQuestions, events, outbox, registrationAnswers, registrations } from "../../db/schema/index.ts";
import { messageIdHost } from "../mail/outbox.ts";
import { registrationDedupeKey } from "../mail/registration-mail.ts";
import type { Answers } from "../questions/answers.ts";
import type { RegistrationCreateInput } from "./schemas.ts";

const p = (name: string) => sql.placeholder(name);
const NOW = sql`${p("now")}::timestamptz`;

/** The answers to the event's questions, in the same statement (a variant: most registrations carry none). */
const ANSWERS = sql`, answers as (
    insert into ${registrationAnswers} (registration_id, event_id, question_id, value, updated_at)
    select reg.id, ${p("eventId")}::uuid, a.key, a.value, ${NOW}
    from reg, jsonb_each(${p("answers")}::jsonb) as a(key, value)
    where exists (select 1 from ${eventQuestions} q where q.event_id = ${p("eventId")}::uuid and q.id = a.key)
    returning 1
  )`;

/**
 * The registration as one statement, so it is atomic on its own and the event's row lock is held
 * only while the database executes it, never across a round trip: lock the event row (only if it
 * takes registrations now and the address is not registered yet), move its counters, insert the
 * registration with the seat's status and order, and write what to send (the confirmation or the
 * waiting-list message: a kind, the registration, the locale; the deliver job renders it), and
 * the answers to the event's questions (checked before by validatedAnswers when any were given).
 * Yields no row, and changes nothing, otherwise (also when the event asks for consent to its
 * privacy notice and none was given, or has a required question left unanswered); the caller
 * finds out why. Built once, prepared.
 */
function seatStatementText(withAnswers: boolean) {
  return sql`
  with cur as (
    select id, capacity, confirmed_count, waitlist_count, next_seq from ${events}
    where id = ${p("eventId")}::uuid and status = 'scheduled' and ends_at > ${NOW}
      and (registration_opens_at is null or registration_opens_at <= ${NOW})
      and coalesce(registration_closes_at, starts_at) > ${NOW}
      and (not consent_required or ${p("consent")}::boolean)
      and not exists (
        select 1 from ${eventQuestions} q where q.event_id = ${p("eventId")}::uuid and q.required and not (${p("answers")}::jsonb ? q.id)
      )
      and not exists (
        select 1 from ${registrations} r where r.event_id = ${p("eventId")}::uuid and r.email_key = ${p("key")} and r.status <> 'cancelled'
      )
    for update
  ), upd as (
    update ${events} e set
      next_seq = cur.next_seq + 1,
      confirmed_count = cur.confirmed_count + case when cur.capacity is null or cur.confirmed_count < cur.capacity then 1 else 0 end,
      waitlist_count = cur.waitlist_count + case when cur.capacity is null or cur.confirmed_count < cur.capacity then 0 else 1 end
    from cur where e.id = cur.id
    returning e.id
  ), seat as (
    select cur.next_seq as seq, (cur.capacity is null or cur.confirmed_count < cur.capacity) as confirmed, cur.waitlist_count as waiting
    from cur join upd on upd.id = cur.id
  ), reg as (
    insert into ${registrations} (id, event_id, status, seq, name, name_kana, email, email_key, organization, sector, locale,
      manage_token_hash, manage_token_sealed, created_at, confirmed_at, consented_at)
    select ${p("id")}::uuid, ${p("eventId")}::uuid, case when seat.confirmed then 'confirmed' else 'waitlisted' end, seat.seq,
      ${p("name")}, ${p("nameKana")}, ${p("email")}, ${p("key")}, ${p("organization")}, ${p("sector")}, ${p("locale")},
      ${p("manageTokenHash")}, ${p("manageTokenSealed")}, ${NOW}, case when seat.confirmed then ${NOW} end,
      case when ${p("consent")}::boolean then ${NOW} end
    from seat
    returning id, check_in_code
  )${withAnswers ? ANSWERS : sql``}, mail as (
    insert into ${outbox} (dedupe_key, message_id, kind, to_address, registration_id, locale, created_at, next_attempt_at)
    select case when seat.confirmed then ${p("confirmedKey")} else ${p("waitlistedKey")} end,
      '<' || gen_random_uuid() || ${p("messageIdHost")},
      case when seat.confirmed then 'registration.confirmed' else 'registration.waitlisted' end,
      ${p("email")}, ${p("id")}::uuid, ${p("locale")}, ${NOW}, ${NOW}
    from seat
    on conflict (dedupe_key) do nothing
    returning id
  )
  select seat.seq, seat.confirmed, seat.waiting, (select check_in_code from reg) as check_in_code from seat`;
}

/** The statement as most registrations run it (no answers), e.g. for pgbench. */
export const SEAT_STATEMENT = seatStatementText(false);

type SeatRow = { seq: string | number; confirmed: boolean; waiting: number; check_in_code: string };
const seatStatement = preparedStatement<SeatRow>("registration-seat", SEAT_STATEMENT);
const seatStatementWithAnswers = preparedStatement<SeatRow>("registration-seat-answers", seatStatementText(true));

export type SeatRequest = {
  id: string;
  /** The answers as checked against the event's questions. */
  answers: Answers;
  eventId: string;
  key: string;
  input: RegistrationCreateInput;
  manageTokenHash: string;
  manageTokenSealed: string;
  now: Date;
};

/** The statement's parameters for one registration. */
export function seatValues(r: SeatRequest, publicUrl: string): Record<string, unknown> {
  return {
    eventId: r.eventId,
    now: r.now.toISOString(),
    key: r.key,
    id: r.id,
    name: r.input.name,
    nameKana: r.input.nameKana ?? null,
    email: r.input.email,
    organization: r.input.organization,
    sector: r.input.sector,
    locale: r.input.locale ?? "ja",
    consent: r.input.consent === true,
    answers: JSON.stringify(r.answers),
    manageTokenHash: r.manageTokenHash,
    manageTokenSealed: r.manageTokenSealed,
    confirmedKey: registrationDedupeKey("confirmed", r, r.now),
    waitlistedKey: registrationDedupeKey("waitlisted", r, r.now),
    messageIdHost: `@${messageIdHost(publicUrl)}>`,
  };
}

/** The seat taken, and the registration's 受付番号 (filled by the insert trigger, check_in_code()). */
export type Seat = { seq: number; confirmed: boolean; waiting: number; checkInCode: string };

/** Takes a seat (or a waiting place) in one statement; null when none was taken (closed, or already registered). */
export async function claimSeat(q: Db, r: SeatRequest, publicUrl: string): Promise<Seat | null> {
  const run = Object.keys(r.answers).length ? seatStatementWithAnswers : seatStatement;
  const [row] = await run(q, seatValues(r, publicUrl));
  return row
    ? { seq: Number(row.seq), confirmed: row.confirmed, waiting: Number(row.waiting), checkInCode: row.check_in_code }
    : null;
}
