import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  return body;
}

describe("blocks", () => {
  it("lists the 10 blocks with all 47 prefectures", async () => {
    const res = await t.request("/api/blocks");
    expect(res.status).toBe(200);
    const blocks = (await res.json()) as { code: string; nameJa: string; nameEn: string; prefectures: { nameJa: string }[] }[];
    expect(blocks).toHaveLength(10);
    expect(blocks.flatMap((b) => b.prefectures)).toHaveLength(47);
    const kanto = blocks.find((b) => b.code === "kanto")!;
    expect(kanto.nameEn).toBe("Kanto");
    expect(kanto.prefectures.map((p) => p.nameJa)).toContain("東京都");
  });
});

describe("creating and changing events", () => {
  it("refuses anonymous and wrong-token callers with 401 problem+json", async () => {
    await problem(await t.request("/api/events", { method: "POST", json: { kind: "seminar" } }), 401);
    const res = await t.request("/api/events", {
      method: "POST",
      json: { kind: "seminar" },
      headers: { Authorization: "Bearer not-the-admin-token-at-all" },
    });
    await problem(res, 401);
  });

  it("creates an event with Tokyo times and its fiscal year", async () => {
    const e = await createOpenEvent(t, { startsAt: "2027-03-31T10:00:00+09:00", endsAt: "2027-03-31T12:00:00+09:00" });
    expect(e.startsAt).toBe("2027-03-31T10:00:00+09:00");
    expect(e.fiscalYear).toBe(2026);
    expect(e.status).toBe("scheduled");
    expect(e.confirmedCount).toBe(0);
    expect(e.waitlistCount).toBe(0);
    const april = await createOpenEvent(t, { startsAt: "2027-03-31T15:30:00Z", endsAt: "2027-03-31T16:00:00Z" });
    expect(april.startsAt).toBe("2027-04-01T00:30:00+09:00");
    expect(april.fiscalYear).toBe(2027);
  });

  it("takes all-day and multi-day events as dates, with an exclusive end", async () => {
    const e = await createOpenEvent(t, { startsAt: "2026-12-02", endsAt: "2026-12-03", capacity: null });
    expect(e.allDay).toBe(true);
    expect(e.startsAt).toBe("2026-12-02T00:00:00+09:00");
    expect(e.endsAt).toBe("2026-12-04T00:00:00+09:00");
    expect(e.capacity).toBeNull();
  });

  it("updates an event and bumps its sequence only for calendar-relevant changes", async () => {
    const e = await createOpenEvent(t);
    const r1 = await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { descriptionJa: "説明" } });
    expect(r1.status).toBe(200);
    expect(((await r1.json()) as { sequence: number }).sequence).toBe(0);
    const r2 = await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { venue: "福島県庁" } });
    const b2 = (await r2.json()) as { sequence: number; venue: string };
    expect(b2.sequence).toBe(1);
    expect(b2.venue).toBe("福島県庁");
    const c = await t.request(`/api/events/${e.id}/cancel`, { method: "POST", admin: true });
    const cancelled = (await c.json()) as { status: string; sequence: number };
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.sequence).toBe(2);
    await problem(await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { venue: "x" } }), 409);
  });
});

describe("bad input always gets a clear 4xx", () => {
  const post = (body: BodyInit, type = "application/json") =>
    t.request("/api/events", { method: "POST", admin: true, body, headers: { "Content-Type": type } });

  it("malformed JSON", async () => {
    const p = await problem(await post("{not json"), 400);
    expect(p.type).toBe("/problems/malformed-json");
  });
  it("a wrong content type", async () => {
    await problem(await post("kind=seminar", "text/plain"), 415);
  });
  it("a body over 64 KiB", async () => {
    await problem(await post(JSON.stringify({ kind: "seminar", titleJa: "あ".repeat(70_000) })), 413);
  });
  it("wrong types and unknown values, naming the fields", async () => {
    const p = await problem(
      await post(JSON.stringify({ kind: "party", titleJa: 42, startsAt: "tomorrow", endsAt: "2026-06-12", capacity: -1 })),
      400,
    );
    const fields = p.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["kind", "titleJa", "startsAt", "capacity"]));
  });
  it("unknown fields", async () => {
    const p = await problem(
      await post(JSON.stringify({ kind: "seminar", titleJa: "x", startsAt: "2026-06-12", endsAt: "2026-06-12", capcity: 3 })),
      400,
    );
    expect(p.errors).toContainEqual(expect.objectContaining({ field: "capcity", code: "unrecognized_keys" }));
  });
  it("control characters, unpaired surrogates and bidi overrides", async () => {
    for (const titleJa of ["a\u0000b", "line\nbreak", "\ud800x", "abc\u202Edef"]) {
      const p = await problem(
        await post(JSON.stringify({ kind: "seminar", titleJa, startsAt: "2026-06-12", endsAt: "2026-06-12" })),
        400,
      );
      expect(p.errors!.map((e) => e.field)).toContain("titleJa");
    }
  });
  it("an end before the start", async () => {
    const p = await problem(
      await post(
        JSON.stringify({
          kind: "seminar",
          titleJa: "x",
          startsAt: "2026-06-12T10:00:00+09:00",
          endsAt: "2026-06-12T09:00:00+09:00",
        }),
      ),
      400,
    );
    expect(p.errors!.map((e) => e.field)).toContain("endsAt");
  });
  it("an unknown block", async () => {
    const p = await problem(
      await post(
        JSON.stringify({ kind: "seminar", titleJa: "x", startsAt: "2026-06-12", endsAt: "2026-06-12", block: "atlantis" }),
      ),
      400,
    );
    expect(p.errors!.map((e) => e.field)).toContain("block");
  });
  it("unknown and malformed ids", async () => {
    await problem(await t.request("/api/events/00000000-0000-4000-8000-000000000000"), 404);
    await problem(await t.request("/api/events/not-a-uuid"), 400);
    await problem(await t.request("/api/nothing-here"), 404);
  });
  it("bad query parameters", async () => {
    await problem(await t.request("/api/events?fy=abc"), 400);
    await problem(await t.request("/api/events?kind=party"), 400);
    await problem(await t.request("/api/events?cursor=garbage"), 400);
  });
});

describe("listing", () => {
  it("filters by kind, block, fiscal year and range, and pages with a cursor", async () => {
    const fy2003 = await t.request("/api/events?fy=2003&kind=joint_presentation");
    const body = (await fy2003.json()) as { items: { fiscalYear: number; kind: string }[]; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.fiscalYear === 2003 && e.kind === "joint_presentation")).toBe(true);

    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.request(`/api/events?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: { id: string; startsAt: string }[]; nextCursor: string | null };
      for (const e of page.items) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const all = (await (await t.request("/api/events?limit=200")).json()) as { items: unknown[] };
    expect(seen.size).toBe(all.items.length);

    const ranged = (await (await t.request("/api/events?from=2008-12-01&to=2008-12-31")).json()) as {
      items: { kind: string; startsAt: string }[];
    };
    expect(ranged.items.some((e) => e.kind === "techno_fair")).toBe(true);
    expect(ranged.items.every((e) => e.startsAt.startsWith("2008-12"))).toBe(true);

    const kanto = (await (await t.request("/api/events?block=kanto&limit=200")).json()) as { items: { block: string }[] };
    expect(kanto.items.every((e) => e.block === "kanto")).toBe(true);
  });
});

describe("documentation", () => {
  it("serves OpenAPI 3.1 generated from the schemas, and interactive docs", async () => {
    const doc = (await (await t.request("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/events",
        "/api/events/{id}",
        "/api/events/{id}/registrations",
        "/api/registrations/{manageToken}",
      ]),
    );
    const docs = await t.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/<script src="\/docs\/assets\/init\.js\?v=\w+"><\/script>/);
    expect(await (await t.request("/docs/assets/init.js")).text()).toContain('"/openapi.json"');
  });
});
