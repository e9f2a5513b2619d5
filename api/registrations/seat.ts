import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { preparedStatement } from "../../db/prepared.ts";
import { messageIdHost } from "../mail/outbox.ts";
import type { Answers } from "../questions/answers.ts";
import type { RegistrationCreateInput } from "./schemas.ts";

const p = (name: string) => sql.placeholder(name);

/**
 * The registration as one call of register_seat() (db/migrations/0015_registration_seat_in_steps.sql),
 * so it is atomic on its own and the event's row lock is held only while the database executes
 * it, never across a round trip: check that every required question is answered, lock the event
 * row (only if it takes registrations now and the consent is given where asked), insert the
 * registration with the seat's status and order (nothing when the address is registered already:
 * the unique index finds it, and the event's row lock makes two racing duplicates find each other),
 * move its counters, insert its answers (checked before by validatedAnswers when any were given)
 * and what to send (the confirmation or the waiting-list message: a kind, the registration, the
 * locale; the deliver job renders it). Yields no row, and changes nothing, otherwise; the caller
 * finds out why.
 * A database function because its plans are kept for the session (PGlite, with one session and no
 * named prepared statements, would plan the statement anew for every registration); the call
 * itself is prepared, and sends only what the database cannot derive: it writes the outbox's dedupe
 * key itself (as registrationDedupeKey does), and the address's key only when it differs from the
 * address, since every byte of the call is written to the socket under a burst.
 */
export const SEAT_STATEMENT = sql`select seq, confirmed, waiting, check_in_code from register_seat(
  ${p("eventId")}::uuid, ${p("now")}::timestamptz, ${p("id")}::uuid, ${p("key")}, ${p("name")}, ${p("nameKana")}, ${p("email")},
  ${p("organization")}, ${p("sector")}, ${p("locale")}, ${p("consent")}::boolean, ${p("answers")}::jsonb,
  ${p("manageTokenHash")}, ${p("manageTokenSealed")}, ${p("messageIdHost")})`;

type SeatRow = { seq: string | number; confirmed: boolean; waiting: number; check_in_code: string };
const seatStatement = preparedStatement<SeatRow>("registration-seat", SEAT_STATEMENT);

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
    key: r.key === r.input.email ? null : r.key,
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
    messageIdHost: `@${messageIdHost(publicUrl)}>`,
  };
}

/** The seat taken, and the registration's 受付番号 (filled by the insert trigger, check_in_code()). */
export type Seat = { seq: number; confirmed: boolean; waiting: number; checkInCode: string };

/** Takes a seat (or a waiting place) in one statement; null when none was taken (closed, or already registered). */
export async function claimSeat(q: Db, r: SeatRequest, publicUrl: string): Promise<Seat | null> {
  const [row] = await seatStatement(q, seatValues(r, publicUrl));
  return row
    ? { seq: Number(row.seq), confirmed: row.confirmed, waiting: Number(row.waiting), checkInCode: row.check_in_code }
    : null;
}
