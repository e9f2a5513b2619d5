/**
 * Registration questions in Chromium without JavaScript: an organiser sets them on the questions
 * page, someone registers answering them (an error first, shown beside its question with what was
 * typed kept), and the answers are in the organiser's CSV export and counted on the desk.
 * Screenshots go to test/artifacts/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent } from "./support/app.ts";
import { hasChromium, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";

if (!hasChromium) console.warn("test/browser-questions.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("registration questions in a browser", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => rig?.close());

  it("an organiser asks, someone answers without JavaScript, and the answers are in the CSV", async () => {
    // The browser's session follows the real clock, so the event lies ahead of it.
    const event = await createOpenEvent(rig.t, {
      startsAt: "2027-06-12T14:00:00+09:00",
      endsAt: "2027-06-12T17:00:00+09:00",
      capacity: 10,
      titleJa: "質問のある催し",
    });

    // The organiser's questions page, no script.
    const organiser = await rig.newPage({ js: false });
    await rig.loginAs(organiser, "questions@example.jp", ["tohoku"]);
    await organiser.goto(`${rig.base}/admin/events/${event.id}/edit`);
    await organiser.getByRole("link", { name: "参加登録の質問" }).click();
    await organiser.locator('input[name="q0.id"]').fill("party");
    await organiser.locator('select[name="q0.kind"]').selectOption("choice");
    await organiser.locator('input[name="q0.labelJa"]').fill("懇親会");
    await organiser.locator('input[name="q0.labelEn"]').fill("Reception");
    await organiser.locator('textarea[name="q0.options"]').fill("attend | 出席 | Attending\nabsent | 欠席 | Not attending");
    await organiser.locator('input[name="q0.required"]').check();
    await organiser.locator('input[name="q1.id"]').fill("diet");
    await organiser.locator('input[name="q1.labelJa"]').fill("食事の配慮");
    await organiser.getByRole("button", { name: "質問を保存する" }).click();
    await organiser.waitForURL(/saved=1/);
    expect(await organiser.textContent("main")).toContain("質問を保存しました");
    await rig.shot(organiser, "50-questions-editor");

    // Someone registers, first forgetting the required question.
    const page = await rig.newPage({ js: false, mobile: true });
    await page.goto(`${rig.base}/events/${event.id}`);
    await page.getByLabel("氏名").fill("回答 花子");
    await page.getByLabel("メールアドレス").fill("kaitou@example.jp");
    await page.getByLabel("所属").fill("東北大学");
    await page.getByRole("radio", { name: "大学等" }).check();
    await page.getByLabel("食事の配慮").fill("=卵アレルギー");
    await page.locator("form[action$='/register'] button[type=submit]").click();
    await page.waitForLoadState();
    const party = page.locator('fieldset[id="f-answers.party"]');
    expect(await party.getAttribute("aria-invalid")).toBe("true");
    expect(await party.locator(".error-text").textContent()).toBe("回答してください。");
    expect(await page.getByLabel("食事の配慮").inputValue()).toBe("=卵アレルギー");
    expect(await page.getByLabel("氏名").inputValue()).toBe("回答 花子");
    await rig.shot(page, "51-question-error-phone");

    await party.getByRole("radio", { name: "出席" }).check();
    await page.locator("form[action$='/register'] button[type=submit]").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{43}\?new=1/);
    expect(await page.locator('fieldset[id="f-answers.party"] input[value=attend]').isChecked()).toBe(true);
    await rig.shot(page, "52-registered-with-answers-phone");

    // The organiser's CSV has one column per question, the answers in words, formula-neutralised.
    const csv = await organiser.request.get(`${rig.base}/api/events/${event.id}/registrations.csv`);
    expect(csv.status()).toBe(200);
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    const [header, row] = text.split("\r\n");
    expect(header!.split(",").slice(-2)).toEqual(["懇親会", "食事の配慮"]);
    expect(row).toContain("回答 花子");
    expect(row!.split(",").slice(-2)).toEqual(["出席", "'=卵アレルギー"]);
    const en = await (await organiser.request.get(`${rig.base}/api/events/${event.id}/registrations.csv?lang=en`)).text();
    expect(en.split("\r\n")[0]!.split(",").slice(-2)).toEqual(["Reception", "食事の配慮"]);
    expect(en.split("\r\n")[1]!.split(",").slice(-2)).toEqual(["Attending", "'=卵アレルギー"]);

    // The desk counts them per option and shows them by the person.
    await organiser.goto(`${rig.base}/admin/events/${event.id}/registrations`);
    expect(await organiser.textContent("[data-testid=answer-counts]")).toContain("懇親会 出席 1 / 欠席 0");
    expect(await organiser.locator("tr[data-registration]").textContent()).toContain("食事の配慮: =卵アレルギー");
    await rig.shot(organiser, "53-desk-answers");
  }, 120_000);
});
