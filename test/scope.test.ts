import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarTokenFor } from "../api/calendar/tokens.ts";
import { emailKey } from "../api/lib/text.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

/** Scope holes an attacker with an organiser account would try, and planner proposals kept private. */
let t: TestApp;
const bearer = { kanto: "", kinki: "" };

async function organiserToken(email: string, blocks: string[]) {
  const password = "correct horse battery staple";
  expect(
    (
      await t.request("/api/organisers", {
        method: "POST",
        admin: true,
        json: { email, name: "担当者", role: "organiser", scopes: { blocks, events: [] }, password },
      })
    ).status,
  ).toBe(201);
  const login = await t.request("/api/auth/login", { method: "POST", json: { email, password } });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tok = await t.request("/api/api-tokens", {
    method: "POST",
    json: { name: "attacker" },
    headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
  });
  return ((await tok.json()) as { token: string }).token;
}

const as = (who: keyof typeof bearer) => ({ Authorization: `Bearer ${bearer[who]}` });
async function blockOf(prefecture: string) {
  const blocks = (await (await t.request("/api/blocks")).json()) as { code: string; prefectures: { code: string }[] }[];
  return blocks.find((b) => b.prefectures.some((p) => p.code === prefecture))?.code;
}

beforeAll(async () => {
  t = await createTestApp();
  bearer.kanto = await organiserToken("kanto@example.jp", ["kanto"]);
  bearer.kinki = await organiserToken("kinki@example.jp", ["kinki"]);
});
afterAll(async () => t?.close());

describe("PATCH /api/blocks/:code", () => {
  it("an organiser cannot take prefectures out of a block they do not organise (403), and nothing moves", async () => {
    expect(await blockOf("27")).toBe("kinki"); // 大阪府
    const res = await t.request("/api/blocks/kanto", {
      method: "PATCH",
      headers: as("kanto"),
      json: { prefectures: ["13", "27", "28"] },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await blockOf("27")).toBe("kinki");
    expect(await blockOf("28")).toBe("kinki");
  });

  it("an organiser cannot change another organiser's block (403)", async () => {
    const res = await t.request("/api/blocks/kinki", { method: "PATCH", headers: as("kanto"), json: { councilCadence: 1 } });
    expect(res.status).toBe(403);
    expect(
      (await t.request("/api/blocks/kinki", { method: "PATCH", headers: as("kanto"), json: { prefectures: [] } })).status,
    ).toBe(403);
  });

  it("an organiser of both blocks, or an administrator, may move a prefecture", async () => {
    const both = await organiserToken("both@example.jp", ["kanto", "kinki"]);
    const res = await t.request("/api/blocks/kanto", {
      method: "PATCH",
      headers: { Authorization: `Bearer ${both}` },
      json: { prefectures: ["27"] },
    });
    expect(res.status).toBe(200);
    expect(await blockOf("27")).toBe("kanto");
    const back = await t.request("/api/blocks/kinki", { method: "PATCH", admin: true, json: { prefectures: ["27"] } });
    expect(back.status).toBe(200);
    expect(await blockOf("27")).toBe("kinki");
  });
});

describe("GET /api/events/:id/allocation/weights", () => {
  it("is 404 for an organiser out of scope, like every other out-of-scope read", async () => {
    const fair = await createOpenEvent(t, { block: "kinki", kind: "techno_fair" });
    const w = { priorityBase: 99, preferences: [10, 7, 4], homeZone: 3, sameClusterAdjacent: 20 };
    expect(
      (await t.request(`/api/events/${fair.id}/allocation/weights`, { method: "PUT", headers: as("kinki"), json: w })).status,
    ).toBe(200);
    const out = await t.request(`/api/events/${fair.id}/allocation/weights`, { headers: as("kanto") });
    expect(out.status).toBe(404);
    expect(await out.text()).not.toContain("priorityBase");
    const own = await t.request(`/api/events/${fair.id}/allocation/weights`, { headers: as("kinki") });
    expect(((await own.json()) as { priorityBase: number }).priorityBase).toBe(99);
  });
});

function summaries(ics: string): string[] {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("summary")));
}

describe("planned events (the planner's proposals) are seen only by organisers in scope", () => {
  let planned: string;
  let turned: string;
  let feedToken: string;
  const TITLE = "近畿ブロック協議会（案）";

  beforeAll(async () => {
    planned = (await createOpenEvent(t, { block: "kinki", kind: "block_council", status: "planned", titleJa: TITLE })).id;
    // Someone registered while it was scheduled; then it went back to a proposal.
    turned = (await createOpenEvent(t, { block: "kinki", titleJa: `${TITLE}その二`, capacity: 10 })).id;
    const email = "follower@example.jp";
    expect((await t.request(`/api/events/${turned}/registrations`, { method: "POST", json: person({ email }) })).status).toBe(
      201,
    );
    feedToken = await calendarTokenFor(t.db, t.deps.sealer, emailKey(email));
    expect(
      (await t.request(`/api/events/${turned}`, { method: "PATCH", headers: as("kinki"), json: { status: "planned" } })).status,
    ).toBe(200);
  });

  it("not in GET /api/events?status=planned for anonymous callers or organisers out of scope", async () => {
    const ids = async (headers: Record<string, string>) =>
      ((await (await t.request("/api/events?status=planned&limit=200", { headers })).json()) as { items: { id: string }[] }).items.map(
        (e) => e.id,
      );
    expect(await ids({})).not.toContain(planned);
    expect(await ids(as("kanto"))).not.toContain(planned);
    expect(await ids(as("kinki"))).toEqual(expect.arrayContaining([planned, turned]));
    const all = await t.request("/api/events?limit=200");
    expect(JSON.stringify(await all.json())).not.toContain(TITLE);
  });

  it("GET /api/events/:id is 404 to anonymous callers and organisers out of scope", async () => {
    expect((await t.request(`/api/events/${planned}`)).status).toBe(404);
    expect((await t.request(`/api/events/${planned}`, { headers: as("kanto") })).status).toBe(404);
    expect((await t.request(`/api/events/${planned}`, { headers: as("kinki") })).status).toBe(200);
  });

  it("the page /events/:id and the fair map are not found", async () => {
    for (const id of [planned, turned]) {
      const page = await t.request(`/events/${id}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain(TITLE);
      expect((await t.request(`/fair/${id}`)).status).toBe(404);
      expect((await t.request(`/api/events/${id}/registrations`, { method: "POST", json: person() })).status).toBe(404);
    }
    const home = await t.request("/?fy=2026");
    expect(await home.text()).not.toContain(TITLE);
  });

  it("no public feed carries them: all, block, kind, the event's .ics, the personal feed", async () => {
    for (const path of [
      "/calendar/feed.ics",
      "/calendar/feed.ics?block=kinki",
      "/calendar/blocks/kinki.ics",
      "/calendar/kinds/block_council.ics",
      "/calendar/kinds/seminar.ics",
      `/calendar/me/${feedToken}.ics`,
    ]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(summaries(text).some((s) => s.includes(TITLE)), path).toBe(false);
      expect(text, path).not.toContain(planned);
      expect(text, path).not.toContain(turned);
    }
    expect((await t.request(`/calendar/events/${planned}.ics`)).status).toBe(404);
    expect((await t.request(`/calendar/events/${turned}.ics`)).status).toBe(404);
  });

  it("once confirmed (scheduled), it is public everywhere", async () => {
    expect(
      (await t.request(`/api/events/${turned}`, { method: "PATCH", headers: as("kinki"), json: { status: "scheduled" } })).status,
    ).toBe(200);
    expect((await t.request(`/api/events/${turned}`)).status).toBe(200);
    expect((await t.request(`/events/${turned}`)).status).toBe(200);
    expect(await (await t.request(`/calendar/me/${feedToken}.ics`)).text()).toContain(turned);
    expect(await (await t.request("/calendar/blocks/kinki.ics")).text()).toContain(turned);
  });
});
