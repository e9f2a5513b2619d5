/**
 * Fault suite, disk full on the embedded database: `DATA_DIR` on a 64 MB tmpfs (mounted here, so
 * root only; skipped with a message elsewhere), filled until writes fail. Writes refused for lack
 * of space answer 503 /problems/storage-full while reads go on; if the engine PANICs the process
 * exits non-zero within seconds naming the folder; after space is back a restart has every
 * acknowledged registration.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FaultTable, createEvent, freePort, register, registeredEmails, sleep, spawnServer, type Spawned } from "./support/faults.ts";

const mnt = mkdtempSync(join(tmpdir(), "ce-diskfull-"));
let mounted = false;
let why = "not running as root";
if (process.getuid?.() === 0) {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt], { stdio: "pipe" });
    mounted = true;
  } catch (e) {
    why = `mount -t tmpfs failed: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
  }
}
if (!mounted) console.warn(`test/faults-disk.test.ts: skipped (${why}); it needs to mount a 64 MB tmpfs.`);

const dataDir = join(mnt, "data");
const filler = join(mnt, "filler");
const table = new FaultTable();
const spawned: Spawned[] = [];

afterAll(async () => {
  for (const s of spawned) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill("SIGKILL");
      await s.exited;
    }
  }
  if (mounted) execFileSync("umount", ["-l", mnt]);
  rmSync(mnt, { recursive: true, force: true });
  table.print("fault table (disk full, PGlite)");
});

/** Fills the file system with `filler`, then gives `leave` bytes back. */
function fillDisk(leave: number) {
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(1024 * 1024);
  try {
    for (let i = 0; i < 128; i++) writeSync(fd, chunk);
  } catch (e) {
    if ((e as { code?: string }).code !== "ENOSPC") throw e;
  }
  // A partial last chunk may fit: fill byte-exact, then free `leave` bytes.
  for (let size = 64 * 1024; size >= 512; size /= 2) {
    try {
      for (let i = 0; i < 64; i++) writeSync(fd, chunk.subarray(0, size));
    } catch {
      /* full at this size; try smaller */
    }
  }
  const size = statSync(filler).size;
  ftruncateSync(fd, Math.max(0, size - leave));
  closeSync(fd);
}

describe.skipIf(!mounted)("the embedded database on a full disk", () => {
  it("6: storage-full 503 while reads go on (or a fast exit naming the folder), and a restart recovers", async () => {
    mkdirSync(dataDir, { recursive: true });
    const first = spawnServer(await freePort(), { DATABASE_URL: "", DATA_DIR: dataDir });
    spawned.push(first);
    expect(await first.waitFor("listening", 90_000), first.output()).toBe(true);
    const eventId = await createEvent(first.base);
    const results: Awaited<ReturnType<typeof register>>[] = [];
    for (let i = 0; i < 5; i++) results.push(await register(first.base, eventId));
    expect(results.map((r) => r.status)).toEqual(["201", "201", "201", "201", "201"]);

    fillDisk(256 * 1024);
    let full = 0;
    const until = Date.now() + 40_000;
    for (let i = 0; i < 400 && Date.now() < until && full < 3 && first.child.exitCode === null; i++) {
      const r = await register(first.base, eventId, { timeoutMs: 20_000 });
      results.push(r);
      if (r.status === "503") {
        expect(r.type).toContain("application/problem+json");
        expect(["/problems/storage-full", "/problems/database-unavailable"]).toContain(JSON.parse(r.text).type);
        expect(Number(r.retryAfter)).toBeGreaterThan(0);
        if (JSON.parse(r.text).type === "/problems/storage-full") full++;
      } else {
        expect(["201", "ECONNRESET", "ECONNREFUSED", "UND_ERR_SOCKET"], r.text).toContain(r.status);
      }
    }
    for (const r of results) expect(r.status, r.text).not.toBe("500");

    if (first.child.exitCode === null && first.child.signalCode === null) {
      // Writes refused, the server still up: reads go on.
      expect(full).toBe(3);
      const read = await fetch(`${first.base}/api/events/${eventId}`);
      expect(read.status).toBe(200);
      expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
      const page = await fetch(`${first.base}/events/${eventId}`, { headers: { "Accept-Language": "en" } });
      expect(page.status).toBe(200);
      first.child.kill("SIGTERM");
      const exited = await Promise.race([first.exited, sleep(15_000).then(() => "hung" as const)]);
      if (exited === "hung") first.child.kill("SIGKILL");
    } else {
      // The engine failed: the process ended by itself, non-zero, saying where and why.
      expect(await first.exited).not.toBe(0);
      expect(first.output()).toContain(`the embedded database in ${dataDir}`);
    }
    await first.exited;

    rmSync(filler);
    const again = spawnServer(await freePort(), { DATABASE_URL: "", DATA_DIR: dataDir });
    spawned.push(again);
    expect(await again.waitFor("listening", 90_000), again.output()).toBe(true);
    const present = await registeredEmails(again.base, eventId);
    const acked = results.filter((r) => r.status === "201");
    for (const r of acked) expect(present.has(r.email), r.email).toBe(true);
    table.add("6 disk full (64 MB tmpfs, 256 KiB left)", results, acked.length, acked.filter((r) => present.has(r.email)).length);
    const after = await register(again.base, eventId);
    expect(after.status).toBe("201");
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 240_000);
});
