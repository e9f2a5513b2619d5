/** A techno-fair's public page: the map and the exhibitor search. */
import { Hono } from "hono";
import { listBlocks } from "../../../api/blocks/service.ts";
import { listBooths } from "../../../api/booths/service/floor-plan.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { NotFound } from "../../../api/errors.ts";
import { getEvent } from "../../../api/events/service.ts";
import { blockNames } from "../../ui/event.tsx";
import { isUuid, pageCtx, render, type WebEnv } from "../../context.ts";
import { FairPage } from "./page.tsx";

import { PAGE_CACHE } from "../../cache.ts";

export function fairRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/fair/:id", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    const event = await getEvent(c.get("ctx"), { id });
    const [booths, blocks] = await Promise.all([listBooths(c.get("ctx"), { eventId: id }), listBlocks(c.get("ctx"))]);
    const text = (k: string) => (c.req.query(k) ?? "").slice(0, 100).trim();
    const query = { q: text("q"), field: text("field"), cluster: text("cluster") };
    return render(
      c,
      <FairPage
        ctx={pageCtx(c)}
        event={event}
        booths={booths}
        blocks={blockNames(blocks)}
        query={query}
        now={deps.clock.now()}
      />,
      200,
      PAGE_CACHE,
    );
  });

  return app;
}
