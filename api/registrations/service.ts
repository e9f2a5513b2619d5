import { and, count, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { events, registrations } from "../../db/schema/index.ts";
import type { Ctx } from "../deps.ts";
import { audit } from "../audit/service.ts";
import { eventCalendarUrl } from "../calendar/tokens.ts";
import { Conflict, NotFound, ValidationFailed } from "../errors.ts";
import { getEvent, lockEvent, PUBLIC_VIEWER } from "../events/service.ts";
import type { EventRow } from "../../db/schema/index.ts";
import { once } from "../lib/idempotency.ts";
import { limitHit, parseLimit, throttleRegistration } from "../lib/rate-limit.ts";
import { emailKey } from "../lib/text.ts";
import { toTokyoIso } from "../../lib/time.ts";
import { newToken, sha256Hex, TOKEN_PATTERN } from "../lib/tokens.ts";
import { enqueueRegistrationMail } from "../mail/registration-mail.ts";
import { answersOf, validatedAnswers, type Answers } from "../questions/service.ts";
import { promoteWaitlist } from "./promote.ts";
import type { RegistrationRow } from "../../db/schema/index.ts";
import { claimSeat } from "./seat.ts";
import type { RegistrationCreateInput } from "./schemas.ts";

type Deps = Pick<Ctx, "db" | "clock" | "sealer" | "config">;

export function manageUrl(publicUrl: string, token: string) {
  return `${publicUrl}/r/${token}`;
}

/** Why an event takes no registration now, or null when it does. */
export function registrationClosedReason(event: EventRow, now: Date): Conflict | null {
  if (event.status === "cancelled") return new Conflict("event-cancelled", "This event has been cancelled.", "Event cancelled");
  if (now.getTime() >= event.endsAt.getTime()) return new Conflict("event-finished", "This event is over.", "Event finished");
  if (event.status !== "scheduled" || (event.registrationOpensAt && now < event.registrationOpensAt)) {
    return new Conflict("registration-not-open", "Registration for this event is not open yet.", "Registration not open");
  }
  const closes = event.registrationClosesAt ?? event.startsAt;
  if (now.getTime() >= closes.getTime()) {
    return new Conflict("registration-closed", "Registration for this event has closed.", "Registration closed");
  }
  return null;
}

export type RegistrationOutcome =
  | {
      outcome: "created";
      body: {
        id: string;
        eventId: string;
        status: "confirmed" | "waitlisted";
        waitlistPosition?: number;
        checkInCode: string;
        manageToken: string;
        manageUrl: string;
        eventCalendarUrl: string;
      };
    }
  | { outcome: "duplicate" };

/** The public's view of events (a registrant is anyone), on this handle. */
const publicView = (db: Db, now: Date) => ({ db, who: { actor: PUBLIC_VIEWER, now } });

/**
 * Registers someone for an event: confirmed while seats are left, otherwise waitlisted, in order
 * of arrival, never over capacity however many arrive at once. The checks, tokens and both
 * possible messages are prepared first; then one statement takes the seat and writes the
 * registration and its message together (inside the idempotency transaction when the request
 * carries an Idempotency-Key). A repeated attempt by the same e-mail is refused, and the
 * registrant is sent their manage link again.
 */
export async function registerForEvent(
  ctx: Deps,
  {
    eventId,
    input,
    idempotencyKey,
    address,
  }: {
    eventId: string;
    input: RegistrationCreateInput;
    idempotencyKey?: string;
    /** The caller's network address, for the registration limit (RATE_LIMITS). */
    address: string;
  },
): Promise<RegistrationOutcome> {
  const { db, clock, sealer, config } = ctx;
  const key = emailKey(input.email);
  // The same limit whichever door the request came through (the API or the form).
  await throttleRegistration(ctx, { address, emailKey: key });
  const now = clock.now();
  const idem = idempotencyKey
    ? { key: idempotencyKey, scope: `POST /api/events/${eventId}/registrations`, body: input }
    : undefined;
  const id = crypto.randomUUID();
  const manageToken = newToken();
  const given = input.answers && Object.keys(input.answers).length > 0;
  const [manageTokenHash, manageTokenSealed, checked] = await Promise.all([
    sha256Hex(manageToken),
    sealer.seal(manageToken),
    // Answers given are checked (and normalised) first; with none, the seat statement itself
    // refuses an event with a required question, and only then do we look why.
    given ? validatedAnswers(db, eventId, input.answers) : undefined,
  ]);
  const invalid = checked?.fail();
  if (invalid) {
    // An event nobody may register for now (or may not see) answers as such, whatever the answers.
    const closed = registrationClosedReason(await getEvent(publicView(db, now), { id: eventId }), now);
    throw closed ?? invalid;
  }
  const answers = checked?.answers ?? {};
  // The event is not read first: the seat statement itself takes no registration for an event
  // that is closed (or missing) or an address already registered, and only then do we look why.
  const attempt = async (q: Db): Promise<RegistrationOutcome> => {
    const seat = await claimSeat(
      q,
      { id, eventId, key, input, answers, manageTokenHash, manageTokenSealed, now },
      config.PUBLIC_URL,
    );
    if (!seat) return refused(q);
    return {
      outcome: "created",
      body: {
        id,
        eventId,
        status: seat.confirmed ? "confirmed" : "waitlisted",
        ...(seat.confirmed ? {} : { waitlistPosition: seat.waiting + 1 }),
        checkInCode: seat.checkInCode,
        manageToken,
        manageUrl: manageUrl(config.PUBLIC_URL, manageToken),
        // Never the personal feed: whoever sent this request has not shown they own the address.
        eventCalendarUrl: eventCalendarUrl(config.PUBLIC_URL, eventId),
      },
    };
  };

  /** No seat was taken: the event does not exist or takes no registration now, a required answer or the consent is missing, or this address is registered already (tell them again). */
  const refused = async (q: Db): Promise<RegistrationOutcome> => {
    const event = await getEvent(publicView(q, now), { id: eventId });
    const closed = registrationClosedReason(event, now);
    if (closed) throw closed;
    const missing = (await validatedAnswers(q, eventId, answers)).fail();
    if (missing) throw missing;
    if (event.consentRequired && input.consent !== true) {
      throw new ValidationFailed([
        { field: "consent", code: "required", message: "must be true: agree to the event's privacy notice to register" },
      ]);
    }
    const [existing] = await q
      .select()
      .from(registrations)
      .where(
        and(eq(registrations.eventId, eventId), eq(registrations.emailKey, key), sql`${registrations.status} <> 'cancelled'`),
      );
    // Open, and nobody with this address: a registration was cancelled between the statement and this read.
    if (!existing) throw new Conflict("registration-closed", "Registration for this event has closed.");
    await enqueueRegistrationMail(q, config, { kind: "reminder-link", registration: existing, now });
    return { outcome: "duplicate" };
  };

  // Two identical registrations racing are serialised by the event's row lock in the seat
  // statement: the second finds the first (through the unique index) and is told again.
  if (!idem) return await attempt(db);
  return await db.transaction(async (tx) => (await once<RegistrationOutcome>(tx, sealer, idem, () => attempt(tx))).result);
}

export async function registrationByToken(db: Db, token: string): Promise<RegistrationRow> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFound("registration");
  const [row] = await db
    .select()
    .from(registrations)
    .where(eq(registrations.manageTokenHash, await sha256Hex(token)));
  if (!row || row.purgedAt) throw new NotFound("registration");
  return row;
}

/** 1-based place on the waiting list, counting only people still waiting. */
async function waitlistPosition(db: Db, reg: RegistrationRow): Promise<number | undefined> {
  if (reg.status !== "waitlisted") return undefined;
  const [r] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, reg.eventId), eq(registrations.status, "waitlisted"), lte(registrations.seq, reg.seq)));
  return r?.n ?? undefined;
}

export function toRegistrationDto(reg: RegistrationRow, position?: number, answers: Answers = {}) {
  const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
  return {
    id: reg.id,
    eventId: reg.eventId,
    status: reg.status,
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    name: reg.name,
    nameKana: reg.nameKana,
    email: reg.email,
    organization: reg.organization,
    sector: reg.sector,
    locale: reg.locale,
    createdAt: toTokyoIso(reg.createdAt),
    confirmedAt: iso(reg.confirmedAt),
    cancelledAt: iso(reg.cancelledAt),
    checkInCode: reg.checkInCode,
    checkedInAt: iso(reg.checkedInAt),
    checkedInBy: reg.checkedInBy,
    answers,
  };
}

/**
 * What the holder of a manage token may see: their own registration and its event, nothing that
 * spans more. The manage token came back in an HTTP answer to whoever registered, who need not
 * own the address; so the personal feed (every event of that address) is not here: it is e-mailed.
 */
export async function getManagedRegistration({ db, config }: Pick<Ctx, "db" | "config">, { token }: { token: string }) {
  const reg = await registrationByToken(db, token);
  const [event] = await db.select().from(events).where(eq(events.id, reg.eventId));
  return {
    registration: reg,
    answers: (await answersOf(db, [reg.id])).get(reg.id) ?? {},
    event: event!,
    position: await waitlistPosition(db, reg),
    manageUrl: manageUrl(config.PUBLIC_URL, token),
    eventCalendarUrl: eventCalendarUrl(config.PUBLIC_URL, reg.eventId),
  };
}

/** At most this many calendar-link mails per registration per hour, whatever RATE_LIMITS says. */
const CALENDAR_LINK_LIMIT = { max: 5, windowSeconds: 3600 };

/**
 * "Send me my calendar link": e-mails the personal feed address to the registration's address
 * (the only place it goes). Rate-limited per registration and per client address; requests within
 * the same minute are one message.
 */
export async function sendCalendarLink({ db, clock, config, sealer }: Deps, { token, address }: { token: string; address: string }) {
  const reg = await registrationByToken(db, token);
  const now = clock.now();
  await limitHit({ db, sealer }, `calendar-link:${reg.id}`, CALENDAR_LINK_LIMIT, now);
  if (config.RATE_LIMITS === "on")
    await limitHit({ db, sealer }, `calendar-link-ip:${address}`, parseLimit(config.RATE_LIMIT_REGISTRATION), now);
  // The link is rendered into the message at delivery (the feed token is looked up then, never stored here).
  await enqueueRegistrationMail(db, config, { kind: "calendar-link", registration: reg, now });
}

/**
 * Cancels a registration. If it held a seat, the first person waiting is confirmed in the same
 * transaction. Cancelling twice is harmless.
 */
export async function cancelRegistration(ctx: Deps, { token }: { token: string }) {
  const { db, clock, sealer, config } = ctx;
  const found = await registrationByToken(db, token);
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, found.eventId);
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
    if (!reg || reg.status === "cancelled") return;
    const now = clock.now();
    await tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(eq(registrations.id, reg.id));
    const wasConfirmed = reg.status === "confirmed";
    const [updated] = await tx
      .update(events)
      .set(
        wasConfirmed
          ? { confirmedCount: sql`${events.confirmedCount} - 1` }
          : { waitlistCount: sql`${events.waitlistCount} - 1` },
      )
      .where(eq(events.id, event.id))
      .returning();
    await enqueueRegistrationMail(tx, config, { kind: "cancelled", registration: reg, now });
    if (wasConfirmed) await promoteWaitlist(tx, updated!, { clock, sealer, config }, "cancellation");
    await auditByRegistrant(tx, now, reg.id, "registration.cancel", {
      before: { status: reg.status },
      after: { status: "cancelled", promoted: wasConfirmed },
    });
  });
  return getManagedRegistration(ctx, { token });
}

/** The registrant acted with their private link: the log records the change, not the person. */
export async function auditByRegistrant(tx: Db, now: Date, registrationId: string, action: string, change: { before?: unknown; after?: unknown }) {
  await audit(tx, { actor: { kind: "anonymous" }, now }, { action, entity: "registration", entityId: registrationId, ...change });
}

/** A fresh 受付番号, unique by construction (see the registrations schema), for inserts that need it first. */
export async function nextCheckInCode(q: Db): Promise<string> {
  const result = await q.execute(sql`select check_in_code(nextval('registration_check_in_serial')) as code`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { code: string }[];
  return rows[0]!.code;
}
