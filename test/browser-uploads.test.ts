/**
 * The booth page's uploads in Chromium, without JavaScript: a floor plan with a bad row (errors by
 * row and column, nothing saved), fixed in the text box, checked, confirmed; 260 exhibitors from a
 * JSON file; a sheet that changes and removes exhibitors, refused once because the hall changed
 * between the check and the confirmation. Screenshots go to test/artifacts/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent } from "./support/app.ts";
import { hasChromium, startBrowserRig, type BrowserRig } from "./support/browser-rig.ts";
import { realisticExhibitors } from "./support/fair.ts";

if (!hasChromium) console.warn("test/browser-uploads.test.ts skipped: no Chromium.");

describe.skipIf(!hasChromium)("uploads on the booth page", () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => rig?.close());

  const exhibitorCount = async (eventId: string) =>
    ((await (await rig.t.request(`/api/events/${eventId}/exhibitors`, { admin: true })).json()) as { status: string }[]).filter(
      (x) => x.status !== "withdrawn",
    ).length;

  it("a floor plan and 260 exhibitors: errors per row, a preview of the changes, then one confirmation", async () => {
    const fair = await createOpenEvent(rig.t, {
      kind: "techno_fair",
      titleJa: "東北テクノフェア 2027",
      startsAt: "2027-12-02",
      endsAt: "2027-12-03",
      capacity: 500,
    });
    const page = await rig.newPage({ js: false });
    await rig.loginAs(page, "booths@example.jp", ["tohoku"]);
    const boothsUrl = `${rig.base}/admin/events/${fair.id}/booths`;
    await page.goto(boothsUrl);

    // 1. A sheet with a booth of no width and a repeated code: the rows are named, nothing is saved.
    const rows = Array.from({ length: 90 }, (_, i) => `A-${String(i + 1).padStart(2, "0")},${i % 15},${Math.floor(i / 15)},1,1,北ホール`);
    const bad = ["code,x,y,w,h,zone", ...rows.slice(0, 2), "A-03,2,0,0,1,北ホール", "A-01,20,20,1,1,南ホール", ...rows.slice(3)].join("\r\n");
    const planForm = page.locator("form[data-upload=floor-plan]");
    await planForm.locator("input[type=file]").setInputFiles({ name: "会場図.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${bad}`) });
    await planForm.locator("button[type=submit]").click();
    await page.waitForSelector("[data-testid=row-errors]");
    const errors = await page.$$eval("[data-testid=row-errors] tbody tr", (trs) =>
      trs.map((tr) => `${tr.getAttribute("data-row")}:${tr.getAttribute("data-column")}`),
    );
    expect(errors).toEqual(["4:w", "5:code"]);
    expect(await page.textContent("[data-testid=row-errors]")).toContain("幅と奥行きは 1 以上にしてください");
    await rig.shot(page, "50-upload-floor-plan-errors");
    expect((await (await rig.t.request(`/api/events/${fair.id}/booths`)).json()) as unknown[]).toEqual([]);

    // 2. Fixed in the text box the check page fills in: the preview lists 90 booths to add.
    const fixed = ["code,x,y,w,h,zone", ...rows].join("\n");
    await page.locator("form[data-upload=floor-plan] textarea").fill(fixed);
    await page.locator("form[data-upload=floor-plan] button[type=submit]").click();
    await page.waitForSelector("[data-testid=upload-counts]");
    expect(await page.textContent("[data-count=added]")).toBe("90");
    expect(await page.textContent("[data-count=removed]")).toBe("0");
    expect((await (await rig.t.request(`/api/events/${fair.id}/booths`)).json()) as unknown[]).toEqual([]);
    await rig.shot(page, "51-upload-floor-plan-preview");
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.waitForURL(/done=floor-plan/);
    expect(await page.textContent("#status")).toContain("会場図を保存しました（ブース 90）");
    expect(await page.locator(".boothmap .booth").count()).toBe(90);

    // 3. 260 exhibitors from a JSON file (well over 64 KiB).
    const list = realisticExhibitors(260);
    const json = JSON.stringify(list, null, 2);
    expect(Buffer.byteLength(json)).toBeGreaterThan(64 * 1024);
    const exForm = page.locator("form[data-upload=exhibitors]");
    await exForm.locator("input[type=file]").setInputFiles({ name: "exhibitors.json", mimeType: "application/json", buffer: Buffer.from(json) });
    await exForm.locator("button[type=submit]").click();
    await page.waitForSelector("[data-testid=upload-counts]");
    expect(await page.textContent("[data-testid=upload-format]")).toContain("JSON");
    expect(await page.textContent("[data-count=added]")).toBe("260");
    expect(await exhibitorCount(fair.id)).toBe(0);
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.waitForURL(/done=exhibitors/);
    expect(await page.textContent("#status")).toContain("出展者の一覧を保存しました（260件）");
    expect(await exhibitorCount(fair.id)).toBe(260);

    // 4. A sheet that changes E001's size and leaves out E260; the API assigns a booth in between,
    //    so the first confirmation is refused and compared again; the second saves it.
    const keep = list.slice(0, 259).map((x, i) => (i === 0 ? { ...x, size: "1x1" } : x));
    const header = "ref,name,organization,cluster,field,size,priority,preferences,homeZone,competitors,email,locale";
    const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const csv = [
      header,
      ...keep.map((x) =>
        [x.ref, x.name, x.organization, x.cluster, x.field, x.size, String(x.priority), x.preferences.join(";"), x.homeZone!, x.competitors.join(";"), x.email, x.locale]
          .map(cell)
          .join(","),
      ),
    ].join("\r\n");
    await page.goto(boothsUrl);
    await exForm.locator("input[type=file]").setInputFiles({ name: "exhibitors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await exForm.locator("button[type=submit]").click();
    await page.waitForSelector("[data-testid=upload-counts]");
    expect(await page.textContent("[data-count=changed]")).toBe("1");
    expect(await page.textContent("[data-count=removed]")).toBe("1");
    expect(await page.textContent("[data-count=unchanged]")).toBe("258");
    expect(await page.textContent("[data-change=changed][data-key=E001]")).toContain("size");
    expect(await page.textContent("[data-change=removed][data-key=E260]")).toContain("辞退扱い");
    await rig.shot(page, "52-upload-exhibitors-preview");

    const assign = await rig.t.request(`/api/events/${fair.id}/booths/A-05/assignment`, {
      method: "PUT",
      admin: true,
      json: { exhibitor: "E260" },
    });
    expect(assign.status).toBe(200);
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.waitForSelector("#upload-stale");
    expect(await page.textContent("[data-change=removed][data-key=E260]")).toContain("ブース A-05 の割り当てが外れます");
    expect(await exhibitorCount(fair.id)).toBe(260);
    await rig.shot(page, "53-upload-exhibitors-stale");
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.waitForURL(/done=exhibitors/);
    expect(await exhibitorCount(fair.id)).toBe(259);
  });
});
