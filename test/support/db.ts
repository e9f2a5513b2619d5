import postgres from "postgres";
import type { Database } from "../../db/client.ts";
import { openDatabase } from "../../db/open.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when
 * DATABASE_URL names a PostgreSQL server, a new database created on it and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const server = process.env.DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//.test(server)) {
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
    return {
      ...database,
      url: url.toString(),
      close: async () => {
        await database.close();
        const a = postgres(server, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    };
  }
  return openDatabase({ databaseUrl: "memory://", dataDir: "" });
}
