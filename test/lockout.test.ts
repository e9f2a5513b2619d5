/**
 * Rate limits must stop the one who is guessing, not the person they are guessing about. The app
 * runs as behind Cloudflare (TRUST_PROXY=cloudflare), so each CF-Connecting-IP is one client.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMITS: "on", RATE_LIMIT_LOGIN: "5/900", RATE_LIMIT_REGISTRATION: "20/600", TRUST_PROXY: "cloudflare" },
  });
});
afterAll(async () => t?.close());

const PASSWORD = "correct horse battery staple";
let accounts = 0;
async function organiser() {
  const email = `organiser${++accounts}@example.jp`;
  const res = await t.request("/api/organisers", {
    method: "POST",
    admin: true,
    json: { email, name: "主催 太郎", role: "organiser", password: PASSWORD },
  });
  expect(res.status).toBe(201);
  return email;
}
const login = (from: string, email: string, password: string) =>
  t.request("/api/auth/login", { method: "POST", json: { email, password }, headers: { "CF-Connecting-IP": from } });
/** A new window for every test: the fixed windows start on the hour here. */
const nextWindow = () => t.clock.advance(3_600_000);

describe("login counts failures, per address and per account", () => {
  it("one guessing address gets 429 with Retry-After; the owner, from their own address, still logs in", async () => {
    nextWindow();
    const victim = await organiser();
    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push((await login("203.0.113.66", victim, `guess number ${i}`)).status);
    expect(guesses).toEqual([401, 401, 401, 401, 401]);
    const refused = await login("203.0.113.66", victim, "guess number 6");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The guesser is refused before the password is looked at, even when it is right.
    expect((await login("203.0.113.66", victim, PASSWORD)).status).toBe(429);
    // The owner: one typo, then the right password; and successful logins are not failures.
    expect((await login("198.51.100.7", victim, "typo")).status).toBe(401);
    for (let i = 0; i < 8; i++) expect((await login("198.51.100.7", victim, PASSWORD)).status).toBe(200);
    // The guesser's window passes.
    t.clock.advance(Number(refused.headers.get("retry-after")) * 1000);
    expect((await login("203.0.113.66", victim, "guess number 7")).status).toBe(401);
  });

  it("many addresses guessing one account: the account is closed to addresses that have been failing, not to its owner", async () => {
    nextWindow();
    const victim = await organiser();
    for (let i = 1; i <= 6; i++) expect((await login(`192.0.2.${i}`, victim, `botnet guess ${i}`)).status).toBe(401);
    // 192.0.2.1 has failed on this account once; it fails again and is then refused, right password or not.
    expect((await login("192.0.2.1", victim, "botnet guess again")).status).toBe(401);
    expect((await login("192.0.2.1", victim, PASSWORD)).status).toBe(429);
    // An address that has not been failing gets the password checked: right logs in, wrong is a failure.
    expect((await login("198.51.100.20", victim, PASSWORD)).status).toBe(200);
    expect((await login("198.51.100.21", victim, "fresh guess")).status).toBe(401);
    // Other accounts are not affected by this account's failures.
    const other = await organiser();
    expect((await login("192.0.2.2", other, PASSWORD)).status).toBe(200);
  });

  it("the login page applies the same rule", async () => {
    nextWindow();
    const victim = await organiser();
    const form = (from: string, password: string) =>
      t.request("/admin/login", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "https://events.example.jp",
          "CF-Connecting-IP": from,
        },
        body: new URLSearchParams({ email: victim, password }).toString(),
      });
    for (let i = 0; i < 5; i++) expect((await form("203.0.113.77", `form guess ${i}`)).status).toBe(401);
    const refused = await form("203.0.113.77", "form guess 6");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect((await form("198.51.100.30", PASSWORD)).status).toBe(303);
  });
});

describe("registration limits", () => {
  it("20 requests naming someone else's e-mail do not stop that person registering from their own address", async () => {
    nextWindow();
    const victim = "registrant.victim@example.jp";
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await createOpenEvent(t, { capacity: 100, titleJa: `催し ${i}` }));
    const statuses = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.request(`/api/events/${events[i % 2]!.id}/registrations`, {
        method: "POST",
        json: person({ email: victim }),
        headers: { "CF-Connecting-IP": "203.0.113.99" },
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(18);
    // The attacker is now over the limit.
    const more = await t.request(`/api/events/${events[2]!.id}/registrations`, {
      method: "POST",
      json: person({ email: victim }),
      headers: { "CF-Connecting-IP": "203.0.113.99" },
    });
    expect(more.status).toBe(429);
    // The victim, from home, through the API and through the form.
    const own = await t.request(`/api/events/${events[2]!.id}/registrations`, {
      method: "POST",
      json: person({ email: victim }),
      headers: { "CF-Connecting-IP": "198.51.100.40" },
    });
    expect(own.status).toBe(201);
    const fourth = await createOpenEvent(t, { capacity: 100 });
    const form = await t.request(`/events/${fourth.id}/register`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": "198.51.100.40" },
      body: new URLSearchParams(person({ email: victim }) as Record<string, string>).toString(),
    });
    expect(form.status).toBe(303);
  });
});

describe("rate_limits", () => {
  it("keeps only live counters: starting a window deletes those more than a day old", async () => {
    nextWindow();
    const e = await createOpenEvent(t, { capacity: 100 });
    for (let i = 0; i < 5; i++) {
      await t.request(`/api/events/${e.id}/registrations`, {
        method: "POST",
        json: person(),
        headers: { "CF-Connecting-IP": `198.51.100.${100 + i}` },
      });
    }
    const count = async () => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(rateLimits))[0]!.n);
    expect(await count()).toBeGreaterThanOrEqual(15);
    t.clock.advance(2 * 86_400_000);
    const fresh = await t.request(`/api/events/${e.id}/registrations`, {
      method: "POST",
      json: person(),
      headers: { "CF-Connecting-IP": "198.51.100.200" },
    });
    expect(fresh.status).toBe(201);
    // What is left: this request's counters (address, e-mail, the pair), nothing older.
    const rows = await t.db.select().from(rateLimits);
    expect(rows.length).toBe(3);
    for (const r of rows) expect(r.windowStart.getTime()).toBeGreaterThan(t.clock.now().getTime() - 86_400_000);
  });
});
