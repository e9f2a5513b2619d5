/**
 * Exhibitors apply in Chromium without JavaScript: the call on the fair's pages, the form with an
 * error that keeps every answer, full-width input, the private page (change, booth on the map once
 * published), and the organisers' review (decline with a reason the applicant sees).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent } from "./support/app.ts";
import { hasChromium, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";

if (!hasChromium) console.warn("test/browser-apply.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("exhibitors apply in a browser without JavaScript", () => {
  let rig: BrowserRig;
  let fairId: string;
  beforeAll(async () => {
    rig = await startBrowserRig();
    // The browser follows the real clock: the call is open now and the fair lies ahead.
    const fair = await createOpenEvent(rig.t, {
      kind: "techno_fair",
      block: "kanto",
      titleJa: "テクノフェア（ブラウザ）",
      titleEn: "Techno-fair (browser)",
      startsAt: "2030-12-02T10:00:00+09:00",
      endsAt: "2030-12-03T17:00:00+09:00",
      exhibitorCallOpensAt: "2026-01-01T00:00:00+09:00",
      exhibitorCallClosesAt: "2030-10-31T17:00:00+09:00",
      exhibitorBoothSizes: ["1x1", "2x1"],
    });
    fairId = fair.id;
    const floor = {
      booths: [
        { code: "A-01", x: 0, y: 0, w: 2, h: 1, zone: "A" },
        { code: "A-02", x: 2, y: 0, w: 2, h: 1, zone: "A" },
        { code: "B-01", x: 0, y: 2, w: 1, h: 1, zone: "B" },
      ],
    };
    const res = await rig.t.request(`/api/events/${fairId}/floor-plan`, { method: "PUT", admin: true, json: floor });
    expect(res.status).toBe(200);
  });
  afterAll(async () => rig?.close());

  it("applies through the form: an error keeps every answer, the second try lands on the private page", async () => {
    const page = await rig.newPage({ js: false, mobile: true });
    await page.goto(`${rig.base}/events/${fairId}`);
    expect(await page.textContent("[data-testid=exhibitor-call]")).toContain("出展のお申し込みを受け付けています");
    await page.click("text=出展を申し込む");
    expect(new URL(page.url()).pathname).toBe(`/fair/${fairId}/apply`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Full-width answers, and the contact person forgotten.
    await page.fill("#f-organization", "ＦＵＬＬ幅テクノ株式会社");
    await page.fill("#f-organizationKana", "ふるはばてくの");
    await page.fill("#f-email", "ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｊｐ");
    await page.fill("#f-field", "ナノテク");
    await page.check("input[name=boothSize][value='2x1']");
    await page.fill("#f-preference1", "Ａ－０１");
    await page.fill("#f-competitors", "株式会社ライバル\n競合研究所");
    await page.fill("#f-note", "電源を2口");
    const first = await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    expect(first[0]!.status()).toBe(400);
    expect(await page.textContent("[data-error-summary]")).toContain("ご担当者名");
    expect(await page.getAttribute("#f-contactName", "aria-invalid")).toBe("true");
    expect(await page.inputValue("#f-organization")).toBe("ＦＵＬＬ幅テクノ株式会社");
    expect(await page.inputValue("#f-email")).toBe("ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｊｐ");
    expect(await page.inputValue("#f-preference1")).toBe("Ａ－０１");
    expect(await page.inputValue("#f-competitors")).toBe("株式会社ライバル\n競合研究所");
    expect(await page.inputValue("#f-note")).toBe("電源を2口");
    expect(await page.isChecked("input[name=boothSize][value='2x1']")).toBe(true);
    await rig.shot(page, "60-apply-error-phone");

    await page.fill("#f-contactName", "全角 太郎");
    await Promise.all([page.waitForURL(/\/x\/[A-Za-z0-9_-]{43}\?new=1$/), page.click("main form button[type=submit]")]);
    expect(await page.textContent("h1")).toBe("出展のお申し込みを受け付けました");
    expect(await page.textContent("[data-testid=application-status]")).toBe("受付済み");
    const details = (await page.textContent("main dl.facts:last-of-type")) ?? "";
    expect(await page.textContent("main")).toContain("full@example.jp");
    expect(details).toBeDefined();
    expect(await page.textContent("main")).toContain("A-01");
    expect(await page.textContent("main")).toContain("フルハバテクノ");
    await rig.shot(page, "61-apply-received-phone");

    // A change without script, kept on the page.
    await page.fill("#f-field", "バイオ");
    await Promise.all([page.waitForURL(/\?saved=1$/), page.click("section[aria-labelledby=edit] button[type=submit]")]);
    expect(await page.textContent("main")).toContain("お申し込み内容を変更しました。");
    expect(await page.inputValue("#f-field")).toBe("バイオ");

    // The same organisation once more (width and case folded): refused, answers kept.
    const again = await rig.newPage({ js: false });
    await again.goto(`${rig.base}/fair/${fairId}/apply`);
    await again.fill("#f-organization", "full幅テクノ株式会社");
    await again.fill("#f-contactName", "別の 人");
    await again.fill("#f-email", "other@example.jp");
    await again.fill("#f-field", "IT");
    await again.check("input[name=boothSize][value='1x1']");
    const dup = await Promise.all([again.waitForNavigation(), again.click("main form button[type=submit]")]);
    expect(dup[0]!.status()).toBe(409);
    expect(await again.textContent("main [role=alert]")).toContain("既にお申し込みがあります");
    expect(await again.inputValue("#f-contactName")).toBe("別の 人");
  });

  it("shows the booth on the map once published, and a decline's reason, in English too", async () => {
    const post = async (organization: string, locale: string) => {
      const res = await rig.t.request(`/api/events/${fairId}/exhibitor-applications`, {
        method: "POST",
        json: { organization, contactName: "担当", email: `${locale}@example.jp`, field: "IT", boothSize: "1x1", locale },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { manageToken: string }).manageToken;
    };
    const kept = await post("配置 株式会社", "ja");
    const refused = await post("Declined Ltd.", "en");

    // The organiser declines one on the review page, without script.
    const desk = await rig.newPage({ js: false, mobile: true });
    await rig.loginAs(desk, "kanto.apply@example.jp", ["kanto"]);
    await desk.goto(`${rig.base}/admin/events/${fairId}/exhibitors`);
    expect(await desk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const card = desk.locator("li[data-ref]", { hasText: "Declined Ltd." });
    await card.locator("input[name=status][value=declined]").check();
    const noReason = await Promise.all([desk.waitForNavigation(), card.locator("button[type=submit]").click()]);
    expect(noReason[0]!.status()).toBe(400);
    const again = desk.locator("li[data-ref]", { hasText: "Declined Ltd." });
    expect(await again.locator("input[name=status][value=declined]").isChecked()).toBe(true);
    await again.locator("input[name=declineReason]").fill("Out of the fair's fields");
    await Promise.all([desk.waitForURL(/saved=/), again.locator("button[type=submit]").click()]);
    await rig.shot(desk, "62-exhibitor-review-phone");

    const alloc = await rig.t.request(`/api/events/${fairId}/allocation`, { method: "POST", admin: true, json: {} });
    expect(alloc.status).toBe(200);
    expect((await rig.t.request(`/api/events/${fairId}/allocation/publish`, { method: "POST", admin: true })).status).toBe(200);

    const mine = await rig.newPage({ js: false });
    await mine.goto(`${rig.base}/x/${kept}`);
    const booth = (await mine.textContent("[data-testid=assigned-booth]"))!.replace("ブース ", "");
    expect(booth).toBe("B-01");
    expect(await mine.getAttribute("svg [data-highlight=true]", "data-booth")).toBe("B-01");
    expect(await mine.locator("svg [data-highlight=true]").count()).toBe(1);
    await rig.shot(mine, "63-applicant-booth");

    const en = await rig.newPage({ js: false, lang: "en" });
    await en.goto(`${rig.base}/x/${refused}?lang=en`);
    expect(await en.textContent("[data-testid=application-status]")).toBe("Declined");
    expect(await en.textContent("[data-testid=decline-reason]")).toContain("Out of the fair's fields");
    expect(await en.locator("svg").count()).toBe(0);
    // A wrong token is the usual not-found page.
    const wrong = await en.goto(`${rig.base}/x/${"x".repeat(43)}`);
    expect(wrong!.status()).toBe(404);
  });
});
