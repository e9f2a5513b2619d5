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

describe("exhibitor CSV and priority", () => {
  let fair: string;
  const put = (body: string, type = "text/csv") =>
    t.request(`/api/events/${fair}/exhibitors`, { method: "PUT", admin: true, body, headers: { "Content-Type": type } });
  const refs = async () =>
    ((await (await t.request(`/api/events/${fair}/exhibitors`, { admin: true })).json()) as { ref: string; status: string }[])
      .filter((x) => x.status !== "withdrawn")
      .map((x) => x.ref);
  const HEADER = "ref,name,organization,cluster,field,size,priority\r\n";

  beforeAll(async () => {
    fair = (await createOpenEvent(t, { kind: "techno_fair", block: "kanto" })).id;
    const res = await put(`${HEADER}E1,出展者1,北海道大学,札幌IT,IT,1x1,3\r\nE2,出展者2,株式会社B,札幌IT,IT,1x1,5\r\n`);
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it("an empty body, or a header without rows, is 400 and withdraws nobody", async () => {
    for (const body of ["", "\r\n\r\n", "\uFEFF", HEADER, `\uFEFF${HEADER}\r\n`]) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await fieldsOf(res)).toEqual(["body"]);
    }
    expect(await refs()).toEqual(["E1", "E2"]);
  });

  it("a duplicate or unknown column in the header is 400", async () => {
    const dup = await put("ref,name,organization,cluster,field,size,priority,priority\r\nE1,a,b,c,d,1x1,3,9\r\n");
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as Problem).errors![0]!.message).toContain("priority");
    const typo = await put("ref,name,organization,cluster,field,size,priorty\r\nE1,a,b,c,d,1x1,9\r\n");
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as Problem).errors![0]!.message).toContain("priorty");
    expect(await refs()).toEqual(["E1", "E2"]);
  });

  it("priority is an integer, in CSV and in JSON", async () => {
    for (const cell of ["0x3", "1e1", "3.0", "true", "３", "-1", "11", " 3x"]) {
      const res = await put(`${HEADER}E1,a,b,c,d,1x1,${cell}\r\n`);
      expect(res.status, cell).toBe(400);
      expect(await fieldsOf(res), cell).toEqual(["rows[2].priority"]);
    }
    const ex = (priority: unknown) => ({
      ref: "J1",
      name: "a",
      organization: "b",
      cluster: "c",
      field: "d",
      size: "1x1",
      priority,
    });
    for (const priority of ["0x3", "3", true, [], {}, 2.5, null]) {
      const res = await t.request(`/api/events/${fair}/exhibitors`, { method: "POST", admin: true, json: ex(priority) });
      expect(res.status, JSON.stringify(priority)).toBe(400);
      expect(await fieldsOf(res), JSON.stringify(priority)).toEqual(["priority"]);
      const all = await t.request(`/api/events/${fair}/exhibitors`, { method: "PUT", admin: true, json: [ex(priority)] });
      expect(all.status, JSON.stringify(priority)).toBe(400);
    }
    expect(await refs()).toEqual(["E1", "E2"]);
    const ok = await t.request(`/api/events/${fair}/exhibitors`, { method: "POST", admin: true, json: ex(7) });
    expect(ok.status).toBe(201);
  });
});

describe("invalid UTF-8 in a body", () => {
  const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);

  it("is 400 naming the body on every JSON route, not stored with U+FFFD", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    // "山田" in Shift_JIS (0x8E 0x52 0x93 0x63) is not UTF-8; so is a lone continuation byte.
    const sjis = new Uint8Array([0x8e, 0x52, 0x93, 0x63]);
    const json = (prefix: string, bad: Uint8Array, suffix: string) =>
      new Uint8Array([...new TextEncoder().encode(prefix), ...bad, ...new TextEncoder().encode(suffix)]);
    const cases: [string, string, Uint8Array<ArrayBuffer>][] = [
      [
        "POST",
        `/api/events/${e.id}/registrations`,
        json('{"name":"', sjis, '","email":"sjis@example.jp","organization":"x","sector":"other"}'),
      ],
      ["PATCH", `/api/events/${e.id}`, json('{"titleJa":"', latin1("\x80"), '"}')],
      [
        "POST",
        "/api/events",
        json('{"kind":"seminar","titleJa":"', latin1("\xff\xfe"), '","startsAt":"2026-07-01","endsAt":"2026-07-01"}'),
      ],
      ["POST", "/api/auth/login", json('{"email":"a@example.jp","password":"', latin1("\xc3\x28"), '"}')],
    ];
    for (const [method, path, body] of cases) {
      const res = await t.request(path, {
        method,
        admin: true,
        body,
        headers: { "Content-Type": "application/json; charset=utf-8" },
      });
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(await fieldsOf(res), path).toEqual(["body"]);
    }
    const regs = (await (await t.request(`/api/events/${e.id}/registrations`, { admin: true })).json()) as { items: unknown[] };
    expect(regs.items).toHaveLength(0);
    expect(JSON.stringify(await (await t.request(`/api/events/${e.id}`)).json())).not.toContain("\uFFFD");
    // A CSV sheet saved as Shift_JIS is refused the same way.
    const fair = (await createOpenEvent(t, { kind: "techno_fair" })).id;
    const csv = json("ref,name,organization,cluster,field,size\r\nE1,", sjis, ",b,c,d,1x1\r\n");
    const res = await t.request(`/api/events/${fair}/exhibitors`, {
      method: "PUT",
      admin: true,
      body: csv,
      headers: { "Content-Type": "text/csv" },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["body"]);
  });

  it("valid UTF-8, Japanese included, still goes through", async () => {
    const e = await createOpenEvent(t, { capacity: 10 });
    const body = new TextEncoder().encode(
      JSON.stringify({ name: "山田 花子", email: "utf8@example.jp", organization: "東北大学", sector: "academia" }),
    );
    const res = await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(201);
  });
});
