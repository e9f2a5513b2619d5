import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { settings } from "../../db/schema/index.ts";
import { createSealer, newToken, type Sealer } from "./tokens.ts";

/**
 * The key that seals tokens which must be shown again (manage links, feed links). SECRET_KEY when
 * configured; otherwise one generated at first start and kept in the database, so the embedded
 * default needs no set-up. Production deployments should set SECRET_KEY.
 */
export async function resolveSealer(db: Db, configured: string | undefined): Promise<Sealer> {
  if (configured) return createSealer(configured);
  await db.insert(settings).values({ key: "secret_key", value: newToken() }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, "secret_key"));
  return createSealer(row!.value);
}
