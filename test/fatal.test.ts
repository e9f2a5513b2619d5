/**
 * The process-level guards of the Node entry: which database errors are faults (503) and which
 * end the process, the postgres.js `reading 'write'` trap survived, and the watchdog that ends a
 * process whose main thread is stuck (PGlite spinning after a PANIC).
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { dbFault, dbFaultProblem } from "../api/lib/db-fault.ts";
import { isPostgresWriteTrap } from "../api/node-runtime/fatal.ts";
import { isEngineFailure } from "../db/pglite.ts";
import { ROOT } from "./support/faults.ts";

function run(code: string, ms = 30_000): Promise<{ code: number | null; signal: string | null; out: string; took: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, took: Date.now() - t0 });
    }),
  );
}

describe("database faults", () => {
  it("classifies connection errors and SQLSTATEs as unavailable, disk full as storage-full, the rest as not a fault", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "57P01", "57P03", "53300", "08006", "57014"]) {
      expect(dbFault({ code }), code).toBe("unavailable");
      expect(dbFault(new Error("wrapped", { cause: { code } })), code).toBe("unavailable");
    }
    expect(dbFault({ code: "53100", message: 'could not extend file "base/5/16385": No space left on device' })).toBe("storage-full");
    expect(dbFault({ code: "ENOSPC" })).toBe("storage-full");
    for (const code of ["23505", "22P02", "40001", undefined]) expect(dbFault({ code }), String(code)).toBeUndefined();
    const p = dbFaultProblem({ code: "57P01" })!;
    expect([p.status, p.slug, Number(p.headers?.["Retry-After"]) > 0]).toEqual([503, "database-unavailable", true]);
    expect(dbFaultProblem({ code: "53100" })!.slug).toBe("storage-full");
  });

  it("tells an engine failure (PANIC, WebAssembly abort) from an ordinary error", () => {
    expect(isEngineFailure({ severity: "PANIC", message: "could not write to file" })).toBe(true);
    const abort = Object.assign(new Error("Aborted(). Build with -sASSERTIONS for more info."), { name: "RuntimeError" });
    abort.stack = `RuntimeError: Aborted()\n    at abort (file:///x/node_modules/@electric-sql/pglite/dist/chunk.js:1:1)`;
    expect(isEngineFailure(abort)).toBe(true);
    expect(isEngineFailure({ severity: "ERROR", code: "53100", message: "No space left on device" })).toBe(false);
    expect(isEngineFailure(new TypeError("x is not a function"))).toBe(false);
  });
});

describe("process guards", () => {
  it("survives postgres.js's stray TypeError (reading 'write'), and exits 1 on any other uncaught error", async () => {
    const thrower = (stackFile: string) => `
      import { installFatalHandlers } from "./api/node-runtime/fatal.ts";
      installFatalHandlers({ onEngineFailure: () => process.exit(74) });
      const e = new TypeError("Cannot read properties of null (reading 'write')");
      e.stack = "TypeError: Cannot read properties of null (reading 'write')\\n    at write (${stackFile}:255:20)";
      setTimeout(() => { throw e; }, 10);
      setTimeout(() => { console.log("still here"); process.exit(0); }, 300);
    `;
    const trap = await run(thrower("/app/node_modules/postgres/src/connection.js"));
    expect(trap.code, trap.out).toBe(0);
    expect(trap.out).toContain("a database connection was reset mid-query");
    expect(trap.out).toContain("still here");
    expect(isPostgresWriteTrap(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);

    const other = await run(thrower("/app/api/somewhere.ts"));
    expect(other.code).toBe(1);
    expect(other.out).not.toContain("still here");
  });

  it("the watchdog ends a process whose main thread is stuck, within seconds, saying why", async () => {
    const r = await run(`
      import { startWatchdog } from "./api/node-runtime/fatal.ts";
      startWatchdog(1000, "the embedded database in /data/x has blocked the server for {s} s");
      setTimeout(() => { const t = Date.now(); while (Date.now() - t < 25_000) {} console.log("not killed"); }, 100);
    `);
    expect(r.signal).toBe("SIGKILL");
    expect(r.out).toMatch(/the embedded database in \/data\/x has blocked the server for \d+ s/);
    expect(r.out).not.toContain("not killed");
  });
});
