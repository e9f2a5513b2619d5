/** The events list (upcoming, or a fiscal year) and the month view, with their filters. */
import { Hono } from "hono";
import { listBlocks } from "../../../api/blocks/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { listEvents, PUBLIC_VIEWER } from "../../../api/events/service.ts";
import { fiscalYearOf, toTokyoIso, tokyoParts } from "../../../lib/time.ts";
import { EVENT_KINDS, type EventKind } from "../../../db/schema/events.ts";
import { blockNames } from "../../ui/event.tsx";
import { pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { HomePage, monthKey, MonthPage, type HomeFilters, type MonthRef } from "./page.tsx";

import { PAGE_CACHE } from "../../cache.ts";

const FIRST_FISCAL_YEAR = 2003;

export function homeRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  async function filtersFrom(c: WebContext) {
    const blocks = await listBlocks(c.get("ctx"));
    const q = c.req.query();
    const filters: HomeFilters = {};
    if (q.block && blocks.some((b) => b.code === q.block)) filters.block = q.block;
    if (q.kind && (EVENT_KINDS as readonly string[]).includes(q.kind)) filters.kind = q.kind as EventKind;
    if (q.fy && /^\d{4}$/.test(q.fy)) filters.fy = Number(q.fy);
    const words = q.q?.trim();
    if (words && words.length <= 200) filters.q = words;
    return { blocks, filters };
  }

  app.get("/", async (c) => {
    const ctx = pageCtx(c);
    const now = deps.clock.now();
    const { blocks, filters } = await filtersFrom(c);
    if (c.req.query("view") === "month") {
      const p = tokyoParts(now);
      const mm = c.req.query("month")?.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
      const month: MonthRef = mm ? { year: Number(mm[1]), month: Number(mm[2]) } : { year: p.year, month: p.month };
      const lastDay = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
      const { rows } = await listEvents(c.get("ctx"), {
        query: {
          block: filters.block,
          kind: filters.kind,
          q: filters.q,
          from: `${monthKey(month)}-01`,
          to: `${monthKey(month)}-${lastDay}`,
          limit: 200,
        },
        // Lists are public pages: planner proposals stay out of them even for a logged-in organiser.
        viewer: PUBLIC_VIEWER,
      });
      return render(
        c,
        <MonthPage ctx={ctx} blocks={blocks} filters={filters} month={month} events={rows} now={now} />,
        200,
        PAGE_CACHE,
      );
    }
    const cursor = c.req.query("cursor");
    const { rows, nextCursor } = await listEvents(c.get("ctx"), {
      query: {
        ...filters,
        // Without a fiscal year, what is still to come; with one, the whole year.
        from: filters.fy === undefined ? toTokyoIso(now) : undefined,
        cursor: cursor && cursor.length <= 200 ? cursor : undefined,
        limit: 30,
      },
      viewer: PUBLIC_VIEWER,
    });
    const fiscalYears: number[] = [];
    for (let fy = fiscalYearOf(now) + 1; fy >= FIRST_FISCAL_YEAR; fy--) fiscalYears.push(fy);
    return render(
      c,
      <HomePage
        ctx={ctx}
        blocks={blocks}
        names={blockNames(blocks)}
        filters={filters}
        fiscalYears={fiscalYears}
        events={rows}
        nextCursor={nextCursor}
        now={now}
      />,
      200,
      PAGE_CACHE,
    );
  });

  return app;
}
