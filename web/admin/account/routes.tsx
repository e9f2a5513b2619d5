/** The organiser's own account: API tokens and "log out everywhere". */
import { Hono } from "hono";
import { listApiTokens, logoutEverywhere } from "../../../api/auth/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { endSession } from "../../../api/auth/session-cookie.ts";
import { AccountPage } from "./page.tsx";
import { render, type WebEnv } from "../../context.ts";

import { adminPage, NO_STORE } from "../common.ts";

export function accountRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.post("/admin/logout-all", async (c) => {
    await logoutEverywhere(c.get("ctx"));
    await endSession(c, deps);
    return c.redirect("/admin/login?done=logout-all", 303);
  });

  app.get("/admin/account", async (c) =>
    render(c, <AccountPage ctx={adminPage(c)} tokens={await listApiTokens(c.get("ctx"))} />, 200, NO_STORE),
  );

  return app;
}
