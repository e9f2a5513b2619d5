import { afterAll, beforeAll, expect } from "vitest";
import { createOpenEvent, createTestApp, organiserSession, person, type TestApp } from "./app.ts";

/**
 * The world the authorization tests share: two organisers (tohoku in scope, kyushu out of scope)
 * with a session and an API token each, a scheduled and a planned tohoku event, and one registration.
 * The bindings are live: they hold their values once `authzWorld()`'s beforeAll has run.
 */
export let t: TestApp;
export type Organiser = { token: string; cookie: string; csrfToken: string };
export let tokens: { inScope: string; outOfScope: string };
export let sessions: { inScope: Organiser; outOfScope: Organiser };
export let eventId: string;
export let plannedId: string;
export let regId: string;
export let regCode: string;
export let manageToken: string;

export function organiser(email: string, blocks: string[]): Promise<Organiser> {
  return organiserSession(t, email, blocks);
}

export async function register(id: string, email?: string) {
  const r = await t.request(`/api/events/${id}/registrations`, { method: "POST", json: person(email ? { email } : {}) });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string; manageToken: string; checkInCode: string };
}

/** Builds the world before the file's tests and closes it after. */
export function authzWorld() {
  beforeAll(async () => {
    t = await createTestApp();
    sessions = {
      inScope: await organiser("tohoku@example.jp", ["tohoku"]),
      outOfScope: await organiser("kyushu@example.jp", ["kyushu"]),
    };
    tokens = { inScope: sessions.inScope.token, outOfScope: sessions.outOfScope.token };
    const e = await createOpenEvent(t, { block: "tohoku", capacity: 50 });
    eventId = e.id;
    plannedId = (await createOpenEvent(t, { block: "tohoku", status: "planned", titleJa: "計画中の協議会" })).id;
    ({ id: regId, manageToken, checkInCode: regCode } = await register(eventId));
  });
  afterAll(async () => t?.close());
}
