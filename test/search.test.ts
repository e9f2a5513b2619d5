/**
 * GET /api/events?q= and the search box on the home page: every word must appear in a title,
 * description, venue or prefecture, in either language; NFKC and kana-blind; combined with the
 * other filters and the cursor; proposals never found by the public.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenEvent, createTestApp, type TestApp } from "./support/app.ts";

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: "2026-05-01T00:00:00Z" });
  ids.fukushima = (
    await createOpenEvent(t, {
      titleJa: "地域クラスターセミナー in ふくしま",
      titleEn: "Regional Cluster Seminar in Fukushima",
      venue: "ハイテクプラザみなみ",
      venueEn: "Hi-Tech Plaza Minami",
      prefecture: "福島県",
      block: "tohoku",
    })
  ).id;
  ids.kyoto = (
    await createOpenEvent(t, {
      kind: "conference",
      titleJa: "産学官連携推進会議（試験）",
      titleEn: "Conference for the Promotion of Collaboration",
      descriptionJa: "ナノマテリアルズの展示と表彰",
      venue: "国立京都国際会館",
      prefecture: "京都府",
      block: "kinki",
      startsAt: "2026-06-20T10:00:00+09:00",
      endsAt: "2026-06-21T17:00:00+09:00",
    })
  ).id;
  ids.planned = (await createOpenEvent(t, { titleJa: "計画中のふくしま協議会", status: "planned", block: "tohoku" })).id;
});
afterAll(async () => t?.close());

async function search(query: string) {
  const res = await t.request(`/api/events?${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as { items: { id: string }[]; nextCursor: string | null }).items.map((e) => e.id);
}

describe("GET /api/events?q=", () => {
  it("finds katakana with hiragana and the other way round", async () => {
    expect(await search(`q=${encodeURIComponent("ハイテクプラザ")}`)).toEqual([ids.fukushima]);
    expect(await search(`q=${encodeURIComponent("はいてくぷらざ")}`)).toEqual([ids.fukushima]);
    expect(await search(`q=${encodeURIComponent("なのまてりあるず")}`)).toEqual([ids.kyoto]);
  });

  it("is blind to width and case, and searches English titles and prefectures", async () => {
    expect(await search(`q=${encodeURIComponent("ＳＥＭＩＮＡＲ ＦＵＫＵＳＨＩＭＡ")}`)).toContain(ids.fukushima);
    expect(await search(`q=${encodeURIComponent("ＳＥＭＩＮＡＲ ＦＵＫＵＳＨＩＭＡ")}`)).not.toContain(ids.kyoto);
    expect(await search(`q=${encodeURIComponent("ﾊｲﾃｸﾌﾟﾗｻﾞ")}`)).toEqual([ids.fukushima]);
    // The English name of the prefecture, from the prefectures table.
    expect(await search(`q=${encodeURIComponent("hi-tech plaza")}`)).toEqual([ids.fukushima]);
    expect(await search("q=kyoto")).toContain(ids.kyoto);
    expect(await search("q=kyoto")).not.toContain(ids.fukushima);
    expect(await search(`q=${encodeURIComponent("京都府")}`)).toContain(ids.kyoto);
  });

  it("needs every word, and combines with the other filters", async () => {
    expect(await search(`q=${encodeURIComponent("セミナー 福島県")}`)).toContain(ids.fukushima);
    expect(await search(`q=${encodeURIComponent("ハイテクプラザ 京都府")}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent("はいてくぷらざ")}&block=kinki`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent("はいてくぷらざ")}&kind=seminar`)).toEqual([ids.fukushima]);
    expect(await search(`q=${encodeURIComponent("はいてくぷらざ")}&kind=forum`)).toEqual([]);
  });

  it("pages with the cursor without losing the search", async () => {
    for (let i = 0; i < 3; i++) await createOpenEvent(t, { titleJa: `ぺーじのテスト検索 ${i}`, block: "tohoku" });
    const first = await t.request(`/api/events?q=${encodeURIComponent("ペーじのてすと")}&limit=2`);
    const page = (await first.json()) as { items: { titleJa: string }[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const rest = await t.request(`/api/events?q=${encodeURIComponent("ペーじのてすと")}&limit=2&cursor=${page.nextCursor}`);
    const next = (await rest.json()) as { items: { titleJa: string }[]; nextCursor: string | null };
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
  });

  it("treats % and _ as letters, and never finds a proposal for the public", async () => {
    expect(await search("q=%25")).toEqual([]);
    expect(await search("q=_")).toEqual([]);
    expect(await search(`q=${encodeURIComponent("計画中")}`)).toEqual([]);
  });

  it("answers an overlong query with a 400 naming q", async () => {
    const res = await t.request(`/api/events?q=${"あ".repeat(201)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain("query.q");
  });
});

describe("the search box on the home page", () => {
  it("searches without JavaScript and keeps the words in the box", async () => {
    const html = await (await t.request(`/?q=${encodeURIComponent("はいてくぷらざ")}`)).text();
    expect(html).toContain("地域クラスターセミナー in ふくしま");
    expect(html).not.toContain("産学官連携推進会議（試験）");
    expect(html).toMatch(/name="q"[^>]*value="はいてくぷらざ"|value="はいてくぷらざ"[^>]*name="q"/);
  });
});
