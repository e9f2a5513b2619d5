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
