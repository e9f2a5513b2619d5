import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../api/config.ts";

describe("configuration", () => {
  it("has working defaults", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(8787);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR).toBe("./.data");
    expect(c.ADMIN_TOKEN).toBeUndefined();
    expect(c.PUBLIC_URL).toBe("http://localhost:8787");
    // Started on another port, the links in e-mails and feeds follow it, unless PUBLIC_URL is set.
    expect(parseConfig({ PORT: "3000" }).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseConfig({ PORT: "3000", PUBLIC_URL: "https://events.example.jp/" }).PUBLIC_URL).toBe("https://events.example.jp");
    // Node believes no header about the client's address unless told to; the Worker trusts Cloudflare's.
    expect(c.TRUST_PROXY).toBe("off");
    expect(parseConfig({}, { TRUST_PROXY: "cloudflare" }).TRUST_PROXY).toBe("cloudflare");
    expect(parseConfig({ TRUST_PROXY: "x-forwarded-for" }, { TRUST_PROXY: "cloudflare" }).TRUST_PROXY).toBe("x-forwarded-for");
    expect(c.DB_STATEMENT_TIMEOUT_MS).toBe(10_000);
    expect(c.DB_CONNECT_TIMEOUT_S).toBe(30);
    expect(c.DB_POOL_MAX).toBe(10);
    expect(c.SHUTDOWN_GRACE_MS).toBe(10_000);
  });

  it("names the variable that is wrong", () => {
    const bad: [Record<string, string>, string][] = [
      [{ PORT: "eighty" }, "PORT"],
      [{ PORT: "70000" }, "PORT"],
      [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
      [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
      [{ ADMIN_TOKEN: "short" }, "ADMIN_TOKEN"],
      [{ SMTP_URL: "http://mail" }, "SMTP_URL"],
      [{ RATE_LIMIT_REGISTRATION: "lots" }, "RATE_LIMIT_REGISTRATION"],
      [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
      [{ RATE_LIMIT_LOGIN: "10/172800" }, "RATE_LIMIT_LOGIN"],
      [{ TRUST_PROXY: "X-Forwarded-For" }, "TRUST_PROXY"],
      [{ DB_STATEMENT_TIMEOUT_MS: "10s" }, "DB_STATEMENT_TIMEOUT_MS"],
      [{ DB_CONNECT_TIMEOUT_S: "-1" }, "DB_CONNECT_TIMEOUT_S"],
      [{ DB_POOL_MAX: "0" }, "DB_POOL_MAX"],
      [{ SHUTDOWN_GRACE_MS: "soon" }, "SHUTDOWN_GRACE_MS"],
    ];
    for (const [env, name] of bad) {
      expect(() => parseConfig(env)).toThrow(ConfigError);
      expect(() => parseConfig(env)).toThrow(new RegExp(`${name}:`));
    }
  });

  it("stops start-up with a message naming the variable", async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ["--import", "tsx", "api/node.ts"], {
      env: { ...process.env, PORT: "eighty", DATABASE_URL: "memory://" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain("PORT");
    const proxy = await run(process.execPath, ["--import", "tsx", "api/node.ts"], {
      env: { ...process.env, TRUST_PROXY: "everyone", DATABASE_URL: "memory://" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((proxy as { code: number }).code).toBe(2);
    expect((proxy as { stderr: string }).stderr).toMatch(/TRUST_PROXY: must be "off", "cloudflare" or "x-forwarded-for"/);
  });
});
