/**
 * Small things in Chromium: the new-event form starts nationwide for administrators, capacity and
 * e-mail messages say what is wrong, the month view marks public holidays, /favicon.ico answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { adminWho, createOpenEvent } from "./support/app.ts";
import { hasChromium, PASSWORD, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";

if (!hasChromium) console.warn("test/browser-small-things.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("small things, in a browser", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await createOrganiser(
      { ...rig.t.deps, who: adminWho(rig.t) },
      { email: "admin@example.jp", name: "管理者", role: "admin", scopes: { blocks: [], events: [] }, password: PASSWORD },
    );
  });
  afterAll(async () => rig?.close());

  const loginAsAdmin = async (page: Awaited<ReturnType<BrowserRig["newPage"]>>) => {
    await page.goto(`${rig.base}/admin/login`);
    await page.locator("input[name=email]").fill("admin@example.jp");
    await page.locator("input[name=password]").fill(PASSWORD);
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForURL(`${rig.base}/admin`);
  };
  const selectedBlock = (page: Awaited<ReturnType<BrowserRig["newPage"]>>) =>
    page.locator("select[name=block]").evaluate((s: HTMLSelectElement) => ({ value: s.value, text: s.selectedOptions[0]!.text }));

  it("the new-event form starts nationwide for an administrator, and in their block for an organiser", async () => {
    const admin = await rig.newPage({ js: false });
    await loginAsAdmin(admin);
    await admin.goto(`${rig.base}/admin/events/new`);
    expect(await selectedBlock(admin)).toEqual({ value: "", text: "（全国・ブロックなし）" });
    const organiser = await rig.newPage({ js: false });
    await rig.loginAs(organiser, "kinki.small@example.jp", ["kinki"]);
    await organiser.goto(`${rig.base}/admin/events/new`);
    expect((await selectedBlock(organiser)).value).toBe("kinki");
  });

  it("a capacity of -5 or abc says a whole number, 0 or more, is wanted (ja and en), and keeps what was typed", async () => {
    const page = await rig.newPage({ js: false });
    await loginAsAdmin(page);
    for (const [lang, typed, message] of [
      ["ja", "-5", "0 以上の整数で入力してください。"],
      ["ja", "abc", "0 以上の整数で入力してください。"],
      ["en", "1.5", "Enter a whole number, 0 or more."],
      ["en", "ｘ", "Enter a whole number, 0 or more."],
    ] as const) {
      await page.goto(`${rig.base}/admin/events/new?lang=${lang}`);
      await page.locator("input[name=titleJa]").fill("定員の確認");
      await page.locator("input[name=capacity]").fill(typed);
      await page.locator("main form button[type=submit]").last().click();
      await page.waitForLoadState();
      expect(await page.locator("#f-capacity-error").textContent(), typed).toBe(message);
      expect(await page.locator("input[name=capacity]").inputValue()).toBe(typed);
    }
    await rig.shot(page, "50-capacity-message");
    // Digits (full-width too) are taken.
    await page.goto(`${rig.base}/admin/events/new`);
    await page.locator("input[name=titleJa]").fill("定員の確認");
    await page.locator("input[name=capacity]").fill("１２０");
    await page.locator("main form button[type=submit]").last().click();
    await page.waitForURL(/\/admin\/events\/[\w-]+\/edit\?saved=1$/);
    expect(await page.locator("input[name=capacity]").inputValue()).toBe("120");
  });

  it("the registration form says an empty e-mail address is required, and a wrong one what is wrong", async () => {
    const event = await createOpenEvent(rig.t, {
      startsAt: "2027-06-12T14:00:00+09:00",
      endsAt: "2027-06-12T17:00:00+09:00",
      capacity: 10,
    });
    const page = await rig.newPage({ js: false });
    await page.goto(`${rig.base}/events/${event.id}`);
    await page.getByLabel("氏名").fill("山田 太郎");
    await page.getByLabel("ふりがな（カタカナ）").fill("ヤマダ タロウ");
    await page.getByLabel("所属").fill("福島大学");
    await page.getByRole("radio", { name: "大学等" }).check();
    await page.locator("form[action$=register] button[type=submit]").click();
    await page.waitForLoadState();
    expect(await page.locator("#f-email-error").textContent()).toBe("必須項目です。入力してください。");
    await page.getByLabel("メールアドレス").fill("taro@");
    await page.locator("form[action$=register] button[type=submit]").click();
    await page.waitForLoadState();
    expect(await page.locator("#f-email-error").textContent()).toMatch(/^メールアドレスの形式で/);
  });

  it("the month view marks Japanese public holidays by name, in Japanese and English", async () => {
    const page = await rig.newPage({ js: false });
    await page.goto(`${rig.base}/?view=month&month=2026-05`);
    const holidays = await page.locator("table.month td.holiday").evaluateAll((tds) =>
      tds.map((td) => `${td.querySelector(".num")!.textContent} ${td.querySelector(".holiday-name")!.textContent}`),
    );
    expect(holidays).toEqual(["3 憲法記念日", "4 みどりの日", "5 こどもの日", "6 こどもの日 振替休日"]);
    // A weekday that is a holiday reads in the holiday colour, like a Sunday.
    const color = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).color);
    expect(await color("td.holiday:not(.sun) .day")).toBe(await color("th.sun"));
    expect(await color("td:not(.holiday):not(.sun):not(.sat):not(.out) .day")).not.toBe(await color("th.sun"));
    await rig.shot(page, "51-month-holidays");
    await page.goto(`${rig.base}/?view=month&month=2026-11&lang=en`);
    expect(await page.locator("table.month td.holiday .holiday-name").allTextContents()).toEqual([
      "National Culture Day",
      "Labor Thanksgiving Day",
    ]);
  });

  it("/favicon.ico answers with an icon, and pages name it", async () => {
    const page = await rig.newPage({ js: false });
    const res = await page.request.get(`${rig.base}/favicon.ico`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/x-icon");
    expect([...(await res.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    await page.goto(`${rig.base}/`);
    expect(await page.locator("link[rel=icon]").getAttribute("href")).toBe("/favicon.ico");
    // Chromium decodes it as a 16×16 image.
    const size = await page.evaluate(async () => {
      const img = new Image();
      img.src = "/favicon.ico";
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([16, 16]);
  });
});
