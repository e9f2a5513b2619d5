import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";
import { actorLabel } from "../auth/scope.ts";
import type { Ctx, Who } from "../deps.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { toTokyoIso } from "../../lib/time.ts";

export type { Who };

/** Secrets never go into the log. */
const SECRET_KEYS = new Set(["passwordHash", "manageTokenHash", "manageTokenSealed", "tokenHash", "sealedToken", "csrfToken"]);

function scrub(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(scrub);
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (!SECRET_KEYS.has(k)) out[k] = scrub(x);
    return out;
  }
  return v;
}

/** Records a write, inside the transaction that makes it. */
export async function audit(
  tx: Db,
  who: Who,
  entry: { action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
) {
  await tx.insert(auditLog).values({
    at: who.now,
    ...actorLabel(who.actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before) as never,
    after: scrub(entry.after) as never,
    requestId: who.requestId ?? null,
  });
}

export type AuditQuery = {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  since?: string;
  until?: string;
  cursor?: string;
  limit: number;
};

export async function listAudit({ db }: Pick<Ctx, "db">, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actor) where.push(eq(auditLog.actorId, q.actor));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.since) where.push(gte(auditLog.at, new Date(q.since)));
  if (q.until) where.push(lte(auditLog.at, new Date(q.until)));
  if (q.cursor) {
    const { at, id } = decodeCursor(q.cursor);
    where.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)))!);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, at: toTokyoIso(r.at) })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
