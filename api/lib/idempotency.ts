import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import { Unprocessable, ValidationFailed } from "../errors.ts";
import { sha256Hex, type Sealer } from "./tokens.ts";

export type IdempotencyRequest = { key: string; scope: string; body: unknown };

/**
 * 16–255 visible ASCII characters: long enough not to collide by chance with someone else's
 * retry (a UUID, 36, is the recommended form), short enough to index.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7E]{16,255}$/;

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationFailed([
      {
        field: "header.Idempotency-Key",
        code: "invalid",
        message: "must be 16–255 visible ASCII characters (a UUID is recommended)",
      },
    ]);
  }
  return key;
}

/**
 * Runs `work` at most once per (scope, key) inside the caller's transaction. A retry with the
 * same body gets the first result back; another body is a 422. A concurrent retry waits on the
 * unique index until the first commits, then replays it. Results are sealed: they hold tokens.
 */
export async function once<T>(
  tx: Db,
  sealer: Sealer,
  req: IdempotencyRequest | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!req) return { result: await work(), replayed: false };
  const requestHash = await sha256Hex(JSON.stringify(req.body));
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ key: req.key, scope: req.scope, requestHash, status: 0, sealedBody: "" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.scope, req.scope), eq(idempotencyKeys.key, req.key));
  if (claimed.length === 0) {
    const [prior] = await tx.select().from(idempotencyKeys).where(where);
    if (!prior || prior.requestHash !== requestHash) {
      throw new Unprocessable(
        "idempotency-key-reused",
        "This Idempotency-Key was already used with a different request body.",
        "Idempotency-Key reused",
      );
    }
    return { result: JSON.parse(await sealer.open(prior.sealedBody)) as T, replayed: true };
  }
  const result = await work();
  await tx
    .update(idempotencyKeys)
    .set({ status: 1, sealedBody: await sealer.seal(JSON.stringify(result)) })
    .where(where);
  return { result, replayed: false };
}
