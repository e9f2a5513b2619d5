/**
 * Exhibitors applying themselves: the public form and its API, and the applicant's private link.
 * An application is a row of the fair's one exhibitor list (source "application"), so the
 * organisers' booth tools and the allocator work on it as on an imported exhibitor.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { allocationSettings, boothAssignments, booths, events, exhibitors, type EventRow } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import type { Ctx } from "../../deps.ts";
import { Conflict, NotFound, ValidationFailed, type FieldError } from "../../errors.ts";
import { lockEvent } from "../../events/service.ts";
import { once } from "../../lib/idempotency.ts";
import { throttleRegistration } from "../../lib/rate-limit.ts";
import { emailKey } from "../../lib/text.ts";
import { toTokyoIso } from "../../../lib/time.ts";
import { newToken, sha256Hex, TOKEN_PATTERN } from "../../lib/tokens.ts";
import { enqueueExhibitorMail } from "../../mail/exhibitor-mail.ts";
import type { ApplicationCreateInput, ApplicationPatchInput } from "../application-schemas.ts";
import { exhibitorCallClosed, exhibitorCallOpen } from "../call.ts";
import type { ExhibitorRow } from "./hall.ts";

type Deps = Pick<Ctx, "db" | "clock" | "sealer" | "config">;

function applicationUrl(publicUrl: string, token: string) {
  return `${publicUrl}/x/${token}`;
}

/** The identity behind "one application per organisation per fair": NFKC, case-folded, spaces squeezed. */
export function organizationKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) if ((x as { code?: string }).code === "23505") return true;
  return false;
}

const alreadyApplied = () =>
  new Conflict(
    "exhibitor-application-exists",
    "This organisation has already applied to exhibit at this fair; use the private link from its confirmation e-mail to change the application.",
    "Organisation already applied",
  );

/** The fair as the public sees it: planned and missing events are not found. */
async function fairForApplicants(tx: Db, eventId: string): Promise<EventRow> {
  const event = await lockEvent(tx, eventId);
  if (event.status === "planned") throw new NotFound("event");
  return event;
}

/** Booth size among those offered, preferences among the plan's booths (when there is a plan). */
async function checkAgainstFair(tx: Db, event: EventRow, input: { boothSize?: string; preferences?: string[] }) {
  const errors: FieldError[] = [];
  if (input.boothSize !== undefined && event.exhibitorBoothSizes.length && !event.exhibitorBoothSizes.includes(input.boothSize)) {
    errors.push({
      field: "boothSize",
      code: "invalid_value",
      message: `must be one of the sizes offered: ${event.exhibitorBoothSizes.join(", ")}`,
    });
  }
  if (input.preferences?.length) {
    const codes = new Set(
      (await tx.select({ code: booths.code }).from(booths).where(eq(booths.eventId, event.id))).map((b) => b.code),
    );
    input.preferences.forEach((p, i) => {
      if (codes.size && !codes.has(p))
        errors.push({ field: `preferences.${i}`, code: "unknown", message: `no booth "${p}" on the floor plan` });
    });
    if (new Set(input.preferences).size !== input.preferences.length)
      errors.push({ field: "preferences", code: "duplicate", message: "names a booth twice" });
  }
  if (errors.length) throw new ValidationFailed(errors);
}

async function assertOrganizationFree(tx: Db, eventId: string, key: string, except?: string) {
  const rows = await tx
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.organizationKey, key), isNull(exhibitors.withdrawnAt)));
  if (rows.some((r) => r.id !== except)) throw alreadyApplied();
}

/** The next free WEB-n ref of the fair (under the event's lock). */
async function nextApplicationRef(tx: Db, eventId: string): Promise<string> {
  const refs = new Set(
    (await tx.select({ ref: exhibitors.ref }).from(exhibitors).where(eq(exhibitors.eventId, eventId))).map((r) => r.ref),
  );
  let n = [...refs].filter((r) => r.startsWith("WEB-")).length + 1;
  while (refs.has(`WEB-${n}`)) n++;
  return `WEB-${n}`;
}

const valuesOf = (input: ApplicationCreateInput) => ({
  name: input.organization,
  organization: input.organization,
  organizationKey: organizationKey(input.organization),
  organizationKana: input.organizationKana ?? null,
  contactName: input.contactName,
  email: input.email,
  cluster: input.cluster ?? "",
  field: input.field,
  size: input.boothSize,
  preferences: input.preferences ?? [],
  competitorNames: input.competitors ?? [],
  note: input.note || null,
  locale: input.locale ?? "ja",
});

export type ApplicationCreated = { id: string; status: "applied"; manageToken: string; manageUrl: string };

/**
 * Takes an application while the fair's call is open: one per organisation, a private link
 * (stored hashed, and sealed for the e-mail), the received mail in the same transaction.
 */
export async function applyToExhibit(
  { db, clock, sealer, config }: Deps,
  {
    eventId,
    input,
    idempotencyKey,
    address,
  }: {
    eventId: string;
    input: ApplicationCreateInput;
    idempotencyKey?: string;
    /** The caller's network address, for the limit applications share with registrations (RATE_LIMITS). */
    address: string;
  },
): Promise<ApplicationCreated> {
  // The same limit whichever door the request came through (the API or the form).
  await throttleRegistration({ db, clock, config, sealer }, { address, emailKey: emailKey(input.email) });
  const now = clock.now();
  const token = newToken();
  const [hash, sealed] = await Promise.all([sha256Hex(token), sealer.seal(token)]);
  const idem = idempotencyKey
    ? { key: idempotencyKey, scope: `POST /api/events/${eventId}/exhibitor-applications`, body: input }
    : undefined;
  try {
    return await db.transaction(
      async (tx) =>
        (
          await once<ApplicationCreated>(tx, sealer, idem, async () => {
            const event = await fairForApplicants(tx, eventId);
            const closed = exhibitorCallClosed(event, now);
            if (closed) throw closed;
            await checkAgainstFair(tx, event, input);
            const values = valuesOf(input);
            await assertOrganizationFree(tx, eventId, values.organizationKey);
            const [row] = await tx
              .insert(exhibitors)
              .values({
                eventId,
                ref: await nextApplicationRef(tx, eventId),
                source: "application",
                ...values,
                manageTokenHash: hash,
                manageTokenSealed: sealed,
                createdAt: now,
              })
              .returning();
            await enqueueExhibitorMail(tx, config, { kind: "received", exhibitor: row!, now });
            // The log says what happened, not who applied.
            await audit(
              tx,
              { actor: { kind: "anonymous" }, now },
              { action: "exhibitor.apply", entity: "exhibitor", entityId: row!.id, after: { ref: row!.ref, size: row!.size } },
            );
            return { id: row!.id, status: "applied", manageToken: token, manageUrl: applicationUrl(config.PUBLIC_URL, token) };
          })
        ).result,
    );
  } catch (e) {
    // Two applications of one organisation raced past the check; the unique index stopped the second.
    if (isUniqueViolation(e)) throw alreadyApplied();
    throw e;
  }
}

/** The application a private token opens, and nothing else: a wrong, purged or import row's token is not found. */
async function applicationByToken(db: Db, token: string): Promise<ExhibitorRow> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFound("application");
  const [row] = await db
    .select()
    .from(exhibitors)
    .where(and(eq(exhibitors.manageTokenHash, await sha256Hex(token)), eq(exhibitors.source, "application")));
  if (!row || row.purgedAt) throw new NotFound("application");
  return row;
}

/** What the applicant sees: their answers, the organisers' decision, and the booth once it is published. */
export async function getApplication({ db, clock, config }: Pick<Deps, "db" | "clock" | "config">, { token }: { token: string }) {
  const row = await applicationByToken(db, token);
  const [[event], [settings], [assignment]] = await Promise.all([
    db.select().from(events).where(eq(events.id, row.eventId)),
    db.select().from(allocationSettings).where(eq(allocationSettings.eventId, row.eventId)),
    db
      .select({ code: booths.code })
      .from(boothAssignments)
      .innerJoin(booths, eq(booths.id, boothAssignments.boothId))
      .where(eq(boothAssignments.exhibitorId, row.id)),
  ]);
  const published = !!settings?.publishedAt;
  const booth = published && !row.withdrawnAt && !row.declinedAt ? (assignment?.code ?? null) : null;
  const status = row.withdrawnAt
    ? "withdrawn"
    : row.declinedAt
      ? "declined"
      : published
        ? booth
          ? "assigned"
          : "unassigned"
        : row.acceptedAt
          ? "accepted"
          : "applied";
  return {
    row,
    event: event!,
    view: {
      id: row.id,
      eventId: row.eventId,
      status: status as "applied" | "accepted" | "declined" | "withdrawn" | "assigned" | "unassigned",
      organization: row.organization,
      organizationKana: row.organizationKana,
      contactName: row.contactName ?? "",
      email: row.email ?? "",
      cluster: row.cluster || null,
      field: row.field,
      boothSize: row.size,
      preferences: row.preferences,
      competitors: row.competitorNames,
      note: row.note,
      locale: (row.locale === "en" ? "en" : "ja") as "ja" | "en",
      declineReason: row.declinedAt ? row.declineReason : null,
      booth,
      callOpen: !row.withdrawnAt && !row.declinedAt && exhibitorCallOpen(event!, clock.now()),
      createdAt: toTokyoIso(row.createdAt),
      updatedAt: row.updatedAt ? toTokyoIso(row.updatedAt) : null,
      manageUrl: applicationUrl(config.PUBLIC_URL, token),
    },
  };
}

export type ApplicationView = Awaited<ReturnType<typeof getApplication>>["view"];

/**
 * The applicant changes their answers while the call is open (not once declined or withdrawn).
 * A new booth size gives up a booth of the old size.
 */
export async function updateApplication(ctx: Deps, { token, input }: { token: string; input: ApplicationPatchInput }) {
  const { db, clock } = ctx;
  const found = await applicationByToken(db, token);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const event = await fairForApplicants(tx, found.eventId);
    const [row] = await tx.select().from(exhibitors).where(eq(exhibitors.id, found.id));
    if (!row || row.withdrawnAt)
      throw new Conflict("exhibitor-application-withdrawn", "This application has been withdrawn.", "Application withdrawn");
    if (row.declinedAt)
      throw new Conflict("exhibitor-application-declined", "This application has been declined.", "Application declined");
    const closed = exhibitorCallClosed(event, now);
    if (closed) throw closed;
    await checkAgainstFair(tx, event, input);
    const next = valuesOf({
      organization: input.organization ?? row.organization,
      organizationKana: input.organizationKana === undefined ? row.organizationKana : input.organizationKana,
      contactName: input.contactName ?? row.contactName ?? "",
      email: input.email ?? row.email ?? "",
      cluster: input.cluster === undefined ? row.cluster || null : input.cluster,
      field: input.field ?? row.field,
      boothSize: input.boothSize ?? row.size,
      preferences: input.preferences ?? row.preferences,
      competitors: input.competitors ?? row.competitorNames,
      note: input.note === undefined ? row.note : input.note,
      locale: input.locale ?? (row.locale === "en" ? "en" : "ja"),
    });
    if (next.organizationKey !== row.organizationKey) await assertOrganizationFree(tx, row.eventId, next.organizationKey, row.id);
    await tx
      .update(exhibitors)
      .set({ ...next, updatedAt: now })
      .where(eq(exhibitors.id, row.id));
    if (next.size !== row.size) await tx.delete(boothAssignments).where(eq(boothAssignments.exhibitorId, row.id));
    await audit(
      tx,
      { actor: { kind: "anonymous" }, now },
      {
        action: "exhibitor.application.update",
        entity: "exhibitor",
        entityId: row.id,
        before: { size: row.size, preferences: row.preferences },
        after: { size: next.size, preferences: next.preferences, changed: Object.keys(input) },
      },
    );
  });
  return getApplication(ctx, { token });
}

/** Withdraws an application (at any time; twice is harmless): it leaves the list the allocator works on, and its booth. */
export async function withdrawApplication(ctx: Deps, { token }: { token: string }) {
  const { db, clock } = ctx;
  const found = await applicationByToken(db, token);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await lockEvent(tx, found.eventId);
    const [row] = await tx.select().from(exhibitors).where(eq(exhibitors.id, found.id));
    if (!row || row.withdrawnAt) return;
    await tx.delete(boothAssignments).where(eq(boothAssignments.exhibitorId, row.id));
    await tx.update(exhibitors).set({ withdrawnAt: now, updatedAt: now }).where(eq(exhibitors.id, row.id));
    await audit(
      tx,
      { actor: { kind: "anonymous" }, now },
      { action: "exhibitor.application.withdraw", entity: "exhibitor", entityId: row.id, after: { ref: row.ref } },
    );
  });
  return getApplication(ctx, { token });
}
