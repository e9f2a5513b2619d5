/**
 * The app served by Node on a free port with Chromium beside it, for test/browser-public.test.ts
 * and test/browser-organiser.test.ts: call `browserWorld()` inside the describe block. The app's
 * clock starts at 2026-05-01 (createTestApp's default); the bindings are live once its beforeAll has run.
 */
import { mkdirSync } from "node:fs";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { launchChromium } from "./browser.ts";
import { freePort } from "./net.ts";

const SHOTS = "test/artifacts/screenshots";
export const PASSWORD = "correct horse battery staple";

export let t: TestApp;
let server: ServerType;
let browser: Browser;
export let base: string;
const contexts: BrowserContext[] = [];

export const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

export async function newPage(opts: { js: boolean; mobile?: boolean }) {
  const context = await browser.newContext({
    javaScriptEnabled: opts.js,
    locale: "ja-JP",
    viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  contexts.push(context);
  return context.newPage();
}

export async function fillRegistration(
  page: Page,
  who: { name: string; kana: string; email: string; org: string; sector: string },
) {
  await page.getByLabel("氏名").fill(who.name);
  await page.getByLabel("ふりがな（カタカナ）").fill(who.kana);
  await page.getByLabel("メールアドレス").fill(who.email);
  await page.getByLabel("所属").fill(who.org);
  await page.getByRole("radio", { name: who.sector }).check();
}

export function browserWorld() {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_URL: base } });
    server = serve({ fetch: t.app.fetch, port, hostname: "127.0.0.1" });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });
}
