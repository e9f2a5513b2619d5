import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";

/** Input the API used to accept, written as an attacker (or a careless spreadsheet) would send it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Problem = { status: number; errors?: { field: string; message: string }[]; detail?: string };
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

const event = (startsAt: string, endsAt = startsAt) => ({
  kind: "seminar",
  titleJa: "日付の検査",
  block: "tohoku",
  startsAt,
  endsAt,
});

describe("dates", () => {
  it("years before 1900 or after 2100 are 400 naming the field", async () => {
    for (const [startsAt, endsAt] of [
      ["1899-12-31", "1900-01-02"],
      ["2101-01-01", "2101-01-01"],
      ["0001-01-01T00:00:00Z", "2026-01-01T00:00:00Z"],
      ["2026-06-01", "9999-12-31"],
      ["2026-06-01T10:00:00+09:00", "275760-09-13"],
    ]) {
      const res = await t.request("/api/events", { method: "POST", admin: true, json: event(startsAt!, endsAt) });
      expect(res.status, `${startsAt}..${endsAt}`).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      const fields = await fieldsOf(res);
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect(["startsAt", "endsAt"]).toContain(f);
    }
  });

  it("an impossible calendar date is 400, not rolled over into the next month", async () => {
    for (const d of ["2027-02-30", "2027-02-29", "2026-04-31", "2027-02-30T10:00:00+09:00", "2026-13-01"]) {
      const res = await t.request("/api/events", { method: "POST", admin: true, json: event(d) });
      expect(res.status, d).toBe(400);
      expect(await fieldsOf(res), d).toEqual(expect.arrayContaining(["startsAt"]));
    }
    const leap = await t.request("/api/events", { method: "POST", admin: true, json: event("2028-02-29") });
    expect(leap.status).toBe(201);
    expect(((await leap.json()) as { startsAt: string }).startsAt).toBe("2028-02-29T00:00:00+09:00");
    const e = await createOpenEvent(t);
    const patch = await t.request(`/api/events/${e.id}`, { method: "PATCH", admin: true, json: { endsAt: "2026-06-31" } });
    expect(patch.status).toBe(400);
    expect((await t.request("/api/events?from=2027-02-30")).status).toBe(400);
    expect((await t.request("/api/events?fy=1899")).status).toBe(400);
    expect((await t.request("/api/audit?since=2027-02-30T00:00:00Z", { admin: true })).status).toBe(400);
    const job = await t.request("/api/admin/jobs/check-council-compliance/run", {
      method: "POST",
      admin: true,
      json: { now: "0001-04-01T00:00:00Z" },
    });
    expect(job.status).toBe(400);
  });

  it("all-day events at the edge of the range still end with an 8-digit DTEND", async () => {
    const res = await t.request("/api/events", { method: "POST", admin: true, json: event("2100-12-30", "2100-12-31") });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const ics = await (await t.request(`/calendar/events/${id}.ics`)).text();
    expect(ics).toMatch(/^DTSTART;VALUE=DATE:21001230\r$/m);
    expect(ics).toMatch(/^DTEND;VALUE=DATE:21010101\r$/m);
    const feed = await (await t.request("/calendar/feed.ics")).text();
    for (const line of feed.split("\r\n").filter((l) => /^DT(START|END);VALUE=DATE:/.test(l))) {
      expect(line).toMatch(/:\d{8}$/);
    }
  });
});
