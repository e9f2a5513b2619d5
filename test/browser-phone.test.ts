/**
 * The organiser pages at 390 × 844 (a phone): the dashboard, the events list, the event editor, the
 * desk and the booth page are no wider than the screen, and the desk's check-in button is on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, person } from "./support/app.ts";
import { hasChromium, SHOTS, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";
import { realisticExhibitors } from "./support/fair.ts";

if (!hasChromium) console.warn("test/browser-phone.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("organiser pages on a phone", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => rig?.close());

  it("fit 390 px without sideways scrolling", async () => {
    const event = await createOpenEvent(rig.t, { titleJa: "東北地域クラスターセミナー 2027（仙台）", startsAt: "2027-06-12T14:00:00+09:00", endsAt: "2027-06-12T17:00:00+09:00", capacity: 50 });
    for (let i = 0; i < 6; i++) {
      const res = await rig.t.request(`/api/events/${event.id}/registrations`, { method: "POST", json: person({ name: `佐藤 花子${i}`, organization: "国立大学法人 東北大学 大学院工学研究科 産学連携推進本部" }) });
      expect(res.status).toBe(201);
    }
    const fair = await createOpenEvent(rig.t, { kind: "techno_fair", titleJa: "東北テクノフェア 2027", startsAt: "2027-12-02", endsAt: "2027-12-03", capacity: 500 });
    const booths = Array.from({ length: 40 }, (_, i) => ({ code: `A-${String(i + 1).padStart(2, "0")}`, x: i % 10, y: Math.floor(i / 10), w: 1, h: 1, zone: "北ホール" }));
    expect((await rig.t.request(`/api/events/${fair.id}/floor-plan`, { method: "PUT", admin: true, json: { booths } })).status).toBe(200);
    const list = realisticExhibitors(30).map((x) => ({ ...x, size: "1x1" }));
    expect((await rig.t.request(`/api/events/${fair.id}/exhibitors`, { method: "PUT", admin: true, json: list })).status).toBe(200);
    expect((await rig.t.request(`/api/events/${fair.id}/booths/A-01/assignment`, { method: "PUT", admin: true, json: { exhibitor: "E002", pinned: true } })).status).toBe(200);

    const page = await rig.newPage({ js: false, mobile: true });
    await rig.loginAs(page, "phone@example.jp", ["tohoku"]);
    const pages: [string, string][] = [
      ["70-phone-dashboard", "/admin"],
      ["71-phone-events", "/admin/events?fy=2027"],
      ["72-phone-editor", `/admin/events/${event.id}/edit`],
      ["73-phone-desk", `/admin/events/${event.id}/registrations`],
      ["74-phone-booths", `/admin/events/${fair.id}/booths`],
    ];
    const wide: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(`${rig.base}${path}`);
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (sizes.scroll > sizes.inner) wide.push(`${path}: ${sizes.scroll} > ${sizes.inner}`);
      // Nor does a table scroll sideways in its box: on a phone a table's rows are stacked cards.
      const tables = await page.$$eval(".table-wrap", (els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => `${el.querySelector("table")?.className || "table"} ${el.scrollWidth}`),
      );
      for (const t of tables) wide.push(`${path}: ${t}`);
      await page.screenshot({ path: `${SHOTS}/${name}.png` });
    }
    expect(wide).toEqual([]);
    await page.locator("section[aria-labelledby=booths-title] tbody tr").first().screenshot({ path: `${SHOTS}/75-phone-booth-card.png` });
    await page.goto(`${rig.base}/admin`);
    await page.locator("table.stack").screenshot({ path: `${SHOTS}/76-phone-dashboard-table.png` });

    // The desk's check-in button of a row is within the screen's width.
    await page.goto(`${rig.base}/admin/events/${event.id}/registrations`);
    const button = page.locator("main table button[type=submit]").first();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});
