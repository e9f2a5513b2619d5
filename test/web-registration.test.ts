import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { registrations } from "../db/schema/index.ts";
import { createOpenEvent, person } from "./support/app.ts";
import { eventId, FULL_WIDTH_REGISTRANT, post, registerViaForm, registrationForm, t, tokenOf, webWorld } from "./support/web.ts";

webWorld();

describe("registration without JavaScript", () => {
  it("redirects with 303 to the confirmation, and a repeated submit of the same form registers once", async () => {
    const key = await registrationForm(eventId);
    const p = person({ email: "once@example.jp" });
    const body = { ...p, idempotencyKey: key, locale: "ja" } as Record<string, string>;
    const first = await post(`/events/${eventId}/register`, body);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toMatch(/^\/r\/[\w-]{43}\?new=1$/);
    const second = await post(`/events/${eventId}/register`, body);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const rows = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.emailKey, "once@example.jp")));
    expect(rows).toHaveLength(1);

    const page = await t.request(first.headers.get("location")!);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("参加登録が完了しました");
    expect(html).toContain("参加確定");
    expect(html).toContain(`/calendar/events/${eventId}.ics`);
    expect(html).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    // The personal feed is e-mailed, never shown to whoever filled in the form.
    expect(html).not.toMatch(/\/calendar\/me\//);
    expect(html).toContain(`action="/r/${tokenOf(first)}/calendar-link"`);
    expect(html).toContain(`value="https://events.example.jp/r/${tokenOf(first)}"`);
  });

  it("re-renders with 400, messages beside the fields and the answers kept", async () => {
    const res = await registerViaForm(eventId, {
      name: "",
      email: "not-an-address",
      organization: "福島大学",
      nameKana: "やまだ",
      sector: "",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("入力内容を確認してください");
    expect(html).toMatch(/id="f-name-error">必須項目です。入力してください。/);
    expect(html).toMatch(/id="f-email-error">メールアドレスの形式/);
    expect(html).toMatch(/id="f-sector-error">選択してください。/);
    expect(html).toContain('id="f-email" name="email" type="text" value="not-an-address"');
    expect(html).toContain('value="福島大学"');
    expect(html).toContain('value="やまだ"');
    expect(html).toContain('aria-invalid="true"');
    // Nothing was written.
    const rows = await t.db.select().from(registrations).where(eq(registrations.email, "not-an-address"));
    expect(rows).toHaveLength(0);
    const en = await post(`/events/${eventId}/register?lang=en`, { name: "", email: "x", organization: "o", sector: "industry" });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('id="f-name-error">This field is required.');
  });

  it("accepts a full-width e-mail address and katakana reading", async () => {
    const res = await registerViaForm(eventId, FULL_WIDTH_REGISTRANT);
    expect(res.status).toBe(303);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.emailKey, "hanako@example.jp"));
    expect(row?.email).toBe("hanako@example.jp");
    expect(row?.sector).toBe("industry");
  });

  it("says so when the address is already registered", async () => {
    const body = { ...person({ email: "twice@example.jp" }) } as Record<string, string>;
    expect((await registerViaForm(eventId, body)).status).toBe(303);
    const again = await registerViaForm(eventId, body);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("既に登録されています");
  });

  it("puts people on the waiting list when the event is full, and promotes them when someone cancels", async () => {
    const e = await createOpenEvent(t, { capacity: 1, titleJa: "満席テスト" });
    const a = await registerViaForm(e.id, person() as Record<string, string>);
    const b = await registerViaForm(e.id, person() as Record<string, string>);
    expect([a.status, b.status]).toEqual([303, 303]);
    const full = await (await t.request(`/events/${e.id}`)).text();
    expect(full).toContain("キャンセル待ちに登録する");
    const waiting = await (await t.request(b.headers.get("location")!)).text();
    expect(waiting).toContain("キャンセル待ちに登録しました");
    expect(waiting).toContain("キャンセル待ち 1番目");

    const tokenA = tokenOf(a);
    const confirm = await t.request(`/r/${tokenA}/cancel`);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain("よろしいですか");
    expect(confirmHtml).toContain(`action="/r/${tokenA}/cancel"`);
    // Opening the confirmation changes nothing.
    expect(await (await t.request(`/r/${tokenA}`)).text()).toContain("参加確定");

    const cancel = await post(`/r/${tokenA}/cancel`, {});
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/r/${tokenA}?cancelled=1`);
    const after = await (await t.request(cancel.headers.get("location")!)).text();
    expect(after).toContain("参加登録をキャンセルしました");
    expect(after).toContain("キャンセル済み");
    const promoted = await (await t.request(`/r/${tokenOf(b)}`)).text();
    expect(promoted).toContain("参加確定");
  });

  it("the manage page shows no personal feed and offers to e-mail it instead, without script", async () => {
    const res = await registerViaForm(eventId, person() as Record<string, string>);
    const token = tokenOf(res);
    const html = await (await t.request(`/r/${token}`)).text();
    expect(html).not.toMatch(/\/calendar\/me\//);
    expect(html).not.toContain("rotate-feed");
    expect(html).toContain(`<form method="post" action="/r/${token}/calendar-link"`);
    const sent = await post(`/r/${token}/calendar-link`, {});
    expect(sent.status).toBe(303);
    const after = await (await t.request(sent.headers.get("location")!)).text();
    expect(after).toContain("カレンダーのリンクを、登録したメールアドレスにお送りしました。");
    expect(after).not.toMatch(/\/calendar\/me\//);
    expect((await post(`/r/${token}/rotate-feed`, {})).status).toBe(404);
  });

  it("explains when registration is closed", async () => {
    const e = await createOpenEvent(t, { registrationClosesAt: "2026-04-30T12:00:00+09:00" });
    const page = await (await t.request(`/events/${e.id}`)).text();
    expect(page).toContain("参加登録の受付は終了しました");
    expect(page).not.toContain(`action="/events/${e.id}/register"`);
    const res = await post(`/events/${e.id}/register`, person() as Record<string, string>);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("参加登録の受付は終了しました");
  });

  it("escapes what registrants typed everywhere it is shown", async () => {
    const evil = "<script>alert(1)</script>";
    const org = '"><img src=x onerror=alert(1)>';
    const res = await registerViaForm(eventId, { ...(person() as Record<string, string>), name: evil, organization: org });
    expect(res.status).toBe(303);
    const manage = await (await t.request(res.headers.get("location")!)).text();
    expect(manage).not.toContain(evil);
    expect(manage).not.toContain("<img src=x");
    expect(manage).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // And when the form comes back with an error, the kept input is escaped too.
    const bad = await registerViaForm(eventId, { name: evil, organization: org, email: "bad", sector: "other" });
    const badHtml = await bad.text();
    expect(badHtml).not.toContain(evil);
    expect(badHtml).not.toContain('"><img');
  });
});
