/**
 * Organiser pages: every path under /admin but the login and password pages needs a login, and every
 * POST carries the session's _csrf. Each area mounts its own routes.
 */
import { Hono, type MiddlewareHandler } from "hono";
import type { AppDeps } from "../../api/deps.ts";
import { assertCsrf, formOf, qs, type WebEnv } from "../context.ts";
import { accountRoutes } from "./account/routes.tsx";
import { boothPageRoutes } from "./booths/routes.tsx";
import { boothUploadRoutes } from "./booths/upload-routes.tsx";
import { dashboardRoutes } from "./dashboard/routes.tsx";
import { deskRoutes } from "./desk/routes.tsx";
import { eventRoutes } from "./events/routes.tsx";
import { applicationReviewPages } from "./exhibitors/routes.tsx";
import { loginRoutes } from "./login/routes.tsx";
import { questionPageRoutes } from "./questions/routes.tsx";

/** Pages anyone may open; everything else under /admin needs a login. */
const OPEN = new Set(["/admin/login", "/admin/password"]);

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  /** Staff only; an anonymous visitor is sent to the login page; every POST must carry the session's _csrf. */
  const guard: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (OPEN.has(c.req.path)) return next();
    c.header("Cache-Control", "no-store");
    if (c.get("actor").kind === "anonymous") {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? qs({ next: `${url.pathname}${url.search}` }) : "";
      return c.redirect(`/admin/login${back}`, 303);
    }
    if (c.req.method === "POST") await assertCsrf(c, await formOf(c));
    return next();
  };
  // "/admin/*" matches "/admin" too.
  app.use("/admin/*", guard);

  const areas = [
    loginRoutes,
    accountRoutes,
    dashboardRoutes,
    eventRoutes,
    deskRoutes,
    boothPageRoutes,
    boothUploadRoutes,
    questionPageRoutes,
    applicationReviewPages,
  ];
  for (const routes of areas) app.route("/", routes(deps));
  return app;
}
