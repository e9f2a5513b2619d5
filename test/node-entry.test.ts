import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./support/net.ts";

const dir = mkdtempSync(join(tmpdir(), "ce-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `npm start`'s entry on PGlite in `dir`, waits until it listens, runs `fn`, then SIGTERM. */
async function withServer(port: number, fn: (base: string) => Promise<void>) {
  const child = spawn(process.execPath, ["--import", "tsx", "api/node.ts"], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dir, PORT: String(port), JOBS: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  for (let i = 0; i < 600 && !out.includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(out).toContain("listening");
  try {
    await fn(`http://127.0.0.1:${port}`);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
  expect(out).toContain("SIGTERM: shutting down");
  return out;
}

describe("the Node entry on the embedded database", () => {
  it("seeds on first start, never twice, and closes PGlite cleanly on SIGTERM", async () => {
    let etag = "";
    const first = await withServer(await freePort(), async (base) => {
      const blocks = (await (await fetch(`${base}/api/blocks`)).json()) as unknown[];
      expect(blocks).toHaveLength(10);
      etag = (await fetch(`${base}/calendar/feed.ics`, { method: "HEAD" })).headers.get("etag")!;
    });
    expect(first).toMatch(/[1-9]\d* seed rows added/);
    const second = await withServer(await freePort(), async (base) => {
      const page = (await (await fetch(`${base}/api/events?limit=200`)).json()) as { items: { id: string }[] };
      expect(page.items.length).toBeGreaterThan(10);
      // A restart writes nothing: subscribed calendars keep their copy (304).
      expect((await fetch(`${base}/calendar/feed.ics`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    });
    expect(second).toContain("(PGlite in");
    expect(second).toContain("0 seed rows added");
    // Two start-ups (migrations, seeding) on a busy machine: each may take the 60 s withServer waits.
  }, 180_000);
});
