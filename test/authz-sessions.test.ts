import { describe, expect, it } from "vitest";
import { outbox } from "../db/schema/index.ts";
import { outboxMailsTo } from "./support/app.ts";
import { authzWorld, eventId, t, tokens } from "./support/authz.ts";

authzWorld();

describe("sessions, tokens and CSRF", () => {
  it("a cookie write without the CSRF token is refused; with it, allowed", async () => {
    const login = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "tohoku@example.jp", password: "correct horse battery staple" },
    });
    const setCookie = login.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/__Host-/);
    const cookie = setCookie.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const path = `/api/events/${eventId}`;
    expect((await t.request(path, { method: "PATCH", json: { descriptionEn: "x" }, headers: { Cookie: cookie } })).status).toBe(
      403,
    );
    expect(
      (
        await t.request(path, {
          method: "PATCH",
          json: { descriptionEn: "x" },
          headers: { Cookie: cookie, "X-CSRF-Token": csrfToken, Origin: "https://evil.example" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request(path, {
          method: "PATCH",
          json: { descriptionEn: "x" },
          headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
        })
      ).status,
    ).toBe(200);
    // Logging out ends the session.
    expect((await t.request("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } })).status).toBe(204);
    expect((await t.request(`/api/events/${eventId}/registrations`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("a wrong password is 401 without saying which part was wrong", async () => {
    const res = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "tohoku@example.jp", password: "wrong password here" },
    });
    expect(res.status).toBe(401);
    const other = await t.request("/api/auth/login", {
      method: "POST",
      json: { email: "nobody@example.jp", password: "wrong password here" },
    });
    expect(((await other.json()) as { detail: string }).detail).toBe(((await res.json()) as { detail: string }).detail);
  });

  it("a revoked API token stops working at once; tokens are stored hashed", async () => {
    const list = await t.request("/api/api-tokens", { headers: { Authorization: `Bearer ${tokens.inScope}` } });
    const [mine] = (await list.json()) as { id: string; prefix: string }[];
    expect(tokens.inScope.startsWith(mine!.prefix)).toBe(true);
    expect(
      (
        await t.request(`/api/api-tokens/${mine!.id}`, {
          method: "DELETE",
          headers: { Authorization: `Bearer ${tokens.inScope}` },
        })
      ).status,
    ).toBe(204);
    expect(
      (await t.request(`/api/events/${eventId}/registrations`, { headers: { Authorization: `Bearer ${tokens.inScope}` } }))
        .status,
    ).toBe(401);
  });

  it("a new organiser without a password gets a one-time link by e-mail", async () => {
    const res = await t.request("/api/organisers", {
      method: "POST",
      admin: true,
      json: { email: "new@example.jp", name: "<b>新人</b>", role: "organiser", scopes: { blocks: ["kanto"], events: [] } },
    });
    expect(res.status).toBe(201);
    const [mail] = await outboxMailsTo(t, "new@example.jp");
    expect(mail!.html).toContain("&lt;b&gt;新人&lt;/b&gt;");
    const token = mail!.text.match(/token=([A-Za-z0-9_-]{43})/)![1]!;
    // The outbox holds the token only sealed, never in the clear.
    expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain(token);
    expect(
      (await t.request("/api/auth/password", { method: "POST", json: { token, password: "a much longer secret" } })).status,
    ).toBe(204);
    expect(
      (await t.request("/api/auth/password", { method: "POST", json: { token, password: "a much longer secret" } })).status,
    ).toBe(404);
    expect(
      (
        await t.request("/api/auth/login", {
          method: "POST",
          json: { email: "new@example.jp", password: "a much longer secret" },
        })
      ).status,
    ).toBe(200);
  });

  it("a disabled organiser can no longer log in", async () => {
    const list = (await (await t.request("/api/organisers", { admin: true })).json()) as { id: string; email: string }[];
    const k = list.find((o) => o.email === "kyushu@example.jp")!;
    expect((await t.request(`/api/organisers/${k.id}`, { method: "PATCH", admin: true, json: { disabled: true } })).status).toBe(
      200,
    );
    expect(
      (
        await t.request("/api/auth/login", {
          method: "POST",
          json: { email: "kyushu@example.jp", password: "correct horse battery staple" },
        })
      ).status,
    ).toBe(401);
    expect(
      (await t.request(`/api/events/${eventId}/registrations`, { headers: { Authorization: `Bearer ${tokens.outOfScope}` } }))
        .status,
    ).toBe(401);
  });
});

describe("security headers", () => {
  it("are on every response", async () => {
    const res = await t.request("/api/blocks");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
  });
});
