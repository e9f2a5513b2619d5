/**
 * The PostgreSQL driver after a connection dies, with the repair in patches/postgres+3.4.9.patch
 * (applied by `npm install`). postgres.js 3.4.9 left a connection unusable after its socket closed
 * with a write still buffered: every later connect on it sent nothing and ended in CONNECT_TIMEOUT,
 * which is how the server once took over 15 s to be ready again after terminated backends. A
 * transaction whose connection closed also went on running its later statements, outside any
 * transaction, on whichever backend the connection reached next.
 * Runs against DATABASE_URL's server, or 127.0.0.1:5432 when it answers; skipped otherwise.
 */
import { connect, type Socket } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../db/scratch.ts";
import { postgresAnswers, sleep } from "./support/faults.ts";

const SERVER =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : "postgres://postgres@127.0.0.1:5432/test";
const reachable = await postgresAnswers(SERVER);
if (!reachable) console.warn(`test/postgres-driver.test.ts: skipped, no PostgreSQL answers at ${new URL(SERVER).host}.`);

let scratch: { url: string; drop: () => Promise<void> };

describe.skipIf(!reachable)("postgres.js after a connection dies", () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase(SERVER, "driver");
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it("a connection closed with a write still buffered connects again and answers", async () => {
    const url = new URL(scratch.url);
    let socket: Socket | undefined;
    // `socket` (a function returning the socket to use) is in postgres.js's README, not its types.
    const sql = postgres(scratch.url, {
      max: 1,
      connect_timeout: 3,
      onnotice: () => {},
      socket: () => (socket = connect(Number(url.port || 5432), url.hostname)),
    } as postgres.Options<{}>);
    try {
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
      // A small query's bytes wait for the next turn of the event loop. The socket closes in this
      // turn (as a reset read in the same poll does): the driver's close handler runs first.
      const lost = sql`select 2 as two`.execute().catch((e: { code?: string }) => e.code);
      for (let i = 0; i < 5; i++) await Promise.resolve(); // the query is handed to the connection
      socket!.destroy();
      socket!.emit("close", false);
      expect(await lost).toBe("CONNECTION_CLOSED");
      // Unpatched, this waited for the 3 s connect timeout and failed with CONNECT_TIMEOUT.
      expect(await sql`select 3 as three`).toEqual([{ three: 3 }]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it("queries waiting for a connection are not overtaken by later ones", async () => {
    const url = new URL(scratch.url);
    let sockets = 0;
    // Two connections; the second takes half a second to connect.
    const sql = postgres(scratch.url, {
      max: 2,
      onnotice: () => {},
      socket: async () => {
        if (++sockets === 2) await sleep(500);
        return connect(Number(url.port || 5432), url.hostname);
      },
    } as postgres.Options<{}>);
    try {
      const done: string[] = [];
      const q = (name: string) => sql`select ${name}::text as name`.then(() => void done.push(name));
      // q1 and q2 open the two connections; q3–q6 wait for one. The first to open takes its share.
      const first = [q("q1"), q("q2"), q("q3"), q("q4"), q("q5"), q("q6")];
      await first[0];
      // Arriving now, q7 goes behind q5 and q6. Unpatched, it was sent at once on the open
      // connection while they waited for the slow one (or, under load, for the load to end).
      await Promise.all([...first, q("q7")]);
      expect(done.indexOf("q7")).toBeGreaterThan(done.indexOf("q5"));
      expect(done.indexOf("q7")).toBeGreaterThan(done.indexOf("q6"));
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it("a transaction whose backend was terminated writes nothing more, on any backend", async () => {
    const admin = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {}, connection: { application_name: "driver-test" } });
    try {
      await admin`create table driver_rows (n int)`;
      let goOn!: () => void;
      const gate = new Promise<void>((r) => (goOn = r));
      let inserted!: () => void;
      const first = new Promise<void>((r) => (inserted = r));
      let late: unknown = "not reached";
      const tx = sql
        .begin(async (t) => {
          await t`insert into driver_rows values (1)`;
          inserted();
          await gate;
          // The code inside a transaction callback goes on after its connection is gone.
          late = await t`insert into driver_rows values (2)`.then(
            () => "inserted",
            (e: { code?: string }) => e.code,
          );
        })
        .catch((e: { code?: string }) => e.code ?? String(e));
      await first;
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'driver-test'`;
      expect(await tx).toMatch(/^(CONNECTION_CLOSED|57P01)$/); // the transaction failed, as the connection closed
      // The pool's one connection is reconnected and in use by someone else's work.
      expect(await sql`select 4 as four`).toEqual([{ four: 4 }]);
      goOn();
      for (let i = 0; i < 50 && late === "not reached"; i++) await sleep(10);
      expect(late).toBe("CONNECTION_CLOSED");
      expect(await admin`select n from driver_rows`).toEqual([]);
      // And the connection still serves queries and transactions afterwards.
      await sql.begin((t) => t`insert into driver_rows values (3)`);
      expect(await admin`select n from driver_rows`).toEqual([{ n: 3 }]);
    } finally {
      await sql.end({ timeout: 1 });
      await admin.end({ timeout: 1 });
    }
  });
});
