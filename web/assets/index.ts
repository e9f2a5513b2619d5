import { Hono } from "hono";
import type { AppEnv } from "../../api/deps.ts";
import { APP_CSS } from "./app-css.ts";
import { APP_JS } from "./app-js.ts";
import { FAVICON_ICO } from "./favicon.ts";
import { fingerprint } from "../../api/lib/fingerprint.ts";

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
  // Browsers ask for this path on every site, whatever the page links to.
  app.get("/favicon.ico", (c) =>
    c.body(FAVICON_ICO, 200, { "Content-Type": "image/x-icon", "Cache-Control": "public, max-age=86400" }),
  );
  return app;
}
