/**
 * The pages in a real browser (Chromium through playwright-core) against the app served by Node:
 * registering with and without JavaScript, the waiting list, cancelling, the subscribe links,
 * the organiser's dashboard and desk, and the booth page of a fair. Screenshots of every page go to test/artifacts/screenshots.
 */
import { mkdirSync } from "node:fs";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { fiscalYearOf } from "../lib/time.ts";
import { fiscalYearLabel } from "../lib/format.ts";
import { eq } from "drizzle-orm";
import { events } from "../db/schema/index.ts";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";
import { CHROMIUM, hasChromium, launchChromium } from "./support/browser.ts";
import { freePort } from "./support/net.ts";

if (!hasChromium) console.warn(`test/browser.test.ts skipped: no Chromium found at ${CHROMIUM}.`);

const SHOTS = "test/artifacts/screenshots";
const PASSWORD = "correct horse battery staple";

describe.skipIf(!hasChromium)("the pages in a browser", () => {
  let t: TestApp;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  async function newPage(opts: { js: boolean; mobile?: boolean }) {
    const context = await browser.newContext({
      javaScriptEnabled: opts.js,
      locale: "ja-JP",
      viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function fillRegistration(page: Page, who: { name: string; kana: string; email: string; org: string; sector: string }) {
    await page.getByLabel("氏名").fill(who.name);
    await page.getByLabel("ふりがな（カタカナ）").fill(who.kana);
    await page.getByLabel("メールアドレス").fill(who.email);
    await page.getByLabel("所属").fill(who.org);
    await page.getByRole("radio", { name: who.sector }).check();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_URL: base } });
    server = serve({ fetch: t.app.fetch, port, hostname: "127.0.0.1" });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

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

  it("an organiser logs in, opens the dashboard and the desk, and checks someone in", async () => {
    const who = { actor: { kind: "admin", id: "admin-token", label: "test", via: "admin-token" } as const, now: t.clock.now() };
    await createOrganiser(t.deps, who, {
      email: "tohoku@example.jp",
      name: "東北担当",
      role: "organiser",
      scopes: { blocks: ["tohoku"], events: [] },
      password: PASSWORD,
    });
    const event = await createOpenEvent(t, { capacity: 30, titleJa: "東北ブロック協議会（受付テスト）" });
    for (const [name, email, sector] of [
      ["鈴木 一郎", "ichiro@example.jp", "government"],
      ["高橋 次郎", "jiro@example.jp", "industry"],
    ] as const) {
      const res = await t.request(`/api/events/${event.id}/registrations`, {
        method: "POST",
        json: { name, email, organization: "宮城県庁", sector },
      });
      expect(res.status).toBe(201);
    }

    // Block council meetings of FY2026 for the dashboard: one held, one still only planned.
    await createOpenEvent(t, {
      kind: "block_council",
      titleJa: "東北地域科学技術振興協議会（第1回）",
      startsAt: "2026-07-15T13:30:00+09:00",
      endsAt: "2026-07-15T16:00:00+09:00",
    });
    await createOpenEvent(t, {
      kind: "block_council",
      block: "kanto",
      titleJa: "関東ブロック協議会",
      status: "planned",
      startsAt: "2027-02-10T13:30:00+09:00",
      endsAt: "2027-02-10T16:00:00+09:00",
    });

    // The session cookie expires 12 hours after "now"; the browser judges that by the real clock.
    const now = new Date();
    t.clock.set(now);

    const page = await newPage({ js: true });
    await page.goto(`${base}/admin`);
    expect(page.url()).toBe(`${base}/admin/login?next=%2Fadmin`);
    await shot(page, "13-login");
    await page.getByLabel("メールアドレス").fill("tohoku@example.jp");
    await page.getByLabel("パスワード").fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL(`${base}/admin`);
    expect(await page.textContent("h1")).toContain(fiscalYearLabel(fiscalYearOf(now), "ja"));
    expect(await page.locator("tr[data-block]").count()).toBe(1);
    await shot(page, "14-dashboard");

    await page.goto(`${base}/admin/events`);
    await shot(page, "15-admin-events");
    await page.goto(`${base}/admin/events/${event.id}/edit`);
    await shot(page, "16-event-editor");

    await page.goto(`${base}/admin/events/${event.id}/registrations`);
    expect(await page.textContent("[data-testid=checked-in-count]")).toBe("0");
    await shot(page, "17-desk");
    await page.getByRole("button", { name: "受付する: 鈴木 一郎" }).click();
    await page.waitForURL(new RegExp(`/admin/events/${event.id}/registrations#r-`));
    expect(await page.textContent("[data-testid=checked-in-count]")).toBe("1");
    expect(await page.locator("tr", { hasText: "鈴木 一郎" }).textContent()).toContain("受付済み");
    await shot(page, "18-desk-checked-in");

    await page.locator("#f-q").fill("高橋");
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await page.waitForURL(/\?q=/);
    expect(await page.locator("tr[data-registration]").count()).toBe(1);
    await shot(page, "19-desk-search");

    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.waitForURL(`${base}/admin/login`);

    // An administrator sees the national picture: all 10 blocks, those behind marked in words.
    await createOrganiser(t.deps, who, {
      email: "admin@example.jp",
      name: "管理者",
      role: "admin",
      scopes: { blocks: [], events: [] },
      password: PASSWORD,
    });
    const admin = await newPage({ js: false });
    await admin.goto(`${base}/admin/login?lang=en`);
    await admin.getByLabel("E-mail address").fill("admin@example.jp");
    await admin.getByLabel("Password").fill(PASSWORD);
    await admin.getByRole("button", { name: "Log in" }).click();
    await admin.waitForURL(`${base}/admin`);
    expect(await admin.locator("tr[data-block]").count()).toBe(10);
    expect(await admin.locator("tr.behind").count()).toBe(9);
    await shot(admin, "20-dashboard-admin-en");
  });

  it("an organiser assigns booths on the map, meets a conflict, previews the allocation and applies it", async () => {
    const who = { actor: { kind: "admin", id: "admin-token", label: "test", via: "admin-token" } as const, now: t.clock.now() };
    await createOrganiser(t.deps, who, {
      email: "kanto@example.jp",
      name: "関東担当",
      role: "organiser",
      scopes: { blocks: ["kanto"], events: [] },
      password: PASSWORD,
    });
    const fair = await createOpenEvent(t, {
      kind: "techno_fair",
      titleJa: "クラスタージャパン2027／テクノフェア",
      titleEn: "Cluster Japan 2027 techno-fair",
      block: "kanto",
      venue: "東京ビッグサイト",
      prefecture: "東京都",
      startsAt: "2027-02-03T10:00:00+09:00",
      endsAt: "2027-02-03T17:00:00+09:00",
      capacity: 2000,
    });
    // Two rows of 1x1 booths facing each other and a 2x2 island.
    const booths = [
      ...[0, 1, 2, 3, 4, 5].map((i) => ({ code: `A${i + 1}`, x: i, y: 0, w: 1, h: 1, zone: "北" })),
      ...[0, 1, 2, 3, 4, 5].map((i) => ({ code: `B${i + 1}`, x: i, y: 2, w: 1, h: 1, zone: "南" })),
      { code: "C1", x: 7, y: 0, w: 2, h: 2, zone: "島" },
    ];
    const admin = { admin: true } as const;
    expect((await t.request(`/api/events/${fair.id}/floor-plan`, { method: "PUT", ...admin, json: { booths } })).status).toBe(
      200,
    );
    const x = (ref: string, name: string, cluster: string, field: string, more: Record<string, unknown> = {}) => ({
      ref,
      name,
      organization: `${name}研究会`,
      cluster,
      field,
      size: "1x1",
      priority: 3,
      preferences: [],
      competitors: [],
      email: `${ref.toLowerCase()}@example.jp`,
      ...more,
    });
    const exhibitors = [
      x("X1", "燃料電池の実証", "関東", "エネルギー", { competitors: ["X2"], preferences: ["A2"] }),
      x("X2", "水素ステーション", "関東", "エネルギー", { preferences: ["A3", "A4"] }),
      x("X3", "ナノテク材料", "札幌", "ナノテク", { preferences: ["B1"] }),
      x("X4", "医療画像AI", "九州", "ライフサイエンス", { preferences: ["B2", "B3"], priority: 8 }),
      x("X5", "スマート農業", "東北", "農業"),
      x("X6", "半導体検査装置", "九州", "ものづくり", { size: "2x2", preferences: ["C1"] }),
    ];
    expect((await t.request(`/api/events/${fair.id}/exhibitors`, { method: "PUT", ...admin, json: exhibitors })).status).toBe(
      200,
    );

    t.clock.set(new Date());
    const page = await newPage({ js: true });
    const boothsUrl = `${base}/admin/events/${fair.id}/booths`;
    await page.goto(boothsUrl);
    await page.waitForURL(/\/admin\/login\?next=/);
    await page.getByLabel("メールアドレス").fill("kanto@example.jp");
    await page.getByLabel("パスワード").fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL(boothsUrl);
    expect(await page.textContent("h1")).toBe("ブース配置");
    expect(await page.locator(".boothmap a.booth").count()).toBe(13);
    await shot(page, "22-booths-empty");

    // Clicking a booth on the map selects it in the form (app.js), then the form assigns it.
    await page.locator('.boothmap a[data-booth="A2"]').click();
    expect(await page.inputValue("#f-booth")).toBe("A2");
    expect(await page.getAttribute('.boothmap a[data-booth="A2"]', "aria-current")).toBe("true");
    await page.selectOption("#f-exhibitor", "X1");
    await page.getByRole("button", { name: "割り当てる" }).click();
    await page.waitForURL(/done=assigned/);
    expect(await page.textContent("[role=status]")).toContain("ブース A2 に X1 を割り当てました。");
    expect(await page.textContent('.boothmap [data-booth="A2"]')).toContain("燃料電池の実証");

    // X2 next to its competitor X1: refused, with the reason and the form as it was.
    await page.locator('.boothmap a[data-booth="A3"]').click();
    await page.selectOption("#f-exhibitor", "X2");
    await page.getByRole("button", { name: "割り当てる" }).click();
    await page.waitForURL(`${boothsUrl}/assign`);
    const alert = await page.textContent("[role=alert]");
    expect(alert).toContain("割り当てできません");
    expect(alert).toContain("「水素ステーション」（X2）と「燃料電池の実証」（X1）は競合関係にあり");
    expect(alert).toContain("ブース A2 の隣です");
    expect(await page.inputValue("#f-exhibitor")).toBe("X2");
    expect(await page.inputValue("#f-booth")).toBe("A3");
    expect(await page.getAttribute('.boothmap a[data-booth="A3"]', "class")).toContain("conflict");
    await shot(page, "23-booths-conflict");

    // Pin X1 where it is, then let the allocation place the others.
    await page.getByRole("button", { name: "固定する: A2" }).click();
    await page.waitForURL(/done=pinned/);
    expect(await page.locator(".boothmap .booth.pinned").count()).toBe(1);
    await page.getByRole("button", { name: "自動配置をプレビュー" }).click();
    await page.waitForURL(`${boothsUrl}/preview`);
    expect(await page.textContent("h1")).toBe("自動配置のプレビュー");
    expect(await page.textContent("[data-score=placed]")).toBe("6件中 6件を配置");
    expect(Number(await page.textContent("[data-score=total]"))).toBeGreaterThan(0);
    expect(await page.locator("tr[data-change]").count()).toBe(5);
    expect(await page.textContent('tr[data-change="C1"]')).toContain("半導体検査装置");
    await shot(page, "24-allocation-preview");
    // Nothing is saved by the preview.
    const before = (await (await t.request(`/api/events/${fair.id}/booths`)).json()) as { assignment: unknown }[];
    expect(before.filter((b) => b.assignment)).toHaveLength(1);

    await page.getByRole("button", { name: "この配置を適用する" }).click();
    await page.waitForURL(/done=applied/);
    expect(await page.textContent("[role=status]")).toContain("配置 6件");
    expect(await page.textContent("[data-testid=assigned-count]")).toBe("6");
    expect(await page.locator(".boothmap .booth.taken").count()).toBe(6);
    expect(await page.textContent('.boothmap [data-booth="A2"]')).toContain("燃料電池の実証");
    expect(await page.textContent('.boothmap [data-booth="C1"]')).toContain("半導体検査装置");
    await shot(page, "25-booths-applied");

    // Without script, a booth on the map is a link that preselects it in the form.
    const plain = await newPage({ js: false });
    await plain.goto(boothsUrl);
    await plain.getByLabel("メールアドレス").fill("kanto@example.jp");
    await plain.getByLabel("パスワード").fill(PASSWORD);
    await plain.getByRole("button", { name: "ログイン" }).click();
    await plain.waitForURL(boothsUrl);
    await plain.locator('.boothmap a[data-booth="B6"]').click();
    await plain.waitForURL(`${boothsUrl}?booth=B6#assign`);
    expect(await plain.inputValue("#f-booth")).toBe("B6");
    await shot(plain, "26-booths-nojs");
  });
});
