/** A browser test rig: the app served by Node on a free port, Chromium, pages at desk or phone size, organiser login. */
import { mkdirSync } from "node:fs";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createOrganiser } from "../../api/auth/service.ts";
import { adminWho, createTestApp, type TestApp } from "./app.ts";
import { launchChromium } from "./browser.ts";
import { freePort } from "./net.ts";

export { hasChromium } from "./browser.ts";
export const SHOTS = "test/artifacts/screenshots";
export const PASSWORD = "correct horse battery staple";
export const PHONE = { width: 390, height: 844 };

export type BrowserRig = {
  t: TestApp;
  base: string;
  newPage: (opts: { js: boolean; mobile?: boolean; lang?: "ja" | "en" }) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<void>;
  /** An organiser of the given blocks, logged in on this page (the login form, no script needed). */
  loginAs: (page: Page, email: string, blocks: string[]) => Promise<void>;
  close: () => Promise<void>;
};

export async function startBrowserRig(): Promise<BrowserRig> {
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_URL: base } });
  // The session cookie expires 12 hours after "now"; the browser judges that by the real clock.
  t.clock.set(new Date());
  const server: ServerType = serve({ fetch: t.app.fetch, port, hostname: "127.0.0.1" });
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const who = adminWho(t);
  return {
    t,
    base,
    async newPage(opts) {
      const context = await browser.newContext({
        javaScriptEnabled: opts.js,
        locale: opts.lang === "en" ? "en-GB" : "ja-JP",
        viewport: opts.mobile ? PHONE : { width: 1280, height: 900 },
        deviceScaleFactor: 1,
        isMobile: opts.mobile ?? false,
        hasTouch: opts.mobile ?? false,
      });
      contexts.push(context);
      return context.newPage();
    },
    async shot(page, name) {
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    },
    async loginAs(page, email, blocks) {
      await createOrganiser({ ...t.deps, who }, {
        email,
        name: "担当者",
        role: "organiser",
        scopes: { blocks, events: [] },
        password: PASSWORD,
      }).catch(
        () => undefined, // already there
      );
      await page.goto(`${base}/admin/login`);
      await page.locator("input[name=email]").fill(email);
      await page.locator("input[name=password]").fill(PASSWORD);
      await page.locator("main form button[type=submit]").first().click();
      await page.waitForURL(`${base}/admin`);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
