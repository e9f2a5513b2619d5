/** Login CSRF (the login form has no CSRF token to check) and what an Idempotency-Key may be. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
const email = "csrf.organiser@example.jp";
const password = "a long enough password for this";
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "主催 花子", role: "organiser", password },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => t?.close());

const loginForm = (headers: Record<string, string>) =>
  t.request("/admin/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password }).toString(),
  });

describe("login CSRF", () => {
  it("a login posted from another site, a sandboxed frame or a data: page is refused 403 and sets no cookie", async () => {
    const attacks: Record<string, string>[] = [
      { Origin: "null" },
      { Origin: "null", Referer: "https://events.example.jp/admin/login" },
      { Origin: "https://evil.example" },
      { Referer: "https://evil.example/login-csrf.html" },
      { Referer: "https://events.example.jp.evil.example/admin/login" },
      { Referer: "not a url" },
    ];
    for (const headers of attacks) {
      for (const res of [
        await loginForm(headers),
        await t.request("/api/auth/login", { method: "POST", json: { email, password }, headers }),
      ]) {
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(res.headers.getSetCookie(), JSON.stringify(headers)).toEqual([]);
      }
    }
  });

  it("our own pages, and clients that are not browsers (no Origin, no Referer), still log in", async () => {
    const own: Record<string, string>[] = [
      { Origin: "https://events.example.jp" },
      { Referer: "https://events.example.jp/admin/login?next=%2Fadmin" },
      {},
    ];
    for (const headers of own) {
      const res = await loginForm(headers);
      expect(res.status, JSON.stringify(headers)).toBe(303);
      expect(res.headers.getSetCookie().join()).toMatch(/__Host-ce_session=/);
    }
    expect((await t.request("/api/auth/login", { method: "POST", json: { email, password } })).status).toBe(200);
  });
});

describe("Idempotency-Key", () => {
  it("must be 16–255 visible ASCII characters: otherwise 400 naming the header, and nothing registered", async () => {
    const e = await createOpenEvent(t);
    for (const key of ["1", "short-key-15chr", "x".repeat(256), "has a space in it 12345", "has\ta-tab-in-it-0123456789"]) {
      const p = person();
      const res = await t.request(`/api/events/${e.id}/registrations`, {
        method: "POST",
        json: p,
        headers: { "Idempotency-Key": key },
      });
      expect(res.status, key).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors[0]!.field).toBe("header.Idempotency-Key");
      expect(body.errors[0]!.message).toMatch(/16–255/);
      const desk = (await (await t.request(`/api/events/${e.id}/registrations`, { admin: true })).json()) as {
        items: { email: string }[];
      };
      expect(desk.items.map((i) => i.email)).not.toContain(p.email);
    }
  });

  it("a UUID, or 16 and 255 characters, is accepted; the same key and body replays, another body is 422", async () => {
    const e = await createOpenEvent(t, { capacity: 50 });
    for (const key of [crypto.randomUUID(), "k".repeat(16), "~".repeat(255)]) {
      const p = person();
      const first = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: p, headers: { "Idempotency-Key": key } });
      const again = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: p, headers: { "Idempotency-Key": key } });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
      const other = await t.request(`/api/events/${e.id}/registrations`, {
        method: "POST",
        json: person(),
        headers: { "Idempotency-Key": key },
      });
      expect(other.status).toBe(422);
    }
  });

  it("the registration form carries a UUID as its key", async () => {
    const e = await createOpenEvent(t);
    const html = await (await t.request(`/events/${e.id}`)).text();
    const key = html.match(/name="idempotencyKey" value="([^"]*)"/)![1]!;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
