import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database, Db } from "./client.ts";

/**
 * An error after which the embedded engine cannot go on: a PostgreSQL PANIC (a WAL write that
 * failed, most often on a full disk) or the WebAssembly module aborting.
 */
export function isEngineFailure(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown; severity?: unknown; stack?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.severity === "PANIC") return true;
  if (e.name === "RuntimeError" && typeof e.stack === "string" && /pglite|wasm/i.test(e.stack)) return true;
  return typeof e.message === "string" && /^Aborted\(|\bPANIC\b/.test(e.message);
}

/**
 * Lets the event loop turn between two calls to the engine (a query, an exec, a transaction).
 * PGlite runs each call on the main thread, and the calls waiting for it are handed the engine one
 * after another within the same turn, so a burst of them kept the loop from reading sockets and
 * accepting connections (libuv accepts one per turn) for seconds: the first connections of a burst
 * of 200 waited 3–4 s (bench/README.md, registration). One call per turn gives every connection
 * its turn; the burst runs 15–20 % slower, and no request waits a second.
 * The calls were already one at a time (PGlite's own lock), so this adds no wait of its own.
 */
function oneCallPerTurn(client: PGlite) {
  let previous: Promise<unknown> = Promise.resolve();
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const inTurn =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const call = previous.then(() => f(...args));
      previous = call.then(nextTurn, nextTurn);
      return call;
    };
  client.query = inTurn(client.query.bind(client)) as typeof client.query;
  client.exec = inTurn(client.exec.bind(client)) as typeof client.exec;
  client.transaction = inTurn(client.transaction.bind(client)) as typeof client.transaction;
}

/**
 * The embedded default: PGlite in a folder, or in memory for `memory://`. Node only. `onFailure`
 * hears of an engine failure seen by any query (the process should stop; see api/node.ts).
 */
export async function openPglite(dataDir: string | undefined, opts: { onFailure?: (err: unknown) => void } = {}): Promise<Database> {
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  if (opts.onFailure) {
    const onFailure = opts.onFailure;
    const watched = <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          return await f(...args);
        } catch (e) {
          if (isEngineFailure(e)) onFailure(e);
          throw e;
        }
      };
    client.query = watched(client.query.bind(client)) as typeof client.query;
    client.exec = watched(client.exec.bind(client)) as typeof client.exec;
    client.transaction = watched(client.transaction.bind(client)) as typeof client.transaction;
  }
  oneCallPerTurn(client);
  const db = drizzle(client) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: "pglite",
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
