/**
 * The cluster directory through HTTP: /api/clusters, /api/clusters/:code, /api/councils,
 * /api/bureaus with their block and programme filters, the pages /clusters and /clusters/:code in
 * both languages, and a look at them in Chromium at 1280 and 390 px.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";
import { browserRig, hasChromium } from "./support/browser.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
});
afterAll(async () => t?.close());

type Cluster = { code: string; programme: string; block: string | null; bureau: string | null; council: string | null } & Record<
  string,
  unknown
>;
const json = async <T>(path: string) => {
  const res = await t.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe("GET /api/clusters", () => {
  it("lists the 18 knowledge cluster regions, the 18 industrial cluster projects and the 29 continuing areas", async () => {
    const all = await json<Cluster[]>("/api/clusters");
    const count = (p: string) => all.filter((c) => c.programme === p).length;
    expect([count("knowledge"), count("industrial"), count("continuing")]).toEqual([18, 18, 29]);
    // Knowledge regions first, as people know the programmes.
    expect(all[0]!.programme).toBe("knowledge");
    const kyushuSilicon = all.find((c) => c.code === "ic-kyushu-silicon")!;
    expect(kyushuSilicon).toMatchObject({ programme: "industrial", block: "kyushu", companiesApprox: true, asOf: "平成21年度" });
    expect(kyushuSilicon.companies).toBeGreaterThan(0);
  });

  it("filters by block and by programme, together", async () => {
    const kinki = await json<Cluster[]>("/api/clusters?block=kinki");
    expect(kinki.length).toBeGreaterThan(0);
    expect(kinki.every((c) => c.block === "kinki")).toBe(true);
    const kinkiKnowledge = await json<Cluster[]>("/api/clusters?block=kinki&programme=knowledge");
    expect(kinkiKnowledge.map((c) => c.code).sort()).toEqual(["kc-kansai-science-city", "kc-kobe", "kc-kyoto", "kc-saito"]);
    const continuing = await json<Cluster[]>("/api/clusters?programme=continuing");
    expect(continuing.every((c) => c.programme === "continuing" && typeof c.fiscalYearFrom === "number")).toBe(true);
  });

  it("answers a bad filter with a 400 naming it", async () => {
    for (const [q, field] of [
      ["block=nowhere", "query.block"],
      ["block=KANTO", "query.block"],
      ["programme=space", "query.programme"],
    ] as const) {
      const res = await t.request(`/api/clusters?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("Content-Type")).toContain("application/problem+json");
      const body = (await res.json()) as { errors: { field: string }[] };
      expect(
        body.errors.map((e) => e.field),
        q,
      ).toContain(field);
    }
  });
});

describe("GET /api/clusters/:code", () => {
  it("gives a knowledge cluster with its bureau, its councils and the joint presentation the documents tie to it", async () => {
    const d = await json<{
      cluster: Cluster;
      bureau: { code: string; nameJa: string };
      councils: { code: string; kind: string }[];
      events: { titleJa: string; kind: string; fiscalYear: number }[];
      blockEvents: { titleJa: string }[];
    }>("/api/clusters/kc-kyoto");
    expect(d.cluster).toMatchObject({ code: "kc-kyoto", nameJa: "京都地域", block: "kinki", bureau: "meti-kansai" });
    expect(d.bureau).toMatchObject({ code: "meti-kansai", nameJa: "近畿経済産業局" });
    expect(d.councils.map((c) => [c.code, c.kind])).toEqual([
      ["kinki-cluster-promotion", "promotion"],
      ["block-council-kinki", "block"],
    ]);
    expect(d.events.map((e) => e.titleJa)).toEqual(["近畿地域クラスター合同成果発表会"]);
    expect(d.events[0]).toMatchObject({ kind: "joint_presentation", fiscalYear: 2003 });
    // The block's other events are beside it, never the cluster's own twice.
    expect(d.blockEvents.map((e) => e.titleJa)).not.toContain("近畿地域クラスター合同成果発表会");
  });

  it("ties a joint presentation of two regions to both", async () => {
    for (const code of ["kc-fukuoka", "kc-kitakyushu"]) {
      const d = await json<{ events: { titleJa: string }[] }>(`/api/clusters/${code}`);
      expect(
        d.events.map((e) => e.titleJa),
        code,
      ).toContain("Synergy Kyushu 2003");
    }
  });

  it("never shows a planner proposal (status planned), in the cluster's events or its block's", async () => {
    const proposal = await createOpenEvent(t, { block: "kinki", titleJa: "計画中の近畿ブロック協議会", status: "planned" });
    const d = await json<{ blockEvents: { id: string }[]; events: { id: string }[] }>("/api/clusters/kc-kyoto");
    expect([...d.blockEvents, ...d.events].map((e) => e.id)).not.toContain(proposal.id);
    const page = await (await t.request("/clusters/kc-kyoto")).text();
    expect(page).not.toContain("計画中の近畿ブロック協議会");
  });

  it("answers an unknown cluster with 404 and a malformed code with 400", async () => {
    const missing = await t.request("/api/clusters/kc-atlantis");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toContain("application/problem+json");
    expect((await t.request("/api/clusters/%3Cscript%3E")).status).toBe(400);
  });
});

describe("GET /api/councils and /api/bureaus", () => {
  it("lists the 10 block councils and the promotion councils, filterable by block", async () => {
    const all = await json<{ code: string; kind: string; block: string }[]>("/api/councils");
    expect(all.filter((c) => c.kind === "block")).toHaveLength(10);
    expect(all.filter((c) => c.kind === "promotion").length).toBe(13);
    const kinki = await json<{ code: string; block: string }[]>("/api/councils?block=kinki");
    expect(kinki.map((c) => c.code).sort()).toEqual(["block-council-kinki", "kansai-wide-cluster-hq", "kinki-cluster-promotion"]);
    expect((await t.request("/api/councils?block=atlantis")).status).toBe(400);
  });

  it("lists the 9 METI bureaus, filterable by block", async () => {
    const all = await json<{ code: string; block: string }[]>("/api/bureaus");
    expect(all).toHaveLength(9);
    expect(await json("/api/bureaus?block=okinawa")).toEqual([
      { code: "meti-okinawa", nameJa: expect.stringContaining("沖縄"), nameEn: expect.any(String), block: "okinawa" },
    ]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await json<{ paths: Record<string, unknown> }>("/openapi.json")).paths;
    for (const p of ["/api/clusters", "/api/clusters/{code}", "/api/councils", "/api/bureaus"]) expect(doc[p], p).toBeDefined();
  });
});

describe("the directory pages", () => {
  it("lists the clusters by programme in Japanese, filters by block, and links each to its page", async () => {
    const res = await t.request("/clusters?block=kinki");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("知的クラスター創成事業");
    expect(html).toContain('href="/clusters/kc-kyoto"');
    expect(html).not.toContain('href="/clusters/kc-sapporo"');
    // An unknown filter on a page is ignored, not an error page.
    expect((await t.request("/clusters?block=atlantis&programme=space")).status).toBe(200);
  });

  it("shows a cluster with its council, bureau and events, in English too", async () => {
    const ja = await (await t.request("/clusters/kc-kyoto")).text();
    expect(ja).toContain("近畿経済産業局");
    expect(ja).toContain("近畿地域クラスター推進会議");
    expect(ja).toContain("近畿地域クラスター合同成果発表会");
    const en = await (await t.request("/clusters/kc-kyoto?lang=en")).text();
    expect(en).toContain('lang="en"');
    expect(en).toContain("Kansai Bureau of Economy, Trade and Industry");
    expect(en).toContain("Kinki Region Cluster Joint Presentation Conference");
    expect(en).toContain("Events of this cluster");
  });

  it("answers an unknown cluster page with an HTML 404", async () => {
    const res = await t.request("/clusters/kc-atlantis");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("text/html");
  });

  it("is reached from every page's main navigation", async () => {
    expect(await (await t.request("/")).text()).toContain('href="/clusters"');
  });
});

describe.skipIf(!hasChromium)("the directory pages in Chromium", () => {
  let rig: Awaited<ReturnType<typeof browserRig>>;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    rig = await browserRig(t.app.fetch);
    ({ browser, base } = rig);
  });
  afterAll(async () => rig?.close());

  for (const width of [1280, 390]) {
    it(`fits the list and a cluster page at ${width} px`, async () => {
      const context = await browser.newContext({ locale: "ja-JP", viewport: { width, height: 844 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${base}/clusters`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: `test/artifacts/screenshots/directory-list-${width}.png`, fullPage: false });
      await page.getByRole("link", { name: "京都地域", exact: true }).click();
      await page.waitForURL(`${base}/clusters/kc-kyoto`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("京都地域");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: `test/artifacts/screenshots/directory-cluster-${width}.png`, fullPage: true });
      await context.close();
    });
  }
});
