/**
 * The embedded database runs on the main thread: between two calls to it, the event loop turns, so
 * that a burst of queries does not keep the server from reading its sockets and accepting
 * connections (db/pglite.ts, oneCallPerTurn).
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPglite } from "../db/pglite.ts";

describe("the embedded database and the event loop", () => {
  it("lets the loop turn between two calls, and keeps the calls in the order they were made", async () => {
    const database = await openPglite(undefined);
    try {
      const done: string[] = [];
      const calls = Array.from({ length: 20 }, (_, i) =>
        database.db.execute(sql`select ${i}::int as i`).then(() => void done.push(`q${i}`)),
      );
      // A transaction queued among them is one call: its own statements are not held back.
      const tx = database.db.transaction(async (t) => {
        await t.execute(sql`select 1`);
        await t.execute(sql`select 2`);
        done.push("tx");
      });
      setImmediate(() => done.push("turn"));
      await Promise.all([...calls, tx]);
      expect(done.indexOf("turn")).toBeGreaterThan(-1);
      expect(done.indexOf("turn")).toBeLessThan(done.indexOf("q19"));
      expect(done.filter((d) => d !== "turn")).toEqual([...Array.from({ length: 20 }, (_, i) => `q${i}`), "tx"]);
    } finally {
      await database.close();
    }
  });
});
