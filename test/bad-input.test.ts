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

describe("hostile form posts to the web pages never reach a 500", () => {
  it("public and organiser forms, anonymous and with a session", async () => {
    const login = await t.request("/api/auth/login", { method: "POST", json: { email: "nobody@example.jp", password: "x" } });
    expect(login.status).toBe(401);
    await t.request("/api/organisers", {
      method: "POST",
      admin: true,
      json: {
        email: "form.fuzz@example.jp",
        name: "F",
        role: "admin",
        scopes: { blocks: [], events: [] },
        password: "form fuzz password 1",
      },
    });
    const session = await t.request("/admin/login", {
      method: "POST",
      body: new URLSearchParams({ email: "form.fuzz@example.jp", password: "form fuzz password 1" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const cookie = session.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toContain("session");
    const { csrfToken } = (await (await t.request("/api/auth/me", { headers: { Cookie: cookie } })).json()) as {
      csrfToken: string;
    };
    const forms = [
      "",
      "name=%00&email=%ff&sector=press",
      "name=" + "あ".repeat(5000),
      "_csrf=x&exhibitor=%00&booth=..%2F&pinned=on&startsAt=2026-99-99T99:99&endsAt=&capacity=-1e309&kind=party",
      "email=%EF%BD%94%EF%BD%85%EF%BD%93%EF%BD%94%EF%BC%A0%EF%BD%85%EF%BD%98%EF%BD%81%EF%BD%8D%EF%BD%90%EF%BD%8C%EF%BD%85%EF%BC%8E%EF%BD%8A%EF%BD%90&name=a&organization=b&sector=other",
    ];
    const paths = [
      `/events/${eventId}/register`,
      "/events/not-a-uuid/register",
      `/r/${"A".repeat(43)}/cancel`,
      `/r/${"A".repeat(43)}/calendar-link`,
      "/admin/login",
      "/admin/password",
      "/admin/events/new",
      `/admin/events/${eventId}/edit`,
      `/admin/events/${eventId}/cancel`,
      `/admin/events/${eventId}/registrations/not-a-uuid/check-in`,
      `/admin/events/${eventId}/booths/assign`,
      `/admin/events/${eventId}/booths/%00/pin`,
      `/admin/events/${eventId}/booths/preview`,
    ];
    for (const path of paths) {
      for (const body of forms) {
        for (const withSession of [false, true]) {
          const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
          if (withSession) headers.Cookie = cookie;
          const res = await t.request(path, {
            method: "POST",
            body: withSession ? `_csrf=${csrfToken}&${body}` : body,
            headers,
          });
          expect(res.status, `POST ${path} ${body.slice(0, 40)} → ${res.status}`).toBeLessThan(500);
        }
      }
    }
  }, 300_000);
});
