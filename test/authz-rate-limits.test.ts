import { describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, person } from "./support/app.ts";

describe("rate limits", () => {
  it("registration is limited per e-mail and per address, with Retry-After, and recovers", async () => {
    const limited = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_REGISTRATION: "3/60" } });
    try {
      const e = await createOpenEvent(limited, { capacity: 100 });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() })).status);
      }
      expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
      const res = await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      limited.clock.advance(61_000);
      expect((await limited.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it("login is throttled", async () => {
    const limited = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_LOGIN: "2/900" } });
    try {
      const body = { email: "someone@example.jp", password: "whatever it is" };
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(401);
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(401);
      expect((await limited.request("/api/auth/login", { method: "POST", json: body })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
