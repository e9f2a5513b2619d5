import { and, eq, inArray, isNull, lt, sql, type SQLWrapper } from "drizzle-orm";
import type { Config } from "../api/config.ts";
import type { AppDeps } from "../api/deps.ts";
import { parseLimit } from "../api/lib/rate-limit.ts";
import { tsParam } from "../db/client.ts";
import { REGISTRATION_RETENTION_DAYS } from "../lib/privacy-notice.ts";
import {
  auditLog,
  calendarTokens,
  eventQuestions,
  events,
  exhibitors,
  idempotencyKeys,
  outbox,
  rateLimits,
  registrationAnswers,
  registrations,
} from "../db/schema/index.ts";

const DAY = 86_400_000;
/** A retry later than this is a new request: replays are kept a week, then forgotten (they are sealed answers). */
const IDEMPOTENCY_RETENTION_MS = 7 * DAY;
/** Rate-limit windows are minutes long: a counter whose window began a day (or two of the longest configured windows) ago counts nothing. */
function rateLimitRetentionMs(config: Pick<Config, "RATE_LIMIT_REGISTRATION" | "RATE_LIMIT_LOGIN">): number {
  const longest = Math.max(...[config.RATE_LIMIT_REGISTRATION, config.RATE_LIMIT_LOGIN].map((l) => parseLimit(l).windowSeconds));
  return Math.max(DAY, 2 * longest * 1000);
}

/** What of a registration an audit entry may have recorded about the person; the rest (status, times) stays. */
const PERSONAL_KEYS = new Set([
  "name",
  "nameKana",
  "email",
  "emailKey",
  "organization",
  "manageToken",
  "manageUrl",
  "calendarUrl",
  "feedToken",
  "contactName",
  "note",
]);

function withoutPersonal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutPersonal);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!PERSONAL_KEYS.has(k)) out[k] = withoutPersonal(x);
  return out;
}

/** Rows whose event ended before `cutoff`. */
const ofEventsEndedBefore = (eventId: SQLWrapper, cutoff: Date) =>
  sql`${eventId} in (select ${events.id} from ${events} where ${lt(events.endsAt, cutoff)})`;

type Tx = Parameters<Parameters<AppDeps["db"]["transaction"]>[0]>[0];

/** Takes the person out of audit entries' before/after values; returns how many changed. */
async function scrubAudit(tx: Tx, entries: { id: string; before: unknown; after: unknown }[]) {
  let changed = 0;
  for (const e of entries) {
    const before = withoutPersonal(e.before);
    const after = withoutPersonal(e.after);
    if (JSON.stringify(before) === JSON.stringify(e.before) && JSON.stringify(after) === JSON.stringify(e.after)) continue;
    await tx
      .update(auditLog)
      .set({ before: before as never, after: after as never })
      .where(eq(auditLog.id, e.id));
    changed++;
  }
  return changed;
}

/** The exhibitors of fairs a year past: contact, e-mail, note and private link erased; their messages deleted. */
async function purgeExhibitors(tx: Tx, cutoff: Date, now: Date) {
  const due = await tx
    .select({ id: exhibitors.id, eventId: exhibitors.eventId, ref: exhibitors.ref })
    .from(exhibitors)
    .where(and(isNull(exhibitors.purgedAt), ofEventsEndedBefore(exhibitors.eventId, cutoff)))
    .for("update");
  if (!due.length) return { exhibitors: 0, messages: [] as { id: string }[], auditEntries: 0 };
  const ids = due.map((x) => x.id);
  await tx
    .update(exhibitors)
    .set({ contactName: null, email: null, note: null, manageTokenHash: null, manageTokenSealed: null, purgedAt: now })
    .where(inArray(exhibitors.id, ids));
  // Their received mails (exhibitor:<id>:...) and booth mails (booth:<event>:<ref>:...), sent or not.
  const patterns = due.flatMap((x) => [`exhibitor:${x.id}:%`, `booth:${x.eventId}:${x.ref}:%`]);
  const messages = await tx
    .delete(outbox)
    .where(
      sql`${outbox.dedupeKey} like any (${sql.raw("array[")}${sql.join(
        patterns.map((p) => sql`${p}`),
        sql`, `,
      )}${sql.raw("]::text[]")})`,
    )
    .returning({ id: outbox.id });
  const entries = await tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "exhibitor"), inArray(auditLog.entityId, ids)));
  return { exhibitors: ids.length, messages, auditEntries: await scrubAudit(tx, entries) };
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/**
 * REGISTRATION_RETENTION_DAYS (a year) after an event, its registrants' personal data is erased, everywhere the product keeps it:
 * the registration row (kept with status, sector and times, so counts and statistics by sector
 * stay right), their answers to the organiser's questions (all free text goes; a choice, a
 * selection or a tick that is exactly one of the question's own options stays with the anonymised
 * registration, so the per-option counts of a past event stay right), the messages to and about them in the outbox and their .eml copies, the audit
 * entries' before/after values, and the feed token of anyone left with no registration. Replayable
 * answers (idempotency) and rate-limit counters only live days, so they are deleted by age here.
 * A fair's exhibitors keep their organisation and booth (the public record of who exhibited) and
 * lose their contact person, e-mail address, note and private link, with the messages sent to them.
 */
export async function purgePersonalData(deps: Pick<AppDeps, "db" | "mailer" | "config">, now: Date) {
  const cutoff = new Date(now.getTime() - REGISTRATION_RETENTION_DAYS * DAY);
  const result = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: registrations.id, emailKey: registrations.emailKey })
      .from(registrations)
      .where(and(isNull(registrations.purgedAt), ofEventsEndedBefore(registrations.eventId, cutoff)))
      .for("update");
    const ids = due.map((r) => r.id);
    if (ids.length > 0) {
      await tx
        .update(registrations)
        .set({
          name: "",
          nameKana: null,
          email: "",
          emailKey: sql`'purged:' || ${registrations.id}`,
          organization: "",
          manageTokenHash: sql`'purged:' || ${registrations.id}`,
          manageTokenSealed: "",
          purgedAt: now,
        })
        .where(inArray(registrations.id, ids));
    }
    const answers = ids.length ? await purgeAnswers(tx, ids) : 0;
    // The identities left with no registration at all: their feed token and any message to them go.
    const gone = !due.length
      ? []
      : rowsOf<{ email_key: string }>(
          await tx.execute(sql`
        select distinct d.email_key from unnest(${sql.raw("array[")}${sql.join(
          due.map((r) => sql`${r.emailKey}`),
          sql`, `,
        )}${sql.raw("]::text[]")}) as d(email_key)
        where not exists (select 1 from ${registrations} r where r.email_key = d.email_key)`),
        ).map((r) => r.email_key);
    const feedTokens = await tx
      .delete(calendarTokens)
      .where(sql`not exists (select 1 from ${registrations} where ${registrations.emailKey} = ${calendarTokens.emailKey})`)
      .returning({ id: calendarTokens.id });

    // Messages about a purged registration, sent or not (the event is a year past), and registrants'
    // messages to an address that no longer has any registration.
    // (by the registration a message is about; older rows only by their dedupe key, reg:<id>:…)
    const aboutPurged = ids.length
      ? sql`(${inArray(outbox.registrationId, ids)} or ${outbox.dedupeKey} like any (${sql.raw("array[")}${sql.join(
          ids.map((id) => sql`${`reg:${id}:%`}`),
          sql`, `,
        )}${sql.raw("]::text[]")}))`
      : sql`false`;
    const toGone = gone.length
      ? sql`(${outbox.kind} like 'registration.%' and lower(btrim(normalize(${outbox.toAddress}, NFKC))) in (${sql.join(
          gone.map((k) => sql`${k}`),
          sql`, `,
        )}))`
      : sql`false`;
    const messages = await tx
      .delete(outbox)
      .where(sql`${aboutPurged} or ${toGone}`)
      .returning({ id: outbox.id });

    // The audit trail keeps what happened to a registration, not who it was.
    const entries = ids.length
      ? await tx
          .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
          .from(auditLog)
          .where(and(eq(auditLog.entity, "registration"), inArray(auditLog.entityId, ids)))
      : [];
    let auditEntries = await scrubAudit(tx, entries);

    const replays = await tx
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)))
      .returning({ key: idempotencyKeys.key });
    const counters = await tx
      .delete(rateLimits)
      .where(sql`${rateLimits.windowStart} < ${tsParam(new Date(now.getTime() - rateLimitRetentionMs(deps.config)))}`)
      .returning({ key: rateLimits.key });

    const exhibitorPurge = await purgeExhibitors(tx, cutoff, now);
    messages.push(...exhibitorPurge.messages);
    auditEntries += exhibitorPurge.auditEntries;

    // The .eml copies go with their messages; done inside the transaction, so a failure leaves the rows to retry.
    if (messages.length > 0) await deps.mailer?.forget?.(messages.map((m) => m.id));

    return {
      registrations: ids.length,
      answers,
      exhibitors: exhibitorPurge.exhibitors,
      feedTokens: feedTokens.length,
      messages: messages.length,
      auditEntries,
      idempotencyRecords: replays.length,
      rateLimitCounters: counters.length,
    };
  });
  return result;
}

/**
 * Deletes the purged registrations' answers except those that say nothing but which of the
 * question's own options was taken (the organiser's words, not the person's); the number deleted.
 */
async function purgeAnswers(tx: AppDeps["db"], ids: string[]): Promise<number> {
  const a = registrationAnswers;
  const q = eventQuestions;
  const isOption = (v: ReturnType<typeof sql>) =>
    sql`exists (select 1 from jsonb_array_elements(${q.options}) o where o->'value' = ${v})`;
  const onlyOptions = sql`(
    (${q.kind} = 'checkbox' and jsonb_typeof(${a.value}) = 'boolean')
    or (${q.kind} = 'choice' and jsonb_typeof(${a.value}) = 'string' and ${isOption(sql`${a.value}`)})
    or (${q.kind} = 'multi' and jsonb_typeof(${a.value}) = 'array'
        and not exists (select 1 from jsonb_array_elements(${a.value}) v where not ${isOption(sql`v`)})))`;
  const deleted = await tx
    .delete(a)
    .where(
      and(
        inArray(a.registrationId, ids),
        sql`not exists (select 1 from ${q} where ${q.eventId} = ${a.eventId} and ${q.id} = ${a.questionId} and ${onlyOptions})`,
      ),
    )
    .returning({ id: a.registrationId });
  return deleted.length;
}
