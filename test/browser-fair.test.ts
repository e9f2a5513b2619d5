/**
 * The public fair page on a phone (390 × 844) with 270 booths: nothing organiser-only on the map,
 * a booth tapped shows who is there in the list, the search finds exhibitors by name (kana alike),
 * field and cluster without JavaScript, and the page never scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent } from "./support/app.ts";
import { hasChromium, SHOTS, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";
import { realisticExhibitors } from "./support/fair.ts";

if (!hasChromium) console.warn("test/browser-fair.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("the public fair page on a phone", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => rig?.close());

  it("270 booths: readable map, tap a booth to see who is there, search by name, field and cluster", async () => {
    const fair = await createOpenEvent(rig.t, { kind: "techno_fair", titleJa: "クラスタージャパン 2027", startsAt: "2027-12-02", endsAt: "2027-12-03", capacity: 500 });
    // 15 rows of 18 booths, an aisle after every second row.
    const booths = Array.from({ length: 270 }, (_, i) => {
      const row = Math.floor(i / 18);
      return { code: `${"ABCDEFGHIJKLMNO"[row]}-${String((i % 18) + 1).padStart(2, "0")}`, x: i % 18, y: row + Math.floor(row / 2), w: 1, h: 1, zone: row < 5 ? "北ホール" : row < 10 ? "中央ホール" : "南ホール" };
    });
    expect((await rig.t.request(`/api/events/${fair.id}/floor-plan`, { method: "PUT", admin: true, json: { booths } })).status).toBe(200);
    const list = realisticExhibitors(260).map((x) => ({ ...x, size: "1x1" }));
    list[5]!.name = "ノーステック 情報展示";
    expect((await rig.t.request(`/api/events/${fair.id}/exhibitors`, { method: "PUT", admin: true, json: list })).status).toBe(200);
    const alloc = await rig.t.request(`/api/events/${fair.id}/allocation`, { method: "POST", admin: true, json: { timeLimitMs: 500 } });
    expect(alloc.status).toBe(200);
    const placed = ((await alloc.json()) as { assignments: { booth: string; exhibitor: string }[] }).assignments;
    expect(placed.length).toBe(260);
    const north = placed.find((a) => a.exhibitor === "E006")!;
    const pin = await rig.t.request(`/api/events/${fair.id}/booths/${north.booth}/assignment`, { method: "PUT", admin: true, json: { exhibitor: "E006", pinned: true } });
    expect(pin.status).toBe(200);

    const svg = await (await rig.t.request(`/api/events/${fair.id}/floor-plan.svg`)).text();
    expect(svg).not.toContain('stroke-width="3"');

    const page = await rig.newPage({ js: false, mobile: true });
    await page.goto(`${rig.base}/fair/${fair.id}`);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    expect(await page.locator("svg.fairmap a").count()).toBe(260);
    expect(await page.locator("svg.fairmap [data-booth]").count()).toBe(270);
    expect(await page.textContent("main")).not.toContain("固定");
    expect(await page.locator("main .pin, main .pinned").count()).toBe(0);
    const box = (await page.locator(`svg.fairmap a[data-booth="${north.booth}"]`).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(28);
    // The first screen (the full page is 260 cards long).
    await page.screenshot({ path: `${SHOTS}/60-fair-phone.png` });
    await page.locator("section.floor").screenshot({ path: `${SHOTS}/63-fair-phone-map.png` });

    // Tapping a booth brings its exhibitor up in the list.
    await page.locator(`svg.fairmap a[data-booth="${north.booth}"]`).tap();
    await page.waitForURL(new RegExp(`#booth-${north.booth}$`));
    const card = page.locator(`li#booth-${north.booth}`);
    expect(await card.textContent()).toContain("ノーステック 情報展示");
    expect(await card.isVisible()).toBe(true);
    // The link's target is the card (the browser scrolls to it; :target highlights it).
    expect(await card.evaluate((el) => el.matches(":target"))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/61-fair-phone-booth-tapped.png` });

    // Search by name in hiragana finds the katakana name; the map outlines the match.
    await page.locator("#f-q").fill("のーすてっく");
    await page.locator("form.fair-search button[type=submit]").click();
    await page.waitForURL(/q=/);
    expect(await page.locator("[data-testid=fair-exhibitors] li").count()).toBe(1);
    expect(await page.textContent("[data-testid=fair-found]")).toContain("260件中 1件");
    expect(await page.locator("svg.fairmap .hit").count()).toBe(1);
    expect(await fits()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/62-fair-phone-search.png` });

    // Field and cluster, no words.
    const inField = list.filter((x) => x.field === "バイオ").length;
    await page.goto(`${rig.base}/fair/${fair.id}`);
    await page.locator("#f-field").selectOption("バイオ");
    await page.locator("form.fair-search button[type=submit]").click();
    await page.waitForURL(/field=/);
    expect(await page.locator("[data-testid=fair-exhibitors] li").count()).toBe(inField);
    await page.locator("#f-cluster").selectOption("関西バイオクラスター");
    await page.locator("form.fair-search button[type=submit]").click();
    await page.waitForURL(/cluster=/);
    expect(await page.locator("[data-testid=fair-exhibitors] li").count()).toBe(list.filter((x) => x.cluster === "関西バイオクラスター").length);
  });
});
