import { Worker } from "node:worker_threads";
import { isEngineFailure } from "../../db/pglite.ts";
import { logError } from "../lib/log.ts";

/**
 * postgres.js 3.4.x can throw, outside any promise, `TypeError: Cannot read properties of null
 * (reading 'write')` when a connection is reset mid-query. patches/postgres+3.4.9.patch settles
 * such a write instead (test/postgres-driver.test.ts); should another path still throw it, the
 * query fails on its own (the request answers 503) and the stray throw must not end the process.
 */
export function isPostgresWriteTrap(err: unknown): boolean {
  return (
    err instanceof TypeError &&
    /Cannot read properties of (null|undefined) \(reading 'write'\)/.test(err.message) &&
    /[\\/]postgres[\\/]src[\\/]/.test(err.stack ?? "")
  );
}

/**
 * Process-wide handlers: the postgres.js trap is logged and survived; an embedded engine failure
 * goes to `onEngineFailure` (which stops the process); anything else is logged and ends the
 * process with 1, as Node would, so that a supervisor restarts it.
 */
export function installFatalHandlers(opts: { onEngineFailure: (err: unknown) => void }) {
  const handle = (kind: string) => (err: unknown) => {
    if (isPostgresWriteTrap(err)) {
      console.warn(`postgres.js: a database connection was reset mid-query (${(err as Error).message}); carrying on`);
      return;
    }
    if (isEngineFailure(err)) return opts.onEngineFailure(err);
    logError(`${kind}:`, err);
    process.exit(1);
  };
  process.on("uncaughtException", handle("uncaught exception"));
  process.on("unhandledRejection", handle("unhandled rejection"));
}

/**
 * A PGlite query runs on the main thread: an engine spinning after a PANIC pins the CPU and no
 * timer, request or signal handler runs again. A worker thread watches a heartbeat the main thread
 * writes every second; after `stallMs` without one it prints `message` and kills the process
 * (SIGKILL: the main thread cannot act), so that a supervisor restarts it.
 */
export function startWatchdog(stallMs: number, message: string): () => void {
  const beat = new Float64Array(new SharedArrayBuffer(8));
  beat[0] = Date.now();
  const interval = setInterval(() => (beat[0] = Date.now()), 1000);
  interval.unref();
  const worker = new Worker(
    `
    const { workerData } = require("node:worker_threads");
    const { writeSync } = require("node:fs");
    const beat = new Float64Array(workerData.buffer);
    setInterval(() => {
      const stalled = Date.now() - beat[0];
      if (stalled > workerData.stallMs) {
        writeSync(2, workerData.message.replace("{s}", String(Math.round(stalled / 1000))) + "\\n");
        process.kill(process.pid, "SIGKILL");
      }
    }, 500);
    `,
    // Plain CommonJS in the worker: none of the main thread's loaders or flags (tsx, --input-type).
    { eval: true, execArgv: [], workerData: { buffer: beat.buffer, stallMs, message } },
  );
  worker.on("error", (e) => logError("watchdog stopped:", e));
  worker.unref();
  return () => {
    clearInterval(interval);
    void worker.terminate();
  };
}
