/**
 * The public pages in a real browser (Chromium through playwright-core) against the app served by
 * Node: registering with and without JavaScript, the waiting list, cancelling, the subscribe links,
 * the history and the booth page of a fair. Screenshots of every page go to test/artifacts/screenshots.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { events } from "../db/schema/index.ts";
import { createOpenEvent } from "./support/app.ts";
import { CHROMIUM, hasChromium } from "./support/browser.ts";
import { base, browserWorld, fillRegistration, newPage, shot, t } from "./support/browser-world.ts";

if (!hasChromium) console.warn(`test/browser-public.test.ts skipped: no Chromium found at ${CHROMIUM}.`);

describe.skipIf(!hasChromium)("the pages in a browser", () => {
  browserWorld();

  it("a person registers in Japanese without JavaScript, another with it is waitlisted, and the first cancels", async () => {
    const event = await createOpenEvent(t, {
      capacity: 1,
      titleJa: "東北地域クラスターセミナー 2026",
      titleEn: "Tohoku Regional Cluster Seminar 2026",
    });

    // Without JavaScript.
    const plain = await newPage({ js: false });
    await plain.goto(`${base}/`);
    expect(await plain.getAttribute("html", "lang")).toBe("ja");
    await shot(plain, "01-home-ja");
    await plain.getByRole("link", { name: "東北地域クラスターセミナー 2026" }).click();
    await plain.waitForURL(`${base}/events/${event.id}`);
    expect(await plain.textContent("main")).toContain("2026年6月12日(金) 14:00");
    await shot(plain, "02-event-ja-nojs");

    // A mistake first: the page comes back with the message and the answers kept.
    await fillRegistration(plain, {
      name: "山田 太郎",
      kana: "ヤマダ タロウ",
      email: "taro@",
      org: "福島大学",
      sector: "大学等",
    });
    await plain.getByRole("button", { name: "参加登録する" }).click();
    await plain.waitForURL(`${base}/events/${event.id}/register`);
    expect(await plain.textContent(".alert")).toContain("入力内容を確認してください");
    expect(await plain.inputValue("#f-organization")).toBe("福島大学");
    expect(await plain.isChecked("input[name=sector][value=academia]")).toBe(true);
    await shot(plain, "03-event-validation-error");

    await plain.getByLabel("メールアドレス").fill("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");
    await plain.getByRole("button", { name: "参加登録する" }).click();
    await plain.waitForURL(/\/r\/[\w-]{43}\?new=1$/);
    expect(await plain.textContent("h1")).toBe("参加登録が完了しました");
    expect(await plain.textContent("main")).toContain("参加確定");
    expect(await plain.textContent("main")).toContain("taro@example.jp");
    // Without script the address is in a readonly field and the copy button stays hidden.
    expect(await plain.isVisible("#manage-url")).toBe(true);
    expect(await plain.isVisible("button[data-copy=manage-url]")).toBe(false);
    const ics = await plain.getAttribute(`a[href^="/calendar/events/${event.id}.ics"]`, "href");
    const icsBody = await (await fetch(`${base}${ics}`)).text();
    expect(icsBody.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(await plain.getAttribute("a[href^='https://calendar.google.com/calendar/render?action=TEMPLATE']", "href")).toContain(
      "dates=20260612T050000Z",
    );
    // The personal feed is not on the page (whoever registered need not own the address): it is e-mailed.
    expect(await plain.content()).not.toContain("/calendar/me/");
    await shot(plain, "04-registered-nojs");
    const manageUrl = plain.url().replace(/\?new=1$/, "");
    await plain.getByRole("button", { name: "カレンダーのリンクを送る" }).click();
    await plain.waitForURL(`${manageUrl}?sent=1`);
    expect(await plain.textContent("main")).toContain("カレンダーのリンクを、登録したメールアドレスにお送りしました。");
    await shot(plain, "04b-calendar-link-sent-nojs");

    // With JavaScript: the event is full now, so this person joins the waiting list.
    const scripted = await newPage({ js: true, mobile: true });
    await scripted.goto(`${base}/events/${event.id}`);
    expect(await scripted.textContent("main")).toContain("満席");
    await shot(scripted, "05-event-full-mobile-js");
    await fillRegistration(scripted, {
      name: "佐藤 花子",
      kana: "サトウ ハナコ",
      email: "hanako@example.jp",
      org: "株式会社東北テック",
      sector: "産業界",
    });
    await scripted.getByRole("button", { name: "キャンセル待ちに登録する" }).click();
    await scripted.waitForURL(/\/r\/[\w-]{43}\?new=1$/);
    expect(await scripted.textContent("h1")).toBe("キャンセル待ちに登録しました");
    expect(await scripted.textContent("main")).toContain("キャンセル待ち 1番目");
    // Script reveals the copy buttons and they report what they did.
    const copy = scripted.locator("button[data-copy=manage-url]");
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => scripted.textContent("#manage-url-status")).toBe("コピーしました");
    await shot(scripted, "06-waitlisted-mobile-js");
    const waitlistedUrl = scripted.url().replace(/\?new=1$/, "");

    // The first person cancels, with a confirmation step.
    await plain.goto(manageUrl);
    await plain.getByRole("link", { name: "参加登録をキャンセルする" }).click();
    await plain.waitForURL(`${manageUrl}/cancel`);
    expect(await plain.textContent("main")).toContain("よろしいですか");
    await shot(plain, "07-cancel-confirm");
    await plain.getByRole("button", { name: "キャンセルする" }).click();
    await plain.waitForURL(`${manageUrl}?cancelled=1`);
    expect(await plain.textContent("main")).toContain("参加登録をキャンセルしました");
    expect(await plain.textContent("main")).toContain("キャンセル済み");
    await shot(plain, "08-cancelled");

    // The waiting list moved up.
    await scripted.goto(waitlistedUrl);
    expect(await scripted.textContent("main")).toContain("参加確定");
    await shot(scripted, "09-promoted-mobile");
  });

  it("every subscribe link on /calendar resolves to a calendar", async () => {
    const page = await newPage({ js: true });
    await page.goto(`${base}/calendar`);
    await shot(page, "10-calendar-ja");
    const feeds = await page.$$eval("li[data-feed]", (items) =>
      items.map((li) => ({
        webcal: li.querySelector<HTMLAnchorElement>("a[data-subscribe=webcal]")!.getAttribute("href")!,
        google: li.querySelector<HTMLAnchorElement>("a[data-subscribe=google]")!.getAttribute("href")!,
        url: li.querySelector<HTMLInputElement>("input[readonly]")!.value,
      })),
    );
    expect(feeds).toHaveLength(19);
    for (const f of feeds) {
      expect(f.webcal).toBe(f.url.replace(/^https?:/, "webcal:"));
      expect(new URL(f.google).searchParams.get("cid")).toBe(f.webcal);
      const res = await fetch(f.url);
      expect(res.status, f.url).toBe(200);
      expect((await res.text()).startsWith("BEGIN:VCALENDAR"), f.url).toBe(true);
    }
    await page.locator("button[data-copy=feed-all]").click();
    await expect.poll(() => page.textContent("#feed-all-status")).toBe("コピーしました");

    await page.goto(`${base}/calendar?lang=en`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute("li[data-feed=all] input[readonly]", "value")).toBe(`${base}/calendar/feed.ics?lang=en`);
    await shot(page, "11-calendar-en");
    await page.goto(`${base}/?view=month&month=2026-06`);
    await shot(page, "12-month-en");
  });

  it("the history reads as it happened: participants not seats, a month not invented days, English venues", async () => {
    const bySlug = async (slug: string) => {
      const [row] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
      return row!.id;
    };
    const page = await newPage({ js: true });
    await page.goto(`${base}/events/${await bySlug("regional-cluster-forum-1-2007")}?lang=ja`);
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.textContent()).toContain("参加者約200名");
    expect(await facts.textContent()).not.toContain("定員");
    expect(await page.locator("form[action$='/register']").count()).toBe(0);
    await shot(page, "13-history-forum-ja");
    await page.goto(`${base}/events/${await bySlug("regional-cluster-forum-1-2007")}?lang=en`);
    expect(await page.locator("dl.facts .attendance").textContent()).toBe("about 200 participants");
    expect(await page.locator("body").textContent()).not.toMatch(/seats? left|Capacity/);
    await shot(page, "14-history-forum-en");
    await page.goto(`${base}/events/${await bySlug("fy2003-hokkaido-it-cluster-forum-joint-presentation")}?lang=ja`);
    expect(await page.locator("dl.facts dd").first().textContent()).toBe("2004年3月");
    await shot(page, "15-history-month-ja");
    await page.goto(`${base}/events/${await bySlug("cluster-japan-2008-techno-fair")}?lang=en`);
    expect(await facts.textContent()).toContain("Pacifico Yokohama");
    await shot(page, "16-history-venue-en");
  });

  it("the fair page shows the floor map and the exhibitors", async () => {
    const fair = await createOpenEvent(t, {
      kind: "techno_fair",
      titleJa: "クラスタージャパン2026／テクノフェア",
      block: "kanto",
      capacity: 500,
    });
    const admin = { admin: true } as const;
    const booths = [0, 1, 2, 3].map((i) => ({ code: `A${i + 1}`, x: i * 2, y: 0, w: 2, h: 2, zone: "A" }));
    expect((await t.request(`/api/events/${fair.id}/floor-plan`, { method: "PUT", ...admin, json: { booths } })).status).toBe(
      200,
    );
    const exhibitors = ["x1", "x2"].map((ref, i) => ({
      ref,
      name: i ? "燃料電池の実証" : "ナノテク材料",
      organization: i ? "株式会社テスト" : "北海道大学",
      cluster: i ? "関東" : "札幌",
      field: i ? "エネルギー" : "ナノテク",
      size: "2x2",
      priority: 1,
      preferences: [],
      competitors: [],
    }));
    expect((await t.request(`/api/events/${fair.id}/exhibitors`, { method: "PUT", ...admin, json: exhibitors })).status).toBe(
      200,
    );
    for (const [code, ref] of [
      ["A1", "x1"],
      ["A3", "x2"],
    ]) {
      const res = await t.request(`/api/events/${fair.id}/booths/${code}/assignment`, {
        method: "PUT",
        ...admin,
        json: { exhibitor: ref },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const page = await newPage({ js: true });
    await page.goto(`${base}/fair/${fair.id}`);
    expect(await page.locator("[data-testid=fair-exhibitors] li").count()).toBe(2);
    // The map is drawn in the page: every booth, the two taken ones linking to their card.
    expect(await page.locator("svg.fairmap [data-booth]").count()).toBe(booths.length);
    expect(await page.locator("svg.fairmap a").count()).toBe(2);
    await shot(page, "21-fair");
  });
});
