/** The calendar feeds page. */
import { Hono } from "hono";
import { listCalendars, subscribeLinks } from "../../../api/calendar/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { pageCtx, render, type WebEnv } from "../../context.ts";
import { CalendarPage } from "./page.tsx";

import { PAGE_CACHE } from "../../cache.ts";

export function calendarRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/calendar", async (c) => {
    const ctx = pageCtx(c);
    const feeds = (await listCalendars(c.get("ctx"))).map((f) =>
      ctx.lang === "en" ? { ...f, ...subscribeLinks(`${f.url}?lang=en`) } : f,
    );
    return render(c, <CalendarPage ctx={ctx} feeds={feeds} />, 200, PAGE_CACHE);
  });

  return app;
}
