/**
 * /docs in Chromium: Swagger UI from the app's own origin only (every other request is refused and
 * recorded), under the docs CSP, with no violation reported; and the document's `servers`.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PUBLIC_URL } from "../api/config.ts";
import { createTestApp, type TestApp } from "./support/app.ts";
import { browserRig, CHROMIUM, hasChromium } from "./support/browser.ts";

if (!hasChromium) console.warn(`test/browser-docs.test.ts: the browser part is skipped, no Chromium at ${CHROMIUM}.`);

describe("the OpenAPI document's servers", () => {
  it("follow the request's origin while PUBLIC_URL is the default, and PUBLIC_URL once it is set", async () => {
    const byDefault = await createTestApp({ env: { PUBLIC_URL: DEFAULT_PUBLIC_URL } });
    const set = await createTestApp({ env: { PUBLIC_URL: "https://events.example.jp/" } });
    try {
      const servers = async (t: TestApp, url: string) =>
        ((await (await t.app.request(url)).json()) as { servers: { url: string }[] }).servers;
      expect(await servers(byDefault, "http://127.0.0.1:8123/openapi.json")).toEqual([{ url: "http://127.0.0.1:8123" }]);
      expect(await servers(byDefault, "https://api.example.org/openapi.json")).toEqual([{ url: "https://api.example.org" }]);
      expect(await servers(set, "http://127.0.0.1:8123/openapi.json")).toEqual([{ url: "https://events.example.jp" }]);
    } finally {
      await byDefault.close();
      await set.close();
    }
  });

  it("/docs and its files carry a CSP with script-src 'self' and name no other origin", async () => {
    const t = await createTestApp();
    try {
      const docs = await t.request("/docs");
      const csp = docs.headers.get("content-security-policy")!;
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/https?:|unsafe-eval/);
      const html = await docs.text();
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
      for (const path of ["/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/docs/assets/init.js"]) {
        const res = await t.request(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("content-security-policy"), path).toBe(csp);
      }
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!hasChromium)("/docs in a browser", () => {
  let t: TestApp;
  let rig: Awaited<ReturnType<typeof browserRig>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: DEFAULT_PUBLIC_URL } });
    rig = await browserRig(t.app.fetch);
    ({ browser, base } = rig);
  });
  afterAll(async () => {
    await rig?.close();
    await t?.close();
  });

  it("renders the operations from the app's origin alone, with no CSP violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    const ours: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === base || url.startsWith("data:")) {
        ours.push(new URL(url).pathname);
        return route.continue();
      }
      foreign.push(url);
      return route.abort();
    });
    const console: string[] = [];
    page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Listening before any script of the page runs (an init script is not subject to the page's CSP).
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    const res = await page.goto(`${base}/docs`);
    expect(res!.status()).toBe(200);
    await page.locator(".opblock").first().waitFor();
    const operations = await page.locator(".opblock-summary-path").allTextContents();
    expect(operations.length).toBeGreaterThan(40);
    expect(operations).toEqual(expect.arrayContaining(["/api/events", "/api/auth/logout-all"]));
    // The servers menu offers the origin the page came from.
    expect(await page.locator(".servers select option").allTextContents()).toEqual([base]);
    await page.screenshot({ path: "test/artifacts/screenshots/docs.png" });

    expect(foreign, "requests to other origins").toEqual([]);
    expect(ours).toEqual(
      expect.arrayContaining(["/docs", "/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/openapi.json"]),
    );
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(console.filter((l) => /Content Security Policy|Refused to/i.test(l))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
