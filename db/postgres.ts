import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database, Db } from "./client.ts";

/** Seconds a connection attempt may take, up to the server's ReadyForQuery. */
export const CONNECT_TIMEOUT_S = 5;

export type PostgresOptions = {
  max?: number;
  onWorker?: boolean;
  /** statement_timeout and idle_in_transaction_session_timeout sent at connect (not on a Worker). */
  statementTimeoutMs?: number;
};

/**
 * A PostgreSQL server through postgres.js. On Workers (onWorker), open one per request or cron
 * invocation and never end it there: Hyperdrive pools the server connections, and workerd closes
 * the sockets when the invocation is over.
 *
 * On Node the handle can `abandon()` its connections: a request that gave up on a silent server
 * must not leave a statement queued on a socket that could still reach the server (and commit)
 * later, so every connection is dropped and the next query opens a fresh one.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Database & { abandon(): void } {
  const connect = () => {
    const client = postgres(url, {
      // A Worker invocation may hold 6 sockets at once; Cloudflare's guidance for Hyperdrive is 5.
      max: options.max ?? (options.onWorker ? 5 : 10),
      onnotice: () => {},
      // postgres.js waits forever by default; this bounds the TCP connect and the start-up exchange.
      connect_timeout: CONNECT_TIMEOUT_S,
      // postgres.js waits up to 20 s before reopening a connection after repeated failures, and
      // the queries queued on it wait too: at most 1 s, so that a database back is used at once.
      backoff: (retries: number) => Math.min(0.1 * retries, 1),
      // No array-typed columns to decode, so skip the type lookup on connect. Prepared statements
      // stay on: Hyperdrive supports them and needs them for its query cache.
      fetch_types: false,
      connection: {
        application_name: "cluster-events",
        // The server cancels a statement, and rolls back a transaction left idle, after this long:
        // a write the client stopped waiting for is never committed later.
        ...(options.statementTimeoutMs && !options.onWorker
          ? {
              statement_timeout: options.statementTimeoutMs,
              idle_in_transaction_session_timeout: options.statementTimeoutMs,
            }
          : {}),
      },
    });
    drizzle(client); // sets drizzle's parsers on this client's options, as it did on the first one
    return client;
  };
  let current = connect();
  // drizzle keeps the client it was given: hand it a stand-in that always reaches the current one.
  const stable = new Proxy(current, {
    get: (_target, prop) => Reflect.get(current, prop, current),
    apply: (_target, thisArg, args) => Reflect.apply(current as never, thisArg, args),
  });
  const db = drizzle(stable) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: "postgres",
    abandon: () => {
      if (closed || options.onWorker) return;
      const old = current;
      current = connect();
      void old.end({ timeout: 0 }).catch(() => {});
    },
    close: async () => {
      closed = true;
      if (!options.onWorker) await current.end({ timeout: 5 });
    },
  };
}
