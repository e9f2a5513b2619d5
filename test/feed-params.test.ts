/**
 * Every query parameter the OpenAPI document gives a feed route is honoured: for each route under
 * /calendar/ and each documented parameter, the answer with the parameter differs from the answer
 * without it, and (for filters) every entry left matches the filter. A parameter documented but
 * unknown to this test fails it, so a new one cannot be documented without being tried.
 */
import { eq, inArray } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarTokenFor } from "../api/calendar/tokens.ts";
import { events, registrations } from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
let doc: { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
const pathValues: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  doc = await (await t.request("/openapi.json")).json();
  const [joint] = await t.db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.slug, "fy2003-hokkaido-it-cluster-forum-joint-presentation"));
  // A registrant with a personal feed: registered for two events of different kinds and blocks.
  const a = await createOpenEvent(t, { kind: "seminar", block: "tohoku", titleEn: "Seminar (feed test)" });
  const b = await createOpenEvent(t, {
    kind: "forum",
    block: "kyushu",
    titleJa: "フォーラム（テスト）",
    titleEn: "Forum (feed test)",
  });
  const p = person();
  for (const e of [a, b]) {
    const res = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: { ...p } });
    expect(res.status).toBe(201);
  }
  const [reg] = await t.db
    .select({ emailKey: registrations.emailKey })
    .from(registrations)
    .where(eq(registrations.eventId, a.id));
  const token = await calendarTokenFor(t.db, t.deps.sealer, reg!.emailKey);
  Object.assign(pathValues, { code: "kinki", kind: "joint_presentation", id: joint!.id, token, programmeId: a.id });
  // A programme for the seminar, so its programme feed has entries.
  const programme = await t.request(`/api/events/${a.id}/programme`, {
    method: "PUT",
    admin: true,
    json: {
      rooms: [{ id: "A", nameJa: "メインホール", nameEn: "Main hall" }],
      sessions: [
        {
          titleJa: "基調講演",
          titleEn: "Keynote",
          startsAt: "2026-06-12T14:00:00+09:00",
          endsAt: "2026-06-12T15:00:00+09:00",
          room: "A",
          talks: [
            {
              titleJa: "地域クラスターのこれから",
              titleEn: "The future of regional clusters",
              speakers: [{ name: "山田 花子" }],
            },
          ],
        },
      ],
    },
  });
  expect(programme.status, await programme.clone().text()).toBe(200);
});
afterAll(async () => t?.close());

/** The value sent for each documented query parameter, and what an entry must satisfy afterwards. */
const QUERY: Record<string, { value: string; holds?: (e: typeof events.$inferSelect) => boolean }> = {
  lang: { value: "en" },
  block: { value: "hokkaido", holds: (e) => e.blockCode === "hokkaido" },
  kind: { value: "block_council", holds: (e) => e.kind === "block_council" },
};

const feedRoutes = () =>
  Object.entries(doc.paths)
    .filter(([path, ops]) => path.startsWith("/calendar/") && ops.get)
    .map(([path, ops]) => ({ path, query: (ops.get!.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name) }));

const urlOf = (path: string) =>
  path.replace(
    /\{(\w+)\}/g,
    (_, name: string) =>
      (path.includes("/programme") && name === "id" ? pathValues.programmeId : pathValues[name]) ?? `<${name}>`,
  );

async function fetchFeed(url: string) {
  const res = await t.request(url);
  expect(res.status, url).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
  const body = await res.text();
  const vevents = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { body, etag: res.headers.get("etag"), vevents };
}

describe("the feeds' documented query parameters", () => {
  it("documents the six feed routes, each with lang", () => {
    const routes = feedRoutes();
    expect(routes.map((r) => r.path).sort()).toEqual([
      "/calendar/blocks/{code}.ics",
      "/calendar/events/{id}.ics",
      "/calendar/events/{id}/programme.ics",
      "/calendar/feed.ics",
      "/calendar/kinds/{kind}.ics",
      "/calendar/me/{token}.ics",
    ]);
    for (const r of routes) expect(r.query, r.path).toContain("lang");
  });

  it("each documented parameter of every feed route changes the answer, and filters hold", async () => {
    let tried = 0;
    for (const route of feedRoutes()) {
      const base = urlOf(route.path);
      const without = await fetchFeed(base);
      expect(without.vevents.length, base).toBeGreaterThan(0);
      for (const name of route.query) {
        const q = QUERY[name];
        expect(q, `${route.path}: documented parameter "${name}" has no value in this test`).toBeDefined();
        const url = `${base}?${name}=${encodeURIComponent(q!.value)}`;
        const withIt = await fetchFeed(url);
        expect(withIt.body, `${url} answers the same as ${base}`).not.toBe(without.body);
        expect(withIt.etag, url).not.toBe(without.etag);
        if (q!.holds) {
          const ids = withIt.vevents.map((v) => v.uid.replace(/@.*$/, ""));
          const rows = ids.length ? await t.db.select().from(events).where(inArray(events.id, ids)) : [];
          expect(rows).toHaveLength(ids.length);
          for (const r of rows) expect(q!.holds(r), `${url}: ${r.slug ?? r.id}`).toBe(true);
          expect(withIt.vevents.length, url).toBeLessThan(without.vevents.length);
        } else {
          // lang: the same entries, in English.
          expect(withIt.vevents.map((v) => v.uid).sort()).toEqual(without.vevents.map((v) => v.uid).sort());
          expect(withIt.vevents.map((v) => v.summary)).not.toEqual(without.vevents.map((v) => v.summary));
        }
        tried++;
      }
    }
    expect(tried).toBe(3 + 2 + 2 + 1 + 1 + 1);
  });

  it("hokkaido.ics?kind=block_council has no joint presentations (the block has no council meeting on record)", async () => {
    const all = await fetchFeed("/calendar/blocks/hokkaido.ics");
    expect(all.vevents.length).toBeGreaterThanOrEqual(2);
    const councils = await fetchFeed("/calendar/blocks/hokkaido.ics?kind=block_council");
    expect(councils.vevents).toHaveLength(0);
    const kinki = await fetchFeed("/calendar/blocks/kinki.ics?kind=block_council&lang=en");
    expect(kinki.vevents.map((v) => v.summary)).toEqual(["FY2005 Kinki Regional Block Council"]);
  });

  it("answers a 404 problem for a kind that does not exist, on every route that takes one", async () => {
    for (const url of ["/calendar/feed.ics?kind=party", "/calendar/blocks/kanto.ics?kind=party", "/calendar/kinds/party.ics"]) {
      const res = await t.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
  });
});
