/**
 * Fault suite, embedded database: `npm start` spawned on PGlite in a temp folder. Health endpoints,
 * a body over the limit sent by Node's fetch (never a reset), and SIGTERM to the npm process during
 * a burst: requests in flight answered, the server gone, every acknowledged registration there
 * after a restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FaultTable, createEvent, freePort, register, registeredEmails, sleep, spawnServer, untilRefused, type Spawned } from "./support/faults.ts";

const dir = mkdtempSync(join(tmpdir(), "ce-faults-"));
const table = new FaultTable();
const spawned: Spawned[] = [];

afterAll(async () => {
  for (const s of spawned) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill("SIGKILL");
      await s.exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  table.print("fault table (PGlite)");
});

describe("the embedded server under faults", () => {
  it("8, 7, 4: health, 413 without resets, and SIGTERM to `npm start` during a burst", async () => {
    const port = await freePort();
    const s = spawnServer(port, { DATABASE_URL: "", DATA_DIR: dir }, { viaNpm: true });
    spawned.push(s);
    expect(await s.waitFor("listening", 90_000), s.output()).toBe(true);

    // 8: health
    const healthz = await fetch(`${s.base}/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toEqual({ status: "ok" });
    const readyz = await fetch(`${s.base}/readyz`);
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toEqual({ status: "ready" });

    // 7: 100 KiB bodies from Node's fetch, which does not wait for 100-continue: a 413 each time.
    const big = JSON.stringify({ name: "x".repeat(100 * 1024) });
    const eventId = await createEvent(s.base);
    const tooLarge: { status: string }[] = [];
    for (let i = 0; i < 30; i++) {
      try {
        const res = await fetch(`${s.base}/api/events/${eventId}/registrations`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: big,
        });
        const body = (await res.json()) as { type: string; status: number };
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(body.type).toBe("/problems/body-too-large");
        tooLarge.push({ status: String(res.status) });
      } catch (e) {
        tooLarge.push({ status: (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name });
      }
    }
    expect(tooLarge.map((r) => r.status)).toEqual(Array(30).fill("413"));
    table.add("7 100 KiB body, Node fetch", tooLarge, 0, 0);

    // 4: SIGTERM to npm (not to node) while registrations are in flight.
    const before = await Promise.all(Array.from({ length: 5 }, () => register(s.base, eventId)));
    const burst = Promise.all(Array.from({ length: 30 }, () => register(s.base, eventId)));
    await sleep(50);
    s.child.kill("SIGTERM");
    expect(await untilRefused(s.base, 10_000)).toBe(true);
    const late = await Promise.all(Array.from({ length: 3 }, () => register(s.base, eventId, { timeoutMs: 10_000 })));
    const results = [...before, ...(await burst)];
    const all = [...results, ...late];
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain("SIGTERM: shutting down");
    expect(s.output()).toContain("stopped");
    // Nothing listens any more: npm passed the signal to the one node process.
    const after = await fetch(`${s.base}/healthz`).then(
      (r) => String(r.status),
      (e: { cause?: { code?: string } }) => e.cause?.code ?? "error",
    );
    expect(after).toBe("ECONNREFUSED");
    // Each request was answered, or (sent after the listener closed) refused: never reset.
    for (const r of results) expect(["201", "ECONNREFUSED"], `${r.text} ${results.map((x) => x.status).join(",")}\n${s.output()}`).toContain(r.status);
    expect(results.filter((r) => r.status === "201").length).toBeGreaterThan(5);
    // Sent after the listener closed: refused, or served on a connection kept alive from before.
    for (const r of late) expect(["201", "ECONNREFUSED"]).toContain(r.status);

    // A restart on the same folder has every acknowledged registration.
    const again = spawnServer(await freePort(), { DATABASE_URL: "", DATA_DIR: dir });
    spawned.push(again);
    expect(await again.waitFor("listening", 90_000), again.output()).toBe(true);
    const present = await registeredEmails(again.base, eventId);
    const acked = all.filter((r) => r.status === "201");
    for (const r of acked) expect(present.has(r.email), r.email).toBe(true);
    table.add("4 SIGTERM to npm mid-burst (35 sent before, 3 after)", all, acked.length, acked.filter((r) => present.has(r.email)).length);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 240_000);
});
