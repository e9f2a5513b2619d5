/**
 * /docs: the API reference in Swagger UI, served from this origin only (the bundle, its stylesheet
 * and a small start-up script), so it works offline and under a CSP that allows no other origin
 * and no inline script.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../deps.ts";
import { NotFound } from "../errors.ts";
import { fingerprint } from "../lib/fingerprint.ts";
import type { DocsAssets, DocsFiles } from "./assets.ts";

export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Starts Swagger UI on the document at /openapi.json; no validator badge (it would call another site). */
const INIT_JS = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
`;

const LONG_CACHE = "public, max-age=31536000, immutable";

type Loaded = DocsFiles & { html: string };

function page(files: DocsFiles): string {
  const v = fingerprint(files.bundle + files.css + INIT_JS);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cluster events API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css?v=${v}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js?v=${v}"></script>
<script src="/docs/assets/init.js?v=${v}"></script>
</body>
</html>
`;
}

export function docsRoutes(assets: DocsAssets | undefined) {
  const app = new Hono<AppEnv>();
  let loaded: Loaded | undefined;
  const files = async (): Promise<Loaded> => {
    if (!assets) throw new NotFound("page", "The API reference is not available in this build.");
    if (!loaded) {
      const f = await assets.load();
      loaded = { ...f, html: page(f) };
    }
    return loaded;
  };
  const send = (c: Context<AppEnv>, body: string, type: string, cache: string) =>
    c.body(body, 200, { "Content-Type": type, "Cache-Control": cache, "Content-Security-Policy": DOCS_CSP });

  app.get("/docs", async (c) => send(c, (await files()).html, "text/html; charset=utf-8", "no-cache"));
  app.get("/docs/assets/swagger-ui-bundle.js", async (c) =>
    send(c, (await files()).bundle, "text/javascript; charset=utf-8", LONG_CACHE),
  );
  app.get("/docs/assets/swagger-ui.css", async (c) => send(c, (await files()).css, "text/css; charset=utf-8", LONG_CACHE));
  app.get("/docs/assets/init.js", (c) => send(c, INIT_JS, "text/javascript; charset=utf-8", LONG_CACHE));
  return app;
}
