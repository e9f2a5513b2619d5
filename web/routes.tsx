/**
 * The web pages, mounted by createApp with app.route("/", webRoutes(deps)). Pages call the
 * services directly; errors on pages become friendly HTML, while /api keeps problem+json.
 */
import { Hono } from "hono";
import type { AppDeps } from "../api/deps.ts";
import { problemResponse } from "../api/lib/problem.ts";
import { adminRoutes } from "./admin/routes.tsx";
import { applyPages } from "./public/apply/routes.tsx";
import { assetRoutes } from "./assets/index.ts";
import { languages, type WebEnv } from "./context.ts";
import { directoryPages } from "./public/clusters/routes.tsx";
import { notFoundPage, renderError } from "./ui/error-page.tsx";
import { calendarRoutes } from "./public/calendar/routes.tsx";
import { eventRoutes } from "./public/event/routes.tsx";
import { fairRoutes } from "./public/fair/routes.tsx";
import { homeRoutes } from "./public/home/routes.tsx";
import { manageRoutes } from "./public/manage/routes.tsx";
import { problemPages } from "./public/problems/routes.tsx";

/**
 * Paths the pages own; middleware is bound to these only, so the API's requests never pass through
 * it. ("/admin/*" also matches "/admin" itself.)
 */
const PAGE_PATHS = [
  "/",
  "/problems",
  "/problems/*",
  "/events/*",
  "/r/*",
  "/x/*",
  "/calendar",
  "/clusters",
  "/clusters/*",
  "/fair/*",
  "/admin/*",
];

/** Whether `path` is one of the pages' (so its errors are HTML, not problem+json). */
export function isPagePath(path: string): boolean {
  return PAGE_PATHS.some((p) => (p.endsWith("/*") ? path === p.slice(0, -2) || path.startsWith(p.slice(0, -1)) : path === p));
}

export function webRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const lang = languages(deps);
  for (const path of PAGE_PATHS) app.use(path, lang);
  app.route("/", assetRoutes());
  // The public pages, one folder each under web/public/, then the organisers' under web/admin/.
  const pages = [homeRoutes, eventRoutes, manageRoutes, calendarRoutes, fairRoutes, applyPages, directoryPages, problemPages];
  for (const routes of [...pages, adminRoutes]) app.route("/", routes(deps));
  // Anything else under the pages' prefixes is an HTML 404, not the API's problem+json.
  for (const path of ["/problems/*", "/events/*", "/r/*", "/x/*", "/clusters/*", "/fair/*", "/admin/*"])
    app.all(path, (c) => notFoundPage(c));
  app.onError((err, c) => (c.req.path.startsWith("/api/") ? problemResponse(err, c) : renderError(c, err)));
  return app;
}
