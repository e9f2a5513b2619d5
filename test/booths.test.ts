import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../db/schema/index.ts";
import { checkRules } from "../api/booths/allocate.ts";
import { createOpenEvent, createTestApp, type TestApp, exhibitor } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

// A row of six 1x1 booths (A1..A6), one 2x1 (B1) and a 3x3 island (C1).
const hall = {
  booths: [
    ...Array.from({ length: 6 }, (_, i) => ({ code: `A${i + 1}`, x: i, y: 0, w: 1, h: 1, zone: i < 3 ? "north" : "south" })),
    { code: "B1", x: 0, y: 2, w: 1, h: 2, zone: "west" },
    { code: "C1", x: 3, y: 3, w: 3, h: 3, zone: "island" },
  ],
};
const ex = exhibitor;

async function fair() {
  const e = await createOpenEvent(t, { kind: "techno_fair", startsAt: "2026-12-02", endsAt: "2026-12-03" });
  const put = await t.request(`/api/events/${e.id}/floor-plan`, { method: "PUT", admin: true, json: hall });
  expect(put.status).toBe(200);
  return e.id;
}

describe("floor plan", () => {
  it("stores booths with size classes and adjacency", async () => {
    const id = await fair();
    const list = (await (await t.request(`/api/events/${id}/booths`)).json()) as {
      code: string;
      sizeClass: string;
      adjacent: string[];
    }[];
    expect(list.find((b) => b.code === "B1")!.sizeClass).toBe("2x1");
    expect(list.find((b) => b.code === "C1")!.sizeClass).toBe("3x3");
    expect(list.find((b) => b.code === "A2")!.adjacent).toEqual(["A1", "A3"]);
  });

  it("rejects duplicate codes, overlaps and non-positive sizes, naming the booth", async () => {
    const e = await createOpenEvent(t, { kind: "techno_fair" });
    const cases = [
      {
        booths: [
          { code: "X1", x: 0, y: 0, w: 1, h: 1, zone: "z" },
          { code: "X1", x: 5, y: 0, w: 1, h: 1, zone: "z" },
        ],
      },
      {
        booths: [
          { code: "X1", x: 0, y: 0, w: 2, h: 2, zone: "z" },
          { code: "X2", x: 1, y: 1, w: 2, h: 2, zone: "z" },
        ],
      },
      { booths: [{ code: "X9", x: 0, y: 0, w: 0, h: 1, zone: "z" }] },
    ];
    for (const body of cases) {
      const res = await t.request(`/api/events/${e.id}/floor-plan`, { method: "PUT", admin: true, json: body });
      expect(res.status).toBe(400);
      const p = (await res.json()) as { detail: string };
      expect(p.detail).toMatch(/X1|X9/);
    }
  });

  it("cannot be replaced while booths are assigned", async () => {
    const id = await fair();
    await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: [ex("E1")] });
    expect(
      (await t.request(`/api/events/${id}/booths/A1/assignment`, { method: "PUT", admin: true, json: { exhibitor: "E1" } }))
        .status,
    ).toBe(200);
    const res = await t.request(`/api/events/${id}/floor-plan`, { method: "PUT", admin: true, json: hall });
    expect(res.status).toBe(409);
  });
});

describe("exhibitor applications", () => {
  it("are replaced from CSV, with lists and full-width sizes, and listed with their status", async () => {
    const id = await fair();
    const csv =
      "\uFEFFref,name,organization,cluster,field,size,priority,preferences,homeZone,competitors,email\r\n" +
      "E1,出展者1,北海道大学,札幌IT,IT,１×１,3,A1;A2,north,E2,e1@example.jp\r\n" +
      'E2,"出展者, 2",株式会社B,札幌IT,IT,1x1,10,A2|A3,,E1,\r\n' +
      "E3,島,C社,九州,環境,3x3,0,C1,island,,\r\n";
    const res = await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      body: csv,
      headers: { "Content-Type": "text/csv" },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await res.json()) as {
      ref: string;
      name: string;
      size: string;
      preferences: string[];
      competitors: string[];
      status: string;
    }[];
    expect(list.map((x) => x.ref)).toEqual(["E1", "E2", "E3"]);
    expect(list[0]!.size).toBe("1x1");
    expect(list[0]!.preferences).toEqual(["A1", "A2"]);
    expect(list[1]!.name).toBe("出展者, 2");
    expect(list.every((x) => x.status === "applied")).toBe(true);
  });

  it("reject a bad CSV row by row and unknown competitors", async () => {
    const id = await fair();
    const csv = "ref,name,organization,cluster,field,size,priority\r\nE1,a,b,c,d,huge,3\r\nE2,a,b,c,d,1x1,99\r\n";
    const res = await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      body: csv,
      headers: { "Content-Type": "text/csv" },
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["rows[2].size", "rows[3].priority"]));
    const bad = await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      json: [ex("E1", { competitors: ["NOPE"] })],
    });
    expect(bad.status).toBe(400);
  });
});

describe("manual assignment", () => {
  it("refuses a taken booth, a size mismatch and an adjacent competitor with the reason", async () => {
    const id = await fair();
    await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      json: [ex("E1", { competitors: ["E2"] }), ex("E2"), ex("E3"), ex("BIG", { size: "3x3" })],
    });
    const assign = (code: string, exhibitor: string) =>
      t.request(`/api/events/${id}/booths/${code}/assignment`, { method: "PUT", admin: true, json: { exhibitor } });
    expect((await assign("A1", "E1")).status).toBe(200);
    const taken = await assign("A1", "E3");
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { type: string }).type).toBe("/problems/booth-taken");
    const size = await assign("C1", "E3");
    expect(((await size.json()) as { type: string }).type).toBe("/problems/size-mismatch");
    const rival = await assign("A2", "E2");
    expect(rival.status).toBe(409);
    expect(((await rival.json()) as { type: string; detail: string }).detail).toContain("E1");
    expect((await assign("A3", "E2")).status).toBe(200);
    // Moving keeps one booth per exhibitor.
    expect((await assign("A5", "E2")).status).toBe(200);
    const booths = (await (await t.request(`/api/events/${id}/booths`)).json()) as {
      code: string;
      assignment: { exhibitor: string } | null;
    }[];
    expect(booths.filter((b) => b.assignment?.exhibitor === "E2").map((b) => b.code)).toEqual(["A5"]);
  });

  it("a refusal carries its typed data beside the detail (booths by code, exhibitors by ref)", async () => {
    const id = await fair();
    await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      json: [ex("E1", { competitors: ["E2"] }), ex("E2"), ex("E3")],
    });
    const assign = async (code: string, exhibitor: string) =>
      (await t.request(`/api/events/${id}/booths/${code}/assignment`, { method: "PUT", admin: true, json: { exhibitor } })).json();
    await assign("A1", "E1");
    expect(await assign("A1", "E3")).toMatchObject({ status: 409, booth: "A1", exhibitor: "E3", holder: "E1" });
    expect(await assign("A2", "E2")).toMatchObject({
      type: "/problems/competitor-adjacent",
      booth: "A2",
      exhibitor: "E2",
      competitor: "E1",
      competitorBooth: "A1",
    });
    const size = (await assign("C1", "E3")) as { booth: string; boothSize: string; exhibitorSize: string };
    expect(size).toMatchObject({ type: "/problems/size-mismatch", booth: "C1", exhibitor: "E3" });
    expect(size.boothSize).not.toBe(size.exhibitorSize);
  });

  it("many organisers racing for one booth: exactly one wins", async () => {
    const id = await fair();
    const refs = Array.from({ length: 12 }, (_, i) => `R${i}`);
    await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: refs.map((r) => ex(r)) });
    const results = await Promise.all(
      refs.map((r) =>
        t.request(`/api/events/${id}/booths/A4/assignment`, { method: "PUT", admin: true, json: { exhibitor: r } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
    // One exhibitor clicked into many booths at once ends up in exactly one.
    const many = await Promise.all(
      ["A1", "A2", "A3", "A5", "A6"].map((code) =>
        t.request(`/api/events/${id}/booths/${code}/assignment`, { method: "PUT", admin: true, json: { exhibitor: "R0" } }),
      ),
    );
    expect(many.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const booths = (await (await t.request(`/api/events/${id}/booths`)).json()) as { assignment: { exhibitor: string } | null }[];
    const held = booths.map((b) => b.assignment?.exhibitor).filter(Boolean);
    expect(new Set(held).size).toBe(held.length);
  });
});

describe("automatic allocation", () => {
  it("previews without changing anything, applies in one go, keeps pinned booths and is deterministic", async () => {
    const id = await fair();
    const xs = [
      ex("P1", { preferences: ["A1"], priority: 10 }),
      ex("P2", { preferences: ["A1", "A2"], priority: 0, cluster: "福岡" }),
      ex("P3", { preferences: ["A3"], competitors: ["P4"] }),
      ex("P4", { preferences: ["A4"] }),
      ex("P5", { size: "2x1", preferences: ["B1"] }),
      ex("P6", { size: "2x1" }),
      ex("P7", { size: "3x3", homeZone: "island" }),
    ];
    await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: xs });
    // Pin P2 to A6.
    expect(
      (
        await t.request(`/api/events/${id}/booths/A6/assignment`, {
          method: "PUT",
          admin: true,
          json: { exhibitor: "P2", pinned: true },
        })
      ).status,
    ).toBe(200);
    const dry = await t.request(`/api/events/${id}/allocation`, { method: "POST", admin: true, json: { dryRun: true } });
    const preview = (await dry.json()) as {
      assignments: { booth: string; exhibitor: string }[];
      unassigned: { exhibitor: string; reason: string }[];
      score: { total: number; firstChoice: number };
      applied: boolean;
    };
    expect(preview.applied).toBe(false);
    expect(preview.assignments).toContainEqual({ booth: "A6", exhibitor: "P2" });
    expect(preview.unassigned).toEqual([{ exhibitor: "P6", reason: expect.any(String) }]);
    const booths0 = (await (await t.request(`/api/events/${id}/booths`)).json()) as { assignment: unknown }[];
    expect(booths0.filter((b) => b.assignment)).toHaveLength(1);

    const applied = (await (
      await t.request(`/api/events/${id}/allocation`, { method: "POST", admin: true, json: {} })
    ).json()) as typeof preview;
    expect(applied.applied).toBe(true);
    expect(applied.assignments).toEqual(preview.assignments);
    expect(applied.score).toEqual(preview.score);
    const pinnedOf = async (admin: boolean) =>
      ((await (await t.request(`/api/events/${id}/booths`, { admin })).json()) as { code: string; assignment: { pinned?: boolean } | null }[]).find(
        (b) => b.code === "A6",
      )!.assignment;
    // Which booth is pinned is the organisers' business: the public map does not say.
    expect((await pinnedOf(true))!.pinned).toBe(true);
    expect(await pinnedOf(false)).not.toHaveProperty("pinned");
    const booths = (await (await t.request(`/api/events/${id}/booths`)).json()) as {
      code: string;
      x: number;
      y: number;
      w: number;
      h: number;
      zone: string;
      assignment: { exhibitor: string; pinned: boolean } | null;
    }[];
    const assignments = booths.filter((b) => b.assignment).map((b) => ({ booth: b.code, exhibitor: b.assignment!.exhibitor }));
    expect(assignments).toHaveLength(6);
    const violations = checkRules(
      {
        booths: booths.map(({ code, x, y, w, h, zone }) => ({ code, x, y, w, h, zone })),
        exhibitors: xs.map((x) => ({ ...x, homeZone: (x as { homeZone?: string }).homeZone ?? null })),
        pinned: [{ booth: "A6", exhibitor: "P2" }],
      },
      assignments,
    );
    expect(violations).toEqual([]);
    const list = (await (await t.request(`/api/events/${id}/exhibitors`, { admin: true })).json()) as {
      ref: string;
      status: string;
    }[];
    expect(list.find((x) => x.ref === "P6")!.status).toBe("unassigned");
    expect(list.find((x) => x.ref === "P1")!.status).toBe("assigned");
  });

  it("applies exactly what was previewed: a basis from the dry run, refused once the hall or the weights changed", async () => {
    const id = await fair();
    await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: [ex("Q1"), ex("Q2")] });
    const allocation = (json: unknown) => t.request(`/api/events/${id}/allocation`, { method: "POST", admin: true, json });
    const { basis } = (await (await allocation({ dryRun: true })).json()) as { basis: string };
    expect(basis).toMatch(/^[0-9a-f]{32}$/);
    // Someone pins a booth in between: the preview's basis no longer holds.
    await t.request(`/api/events/${id}/booths/A6/assignment`, { method: "PUT", admin: true, json: { exhibitor: "Q1", pinned: true } });
    const stale = await allocation({ basis });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { type: string }).type).toBe("/problems/allocation-changed");
    expect(((await (await t.request(`/api/events/${id}/booths`)).json()) as { assignment: unknown }[]).filter((b) => b.assignment)).toHaveLength(1);
    // Other weights than the preview's are another basis too.
    const fresh = ((await (await allocation({ dryRun: true })).json()) as { basis: string }).basis;
    expect(fresh).not.toBe(basis);
    const weights = { priorityBase: 5, preferences: [10, 7, 4], homeZone: 3, sameClusterAdjacent: 20 };
    expect((await allocation({ basis: fresh, weights })).status).toBe(409);
    const applied = await allocation({ basis: fresh });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true, basis: fresh });
  });

  it("publishes each exhibitor's booth by e-mail once, escaping names", async () => {
    const id = await fair();
    await t.request(`/api/events/${id}/exhibitors`, {
      method: "PUT",
      admin: true,
      json: [ex("M1", { name: "<img src=x onerror=alert(1)>" }), ex("M2")],
    });
    await t.request(`/api/events/${id}/allocation`, { method: "POST", admin: true, json: {} });
    const r1 = (await (await t.request(`/api/events/${id}/allocation/publish`, { method: "POST", admin: true })).json()) as {
      queued: number;
    };
    expect(r1.queued).toBe(2);
    await t.request(`/api/events/${id}/allocation/publish`, { method: "POST", admin: true });
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, "m1@example.jp"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.htmlBody).not.toContain("<img");
    expect(mails[0]!.textBody).toMatch(/A\d/);
    const svg = await t.request(`/api/events/${id}/floor-plan.svg`);
    expect(svg.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(text).not.toContain("<img");
  });
});
