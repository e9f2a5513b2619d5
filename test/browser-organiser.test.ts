/**
 * The organiser's pages in a real browser (Chromium through playwright-core) against the app served
 * by Node: the dashboard and the desk, and assigning booths on the map of a fair. Screenshots of
 * every page go to test/artifacts/screenshots.
 */
import { describe, expect, it } from "vitest";
import { createOrganiser } from "../api/auth/service.ts";
import { fiscalYearOf } from "../lib/time.ts";
import { fiscalYearLabel } from "../lib/format.ts";
import { adminWho, createOpenEvent } from "./support/app.ts";
import { CHROMIUM, hasChromium } from "./support/browser.ts";
import { base, browserWorld, newPage, PASSWORD, shot, t } from "./support/browser-world.ts";

if (!hasChromium) console.warn(`test/browser-organiser.test.ts skipped: no Chromium found at ${CHROMIUM}.`);

describe.skipIf(!hasChromium)("the pages in a browser", () => {
  browserWorld();

  it("an organiser logs in, opens the dashboard and the desk, and checks someone in", async () => {
    const who = adminWho(t);
    await createOrganiser({ ...t.deps, who }, {
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
    await createOrganiser({ ...t.deps, who }, {
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
    const who = adminWho(t);
    await createOrganiser({ ...t.deps, who }, {
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
