import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/open.ts";
import { settings } from "../db/schema/index.ts";
import { freePort } from "./support/net.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts the Node entry on PGlite in `dir` with `env`, waits until it listens, stops it; its stderr and stdout. */
async function start(dir: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "api/node.ts"], {
    env: { ...process.env, DATABASE_URL: "", SECRET_KEY: "", DATA_DIR: dir, PORT: String(await freePort()), JOBS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  for (let i = 0; i < 600 && !stdout.includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(stdout, stderr).toContain("listening");
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  return { stdout, stderr };
}

async function storedKey(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  try {
    return (await database.db.select().from(settings)).find((r) => r.key === "secret_key")?.value;
  } finally {
    await database.close();
  }
}

describe("SECRET_KEY", () => {
  it("unset: the key is generated once and kept in the database, and start-up warns how to set it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ce-secret-"));
    dirs.push(dir);
    const first = await start(dir, {});
    expect(first.stderr).toContain("SECRET_KEY is not set");
    expect(first.stderr).toContain("openssl rand -base64 32");
    expect(first.stderr).toMatch(/production/);
    const key = await storedKey(dir);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The warning never prints the key itself.
    expect(first.stderr + first.stdout).not.toContain(key!);
  }, 120_000);

  it("set: no warning, and no key is generated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ce-secret-"));
    dirs.push(dir);
    const run = await start(dir, { SECRET_KEY: "a-production-key-of-at-least-32-characters" });
    expect(run.stderr).not.toContain("SECRET_KEY");
    expect(await storedKey(dir)).toBeUndefined();
  }, 120_000);
});
