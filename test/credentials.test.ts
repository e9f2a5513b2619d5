/** Credentials an attacker might hold on to: old password links, tokens minted with a token, a disabled account's sessions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "../jobs/deliver-mail.ts";
import type { TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, type Smtp } from "./support/smtp.ts";

let t: TestApp;
let smtp: Smtp;
beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp());
});
afterAll(async () => t?.close());

let n = 0;
async function organiser() {
  const email = `cred${++n}@example.jp`;
  const res = await t.request("/api/organisers", { method: "POST", admin: true, json: { email, name: "担当", role: "organiser" } });
  expect(res.status).toBe(201);
  return { email, id: ((await res.json()) as { id: string }).id };
}
/** Every password link mailed to this address, oldest first. */
async function mailedLinks(email: string) {
  await deliverMail(t.deps);
  return smtp.to(email).flatMap((m) => [...m.text.matchAll(/token=([A-Za-z0-9_-]{43})/g)].map((x) => x[1]!));
}
const setPassword = (token: string, password: string) =>
  t.request("/api/auth/password", { method: "POST", json: { token, password } });

describe("password links", () => {
  it("issuing a new link voids the earlier unused ones; using one voids the rest", async () => {
    const o = await organiser();
    const [first] = await mailedLinks(o.email);
    expect((await t.request(`/api/organisers/${o.id}/password-link`, { method: "POST", admin: true })).status).toBe(202);
    const second = (await mailedLinks(o.email))[1];
    expect((await t.request(`/api/organisers/${o.id}/password-link`, { method: "POST", admin: true })).status).toBe(202);
    const third = (await mailedLinks(o.email))[2];
    expect(new Set([first, second, third]).size).toBe(3);
    // Whoever kept the first or second mail cannot use it any more.
    expect((await setPassword(first!, "an attacker's chosen password")).status).toBe(404);
    expect((await setPassword(second!, "an attacker's chosen password")).status).toBe(404);
    expect((await setPassword(third!, "the owner's own long password")).status).toBe(204);
    expect((await setPassword(third!, "used twice is not allowed ok")).status).toBe(404);
    const login = await t.request("/api/auth/login", { method: "POST", json: { email: o.email, password: "the owner's own long password" } });
    expect(login.status).toBe(200);
  });
});

describe("API tokens", () => {
  it("an API token cannot create API tokens; a logged-in session can", async () => {
    const o = await organiser();
    const [link] = await mailedLinks(o.email);
    expect((await setPassword(link!, "correct horse battery staple")).status).toBe(204);
    const login = await t.request("/api/auth/login", { method: "POST", json: { email: o.email, password: "correct horse battery staple" } });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await t.request("/api/api-tokens", {
      method: "POST",
      json: { name: "script" },
      headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const minted = await t.request("/api/api-tokens", {
      method: "POST",
      json: { name: "outlives the leak" },
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(minted.status).toBe(403);
    expect(minted.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const list = (await (await t.request("/api/api-tokens", { headers: { Authorization: `Bearer ${token}` } })).json()) as unknown[];
    expect(list).toHaveLength(1);

    // Disabling the account ends its sessions and tokens, and re-enabling does not bring them back.
    expect((await t.request(`/api/organisers/${o.id}`, { method: "PATCH", admin: true, json: { disabled: true } })).status).toBe(200);
    expect((await t.request(`/api/organisers/${o.id}`, { method: "PATCH", admin: true, json: { disabled: false } })).status).toBe(200);
    expect((await t.request("/api/api-tokens", { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    const me = (await (await t.request("/api/auth/me", { headers: { Cookie: cookie } })).json()) as { kind: string };
    expect(me.kind).toBe("anonymous");
  });
});

const PASSWORD = "correct horse battery staple";
/** An organiser with a password, logged in on two devices, with two API tokens. */
async function account() {
  const email = `everywhere${++n}@example.jp`;
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "担当", role: "organiser", scopes: { blocks: ["tohoku"], events: [] }, password: PASSWORD },
  });
  expect(res.status).toBe(201);
  const device = async () => {
    const login = await t.request("/api/auth/login", { method: "POST", json: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    return { cookie: login.headers.get("set-cookie")!.split(";")[0]!, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
  };
  const [phone, desk] = [await device(), await device()];
  const token = async (name: string, expiresAt?: string) => {
    const r = await t.request("/api/api-tokens", {
      method: "POST",
      json: { name, ...(expiresAt ? { expiresAt } : {}) },
      headers: { Cookie: phone.cookie, "X-CSRF-Token": phone.csrfToken },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as { token: string; expiresAt: string | null };
  };
  return { email, phone, desk, tokens: [(await token("cron")).token, (await token("script")).token], token, device };
}
const asSession = (s: { cookie: string; csrfToken: string }) => ({ Cookie: s.cookie, "X-CSRF-Token": s.csrfToken });
const asToken = (token: string) => ({ Authorization: `Bearer ${token}` });
const meKind = async (headers: Record<string, string>) => {
  const res = await t.request("/api/auth/me", { headers });
  return res.status === 401 ? "refused" : ((await res.json()) as { kind: string }).kind;
};

describe("log out everywhere", () => {
  it("from a session: every session and API token of the account ends, and only that account's", async () => {
    const a = await account();
    const other = await account();
    const res = await t.request("/api/auth/logout-all", { method: "POST", headers: asSession(a.phone) });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/ce_session=;/);
    expect(await meKind({ Cookie: a.phone.cookie })).toBe("anonymous");
    expect(await meKind({ Cookie: a.desk.cookie })).toBe("anonymous");
    for (const token of a.tokens) expect(await meKind(asToken(token))).toBe("refused");
    // Another account is untouched.
    expect(await meKind({ Cookie: other.desk.cookie })).toBe("organiser");
    expect(await meKind(asToken(other.tokens[0]!))).toBe("organiser");
    // The account's token list says so, seen from a new login.
    const again = await a.device();
    const list = (await (await t.request("/api/api-tokens", { headers: asSession(again) })).json()) as { revoked: boolean }[];
    expect(list.map((x) => x.revoked)).toEqual([true, true]);
  });

  it("with an API token: the token used ends too, and the sessions with it", async () => {
    const a = await account();
    expect((await t.request("/api/auth/logout-all", { method: "POST", headers: asToken(a.tokens[1]!) })).status).toBe(204);
    expect(await meKind(asToken(a.tokens[1]!))).toBe("refused");
    expect(await meKind(asToken(a.tokens[0]!))).toBe("refused");
    expect(await meKind({ Cookie: a.desk.cookie })).toBe("anonymous");
  });

  it("is refused without the CSRF token, from another origin, anonymously and with ADMIN_TOKEN (which has no account)", async () => {
    const a = await account();
    const noCsrf = await t.request("/api/auth/logout-all", { method: "POST", headers: { Cookie: a.phone.cookie } });
    expect(noCsrf.status).toBe(403);
    const foreign = await t.request("/api/auth/logout-all", {
      method: "POST",
      headers: { ...asSession(a.phone), Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect((await t.request("/api/auth/logout-all", { method: "POST" })).status).toBe(401);
    const admin = await t.request("/api/auth/logout-all", { method: "POST", admin: true });
    expect(admin.status).toBe(400);
    expect(((await admin.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["actor"]);
    // Nothing ended.
    expect(await meKind({ Cookie: a.phone.cookie })).toBe("organiser");
    expect(await meKind(asToken(a.tokens[0]!))).toBe("organiser");
  });

  it("the account page lists the tokens with their expiry and has a button that needs the form's CSRF token", async () => {
    const a = await account();
    await a.token("until summer", "2026-08-31T23:59:00+09:00");
    const page = await t.request("/admin/account", { headers: { Cookie: a.phone.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("until summer");
    expect(html).toContain("2026年8月31日");
    expect(html).toContain("なし（失効させるまで）");
    expect(html).toMatch(/<form method="post" action="\/admin\/logout-all"><input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toContain("すべての端末からログアウト");
    const form = (csrf: string) =>
      t.request("/admin/logout-all", {
        method: "POST",
        headers: { Cookie: a.phone.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
    expect((await form("not-the-token")).status).toBe(403);
    expect(await meKind({ Cookie: a.desk.cookie })).toBe("organiser");
    const done = await form(a.phone.csrfToken);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/login?done=logout-all");
    expect(await meKind({ Cookie: a.desk.cookie })).toBe("anonymous");
    expect(await meKind(asToken(a.tokens[0]!))).toBe("refused");
    const login = await t.request("/admin/login?done=logout-all&lang=en");
    expect(await login.text()).toContain("You are logged out everywhere");
  });
});

describe("API token expiry", () => {
  it("expiresAt is optional, must be a date-time in the future (400 naming it), is listed, and an expired token is refused", async () => {
    const a = await account();
    const refused = async (expiresAt: unknown) => {
      const res = await t.request("/api/api-tokens", { method: "POST", json: { name: "x", expiresAt }, headers: asSession(a.phone) });
      expect(res.status, String(expiresAt)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect([...new Set(fields)]).toEqual(["expiresAt"]);
    };
    // The test clock stands at 2026-05-01T00:00:00Z.
    await refused("2026-04-30T23:59:59Z");
    await refused("2026-05-01T09:00:00+09:00"); // now, not the future
    await refused("tomorrow");
    await refused("2026-02-30T10:00:00+09:00");
    await refused(1777593600000);
    const short = await a.token("an hour", "2026-05-01T10:00:00+09:00");
    expect(short.expiresAt).toBe("2026-05-01T10:00:00+09:00");
    const forever = await a.token("no expiry");
    expect(forever.expiresAt).toBeNull();
    expect(await meKind(asToken(short.token))).toBe("organiser");
    const list = async () =>
      (await (await t.request("/api/api-tokens", { headers: asToken(forever.token) })).json()) as {
        name: string;
        expiresAt: string | null;
        expired: boolean;
      }[];
    expect((await list()).find((x) => x.name === "an hour")).toMatchObject({ expiresAt: "2026-05-01T10:00:00+09:00", expired: false });

    t.clock.advance(3_600_000); // 10:00 in Tokyo: the hour is over
    const res = await t.request("/api/auth/me", { headers: asToken(short.token) });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await meKind(asToken(forever.token))).toBe("organiser");
    expect((await list()).find((x) => x.name === "an hour")).toMatchObject({ expired: true });
    const page = await (await t.request("/admin/account?lang=en", { headers: { Cookie: a.phone.cookie } })).text();
    expect(page).toContain("Expired");
    t.clock.advance(-3_600_000);
  });
});
