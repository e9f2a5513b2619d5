import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Run } from "./support/jobs.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("from a shell", () => {
  it("npm run job -- plan-fiscal-year --now … prints a succeeded run", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "job-cli-"));
    try {
      const out = execFileSync("npx", ["tsx", "jobs/cli.ts", "plan-fiscal-year", "--now", "2027-04-01T09:00:00+09:00"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "memory://", DATA_DIR: dataDir, SMTP_URL: "" },
        encoding: "utf8",
        timeout: 120_000,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const run = JSON.parse(out.slice(out.indexOf("{"))) as Run;
      expect(run).toMatchObject({
        job: "plan-fiscal-year",
        status: "succeeded",
        periodKey: "fy2027",
        asOf: "2027-04-01T00:00:00.000Z",
        result: { fiscalYear: 2027, created: 20 },
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
