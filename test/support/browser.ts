/** Debian's Chromium for the browser tests, launched the way this closed network needs. */
import { existsSync, mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "./net.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps calling out to hosts it cannot reach.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** An app served on a free local port and Chromium beside it, for a browser test's describe block. */
export async function browserRig(fetch: (req: Request) => Response | Promise<Response>) {
  mkdirSync("test/artifacts/screenshots", { recursive: true });
  const port = await freePort();
  const server = serve({ fetch, port, hostname: "127.0.0.1" });
  const browser = await launchChromium();
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
