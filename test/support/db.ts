import type { Database } from "../../db/client.ts";
import { openDatabase } from "../../db/open.ts";
import { createScratchDatabase } from "../../db/scratch.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when
 * DATABASE_URL names a PostgreSQL server, a new database created on it and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const server = process.env.DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//.test(server)) {
    const scratch = await createScratchDatabase(server, "t");
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
    return {
      ...database,
      url: scratch.url,
      close: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  }
  return openDatabase({ databaseUrl: "memory://", dataDir: "" });
}
