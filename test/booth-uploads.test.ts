/** Whole-list uploads through the API: 2 MiB bodies, floor plans as CSV, errors by row and column, the documented sheets. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_UPLOAD_BYTES } from "../api/app.ts";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";
import { realisticExhibitors } from "./support/fair.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Problem = { type: string; status: number; errors?: { field: string; code: string; message: string }[] };
const CSV = { "Content-Type": "text/csv; charset=utf-8" };
const JSON_TYPE = { "Content-Type": "application/json" };
const put = (path: string, body: string, headers: Record<string, string>) =>
  t.request(path, { method: "PUT", admin: true, body, headers });
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors!.map((e) => e.field);
const fairId = async () => (await createOpenEvent(t, { kind: "techno_fair", startsAt: "2026-12-02", endsAt: "2026-12-03" })).id;
const boothCodes = async (id: string) =>
  ((await (await t.request(`/api/events/${id}/booths`)).json()) as { code: string }[]).map((b) => b.code);

const PLAN = "code,x,y,w,h,zone\r\nA-01,0,0,1,1,北\r\nA-02,1,0,1,1,北\r\nB-01,0,2,2,1,西\r\n";

describe("upload bodies", () => {
  it("a realistic list of 260 exhibitors as JSON (well over 64 KiB) is accepted", async () => {
    const id = await fairId();
    const body = JSON.stringify(realisticExhibitors(260));
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await put(`/api/events/${id}/exhibitors`, body, JSON_TYPE);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(260);
  });

  it("takes exactly 2 MiB; one byte more is 413 problem+json; other routes keep 64 KiB", async () => {
    const id = await fairId();
    const list = JSON.stringify(realisticExhibitors(3));
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const padded = list + " ".repeat(MAX_UPLOAD_BYTES - bytes(list));
    expect(bytes(padded)).toBe(2 * 1024 * 1024);
    const ok = await put(`/api/events/${id}/exhibitors`, padded, JSON_TYPE);
    expect(ok.status, await ok.clone().text()).toBe(200);

    const over = await put(`/api/events/${id}/exhibitors`, `${padded} `, JSON_TYPE);
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toContain("application/problem+json");
    expect(((await over.json()) as Problem).type).toBe("/problems/body-too-large");
    const overPlan = await put(`/api/events/${id}/floor-plan`, PLAN + " ".repeat(MAX_UPLOAD_BYTES), CSV);
    expect(overPlan.status).toBe(413);

    const one = JSON.stringify({ ...realisticExhibitors(1)[0], ref: "BIG" });
    const big = one + " ".repeat(MAX_BODY_BYTES);
    const add = await t.request(`/api/events/${id}/exhibitors`, { method: "POST", admin: true, body: big, headers: JSON_TYPE });
    expect(add.status).toBe(413);
    const reg = await t.request(`/api/events/${id}/registrations`, { method: "POST", body: big, headers: JSON_TYPE });
    expect(reg.status).toBe(413);
    // Unchanged: the three exhibitors of the 2 MiB body.
    const list3 = (await (await t.request(`/api/events/${id}/exhibitors`, { admin: true })).json()) as unknown[];
    expect(list3.length).toBe(3);
  });
});

describe("the floor plan as CSV", () => {
  it("is stored from code,x,y,w,h,zone with a BOM and CRLF", async () => {
    const id = await fairId();
    const res = await put(`/api/events/${id}/floor-plan`, `\uFEFF${PLAN}`, CSV);
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await res.json()) as { code: string; sizeClass: string; zone: string }[];
    expect(list.map((b) => [b.code, b.sizeClass, b.zone])).toEqual([
      ["A-01", "1x1", "北"],
      ["A-02", "1x1", "北"],
      ["B-01", "2x1", "西"],
    ]);
  });

  it("names the row and the column of every problem, and stores nothing", async () => {
    const id = await fairId();
    expect((await put(`/api/events/${id}/floor-plan`, PLAN, CSV)).status).toBe(200);
    const sheet = [
      "code,x,y,w,h,zone",
      "A-01,0,0,1,1,北", // row 2: fine
      "A-02,one,0,1,1,北", // row 3: x is not a number
      "A-03,2,0,0,1,北", // row 4: no width
      "A-01,5,5,1,1,南", // row 5: the code again
      "A 04,7,0,1,1,", // row 6: a bad code, no zone
    ].join("\r\n");
    const res = await put(`/api/events/${id}/floor-plan`, sheet, CSV);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(["rows[3].x", "rows[4].w", "rows[5].code", "rows[6].code", "rows[6].zone"]),
    );
    expect(problem.errors!.find((e) => e.field === "rows[5].code")!.message).toContain("A-01");
    expect(await boothCodes(id)).toEqual(["A-01", "A-02", "B-01"]);
  });

  it("an empty sheet, a header without rows or a missing column is 400 naming the body, and the plan stays", async () => {
    const id = await fairId();
    expect((await put(`/api/events/${id}/floor-plan`, PLAN, CSV)).status).toBe(200);
    for (const body of ["", "\r\n", "\uFEFF", "code,x,y,w,h,zone\r\n", "code,x,y,w,zone\r\nA-09,0,0,1,北\r\n", "code,x,y,w,h,zone,colour\r\n"]) {
      const res = await put(`/api/events/${id}/floor-plan`, body, CSV);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await fieldsOf(res), JSON.stringify(body)).toEqual(["body"]);
    }
    expect(await boothCodes(id)).toEqual(["A-01", "A-02", "B-01"]);
  });

  it("exhibitor sheets name the row (the header is row 1, blank lines counted) and column", async () => {
    const id = await fairId();
    const sheet = "ref,name,organization,cluster,field,size\r\nE1,a,b,c,d,1x1\r\n\r\nE2,a,b,c,d,huge\r\nE1,a,b,c,d,1x1\r\n";
    const res = await put(`/api/events/${id}/exhibitors`, sheet, CSV);
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["rows[4].size"]);
  });
});

describe("the OpenAPI document", () => {
  it("declares the text/csv bodies with their columns and a real example, and the 413", async () => {
    const doc = (await (await t.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { description: string; example: string } }> }; responses: Record<string, unknown> }>>;
    };
    const plan = doc.paths["/api/events/{id}/floor-plan"]!.put!;
    const planCsv = plan.requestBody.content["text/csv"]!.schema;
    expect(planCsv.description).toContain("code,x,y,w,h,zone");
    expect(planCsv.example.split("\r\n")[0]).toBe("code,x,y,w,h,zone");
    expect(plan.requestBody.content["application/json"]).toBeDefined();
    expect(plan.responses["413"]).toBeDefined();
    const ex = doc.paths["/api/events/{id}/exhibitors"]!.put!;
    const exCsv = ex.requestBody.content["text/csv"]!.schema;
    for (const column of ["ref", "name", "organization", "cluster", "field", "size", "priority", "preferences", "competitors"])
      expect(exCsv.description).toContain(column);
    expect(ex.responses["413"]).toBeDefined();

    // The examples are sheets the API takes as they are.
    const id = await fairId();
    const a = await put(`/api/events/${id}/floor-plan`, planCsv.example, CSV);
    expect(a.status, await a.clone().text()).toBe(200);
    const b = await put(`/api/events/${id}/exhibitors`, exCsv.example, CSV);
    expect(b.status, await b.clone().text()).toBe(200);
  });
});
