import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { apiTokens, organisers, passwordLinks, sessions } from "../../db/schema/index.ts";
import type { Actor, AppDeps, Ctx } from "../deps.ts";
import { audit, type Who } from "../audit/service.ts";
import { Conflict, Forbidden, NotFound, Unauthorized, ValidationFailed } from "../errors.ts";
import { loginGate } from "../lib/rate-limit.ts";
import { emailKey } from "../lib/text.ts";
import { toTokyoIso } from "../../lib/time.ts";
import { newToken, sha256Hex, TOKEN_PATTERN } from "../lib/tokens.ts";
import { enqueuePasswordLink } from "../mail/password-link-mail.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import type { OrganiserCreateInput, OrganiserPatchInput } from "./schemas.ts";

const SESSION_TTL_MS = 12 * 3_600_000;
const PASSWORD_LINK_TTL_MS = 72 * 3_600_000;
/** API tokens carry a recognisable prefix, so leaked ones can be found by secret scanners. */
const API_TOKEN_PREFIX = "cet_";

type OrganiserRow = typeof organisers.$inferSelect;

export function toOrganiserDto(o: OrganiserRow) {
  return {
    id: o.id,
    email: o.email,
    name: o.name,
    role: o.role,
    scopes: o.scopes,
    hasPassword: o.passwordHash !== null,
    disabled: o.disabledAt !== null,
    createdAt: toTokyoIso(o.createdAt),
  };
}

function actorFor(o: OrganiserRow, via: "session" | "api-token"): Actor {
  return o.role === "admin"
    ? { kind: "admin", id: o.id, label: o.email, via }
    : { kind: "organiser", id: o.id, label: o.email, scopes: o.scopes, via };
}

/** Ends every unused password link of an account (a new one was issued, or one was used). */
async function revokePasswordLinks(tx: Db, organiserId: string, now: Date) {
  await tx
    .update(passwordLinks)
    .set({ expiresAt: now })
    .where(and(eq(passwordLinks.organiserId, organiserId), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now)));
}

/** Ends every session and API token of an account: "log out everywhere", disabling, a new password. */
async function endAllCredentials(tx: Db, organiserId: string, now: Date) {
  await tx.delete(sessions).where(eq(sessions.organiserId, organiserId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.organiserId, organiserId), isNull(apiTokens.revokedAt)));
}

async function issuePasswordLink(tx: Db, deps: Pick<AppDeps, "config" | "sealer">, o: OrganiserRow, now: Date, locale: "ja" | "en") {
  // Only the newest link works: an older one, perhaps in a mailbox someone else reads, is void.
  await revokePasswordLinks(tx, o.id, now);
  const token = newToken();
  await tx.insert(passwordLinks).values({
    organiserId: o.id,
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(now.getTime() + PASSWORD_LINK_TTL_MS),
  });
  await enqueuePasswordLink(tx, deps, { organiser: o, token, tokenHash: await sha256Hex(token), locale, now });
}

export async function createOrganiser(ctx: Pick<Ctx, "db" | "config" | "sealer" | "who">, input: OrganiserCreateInput) {
  const { who } = ctx;
  return ctx.db.transaction(async (tx) => {
    const key = emailKey(input.email);
    const [dup] = await tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.emailKey, key));
    if (dup) throw new Conflict("organiser-exists", "An organiser with this e-mail address already exists.");
    const [o] = await tx
      .insert(organisers)
      .values({
        email: input.email,
        emailKey: key,
        name: input.name,
        role: input.role,
        scopes: { blocks: input.scopes.blocks, events: input.scopes.events },
        passwordHash: input.password ? await hashPassword(input.password) : null,
        createdAt: who.now,
        updatedAt: who.now,
      })
      .returning();
    if (!input.password) await issuePasswordLink(tx, ctx, o!, who.now, input.locale ?? "ja");
    await audit(tx, who, { action: "organiser.create", entity: "organiser", entityId: o!.id, after: o });
    return o!;
  });
}

export async function listOrganisers({ db }: Pick<Ctx, "db">) {
  return db.select().from(organisers).orderBy(asc(organisers.createdAt));
}

export async function updateOrganiser({ db, who }: Pick<Ctx, "db" | "who">, { id, input }: { id: string; input: OrganiserPatchInput }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisers).where(eq(organisers.id, id)).for("update");
    if (!before) throw new NotFound("organiser");
    const [after] = await tx
      .update(organisers)
      .set({
        name: input.name ?? before.name,
        role: input.role ?? before.role,
        scopes: input.scopes ? { blocks: input.scopes.blocks, events: input.scopes.events } : before.scopes,
        disabledAt: input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? who.now) : null,
        updatedAt: who.now,
      })
      .where(eq(organisers.id, id))
      .returning();
    // Disabling, or a change of role or scope, ends the organiser's sessions.
    if (input.disabled || input.role || input.scopes) await tx.delete(sessions).where(eq(sessions.organiserId, id));
    if (input.disabled) await endAllCredentials(tx, id, who.now);
    await audit(tx, who, {
      action: input.disabled ? "organiser.disable" : "organiser.update",
      entity: "organiser",
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

/**
 * Logs in: a new session (a fresh id at every login), or 401 without saying which part was wrong.
 * Failures are counted (per address, per account) and an address that keeps failing is refused
 * before its password is looked at; see loginGate.
 */
export async function login(
  ctx: Pick<Ctx, "db" | "config" | "who" | "sealer">,
  input: { email: string; password: string; address: string },
) {
  const { db, who } = ctx;
  const key = emailKey(input.email);
  const gate = await loginGate(
    { db, sealer: ctx.sealer, config: ctx.config, clock: { now: () => who.now } },
    { address: input.address, emailKey: key },
  );
  const [o] = await db.select().from(organisers).where(eq(organisers.emailKey, key));
  const ok = await verifyPassword(input.password, o?.passwordHash ?? null);
  if (!o || !ok || o.disabledAt) {
    await gate.failed();
    throw new Unauthorized("The e-mail address or password is not right.");
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(who.now.getTime() + SESSION_TTL_MS);
  await db.transaction(async (tx) => {
    await tx
      .insert(sessions)
      .values({ organiserId: o.id, tokenHash: await sha256Hex(token), csrfToken, createdAt: who.now, expiresAt });
    await audit(tx, { ...who, actor: actorFor(o, "session") }, { action: "auth.login", entity: "organiser", entityId: o.id });
  });
  return { token, csrfToken, expiresAt, organiser: o };
}

export async function logout(db: Db, sessionToken: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, await sha256Hex(sessionToken)));
}

/** The account behind a session or API token; ADMIN_TOKEN has none, so nothing to end. */
function ownAccount(who: Who): string {
  if (who.actor.kind === "anonymous") throw new Unauthorized();
  if (who.actor.via === "admin-token") {
    throw new ValidationFailed([
      { field: "actor", code: "invalid", message: "ADMIN_TOKEN belongs to no account; log in as an organiser or administrator" },
    ]);
  }
  return who.actor.id;
}

/** "Log out everywhere": every session and API token of the caller's account ends, this one included. */
export async function logoutEverywhere({ db, who }: Pick<Ctx, "db" | "who">) {
  const organiserId = ownAccount(who);
  await db.transaction(async (tx) => {
    await endAllCredentials(tx, organiserId, who.now);
    await audit(tx, who, { action: "auth.logout-all", entity: "organiser", entityId: organiserId });
  });
}

export async function actorFromSession(db: Db, token: string, now: Date) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ s: sessions, o: organisers })
    .from(sessions)
    .innerJoin(organisers, eq(organisers.id, sessions.organiserId))
    .where(and(eq(sessions.tokenHash, await sha256Hex(token)), gt(sessions.expiresAt, now), isNull(organisers.disabledAt)));
  if (!row) return null;
  return { actor: actorFor(row.o, "session"), session: { id: row.s.id, csrfToken: row.s.csrfToken } };
}

export async function actorFromApiToken(db: Db, token: string, now: Date) {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ t: apiTokens, o: organisers })
    .from(apiTokens)
    .innerJoin(organisers, eq(organisers.id, apiTokens.organiserId))
    .where(
      and(
        eq(apiTokens.tokenHash, await sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        isNull(organisers.disabledAt),
      ),
    );
  if (!row) return null;
  // Last use to the minute is enough, and spares a write per request.
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  }
  return actorFor(row.o, "api-token");
}

export async function setPasswordWithLink({ db, who }: Pick<Ctx, "db" | "who">, { token, password }: { token: string; password: string }) {
  if (!TOKEN_PATTERN.test(token)) throw new NotFound("password link");
  await db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(passwordLinks)
      .where(
        and(
          eq(passwordLinks.tokenHash, await sha256Hex(token)),
          isNull(passwordLinks.usedAt),
          gt(passwordLinks.expiresAt, who.now),
        ),
      )
      .for("update");
    if (!link) throw new NotFound("password link", "This link is unknown, used or expired; ask an administrator for a new one.");
    await tx.update(passwordLinks).set({ usedAt: who.now }).where(eq(passwordLinks.id, link.id));
    await revokePasswordLinks(tx, link.organiserId, who.now);
    await tx
      .update(organisers)
      .set({ passwordHash: await hashPassword(password), updatedAt: who.now })
      .where(eq(organisers.id, link.organiserId));
    await tx.delete(sessions).where(eq(sessions.organiserId, link.organiserId));
    await audit(tx, who, { action: "organiser.set-password", entity: "organiser", entityId: link.organiserId });
  });
}

export async function createApiToken({ db, who }: Pick<Ctx, "db" | "who">, input: { name: string; expiresAt?: string }) {
  if (who.actor.kind === "anonymous" || who.actor.via === "admin-token") {
    throw new ValidationFailed([
      { field: "actor", code: "invalid", message: "API tokens belong to an organiser account; log in as one" },
    ]);
  }
  // A leaked token must not be able to mint others that outlive its revocation.
  if (who.actor.via !== "session") throw new Forbidden("API tokens are created from a logged-in session, not with an API token.");
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  if (expiresAt && expiresAt.getTime() <= who.now.getTime()) {
    throw new ValidationFailed([{ field: "expiresAt", code: "too_small", message: "must be in the future" }]);
  }
  const organiserId = who.actor.id;
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organiserId,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: await sha256Hex(token),
        createdAt: who.now,
        expiresAt,
      })
      .returning();
    await audit(tx, who, { action: "api-token.create", entity: "api-token", entityId: row!.id, after: row });
    return { ...toApiTokenDto(row!, who.now), token };
  });
}

function toApiTokenDto(t: typeof apiTokens.$inferSelect, now: Date) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: toTokyoIso(t.createdAt),
    lastUsedAt: t.lastUsedAt ? toTokyoIso(t.lastUsedAt) : null,
    expiresAt: t.expiresAt ? toTokyoIso(t.expiresAt) : null,
    expired: t.expiresAt !== null && t.expiresAt.getTime() <= now.getTime(),
    revoked: t.revokedAt !== null,
  };
}

/** Your own API tokens; with ADMIN_TOKEN (which has no account), everyone's. */
export async function listApiTokens({ db, who: { actor, now } }: Pick<Ctx, "db" | "who">) {
  if (actor.kind === "anonymous") return [];
  const rows = await db
    .select()
    .from(apiTokens)
    .where(actor.kind === "admin" && actor.via === "admin-token" ? undefined : eq(apiTokens.organiserId, actor.id))
    .orderBy(asc(apiTokens.createdAt));
  return rows.map((r) => toApiTokenDto(r, now));
}

export async function revokeApiToken({ db, who }: Pick<Ctx, "db" | "who">, { id }: { id: string }) {
  await db.transaction(async (tx) => {
    const [t] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
    // Only the owner or an administrator; anyone else is told it does not exist.
    if (!t || (who.actor.kind !== "admin" && (who.actor.kind === "anonymous" || t.organiserId !== who.actor.id)))
      throw new NotFound("API token");
    if (t.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: who.now }).where(eq(apiTokens.id, id));
    await audit(tx, who, { action: "api-token.revoke", entity: "api-token", entityId: id, before: t });
  });
}

export async function resendPasswordLink(ctx: Pick<Ctx, "db" | "config" | "sealer" | "who">, { id }: { id: string }) {
  const { who } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(organisers).where(eq(organisers.id, id));
    if (!o) throw new NotFound("organiser");
    await issuePasswordLink(tx, ctx, o, who.now, "ja");
    await audit(tx, who, { action: "organiser.password-link", entity: "organiser", entityId: id });
  });
}
