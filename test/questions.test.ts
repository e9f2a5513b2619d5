/**
 * Registration questions through HTTP: PUT/GET /api/events/:id/questions (rules, scopes, keeping
 * answers, force), answers at registration (each 400 names answers.<id>), changing them with the
 * manage token until registration closes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, organiserToken, person, type TestApp } from "./support/app.ts";

let t: TestApp;
let eventId: string;
let tokens: { inScope: string; outOfScope: string };

const party = {
  id: "party",
  kind: "choice",
  labelJa: "懇親会",
  labelEn: "Reception",
  required: true,
  options: [
    { value: "attend", labelJa: "出席", labelEn: "Attending" },
    { value: "absent", labelJa: "欠席", labelEn: "Not attending" },
  ],
};
const diet = { id: "diet", kind: "text", labelJa: "食事の配慮", labelEn: "Dietary needs", required: false, maxLength: 20 };
const topics = {
  id: "topics",
  kind: "multi",
  labelJa: "関心のある分野",
  required: false,
  options: [
    { value: "it", labelJa: "IT" },
    { value: "bio", labelJa: "バイオ" },
    { value: "env", labelJa: "環境" },
  ],
};
const photo = { id: "photo", kind: "checkbox", labelJa: "写真撮影に同意する", required: true };
const note = { kind: "textarea", labelJa: "ご質問", required: false };

type Question = { id: string; kind: string; labelJa: string; maxLength: number | null; options: { value: string }[] };
type Problem = { type: string; errors: { field: string; code: string; message: string }[] };

const put = (body: unknown, opts: { token?: string; anonymous?: boolean; id?: string; query?: string } = {}) =>
  t.request(`/api/events/${opts.id ?? eventId}/questions${opts.query ?? ""}`, {
    method: "PUT",
    json: body,
    ...(opts.anonymous ? {} : opts.token ? { headers: { Authorization: `Bearer ${opts.token}` } } : { admin: true }),
  });
const register = (answers: unknown, id = eventId) =>
  t.request(`/api/events/${id}/registrations`, { method: "POST", json: { ...person(), answers } });
const manage = (token: string) => t.request(`/api/registrations/${token}`);
const patch = (token: string, answers: unknown) =>
  t.request(`/api/registrations/${token}`, { method: "PATCH", json: { answers } });

beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
  tokens = {
    inScope: await organiserToken(t, "q.tohoku@example.jp", ["tohoku"]),
    outOfScope: await organiserToken(t, "q.kyushu@example.jp", ["kyushu"]),
  };
  eventId = (await createOpenEvent(t, { block: "tohoku", capacity: 100 })).id;
});
afterAll(async () => t?.close());

describe("PUT and GET /api/events/:id/questions", () => {
  it("is empty until an organiser in scope sets it; anyone reads it; questions without an id get one", async () => {
    expect(await (await t.request(`/api/events/${eventId}/questions`)).json()).toEqual([]);
    const res = await put([party, diet, topics, photo, note], { token: tokens.inScope });
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = (await res.json()) as Question[];
    expect(stored.map((q) => q.id)).toEqual(["party", "diet", "topics", "photo", "q1"]);
    expect(stored[0]).toEqual({ ...party, options: party.options, maxLength: null });
    expect(stored[1]!.maxLength).toBe(20);
    const read = await t.request(`/api/events/${eventId}/questions`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(stored);
  });

  it("refuses bad questions with 400 naming the field", async () => {
    const cases: [unknown, string][] = [
      [[{ ...party, options: [] }], "0.options"],
      [[{ ...topics, options: undefined }], "0.options"],
      [[{ ...diet, options: party.options }], "0.options"],
      [[{ ...party, maxLength: 10 }], "0.maxLength"],
      [[{ ...party, options: [party.options[0], party.options[0]] }], "0.options.1.value"],
      [[party, party], "1.id"],
      [[{ ...party, id: "懇親会" }], "0.id"],
      [[{ ...party, kind: "dropdown" }], "0.kind"],
      [[{ ...party, labelJa: "" }], "0.labelJa"],
      [[{ ...party, required: undefined }], "0.required"],
      [[{ ...diet, maxLength: 5000 }], "0.maxLength"],
      [[{ ...party, surprise: 1 }], "0.surprise"],
      [Array.from({ length: 21 }, (_, i) => ({ ...diet, id: `d${i}` })), ""],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const p = (await res.json()) as Problem;
      if (field)
        expect(
          p.errors.map((e) => e.field),
          JSON.stringify(body).slice(0, 120),
        ).toContain(field);
      else expect(p.errors.length).toBeGreaterThan(0);
    }
    // Nothing changed.
    expect(((await (await t.request(`/api/events/${eventId}/questions`)).json()) as Question[]).length).toBe(5);
  });

  it("scopes: anonymous PUT is 401, an organiser of another block 404; a planned event's questions are hidden from the public", async () => {
    expect((await put([party], { anonymous: true })).status).toBe(401);
    const other = await put([party], { token: tokens.outOfScope });
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toMatch(/problem\+json/);
    const planned = (await createOpenEvent(t, { block: "tohoku", status: "planned" })).id;
    expect((await put([party], { id: planned, token: tokens.inScope })).status).toBe(200);
    expect((await t.request(`/api/events/${planned}/questions`)).status).toBe(404);
    expect(
      (await t.request(`/api/events/${planned}/questions`, { headers: { Authorization: `Bearer ${tokens.outOfScope}` } })).status,
    ).toBe(404);
    expect(
      (await t.request(`/api/events/${planned}/questions`, { headers: { Authorization: `Bearer ${tokens.inScope}` } })).status,
    ).toBe(200);
    expect((await t.request(`/api/events/00000000-0000-4000-8000-000000000000/questions`)).status).toBe(404);
  });

  it("a cancelled event's questions are not changed any more: 409", async () => {
    const id = (await createOpenEvent(t, { block: "tohoku" })).id;
    expect((await put([party], { id, token: tokens.inScope })).status).toBe(200);
    expect((await t.request(`/api/events/${id}/cancel`, { method: "POST", admin: true })).status).toBe(200);
    const res = await put([party, diet], { id, token: tokens.inScope });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).type).toMatch(/event-cancelled$/);
  });
});

describe("answers at registration", () => {
  it("are stored as checked and shown with the registration", async () => {
    const res = await register({ party: "attend", diet: "　卵アレルギー ", topics: ["env", "it", "it"], photo: true, q1: "" });
    expect(res.status, await res.clone().text()).toBe(201);
    const { manageToken } = (await res.json()) as { manageToken: string };
    const reg = (await (await manage(manageToken)).json()) as { answers: Record<string, unknown> };
    expect(reg.answers).toEqual({ party: "attend", diet: "卵アレルギー", topics: ["it", "env"], photo: true });
  });

  it("a missing required answer, an unknown option, an unknown question, a wrong type or one too long is 400 naming it", async () => {
    const ok = { party: "attend", photo: true };
    const cases: [unknown, string, string][] = [
      [{ photo: true }, "answers.party", "required"],
      [{ party: "attend" }, "answers.photo", "required"],
      [{ party: "attend", photo: false }, "answers.photo", "required"],
      [{ ...ok, party: "maybe" }, "answers.party", "invalid_value"],
      [{ ...ok, topics: ["it", "space"] }, "answers.topics", "invalid_value"],
      [{ ...ok, hotel: "yes" }, "answers.hotel", "unknown"],
      [{ ...ok, diet: "あ".repeat(21) }, "answers.diet", "too_big"],
      [{ ...ok, q1: "x".repeat(2001) }, "answers.q1", "too_big"],
      [{ ...ok, diet: "一行目\n二行目" }, "answers.diet", "custom"],
      [{ ...ok, topics: "it" }, "answers.topics", "invalid_type"],
      [{ ...ok, photo: "yes" }, "answers.photo", "invalid_type"],
      [{ ...ok, party: ["attend"] }, "answers.party", "invalid_type"],
      [undefined, "answers.party", "required"],
    ];
    for (const [answers, field, code] of cases) {
      const res = await register(answers);
      expect(res.status, JSON.stringify(answers)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const p = (await res.json()) as Problem;
      expect(p.errors.find((e) => e.field === field)?.code, `${JSON.stringify(answers)}: ${JSON.stringify(p.errors)}`).toBe(code);
    }
    // Nobody was registered by any of them.
    const list = (await (await t.request(`/api/events/${eventId}/registrations`, { admin: true })).json()) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(1);
  });

  it("an event without questions takes none; a closed or hidden event answers as such before looking at answers", async () => {
    const plain = (await createOpenEvent(t, { capacity: 5 })).id;
    expect((await register(undefined, plain)).status).toBe(201);
    expect((await register({}, plain)).status).toBe(201);
    const res = await register({ party: "attend" }, plain);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors[0]!.field).toBe("answers.party");
    const planned = (await createOpenEvent(t, { block: "tohoku", status: "planned" })).id;
    await put([party], { id: planned });
    expect((await register({}, planned)).status).toBe(404);
  });
});

describe("changing answers: PATCH /api/registrations/:manageToken", () => {
  it("replaces the answers until registration closes, checked the same way; then 409", async () => {
    const e = (await createOpenEvent(t, { block: "tohoku", registrationClosesAt: "2026-06-01T12:00:00+09:00" })).id;
    await put([party, diet], { id: e });
    const res = await register({ party: "attend", diet: "なし" }, e);
    const { manageToken } = (await res.json()) as { manageToken: string };
    const changed = await patch(manageToken, { party: "absent" });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect(((await changed.json()) as { answers: unknown }).answers).toEqual({ party: "absent" });
    const bad = await patch(manageToken, { party: "maybe" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors.map((x) => x.field)).toEqual(["answers.party"]);
    expect((await patch(manageToken, { diet: "x" })).status).toBe(400);
    expect(((await (await manage(manageToken)).json()) as { answers: unknown }).answers).toEqual({ party: "absent" });
    expect((await patch("A".repeat(43), { party: "absent" })).status).toBe(404);
    t.clock.set("2026-06-01T12:00:00+09:00");
    try {
      const late = await patch(manageToken, { party: "attend" });
      expect(late.status).toBe(409);
      expect(late.headers.get("content-type")).toMatch(/problem\+json/);
    } finally {
      t.clock.set("2026-05-01T00:00:00Z");
    }
    // A cancelled registration's answers stay as they were.
    expect((await t.request(`/api/registrations/${manageToken}`, { method: "DELETE" })).status).toBe(200);
    expect((await patch(manageToken, { party: "attend" })).status).toBe(409);
  });
});

describe("editing questions keeps answers; removing answered ones needs force", () => {
  it("409 names the answered questions; force removes them and their answers; the rest stay", async () => {
    const e = (await createOpenEvent(t, { block: "tohoku", capacity: 10 })).id;
    await put([party, diet, topics], { id: e });
    const { manageToken } = (await (await register({ party: "attend", diet: "なし", topics: ["bio"] }, e)).json()) as {
      manageToken: string;
    };
    // Relabelled and reordered, with a new question: the answers stay.
    const relabelled = await put(
      [{ ...diet, labelJa: "食事について" }, party, topics, photo].map((q) => ({ ...q, required: false })),
      {
        id: e,
      },
    );
    expect(relabelled.status).toBe(200);
    expect(((await (await manage(manageToken)).json()) as { answers: unknown }).answers).toEqual({
      party: "attend",
      diet: "なし",
      topics: ["bio"],
    });
    // Removing an unanswered one needs nothing.
    expect((await put([party, diet, topics], { id: e })).status).toBe(200);
    const refused = await put([party], { id: e });
    expect(refused.status).toBe(409);
    const p = (await refused.json()) as Problem & { detail: string };
    expect(p.type).toBe("/problems/questions-have-answers");
    expect(p.errors.map((x) => x.field).sort()).toEqual(["diet", "topics"]);
    expect(p.detail).toContain("食事の配慮");
    expect(((await (await t.request(`/api/events/${e}/questions`)).json()) as Question[]).length).toBe(3);
    const forced = await put([party], { id: e, query: "?force=true" });
    expect(forced.status).toBe(200);
    expect(((await (await manage(manageToken)).json()) as { answers: unknown }).answers).toEqual({ party: "attend" });
  });
});

describe("answers at the desk and in the CSV", () => {
  it("counts per option among the confirmed, lists each person's answers, and exports one column per question", async () => {
    const e = (await createOpenEvent(t, { block: "tohoku", capacity: 2 })).id;
    await put([party, diet, photo], { id: e });
    for (const answers of [
      { party: "attend", photo: true, diet: "=1+1" },
      { party: "absent", photo: true },
      { party: "attend", photo: true }, // waitlisted: not counted
    ])
      expect((await register(answers, e)).status).toBe(201);
    const desk = (await (await t.request(`/api/events/${e}/registrations`, { admin: true })).json()) as {
      items: { answers: Record<string, unknown>; status: string }[];
      answerCounts: { id: string; answered: number; options: { value: string; count: number }[] }[];
    };
    expect(desk.items.map((i) => i.answers.party)).toEqual(["attend", "absent", "attend"]);
    const byId = Object.fromEntries(desk.answerCounts.map((a) => [a.id, a]));
    expect(byId.party!.options.map((o) => [o.value, o.count])).toEqual([
      ["attend", 1],
      ["absent", 1],
    ]);
    expect(byId.photo!.options.map((o) => [o.value, o.count])).toEqual([
      ["true", 2],
      ["false", 0],
    ]);
    expect(byId.diet).toMatchObject({ answered: 1, options: [] });
    const csv = (await (await t.request(`/api/events/${e}/registrations.csv`, { admin: true })).text()).replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n");
    expect(lines[0]!.split(",").slice(-3)).toEqual(["懇親会", "食事の配慮", "写真撮影に同意する"]);
    expect(lines[1]!.split(",").slice(-3)).toEqual(["出席", "'=1+1", "はい"]);
    expect(lines[2]!.split(",").slice(-3)).toEqual(["欠席", "", "はい"]);
    const en = (await (await t.request(`/api/events/${e}/registrations.csv?lang=en`, { admin: true })).text()).split("\r\n");
    expect(en[0]!.split(",").slice(-3)).toEqual(["Reception", "Dietary needs", "写真撮影に同意する"]);
    expect(en[1]!.split(",").slice(-3)).toEqual(["Attending", "'=1+1", "Yes"]);
  });
});

describe("the manage page changes answers without script", () => {
  it("keeps what was typed and shows the error beside the question, then saves", async () => {
    const e = (await createOpenEvent(t, { block: "tohoku", capacity: 5 })).id;
    await put([party, diet], { id: e });
    const { manageToken } = (await (await register({ party: "attend" }, e)).json()) as { manageToken: string };
    const post = (body: Record<string, string>) =>
      t.request(`/r/${manageToken}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
        body: new URLSearchParams(body).toString(),
      });
    const bad = await post({ "answers.diet": "x".repeat(21) });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Please answer this question.");
    expect(html).toContain("x".repeat(21));
    const ok = await post({ "answers.party": "absent", "answers.diet": "なし" });
    expect(ok.status).toBe(303);
    expect(((await (await manage(manageToken)).json()) as { answers: unknown }).answers).toEqual({
      party: "absent",
      diet: "なし",
    });
  });
});
