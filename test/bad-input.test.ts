import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";

/**
 * Every route in the OpenAPI document, called with hostile bodies and parameters, as anonymous and
 * as administrator: nothing may answer 500, and every error is problem+json.
 */
let t: TestApp;
let eventId: string;
beforeAll(async () => {
  t = await createTestApp();
  eventId = (await createOpenEvent(t)).id;
});
afterAll(async () => t?.close());

const bodies: (string | undefined)[] = [
  undefined,
  "",
  "null",
  "[]",
  '"text"',
  "123456789012345678901234567890",
  "{}",
  '{"name": {"$gt": ""}, "email": ["a@b.jp"], "sector": 1}',
  JSON.stringify({ titleJa: "\ud800", kind: "seminar", startsAt: "2026-13-45", endsAt: "x" }),
  JSON.stringify({ a: { b: { c: { d: { e: { f: [[[[[[1]]]]]] } } } } } }),
  JSON.stringify({ name: "ｔｅｓｔ", email: "ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｊｐ", organization: "<script>", sector: "industry" }),
  '{"booths": [{"code": "A", "x": -1, "y": 1e308, "w": NaN}]}',
  '{"broken": ',
];
const ids = ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "%00", "..%2F..%2Fetc", "A".repeat(300)];

describe("hostile input never reaches a 500", () => {
  it("across every documented route", async () => {
    const doc = (await (await t.request("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        for (const id of [eventId, ...ids]) {
          const url = path
            .replace("{id}", id)
            .replace("{rid}", id)
            .replace("{code}", id.slice(0, 30))
            .replace("{kind}", id.slice(0, 30))
            .replace("{name}", id.slice(0, 30))
            .replace("{token}", id)
            .replace("{manageToken}", id);
          for (const body of method === "get" ? [undefined] : bodies) {
            for (const admin of [false, true]) {
              const res = await t.request(`${url}?fy=abc&limit=-5&cursor=%ff&lang=xx&from=nope`, {
                method: method.toUpperCase(),
                admin,
                ...(body !== undefined ? { body, headers: { "Content-Type": "application/json" } } : {}),
              });
              calls++;
              expect(res.status, `${method.toUpperCase()} ${url} ${body?.slice(0, 40)} → ${res.status}`).toBeLessThan(500);
              if (res.status >= 400)
                expect(res.headers.get("content-type"), `${method} ${url}`).toMatch(/problem\+json|text\/html/);
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
  }, 300_000);
});
