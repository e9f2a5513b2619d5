/**
 * Where an event is, how to get there and whom to ask; its privacy notice and consent. Through
 * HTTP on a real database: the API contract and its 400s, the event page in both languages, the
 * no-script form's consent, and the confirmation mail as delivered to a real SMTP server.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "../jobs/deliver-mail.ts";
import { registrations } from "../db/schema/index.ts";
import { REGISTRATION_RETENTION_DAYS } from "../lib/privacy-notice.ts";
import { createOpenEvent, organiserToken, person, type TestApp } from "./support/app.ts";
import { createTestAppWithSmtp, type Smtp } from "./support/smtp.ts";

let t: TestApp;
let smtp: Smtp;

const PLACE = {
  venue: "パシフィコ横浜",
  venueEn: "Pacifico Yokohama",
  address: "神奈川県横浜市西区みなとみらい1-1-1",
  addressEn: "1-1-1 Minatomirai, Nishi-ku, Yokohama",
  access: "みなとみらい線「みなとみらい駅」から徒歩5分",
  accessEn: "5 minutes' walk from Minatomirai Station",
  mapUrl: "https://www.openstreetmap.org/?mlat=35.4576&mlon=139.6366#map=17",
  contactName: "関東地域ブロック協議会 事務局",
  contactEmail: "kanto-office@example.jp",
  contactPhone: "０３－１２３４－５６７８",
};

type Problem = { errors: { field: string; message: string }[] };
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.field);

beforeAll(async () => {
  ({ t, smtp } = await createTestAppWithSmtp({ now: "2026-05-01T00:00:00Z" }));
});
afterAll(() => t.close());

describe("place, access and contact on events", () => {
  it("are stored, returned and shown in both languages", async () => {
    const e = await createOpenEvent(t, { ...PLACE, block: "kanto", prefecture: "神奈川県" });
    expect(e).toMatchObject({ ...PLACE, contactPhone: "03-1234-5678", consentRequired: false, privacyNoticeJa: null });
    const got = (await (await t.request(`/api/events/${e.id}`)).json()) as Record<string, unknown>;
    expect(got).toMatchObject({ address: PLACE.address, accessEn: PLACE.accessEn, contactEmail: PLACE.contactEmail });

    const ja = await (await t.request(`/events/${e.id}`)).text();
    for (const s of [PLACE.address, "みなとみらい駅", PLACE.contactName, PLACE.contactEmail, "03-1234-5678"]) expect(ja).toContain(s);
    expect(ja).toContain(`href="${PLACE.mapUrl.replace("&", "&amp;")}"`);
    expect(ja).toContain('href="mailto:kanto-office@example.jp"');
    expect(ja).toContain('href="tel:0312345678"');

    const en = await (await t.request(`/events/${e.id}?lang=en`)).text();
    for (const s of [PLACE.addressEn, PLACE.accessEn, "Pacifico Yokohama"]) expect(en).toContain(s.replace("'", "&#39;"));
    expect(en).not.toContain(PLACE.address);
    // The prefecture, stored in Japanese, in English on the English page and in the Japanese on the Japanese one.
    expect(en).toContain("Pacifico Yokohama, Kanagawa");
    expect(en).not.toContain("神奈川県");
    expect(ja).toContain("パシフィコ横浜　神奈川県");
  });

  it("refuse a map link that is not https, and a malformed contact, naming the field", async () => {
    for (const [field, value] of [
      ["mapUrl", "javascript:alert(1)"],
      ["mapUrl", "http://maps.example.jp/"],
      ["mapUrl", "https://user:pw@example.jp/"],
      ["contactEmail", "office at example"],
      ["contactPhone", "call me"],
    ] as const) {
      const res = await t.request("/api/events", {
        method: "POST",
        admin: true,
        json: { kind: "seminar", titleJa: "x", startsAt: "2026-06-12T14:00:00+09:00", endsAt: "2026-06-12T15:00:00+09:00", [field]: value },
      });
      expect(res.status, `${field}=${value}`).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await fieldsOf(res)).toContain(field);
    }
  });

  it("change with PATCH (null clears), in scope only, and move the calendar LOCATION to the address", async () => {
    const e = await createOpenEvent(t, { block: "kanto" });
    const kanto = await organiserToken(t, "place.kanto@example.jp", ["kanto"]);
    const kyushu = await organiserToken(t, "place.kyushu@example.jp", ["kyushu"]);
    const patch = (json: unknown, token: string) =>
      t.request(`/api/events/${e.id}`, { method: "PATCH", json, headers: { Authorization: `Bearer ${token}` } });
    expect((await patch({ address: "どこか" }, kyushu)).status).toBe(404);
    const res = await patch({ address: PLACE.address, mapUrl: PLACE.mapUrl }, kanto);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { address: string; sequence: number };
    expect(body.address).toBe(PLACE.address);
    expect(body.sequence).toBe((e.sequence as number) + 1);
    const ics = await (await t.request(`/calendar/events/${e.id}.ics`)).text();
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`LOCATION:ビッグパレットふくしま\\, ${PLACE.address}`);
    const cleared = (await (await patch({ mapUrl: null }, kanto)).json()) as { mapUrl: string | null; address: string };
    expect(cleared).toMatchObject({ mapUrl: null, address: PLACE.address });
  });
});

describe("privacy notice and consent", () => {
  it("the default notice names the purpose, the retention the purge enforces and the contact", async () => {
    const e = await createOpenEvent(t, { contactName: "東北経済産業局", contactEmail: "tohoku@example.jp" });
    const notice = e.privacyNotice as { ja: string; en: string };
    expect(notice.ja).toContain("参加受付");
    expect(notice.ja).toContain(`${REGISTRATION_RETENTION_DAYS}日`);
    expect(notice.ja).toContain("東北経済産業局 / tohoku@example.jp");
    expect(notice.en).toContain(`${REGISTRATION_RETENTION_DAYS} days after the event ends`);
    const page = await (await t.request(`/events/${e.id}`)).text();
    expect(page).toContain("個人情報の取扱いについて");
    expect(page).toContain(`${REGISTRATION_RETENTION_DAYS}日`);
  });

  it("an event's own notice replaces it; registration without consent is 400 and writes nothing", async () => {
    const e = await createOpenEvent(t, {
      privacyNoticeJa: "本催しの個人情報は<主催者>が管理します。",
      consentRequired: true,
    });
    expect(e.privacyNotice).toEqual({ ja: "本催しの個人情報は<主催者>が管理します。", en: "本催しの個人情報は<主催者>が管理します。" });
    const page = await (await t.request(`/events/${e.id}`)).text();
    expect(page).toContain("本催しの個人情報は&lt;主催者&gt;が管理します。");

    for (const consent of [undefined, false]) {
      const res = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person({ consent }) });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(["consent"]);
    }
    expect(await t.db.select().from(registrations).where(eq(registrations.eventId, e.id))).toHaveLength(0);
    const wrongType = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person({ consent: "yes" }) });
    expect(wrongType.status).toBe(400);

    const ok = await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: person({ consent: true }) });
    expect(ok.status).toBe(201);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.eventId, e.id));
    expect(row!.consentedAt?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("the no-script form asks for consent, keeps the answers, and registers once it is given", async () => {
    const e = await createOpenEvent(t, { consentRequired: true });
    const page = await (await t.request(`/events/${e.id}`)).text();
    expect(page).toContain('name="consent"');
    const p = person();
    const form = (extra: Record<string, string>) =>
      t.request(`/events/${e.id}/register`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://events.example.jp" },
        body: new URLSearchParams({ ...(p as Record<string, string>), idempotencyKey: crypto.randomUUID(), ...extra }).toString(),
      });
    const refused = await form({});
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("登録には同意が必要です");
    expect(html).toContain(`value="${p.email}"`);
    const done = await form({ consent: "1" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toMatch(/^\/r\//);
  });
});

describe("the confirmation mail", () => {
  it("carries the address, access, map and, after the no-reply line, whom to write to (ja and en)", async () => {
    const e = await createOpenEvent(t, PLACE);
    const ja = person();
    const en = person({ locale: "en" });
    for (const p of [ja, en]) {
      expect((await t.request(`/api/events/${e.id}/registrations`, { method: "POST", json: p })).status).toBe(201);
    }
    await deliverMail(t.deps);
    const [mailJa] = smtp.to(ja.email);
    expect(mailJa!.text).toContain(`住所: ${PLACE.address}`);
    expect(mailJa!.text).toContain(`アクセス: ${PLACE.access}`);
    expect(mailJa!.text).toContain(PLACE.mapUrl);
    expect(mailJa!.text).toMatch(/このメールは送信専用です）\nお問い合わせ先: 関東地域ブロック協議会 事務局 \/ kanto-office@example\.jp \/ 電話 03-1234-5678/);
    expect(mailJa!.html).toContain("お問い合わせ先: 関東地域ブロック協議会 事務局");
    const [mailEn] = smtp.to(en.email);
    expect(mailEn!.text).toContain(`Address: ${PLACE.addressEn}`);
    expect(mailEn!.text).toContain("Questions? Write to: 関東地域ブロック協議会 事務局 / kanto-office@example.jp / Tel. 03-1234-5678");
  });
});
