import { Hono } from "hono";
import type { AppEnv } from "../../api/deps.ts";
import { APP_CSS } from "./app-css.ts";
import { APP_JS } from "./app-js.ts";

/** FNV-1a: a short content fingerprint, so a changed asset gets a new URL and old caches never serve it. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export const ASSET_URLS = {
  css: `/assets/app.css?v=${fingerprint(APP_CSS)}`,
  js: `/assets/app.js?v=${fingerprint(APP_JS)}`,
};

const LONG_CACHE = "public, max-age=31536000, immutable";

export function assetRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/assets/app.css", (c) =>
    c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": LONG_CACHE }),
  );
  app.get("/assets/app.js", (c) =>
    c.body(APP_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": LONG_CACHE }),
  );
  return app;
}
