/**
 * Which address a request is counted against. An attacker sets whatever headers they like; only
 * the socket, or a header our own front end sets (TRUST_PROXY), may decide. Real Node servers on
 * free ports, so the socket address is real.
 */
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../api/app.ts";
import type { TrustProxy } from "../api/lib/client-ip.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";
import { freePort } from "./support/net.ts";

let t: TestApp;
let eventId: string;
const servers: ServerType[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMITS: "on", RATE_LIMIT_REGISTRATION: "2/600" } });
  eventId = (await createOpenEvent(t, { capacity: null })).id;
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await t?.close();
});

/** The same database behind a Node server that trusts `trust`. */
async function server(trust: TrustProxy) {
  const port = await freePort();
  const app = createApp({ ...t.deps, config: { ...t.deps.config, TRUST_PROXY: trust } });
  servers.push(serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }));
  return async (headers: Record<string, string>) =>
    (
      await fetch(`http://127.0.0.1:${port}/api/events/${eventId}/registrations`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(person()),
      })
    ).status;
}

const n = { i: 0 };
const fresh = () => `198.51.100.${++n.i}`;

describe("the client address", () => {
  it("on Node by default is the socket's: forged CF-Connecting-IP and X-Forwarded-For do not escape the limit", async () => {
    const register = await server("off");
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const forged = fresh();
      statuses.push(await register({ "CF-Connecting-IP": forged, "X-Forwarded-For": `${forged}, ${fresh()}`, "X-Real-IP": forged }));
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    // Sockets are fresh windows once time moves on, so later tests start clean.
    t.clock.advance(600_000);
  });

  it("TRUST_PROXY=cloudflare takes CF-Connecting-IP (as set by Cloudflare's edge)", async () => {
    const register = await server("cloudflare");
    const a = fresh();
    const b = fresh();
    expect([await register({ "CF-Connecting-IP": a }), await register({ "CF-Connecting-IP": a })]).toEqual([201, 201]);
    expect(await register({ "CF-Connecting-IP": a, "X-Forwarded-For": fresh() })).toBe(429);
    // Another client behind the edge is counted apart.
    expect(await register({ "CF-Connecting-IP": b })).toBe(201);
    t.clock.advance(600_000);
  });

  it("TRUST_PROXY=x-forwarded-for takes the right-most address: what the client wrote to its left is ignored", async () => {
    const register = await server("x-forwarded-for");
    const client = fresh();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await register({ "X-Forwarded-For": `${fresh()}, ${client}`, "CF-Connecting-IP": fresh() }));
    expect(statuses).toEqual([201, 201, 429]);
    expect(await register({ "X-Forwarded-For": `${client}, ${fresh()}` })).toBe(201);
    t.clock.advance(600_000);
  });
});
