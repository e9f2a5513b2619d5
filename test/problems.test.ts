/**
 * The problem registry (lib/problems.ts): every code a service throws is declared once with its
 * status and its words in both languages; the `type` of an API answer resolves to a page that
 * says what it means; pages tell people the registry's words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS, problemText } from "../lib/problems.ts";
import { Conflict, NotFound, TooManyRequests, Unauthorized, ValidationFailed } from "../api/errors.ts";
import { createOpenEvent, createTestApp, person, type TestApp } from "./support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
});
afterAll(() => t.close());

describe("the problem registry", () => {
  it("declares each code with a 4xx/5xx status and words in both languages", () => {
    for (const [code, p] of Object.entries(PROBLEMS)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(p.status >= 400 && p.status < 600, code).toBe(true);
      expect(p.ja, code).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(p.en, code).toMatch(/^[A-Z]/);
    }
  });

  it("the error classes carry the registry's status and title", () => {
    const made = [new NotFound("event"), new Unauthorized(), new ValidationFailed([]), new TooManyRequests(5), new Conflict("event-full", "full")];
    for (const e of made) {
      expect(e.status).toBe(PROBLEMS[e.slug as keyof typeof PROBLEMS].status);
    }
    expect(new Conflict("registration-closed", "closed").title).toBe("Registration closed");
  });

  it("an API answer's type resolves to a page naming the code in both languages; an unknown code is 404", async () => {
    const e = await createOpenEvent(t, { registrationClosesAt: "2026-04-30T00:00:00+09:00", startsAt: "2026-06-12T14:00:00+09:00" });
    const res = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person() });
    expect(res.status).toBe(409);
    const { type } = (await res.json()) as { type: string };
    expect(type).toBe("/problems/registration-closed");
    const page = await t.request(type);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("参加登録の受付は終了しました。");
    expect(html).toContain("Registration for this event has closed.");
    const list = await (await t.request("/problems?lang=en")).text();
    for (const code of Object.keys(PROBLEMS)) expect(list).toContain(`href="/problems/${code}"`);
    const unknown = await t.request("/problems/no-such-problem");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("text/html");
  });

  it("pages tell people the registry's words (the closed event page, in both languages)", async () => {
    const e = await createOpenEvent(t, { registrationClosesAt: "2026-04-30T00:00:00+09:00" });
    expect(await (await t.request(`/events/${e.id}`)).text()).toContain(problemText("registration-closed", "ja")!);
    expect(await (await t.request(`/events/${e.id}?lang=en`)).text()).toContain(problemText("registration-closed", "en")!);
  });
});
