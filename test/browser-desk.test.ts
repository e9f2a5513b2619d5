/**
 * The registration desk in Chromium: check-in by 受付番号 and walk-ins without JavaScript, the
 * code and its QR code on the registrant's page. Screenshots go to test/artifacts/screenshots.
 */
import jsQR from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, person } from "./support/app.ts";
import { hasChromium, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";

if (!hasChromium) console.warn("test/browser-desk.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("the registration desk in a browser", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => rig?.close());

  // The browser's session follows the real clock, so the events lie ahead of it.
  const soon = (more: Record<string, unknown>) =>
    createOpenEvent(rig.t, { startsAt: "2027-06-12T14:00:00+09:00", endsAt: "2027-06-12T17:00:00+09:00", ...more });
  const register = async (eventId: string, more: Record<string, unknown>) => {
    const res = await rig.t.request(`/api/events/${eventId}/registrations`, { method: "POST", json: person(more) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; checkInCode: string; manageToken: string };
  };

  it("the registrant's page shows the 受付番号 with its QR code", async () => {
    const event = await soon({ capacity: 10 });
    const reg = await register(event.id, { name: "受付 花子" });
    const page = await rig.newPage({ js: false, mobile: true });
    await page.goto(`${rig.base}/r/${reg.manageToken}?new=1`);
    expect(await page.textContent("[data-testid=check-in-code]")).toContain(reg.checkInCode);
    const qr = page.locator(".qr svg");
    expect(await qr.getAttribute("aria-label")).toContain(reg.checkInCode);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    await rig.shot(page, "40-confirmation-code-phone");

    // The symbol decodes to the code: drawn onto a canvas in Chromium, read back with jsQR.
    const js = await rig.newPage({ js: true });
    await js.goto(`${rig.base}/r/${reg.manageToken}`);
    const pixels = await js.evaluate(async () => {
      const svg = document.querySelector(".qr svg")!.outerHTML;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 400;
      const g = canvas.getContext("2d")!;
      g.drawImage(img, 0, 0, 400, 400);
      return Array.from(g.getImageData(0, 0, 400, 400).data);
    });
    expect(jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data).toBe(reg.checkInCode);
  });

  it("an organiser checks people in by code without JavaScript: once, again, an unknown code", async () => {
    const event = await soon({ capacity: 10, titleJa: "受付番号テスト" });
    const reg = await register(event.id, { name: "佐藤 花子", nameKana: "さとう はなこ" });
    await register(event.id, { name: "田中 三郎" });
    const page = await rig.newPage({ js: false, mobile: true });
    await rig.loginAs(page, "desk@example.jp", ["tohoku"]);
    await page.goto(`${rig.base}/admin/events/${event.id}/registrations`);
    await rig.shot(page, "41-desk-phone");

    await page.getByLabel("受付番号", { exact: true }).fill(reg.checkInCode.toLowerCase());
    await page.locator("section.scan button[type=submit]").click();
    await page.waitForURL(/checked=/);
    expect(await page.textContent("[data-testid=desk-notice]")).toContain("佐藤 花子 さんを受付しました");
    expect(await page.textContent("[data-testid=checked-in-count]")).toBe("1");
    expect(await page.locator("tr.highlight").textContent()).toContain(reg.checkInCode);
    await rig.shot(page, "42-desk-scanned");

    await page.getByLabel("受付番号", { exact: true }).fill(reg.checkInCode);
    await page.locator("section.scan button[type=submit]").click();
    await page.waitForURL(/already=1/);
    expect(await page.textContent("[data-testid=desk-notice]")).toContain("受付済みです");
    expect(await page.textContent("[data-testid=checked-in-count]")).toBe("1");

    await page.getByLabel("受付番号", { exact: true }).fill("XXXXXXX");
    await page.locator("section.scan button[type=submit]").click();
    await page.waitForURL(/scan=unknown/);
    expect(await page.textContent("[data-testid=desk-notice]")).toContain("XXXXXXX");

    // The reading typed in hiragana is found in katakana, with the same number.
    await page.locator("#f-q").fill("サトウハナコ");
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await page.waitForURL(/\?q=/);
    expect(await page.locator("tr[data-registration]").count()).toBe(1);
    expect(await page.locator("tr[data-registration] td.code").textContent()).toBe(reg.checkInCode);
  });

  it("an organiser registers a walk-in without JavaScript, over capacity only when ticked", async () => {
    const event = await soon({ capacity: 1, titleJa: "当日参加テスト" });
    await register(event.id, { name: "先着 一人" });
    const page = await rig.newPage({ js: false });
    await rig.loginAs(page, "desk@example.jp", ["tohoku"]);
    await page.goto(`${rig.base}/admin/events/${event.id}/registrations`);
    await page.locator("details.walkin summary").click();
    const form = page.locator("details.walkin form");
    await form.getByLabel("氏名").fill("当日 参加");
    await form.getByLabel("メールアドレス").fill("walkin@example.jp");
    await form.getByLabel("所属").fill("青森県庁");
    await form.getByLabel("区分").selectOption("government");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/walk-in$/);
    expect(await page.textContent("[data-testid=desk-notice]")).toContain("定員に達しています");
    // The answers are kept; tick over capacity and send again.
    expect(await form.getByLabel("氏名").inputValue()).toBe("当日 参加");
    await form.getByLabel("定員を超えても受け付ける").check();
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/walkin=/);
    expect(await page.textContent("[data-testid=desk-notice]")).toMatch(
      /当日 参加 さんを当日参加として登録し、受付しました（受付番号 [A-Z0-9]{7}）/,
    );
    expect(await page.textContent("[data-testid=checked-in-count]")).toBe("1");
    await rig.shot(page, "43-desk-walk-in");
  });
});
