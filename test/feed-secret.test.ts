/**
 * The personal feed lists every event an address registered for, so it is a secret of whoever
 * reads that address's mail. Anyone can register with anyone's address; the answers they get must
 * never carry the feed. It reaches the owner by e-mail only (confirmation, promotion, "send me my
 * calendar link"), checked here over a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "../jobs/deliver-mail.ts";
import { createOpenEvent, person, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, feedUrlsIn, mailedFeedUrl, type Smtp } from "./support/smtp.ts";

let t: TestApp;
let smtp: Smtp;
beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp({ now: "2026-05-01T00:00:00Z" }));
});
afterAll(async () => t?.close());

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const tokenOfFeed = (url: string) => url.match(/\/calendar\/me\/([\w-]{43})\.ics$/)![1]!;

/** Everything an answer shows its caller: status line, headers and body. */
async function seen(res: Response) {
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  return `${res.status}\n${headers}\n\n${await res.text()}`;
}

describe("the personal feed is a secret of the address owner", () => {
  it("an attacker registering with the victim's address sees no feed token in any answer or page", async () => {
    const victim = person({ email: "victim.feed@example.jp", name: "被害 花子" });
    const own = await createOpenEvent(t, { titleJa: "被害者が申し込んだ催し" });
    const bait = await createOpenEvent(t, { titleJa: "攻撃者が選んだ催し", capacity: 1 });
    expect((await t.request(`/api/events/${own.id}/registrations`, { method: "POST", json: victim })).status).toBe(201);
    const feedUrl = await mailedFeedUrl(t.deps, smtp, victim.email);
    const feedToken = tokenOfFeed(feedUrl);

    // The attacker, with the victim's address and an organisation of their own choosing.
    const forged = { ...person({ email: "Victim.Feed@example.jp" }), name: "攻撃者" };
    const transcript: string[] = [];
    const key = crypto.randomUUID();
    const created = await t.request(`/api/events/${bait.id}/registrations`, {
      method: "POST",
      json: forged,
      headers: { "Idempotency-Key": key },
    });
    expect(created.status).toBe(201);
    const body = (await created.clone().json()) as Record<string, string>;
    transcript.push(await seen(created));
    expect(Object.keys(body).sort()).toEqual(["checkInCode", "eventCalendarUrl", "eventId", "id", "manageToken", "manageUrl", "status"]);
    const token = body.manageToken!;
    // A retry of the same request replays the same answer: still no feed.
    transcript.push(
      await seen(
        await t.request(`/api/events/${bait.id}/registrations`, { method: "POST", json: forged, headers: { "Idempotency-Key": key } }),
      ),
    );
    // A second try with the address on another event, and the duplicate on this one.
    transcript.push(await seen(await t.request(`/api/events/${own.id}/registrations`, { method: "POST", json: forged })));
    // Everything the manage token opens, in both languages.
    transcript.push(await seen(await t.request(`/api/registrations/${token}`)));
    transcript.push(await seen(await t.request(`/r/${token}`)));
    transcript.push(await seen(await t.request(`/r/${token}?lang=en`)));
    transcript.push(await seen(await t.request(`/r/${token}?new=1`)));
    transcript.push(await seen(await t.request(`/r/${token}/cancel`)));
    transcript.push(await seen(await t.request(`/api/registrations/${token}/calendar-link`, { method: "POST" })));
    const sentForm = await t.request(`/r/${token}/calendar-link`, { method: "POST", headers: FORM, body: "" });
    transcript.push(await seen(sentForm));
    transcript.push(await seen(await t.request(sentForm.headers.get("location")!)));
    // The rotation the manage page used to offer is gone: it cannot take the feed from its owner.
    const rotate = await t.request(`/r/${token}/rotate-feed`, { method: "POST", headers: FORM, body: "" });
    expect(rotate.status).toBe(404);
    transcript.push(await seen(rotate));
    // The same through the web form, following the redirect to the manage page.
    const other = await createOpenEvent(t, { titleJa: "三つ目の催し" });
    const page = await (await t.request(`/events/${other.id}`)).text();
    const formKey = page.match(/name="idempotencyKey" value="([^"]*)"/)![1]!;
    const webForged = { ...person({ email: "VICTIM.feed@example.jp" }), locale: "en" } as Record<string, string>;
    const web = await t.request(`/events/${other.id}/register`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ ...webForged, idempotencyKey: formKey }).toString(),
    });
    expect(web.status).toBe(303);
    transcript.push(await seen(web));
    transcript.push(await seen(await t.request(web.headers.get("location")!)));
    // Cancelling answers with the registration too.
    transcript.push(await seen(await t.request(`/api/registrations/${token}`, { method: "DELETE" })));
    transcript.push(await seen(await t.request(`/r/${token}`)));

    const all = transcript.join("\n\n");
    expect(all).not.toContain(feedToken);
    expect(all).not.toMatch(/\/calendar\/me\//);
    expect(all).not.toMatch(/calendarUrl"/);
    expect(all).not.toContain("webcal://");
    expect(all).not.toContain("被害 花子");

    // The victim still owns the feed (nobody rotated it), and the links went to the victim's mailbox only.
    expect((await t.request(new URL(feedUrl).pathname)).status).toBe(200);
    await deliverMail(t.deps);
    for (const r of smtp.received) {
      if (feedUrlsIn(r.mail).includes(feedUrl)) expect(r.envelopeTo.map((a) => a.toLowerCase())).toEqual([victim.email]);
    }
    const links = smtp.to("Victim.Feed@example.jp").filter((m) => m.subject.startsWith("【カレンダー購読用リンク】"));
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(feedUrlsIn(links[0]!)).toEqual([feedUrl]);
  });

  it("OpenAPI documents no calendarUrl on registration answers, and the calendar-link action", async () => {
    const spec = (await (await t.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const name of ["RegistrationCreated", "ManagedRegistration", "Registration"]) {
      const schema = JSON.stringify(spec.components.schemas[name]);
      expect(schema).toBeDefined();
      expect(schema).not.toContain('"calendarUrl"');
      if (name !== "Registration") expect(schema).toContain('"eventCalendarUrl"');
    }
    expect(Object.keys(spec.paths["/api/registrations/{manageToken}/calendar-link"]!.post!.responses)).toEqual(
      expect.arrayContaining(["202", "404", "429"]),
    );
  });
});

describe("the feed reaches the owner by e-mail", () => {
  it("in the promotion mail", async () => {
    const e = await createOpenEvent(t, { capacity: 1 });
    const first = person();
    const second = person({ locale: "en" });
    const a = (await (await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: first })).json()) as {
      manageToken: string;
    };
    await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: second });
    const waitlistedFeed = await mailedFeedUrl(t.deps, smtp, second.email);
    expect((await t.request(`/api/registrations/${a.manageToken}`, { method: "DELETE" })).status).toBe(200);
    await deliverMail(t.deps);
    const promoted = smtp.to(second.email).find((m) => m.subject.startsWith("You have a seat"));
    expect(promoted).toBeDefined();
    expect(feedUrlsIn(promoted!)).toEqual([waitlistedFeed]);
  });

  it('"send me my calendar link": 202 from the API, a form without script on the manage page; rate-limited', async () => {
    const e = await createOpenEvent(t);
    const p = person();
    const { manageToken } = (await (
      await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: p })
    ).json()) as { manageToken: string };
    const feedUrl = await mailedFeedUrl(t.deps, smtp, p.email);
    const before = smtp.to(p.email).length;

    const api = await t.request(`/api/registrations/${manageToken}/calendar-link`, { method: "POST" });
    expect(api.status).toBe(202);
    expect(await api.json()).toEqual({ queued: true });
    expect(await mailedFeedUrl(t.deps, smtp, p.email)).toBe(feedUrl);
    const mail = smtp.to(p.email).at(-1)!;
    expect(mail.subject).toBe(`【カレンダー購読用リンク】${e.titleJa}`);
    expect(mail.text).toContain("あなた専用のカレンダー");

    const manage = await (await t.request(`/r/${manageToken}`)).text();
    expect(manage).toContain(`<form method="post" action="/r/${manageToken}/calendar-link"`);
    expect(manage).toContain("カレンダーのリンクを送る");
    t.clock.advance(60_000);
    const form = await t.request(`/r/${manageToken}/calendar-link`, { method: "POST", headers: FORM, body: "" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/r/${manageToken}?sent=1`);
    expect(await (await t.request(form.headers.get("location")!)).text()).toContain(
      "カレンダーのリンクを、登録したメールアドレスにお送りしました。",
    );
    expect(await mailedFeedUrl(t.deps, smtp, p.email)).toBe(feedUrl);
    expect(smtp.to(p.email).length).toBe(before + 2);

    // Repeats within a minute are one message; past five an hour the answer is 429.
    expect((await t.request(`/api/registrations/${manageToken}/calendar-link`, { method: "POST" })).status).toBe(202);
    expect((await t.request(`/api/registrations/${manageToken}/calendar-link`, { method: "POST" })).status).toBe(202);
    expect((await t.request(`/api/registrations/${manageToken}/calendar-link`, { method: "POST" })).status).toBe(202);
    const over = await t.request(`/api/registrations/${manageToken}/calendar-link`, { method: "POST" });
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const overForm = await t.request(`/r/${manageToken}/calendar-link`, { method: "POST", headers: FORM, body: "" });
    expect(overForm.status).toBe(429);
    expect(overForm.headers.get("retry-after")).toBeTruthy();
    expect(await overForm.text()).toContain("短時間に多くの送信がありました");
    await deliverMail(t.deps);
    expect(smtp.to(p.email).length).toBe(before + 2);

    expect((await t.request(`/api/registrations/${"A".repeat(43)}/calendar-link`, { method: "POST" })).status).toBe(404);
    expect((await t.request(`/r/${"A".repeat(43)}/calendar-link`, { method: "POST", headers: FORM, body: "" })).status).toBe(404);
  });
});
