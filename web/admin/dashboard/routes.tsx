/** The organisers' dashboard: the council plan of the fiscal year and upcoming events in scope. */
import { Hono } from "hono";
import { coversBlock, coversEvent } from "../../../api/auth/scope.ts";
import { councilCompliance, councilPlanNotes } from "../../../api/councils/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { listEvents } from "../../../api/events/service.ts";
import { fiscalYearOf, toTokyoIso } from "../../../lib/time.ts";
import { DashboardPage } from "./page.tsx";
import { render, type WebEnv } from "../../context.ts";

import { adminPage, NO_STORE } from "../common.ts";

export function dashboardRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/admin", async (c) => {
    const actor = c.get("actor");
    const now = deps.clock.now();
    const currentFy = fiscalYearOf(now);
    const fyParam = c.req.query("fy");
    const fy = fyParam && /^\d{4}$/.test(fyParam) ? Number(fyParam) : currentFy;
    const compliance = await councilCompliance(c.get("ctx"), { fy });
    const planNotes = await councilPlanNotes(c.get("ctx"), { fy: compliance.fiscalYear });
    const { rows } = await listEvents(c.get("ctx"), { query: { from: toTokyoIso(now), limit: 200 } });
    const upcoming = rows.filter((e) => coversEvent(actor, e)).slice(0, 8);
    return render(
      c,
      <DashboardPage
        ctx={adminPage(c)}
        fiscalYear={compliance.fiscalYear}
        rows={compliance.blocks.filter((b) => coversBlock(actor, b.block))}
        upcoming={upcoming}
        now={now}
        currentFy={currentFy}
        planNotes={planNotes}
      />,
      200,
      NO_STORE,
    );
  });

  return app;
}
