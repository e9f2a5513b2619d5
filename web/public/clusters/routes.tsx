/** Public pages of the cluster directory: /clusters and /clusters/:code. */
import { Hono } from "hono";
import { listBlocks } from "../../../api/blocks/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { NotFound } from "../../../api/errors.ts";
import { CLUSTER_PROGRAMMES, getCluster, listClusters, type ClusterProgramme } from "../../../api/directory/service.ts";
import { blockNames } from "../../ui/event.tsx";
import { pageCtx, render, type WebEnv } from "../../context.ts";
import { ClusterPage, ClustersPage } from "./page.tsx";
import { PAGE_CACHE } from "../../cache.ts";


export function directoryPages(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/clusters", async (c) => {
    const blocks = await listBlocks(c.get("ctx"));
    const q = c.req.query();
    // Unknown filter values are ignored on pages (the API answers them with 400).
    const filters: { block?: string; programme?: ClusterProgramme } = {};
    if (q.block && blocks.some((b) => b.code === q.block)) filters.block = q.block;
    if (q.programme && (CLUSTER_PROGRAMMES as readonly string[]).includes(q.programme))
      filters.programme = q.programme as ClusterProgramme;
    const clusters = await listClusters(deps, filters);
    return render(
      c,
      <ClustersPage ctx={pageCtx(c)} clusters={clusters} blocks={blocks} names={blockNames(blocks)} filters={filters} />,
      200,
      PAGE_CACHE,
    );
  });

  app.get("/clusters/:code", async (c) => {
    const code = c.req.param("code");
    if (!/^[a-z0-9-]{1,80}$/.test(code)) throw new NotFound("cluster");
    const [detail, blocks] = await Promise.all([getCluster(deps, { code }), listBlocks(c.get("ctx"))]);
    return render(
      c,
      <ClusterPage ctx={pageCtx(c)} detail={detail} names={blockNames(blocks)} now={deps.clock.now()} />,
      200,
      PAGE_CACHE,
    );
  });

  return app;
}
