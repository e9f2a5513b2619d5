import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { settings } from "../../db/schema/index.ts";
import { createSealer, newToken, type Sealer } from "./tokens.ts";

/**
 * The key that seals tokens which must be shown again (manage links, feed links). SECRET_KEY when
 * configured; otherwise one generated at first start and kept in the database, so the embedded
 * default needs no set-up. Production deployments should set SECRET_KEY.
 */
/** Printed at start-up when SECRET_KEY is unset: what it means and how to set it. */
export const SECRET_KEY_WARNING =
  "warning: SECRET_KEY is not set. Manage and feed links are sealed with a key generated at first start and kept in " +
  "the database (settings.secret_key): fine on one machine for trying it out, not for production, where anyone with " +
  "a copy of the database also has the key. Set SECRET_KEY to 32 or more random characters before the first " +
  "production start, e.g. SECRET_KEY=$(openssl rand -base64 32) in the environment (on Workers: " +
  "npx wrangler secret put SECRET_KEY). Links sealed with the generated key stop opening once the key changes.";

export async function resolveSealer(db: Db, configured: string | undefined): Promise<Sealer> {
  if (configured) return createSealer(configured);
  await db.insert(settings).values({ key: "secret_key", value: newToken() }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, "secret_key"));
  return createSealer(row!.value);
}
