import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exhibitors, outbox } from "../db/schema/index.ts";
import { deliverMail } from "../jobs/deliver-mail.ts";
import { createOpenEvent, createTestApp, exhibitor, organiserToken, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, type Smtp } from "./support/smtp.ts";

/**
 * Exhibitors apply themselves: the call on the event, the public API, the private token, the
 * organisers' review of the one list, the allocation and publication, and the mails over SMTP.
 */
let t: TestApp;
let smtp: Smtp;
let fairId: string;
let inScope: string;
let outOfScope: string;
const floor = {
  booths: [
    { code: "A-01", x: 0, y: 0, w: 2, h: 1, zone: "A" },
    { code: "A-02", x: 2, y: 0, w: 2, h: 1, zone: "A" },
    { code: "B-01", x: 0, y: 3, w: 1, h: 1, zone: "B" },
    { code: "B-02", x: 1, y: 3, w: 1, h: 1, zone: "B" },
    { code: "B-03", x: 2, y: 3, w: 1, h: 1, zone: "B" },
  ],
};
let n = 0;
const applicant = (more: Record<string, unknown> = {}) => {
  n++;
  return {
    organization: `株式会社テクノ${n}`,
    contactName: `出展 担当${n}`,
    email: `apply${n}@example.jp`,
    cluster: "札幌IT",
    field: "IT",
    boothSize: "1x1",
    ...more,
  };
};
const apply = (body: unknown, headers: Record<string, string> = {}, id = fairId) =>
  t.request(`/api/events/${id}/exhibitor-applications`, { method: "POST", json: body, headers });
type Created = { id: string; status: string; manageToken: string; manageUrl: string };
type Problem = { type: string; status: number; errors?: { field: string }[] };

beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp({ now: "2026-05-01T10:00:00+09:00" }));
  inScope = await organiserToken(t, "kanto.fair@example.jp", ["kanto"]);
  outOfScope = await organiserToken(t, "kyushu.fair@example.jp", ["kyushu"]);
  const e = await createOpenEvent(t, {
    kind: "techno_fair",
    block: "kanto",
    titleJa: "テクノフェア（試験）",
    titleEn: "Techno-fair (test)",
    startsAt: "2026-12-02T10:00:00+09:00",
    endsAt: "2026-12-03T17:00:00+09:00",
    capacity: 500,
  });
  fairId = e.id;
  expect((await t.request(`/api/events/${fairId}/floor-plan`, { method: "PUT", admin: true, json: floor })).status).toBe(200);
});
afterAll(async () => t?.close());

describe("the call for exhibitors", () => {
  it("is opened on PATCH /api/events/:id by an organiser in scope and shown on the event", async () => {
    const closedYet = await apply(applicant());
    expect(closedYet.status).toBe(409);
    expect(((await closedYet.json()) as Problem).type).toMatch(/exhibitor-call-closed$/);

    const res = await t.request(`/api/events/${fairId}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${inScope}` },
      json: {
        exhibitorCallOpensAt: "2026-05-01T09:00:00+09:00",
        exhibitorCallClosesAt: "2026-09-30T17:00:00+09:00",
        exhibitorBoothSizes: ["1x1", "1×2", "２x２", "1x1"],
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const e = (await res.json()) as Record<string, unknown>;
    expect(e).toMatchObject({
      exhibitorCallOpensAt: "2026-05-01T09:00:00+09:00",
      exhibitorCallClosesAt: "2026-09-30T17:00:00+09:00",
      exhibitorBoothSizes: ["1x1", "2x1", "2x2"],
    });
    expect(await (await t.request(`/api/events/${fairId}`)).json()).toMatchObject({ exhibitorBoothSizes: ["1x1", "2x1", "2x2"] });
  });

  it("is refused on other kinds of event and with a close before the opening (400 naming the field)", async () => {
    const seminar = await createOpenEvent(t, { block: "kanto" });
    const bad = await t.request(`/api/events/${seminar.id}`, {
      method: "PATCH",
      admin: true,
      json: { exhibitorCallOpensAt: "2026-05-01T09:00:00+09:00" },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors!.map((f) => f.field)).toEqual(["exhibitorCallOpensAt"]);
    const order = await t.request(`/api/events/${fairId}`, {
      method: "PATCH",
      admin: true,
      json: { exhibitorCallClosesAt: "2026-04-01T09:00:00+09:00" },
    });
    expect(order.status).toBe(400);
    expect(((await order.json()) as Problem).errors!.map((f) => f.field)).toEqual(["exhibitorCallClosesAt"]);
    const size = await t.request(`/api/events/${fairId}`, {
      method: "PATCH",
      admin: true,
      json: { exhibitorBoothSizes: ["big"] },
    });
    expect(size.status).toBe(400);
    expect(((await size.json()) as Problem).errors![0]!.field).toBe("exhibitorBoothSizes.0");
    // Nobody out of scope opens a call.
    const other = await t.request(`/api/events/${fairId}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${outOfScope}` },
      json: { exhibitorBoothSizes: ["1x1"] },
    });
    expect(other.status).toBe(404);
  });
});

describe("POST /api/events/:id/exhibitor-applications", () => {
  it("takes an application (full-width input accepted) and answers 201 with the private link", async () => {
    const res = await apply({
      organization: "ＮＰＯ法人　北海道テクノ",
      organizationKana: "ほっかいどうてくの",
      contactName: "山田 花子",
      email: "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
      field: "ＩＴ",
      boothSize: "１×２",
      preferences: ["Ａ－０１", "A-02"],
      competitors: ["株式会社サンプル"],
      note: "電源を2口希望します。",
      locale: "ja",
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as Created;
    expect(Object.keys(body).sort()).toEqual(["id", "manageToken", "manageUrl", "status"]);
    expect(body.status).toBe("applied");
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.manageUrl).toBe(`https://events.example.jp/x/${body.manageToken}`);
    const mine = (await (await t.request(`/api/exhibitor-applications/${body.manageToken}`)).json()) as Record<string, unknown>;
    expect(mine).toMatchObject({
      id: body.id,
      status: "applied",
      organization: "ＮＰＯ法人　北海道テクノ",
      organizationKana: "ホッカイドウテクノ",
      email: "hanako@example.jp",
      boothSize: "2x1",
      preferences: ["A-01", "A-02"],
      competitors: ["株式会社サンプル"],
      booth: null,
      callOpen: true,
    });
    // Stored hashed and sealed, never in the clear.
    const [row] = await t.db.select().from(exhibitors).where(eq(exhibitors.id, body.id));
    expect(JSON.stringify(row)).not.toContain(body.manageToken);
    expect(row).toMatchObject({ source: "application", contactName: "山田 花子" });
  });

  it("one application per organisation (NFKC, case-folded): 409 with its own problem type", async () => {
    const first = applicant({ organization: "Sapporo Labs Inc." });
    expect((await apply(first)).status).toBe(201);
    for (const organization of ["ＳＡＰＰＯＲＯ　ＬＡＢＳ　ＩＮＣ．", "sapporo labs inc."]) {
      const res = await apply(applicant({ organization }));
      expect(res.status).toBe(409);
      const p = (await res.json()) as Problem;
      expect(p.type).toMatch(/\/problems\/exhibitor-application-exists$/);
    }
  });

  it("honours Idempotency-Key: a retry answers the first answer; another body with the key is 422", async () => {
    const a = applicant();
    const key = { "Idempotency-Key": `apply-${crypto.randomUUID()}` };
    const r1 = await apply(a, key);
    const r2 = await apply(a, key);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const [b1, b2] = (await Promise.all([r1.json(), r2.json()])) as Created[];
    expect(b2).toEqual(b1);
    expect(await t.db.select().from(exhibitors).where(eq(exhibitors.email, a.email))).toHaveLength(1);
    expect((await apply({ ...a, field: "バイオ" }, key)).status).toBe(422);
    expect((await apply(applicant(), { "Idempotency-Key": "short" })).status).toBe(400);
  });

  it("400 names the fields: required ones, too many preferences or competitors, a size not offered, an unknown booth", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...applicant(), contactName: undefined, email: "not-an-address" }, ["contactName", "email"]],
      [applicant({ preferences: ["A-01", "A-02", "B-01", "B-02"] }), ["preferences"]],
      [applicant({ competitors: ["a", "b", "c", "d", "e", "f"] }), ["competitors"]],
      [applicant({ boothSize: "3x3" }), ["boothSize"]],
      [applicant({ preferences: ["Z-99"] }), ["preferences.0"]],
      [{ ...applicant(), extra: 1 }, ["extra"]],
    ];
    for (const [body, fields] of cases) {
      const res = await apply(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      const p = (await res.json()) as Problem;
      for (const f of fields) expect(p.errors!.map((e) => e.field).join(" "), JSON.stringify(body)).toContain(f);
    }
  });

  it("is 404 for a planned event and for an unknown one, 409 exhibitor-call-closed for a fair without a call", async () => {
    const planned = await createOpenEvent(t, { kind: "techno_fair", status: "planned", block: "kanto" });
    expect((await apply(applicant(), {}, planned.id)).status).toBe(404);
    expect((await apply(applicant(), {}, crypto.randomUUID())).status).toBe(404);
    const noCall = await createOpenEvent(t, { kind: "techno_fair", block: "kanto" });
    const res = await apply(applicant(), {}, noCall.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).type).toMatch(/exhibitor-call-closed$/);
  });
});

describe("the applicant's private token", () => {
  it("views and edits only its own application; another's token never reveals or changes it", async () => {
    const a = (await (await apply(applicant({ organization: "株式会社アルファ" }))).json()) as Created;
    const b = (await (await apply(applicant({ organization: "株式会社ベータ", note: "ベータの秘密" }))).json()) as Created;
    const viewA = await (await t.request(`/api/exhibitor-applications/${a.manageToken}`)).text();
    expect(viewA).toContain("株式会社アルファ");
    expect(viewA).not.toContain("ベータ");
    // A's token edits A, whatever the body says.
    const edit = await t.request(`/api/exhibitor-applications/${a.manageToken}`, {
      method: "PATCH",
      json: { field: "ナノテク", boothSize: "2x2" },
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect(await edit.json()).toMatchObject({ id: a.id, field: "ナノテク", boothSize: "2x2" });
    const smuggled = await t.request(`/api/exhibitor-applications/${a.manageToken}`, { method: "PATCH", json: { id: b.id } });
    expect(smuggled.status).toBe(400);
    const viewB = (await (await t.request(`/api/exhibitor-applications/${b.manageToken}`)).json()) as Record<string, unknown>;
    expect(viewB).toMatchObject({ id: b.id, field: "IT", boothSize: "1x1", organization: "株式会社ベータ" });
    // Renaming A to B's organisation is B's identity: refused.
    const rename = await t.request(`/api/exhibitor-applications/${a.manageToken}`, {
      method: "PATCH",
      json: { organization: "株式会社ベータ" },
    });
    expect(rename.status).toBe(409);
    // A wrong, malformed or organiser token opens nothing.
    for (const token of ["x".repeat(43), "short", inScope]) {
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const res = await t.request(`/api/exhibitor-applications/${encodeURIComponent(token)}`, {
          method,
          ...(method === "PATCH" ? { json: { field: "x" } } : {}),
        });
        expect(res.status, `${method} ${token}`).toBe(404);
      }
    }
    // A withdraws; B is untouched.
    const w = await t.request(`/api/exhibitor-applications/${a.manageToken}`, { method: "DELETE" });
    expect(await w.json()).toMatchObject({ status: "withdrawn", callOpen: false });
    expect((await t.request(`/api/exhibitor-applications/${a.manageToken}`, { method: "DELETE" })).status).toBe(200);
    expect(await (await t.request(`/api/exhibitor-applications/${b.manageToken}`)).json()).toMatchObject({ status: "applied" });
    const late = await t.request(`/api/exhibitor-applications/${a.manageToken}`, { method: "PATCH", json: { field: "x" } });
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).type).toMatch(/exhibitor-application-withdrawn$/);
    // A withdrawn organisation may apply again.
    expect((await apply(applicant({ organization: "株式会社アルファ" }))).status).toBe(201);
  });
});

describe("the organisers' one list, the allocation and the booth", () => {
  it("lists applications beside imports, reviews them, allocates without declined ones, publishes, and the applicant sees the booth", async () => {
    const fair = await createOpenEvent(t, {
      kind: "techno_fair",
      block: "kanto",
      titleJa: "テクノフェア 2",
      startsAt: "2026-12-02T10:00:00+09:00",
      endsAt: "2026-12-03T17:00:00+09:00",
    });
    const id = fair.id;
    const auth = { Authorization: `Bearer ${inScope}` };
    await t.request(`/api/events/${id}`, {
      method: "PATCH",
      admin: true,
      json: { exhibitorCallOpensAt: "2026-04-01", exhibitorCallClosesAt: "2026-10-31", exhibitorBoothSizes: ["1x1", "2x1"] },
    });
    expect((await t.request(`/api/events/${id}/floor-plan`, { method: "PUT", admin: true, json: floor })).status).toBe(200);
    // The organisers' own list first; applications then arrive; a new upload leaves them alone.
    expect(
      (await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: [exhibitor("imp-1")] })).status,
    ).toBe(200);
    const near = (await (
      await apply(applicant({ organization: "近隣株式会社", competitors: ["組織 imp-1"], preferences: ["B-02"] }), {}, id)
    ).json()) as Created;
    const gone = (await (
      await apply(applicant({ organization: "辞退株式会社", preferences: ["B-01"] }), {}, id)
    ).json()) as Created;
    expect(
      (
        await t.request(`/api/events/${id}/exhibitors`, {
          method: "PUT",
          admin: true,
          json: [exhibitor("imp-1"), exhibitor("imp-2")],
        })
      ).status,
    ).toBe(200);
    const taken = await t.request(`/api/events/${id}/exhibitors`, { method: "PUT", admin: true, json: [exhibitor("WEB-1")] });
    expect(taken.status).toBe(400);
    type X = {
      ref: string;
      source: string;
      status: string;
      competitorNames: string[];
      booth: string | null;
      declineReason: string | null;
    };
    const list = (await (await t.request(`/api/events/${id}/exhibitors`, { headers: auth })).json()) as X[];
    expect(list.map((x) => [x.ref, x.source, x.status])).toEqual([
      ["WEB-1", "application", "applied"],
      ["WEB-2", "application", "applied"],
      ["imp-1", "import", "applied"],
      ["imp-2", "import", "applied"],
    ]);
    expect(list.find((x) => x.ref === "WEB-1")!.competitorNames).toEqual(["組織 imp-1"]);

    // Review: out of scope is 404, anonymous 401; a decline needs its reason; competitors are matched to refs.
    const review = (ref: string, json: unknown, headers: Record<string, string> = auth) =>
      t.request(`/api/events/${id}/exhibitors/${ref}`, { method: "PATCH", json, headers });
    expect((await review("WEB-1", { priority: 9 }, { Authorization: `Bearer ${outOfScope}` })).status).toBe(404);
    expect((await review("WEB-1", { priority: 9 }, {})).status).toBe(401);
    expect((await review("nobody", { priority: 9 })).status).toBe(404);
    const noReason = await review("WEB-2", { status: "declined" });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as Problem).errors!.map((e) => e.field)).toEqual(["declineReason"]);
    const unknown = await review("WEB-1", { competitors: ["imp-9"] });
    expect(((await unknown.json()) as Problem).errors!.map((e) => e.field)).toEqual(["competitors.0"]);
    expect(await (await review("WEB-1", { priority: 9, competitors: ["imp-1"], status: "accepted" })).json()).toMatchObject({
      ref: "WEB-1",
      priority: 9,
      competitors: ["imp-1"],
      status: "accepted",
    });
    expect(await (await review("WEB-2", { status: "declined", declineReason: "出展分野が対象外のため" })).json()).toMatchObject({
      status: "declined",
    });
    const declined = (await (await t.request(`/api/exhibitor-applications/${gone.manageToken}`)).json()) as Record<
      string,
      unknown
    >;
    expect(declined).toMatchObject({ status: "declined", declineReason: "出展分野が対象外のため", callOpen: false });
    expect(
      (await t.request(`/api/exhibitor-applications/${gone.manageToken}`, { method: "PATCH", json: { field: "x" } })).status,
    ).toBe(409);

    // Allocation: the declined application is left out; the applicant's booth shows once published.
    const alloc = await t.request(`/api/events/${id}/allocation`, { method: "POST", headers: auth, json: {} });
    expect(alloc.status, await alloc.clone().text()).toBe(200);
    const result = (await alloc.json()) as { assignments: { booth: string; exhibitor: string }[] };
    expect(result.assignments.map((a) => a.exhibitor).sort()).toEqual(["WEB-1", "imp-1", "imp-2"]);
    const nearBooth = result.assignments.find((a) => a.exhibitor === "WEB-1")!.booth;
    expect(await (await t.request(`/api/exhibitor-applications/${near.manageToken}`)).json()).toMatchObject({
      status: "accepted",
      booth: null,
    });
    const pub = await t.request(`/api/events/${id}/allocation/publish`, { method: "POST", headers: auth });
    expect(await pub.json()).toEqual({ queued: 3, withoutEmail: 0 });
    expect(await (await t.request(`/api/exhibitor-applications/${near.manageToken}`)).json()).toMatchObject({
      status: "assigned",
      booth: nearBooth,
    });
    expect(await (await t.request(`/api/exhibitor-applications/${gone.manageToken}`)).json()).toMatchObject({
      status: "declined",
      booth: null,
    });

    // After the call closes, edits are refused with exhibitor-call-closed; withdrawing still works.
    t.clock.set("2026-11-01T09:00:00+09:00");
    const closed = await t.request(`/api/exhibitor-applications/${near.manageToken}`, {
      method: "PATCH",
      json: { note: "追記" },
    });
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as Problem).type).toMatch(/exhibitor-call-closed$/);
    const late = await apply(applicant(), {}, id);
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).type).toMatch(/exhibitor-call-closed$/);
    t.clock.set("2026-05-01T10:00:00+09:00");
  });
});

describe("mail", () => {
  it("the received message goes through the outbox and SMTP with the private link, in the applicant's language", async () => {
    const ja = applicant();
    const en = applicant({ locale: "en" });
    const rj = (await (await apply(ja)).json()) as Created;
    const re = (await (await apply(en)).json()) as Created;
    // The outbox holds what to send, never the token.
    const rows = await t.db.select().from(outbox).where(eq(outbox.kind, "exhibitor.received"));
    expect(JSON.stringify(rows)).not.toContain(rj.manageToken);
    await deliverMail(t.deps);
    const [mj] = smtp.to(ja.email);
    const [me] = smtp.to(en.email);
    expect(mj!.subject).toBe("【出展申込受付】テクノフェア（試験）");
    expect(mj!.text).toContain(`${ja.contactName} 様`);
    expect(mj!.text).toContain(rj.manageUrl);
    expect(me!.subject).toBe("Application received: Techno-fair (test)");
    expect(me!.text).toContain(re.manageUrl);
    expect(me!.text).toContain("Keep it to yourself");
    expect(JSON.stringify(await t.db.select().from(outbox).where(eq(outbox.kind, "exhibitor.received")))).not.toContain(
      rj.manageToken,
    );
  });

  it("the booth mail (the publish mail) reaches an applicant, addressed to its contact person", async () => {
    const rows = await t.db.select().from(outbox).where(eq(outbox.kind, "booth.assignment"));
    await deliverMail(t.deps);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const toApplicant = smtp.received.filter((r) => r.mail.subject.startsWith("【出展ブースのご案内】テクノフェア 2"));
    expect(toApplicant.some((r) => r.mail.text.includes("近隣株式会社 出展 担当"))).toBe(true);
  });
});

describe("rate limits", () => {
  it("applications are limited like registrations, with Retry-After", async () => {
    const limited = await createTestApp({
      now: "2026-05-01T10:00:00+09:00",
      env: { RATE_LIMITS: "on", RATE_LIMIT_REGISTRATION: "2/60" },
    });
    try {
      const e = await createOpenEvent(limited, { kind: "techno_fair", exhibitorCallOpensAt: "2026-04-01" });
      const post = () => limited.request(`/api/events/${e.id}/exhibitor-applications`, { method: "POST", json: applicant() });
      expect([(await post()).status, (await post()).status]).toEqual([201, 201]);
      const res = await post();
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
