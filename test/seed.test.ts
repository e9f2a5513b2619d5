import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTokyoIso, tokyoInstant } from "../lib/time.ts";
import type { Database } from "../db/client.ts";
import { blocks, bureaus, clusters, councils, events, prefectures } from "../db/schema/index.ts";
import { SEED_VERSION, seedDatabase } from "../db/seed/seed.ts";
import { seedEvents } from "../db/seed/data/events.ts";
import { seedCouncils } from "../db/seed/data/reference.ts";
import { councilCompliance } from "../api/councils/service.ts";
import { systemWho } from "../api/lib/context.ts";
import { settings } from "../db/schema/index.ts";
import { createTestDatabase } from "./support/db.ts";

let database: Database;
let first: { inserted: number };
let second: { inserted: number };

beforeAll(async () => {
  database = await createTestDatabase();
  first = await seedDatabase(database.db);
  second = await seedDatabase(database.db);
});
afterAll(async () => database?.close());

const db = () => database.db;

async function eventBySlug(slug: string) {
  const [e] = await db().select().from(events).where(eq(events.slug, slug));
  expect(e, slug).toBeDefined();
  return e!;
}

/** The Tokyo calendar days an all-day event covers, first and last (inclusive). */
function days(e: { startsAt: Date; endsAt: Date }) {
  return [toTokyoIso(e.startsAt).slice(0, 10), toTokyoIso(new Date(e.endsAt.getTime() - 1)).slice(0, 10)];
}

describe("seedDatabase", () => {
  it("is idempotent: the second run inserts nothing and nothing is duplicated", async () => {
    expect(first.inserted).toBeGreaterThan(0);
    expect(second.inserted).toBe(0);
    const all = await db().select({ slug: events.slug }).from(events);
    expect(new Set(all.map((e) => e.slug)).size).toBe(all.length);
    const third = await seedDatabase(db());
    expect(third.inserted).toBe(0);
    const counts = await Promise.all([
      db().$count(blocks),
      db().$count(prefectures),
      db().$count(bureaus),
      db().$count(councils),
      db().$count(clusters),
      db().$count(events),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(first.inserted);
  });

  it("has the 10 blocks in order, each with at least one of the 47 prefectures", async () => {
    const bs = await db().select().from(blocks).orderBy(blocks.sortOrder);
    expect(bs.map((b) => b.code)).toEqual([
      "hokkaido",
      "tohoku",
      "kanto",
      "chubu",
      "hokuriku",
      "kinki",
      "chugoku",
      "shikoku",
      "kyushu",
      "okinawa",
    ]);
    expect(bs.map((b) => b.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bs.every((b) => b.councilCadence === 2)).toBe(true);
    expect(bs.find((b) => b.code === "chubu")?.nameEn).toBe("Chubu (Tokai)");

    const ps = await db().select().from(prefectures).orderBy(prefectures.code);
    expect(ps).toHaveLength(47);
    expect(ps.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0")));
    const codes = new Set(bs.map((b) => b.code));
    expect(ps.every((p) => codes.has(p.blockCode))).toBe(true);
    for (const b of bs)
      expect(
        ps.some((p) => p.blockCode === b.code),
        b.code,
      ).toBe(true);

    const byName = new Map(ps.map((p) => [p.nameJa, p]));
    expect(byName.get("北海道")).toMatchObject({ code: "01", nameEn: "Hokkaido", blockCode: "hokkaido" });
    expect(byName.get("東京都")).toMatchObject({ code: "13", blockCode: "kanto" });
    expect(byName.get("長野県")?.blockCode).toBe("kanto");
    expect(byName.get("静岡県")?.blockCode).toBe("kanto");
    expect(byName.get("愛知県")?.blockCode).toBe("chubu");
    expect(byName.get("福井県")?.blockCode).toBe("hokuriku");
    expect(byName.get("京都府")?.blockCode).toBe("kinki");
    expect(byName.get("沖縄県")).toMatchObject({ code: "47", blockCode: "okinawa" });
    const perBlock = (code: string) => ps.filter((p) => p.blockCode === code).length;
    expect([perBlock("hokkaido"), perBlock("tohoku"), perBlock("kanto"), perBlock("chubu"), perBlock("hokuriku")]).toEqual([
      1, 6, 11, 3, 3,
    ]);
    expect([perBlock("kinki"), perBlock("chugoku"), perBlock("shikoku"), perBlock("kyushu"), perBlock("okinawa")]).toEqual([
      6, 5, 4, 7, 1,
    ]);
  });

  it("has the METI regional bureaus and the promotion councils of doc 000/003", async () => {
    const bs = await db().select().from(bureaus);
    expect(bs).toHaveLength(9);
    expect(bs.find((b) => b.nameJa === "近畿経済産業局")?.nameEn).toBe(
      "Kansai Bureau of Economy, Trade and Industry (METI Kansai)",
    );
    expect(bs.find((b) => b.code === "meti-okinawa")?.nameJa).toBe("沖縄経済産業部");
    const cs = await db().select().from(councils);
    const names = cs.map((c) => c.nameJa);
    expect(names).toContain("北海道ITクラスター推進協議会");
    expect(names).toContain("希少糖プロジェクト戦略委員会");
    expect(names).toContain("北陸ブロック地域科学技術振興協議会");
    expect(names).toContain("近畿地域ブロック協議会");
    expect(cs.filter((c) => c.code.startsWith("block-council-"))).toHaveLength(10);
  });

  it("has the 18 Knowledge Cluster regions of doc 000/003 tied to their bureaus", async () => {
    const kc = await db().select().from(clusters).where(eq(clusters.programme, "knowledge"));
    expect(kc).toHaveLength(18);
    expect(kc.find((c) => c.nameJa === "浜松地域")).toMatchObject({ bureauCode: "meti-kanto", blockCode: "kanto" });
    expect(kc.find((c) => c.nameJa === "金沢地域")).toMatchObject({ bureauCode: "meti-chubu", blockCode: "hokuriku" });
  });

  it("has the 18 Industrial Cluster projects with the company and university counts of doc 002", async () => {
    const ic = await db().select().from(clusters).where(eq(clusters.programme, "industrial"));
    expect(ic).toHaveLength(18);
    const by = (nameJa: string) => ic.find((c) => c.nameJa === nameJa);
    expect(by("地域産業活性化プロジェクト")).toMatchObject({
      companies: 2210,
      universities: 134,
      bureauCode: "meti-kanto",
      fieldJa: "ものづくり",
    });
    expect(by("東海ものづくり創生プロジェクト")).toMatchObject({ companies: 1720, universities: 28, blockCode: "chubu" });
    expect(by("北陸ものづくり創生プロジェクト")).toMatchObject({
      companies: 410,
      universities: 18,
      bureauCode: "meti-chubu",
      blockCode: "hokuriku",
    });
    expect(by("関西フロントランナープロジェクト")).toMatchObject({ companies: 1200, universities: 60 });
    expect(by("九州地域シリコン・クラスター計画")).toMatchObject({ companies: 270, universities: 22, fieldJa: "半導体" });
    expect(by("九州地域バイオクラスター計画")).toMatchObject({ companies: 40, universities: 6 });
    expect(by("北海道ITイノベーション戦略")).toMatchObject({ companies: 340, universities: 3 });
    expect(by("OKINAWA型産業振興プロジェクト")).toMatchObject({ companies: 120, universities: 7, bureauCode: "meti-okinawa" });
    expect(by("TOHOKUものづくりコリドー")).toMatchObject({ companies: 780, universities: 48 });
    // Support ended in FY2007 (※ in doc 002): not one of the 18.
    expect(by("情報ベンチャーの育成")).toBeUndefined();
    expect(ic.every((c) => c.companies !== null && c.universities !== null && c.bureauCode !== null)).toBe(true);
    expect(ic.reduce((n, c) => n + (c.universities ?? 0), 0)).toBe(
      134 + 11 + 28 + 52 + 18 + 52 + 60 + 20 + 10 + 21 + 22 + 6 + 26 + 22 + 7 + 48 + 3 + 26,
    );
  });

  it("has the 29 continuing areas of doc 004 with Gregorian fiscal-year periods", async () => {
    const ca = await db().select().from(clusters).where(eq(clusters.programme, "continuing"));
    expect(ca).toHaveLength(29);
    expect(ca.filter((c) => c.areaType === "global")).toHaveLength(17);
    expect(ca.filter((c) => c.areaType === "city")).toHaveLength(12);
    const by = (regionJa: string) => ca.find((c) => c.regionJa === regionJa);
    expect(by("札幌周辺を核とする道央地域")).toMatchObject({
      areaType: "global",
      fiscalYearFrom: 2007,
      fiscalYearTo: 2011,
      nameJa: 'さっぽろバイオクラスター構想 "Bio-S"',
    });
    expect(by("東海広域")).toMatchObject({
      fiscalYearFrom: 2008,
      fiscalYearTo: 2012,
      nameJa: "東海広域ナノテクものづくりクラスター",
    });
    expect(by("山口地域")).toMatchObject({ fiscalYearFrom: 2009, fiscalYearTo: 2013 });
    expect(by("富士山麓地域")).toMatchObject({ fiscalYearFrom: 2010, fiscalYearTo: 2012, blockCode: "kanto" });
    expect(by("かずさ・千葉エリア")).toMatchObject({ areaType: "city", fiscalYearFrom: 2009, fiscalYearTo: 2013 });
    expect(by("米子・境港エリア")).toMatchObject({
      areaType: "city",
      fiscalYearFrom: 2010,
      fiscalYearTo: 2012,
      blockCode: "chugoku",
    });
    expect(ca.every((c) => c.themeJa && c.blockCode && c.fiscalYearFrom! <= c.fiscalYearTo!)).toBe(true);
  });

  it("has Cluster Japan 2008 and its techno-fair on 2008-12-02..03 at パシフィコ横浜", async () => {
    const e = await eventBySlug("cluster-japan-2008-techno-fair");
    expect(e).toMatchObject({
      kind: "techno_fair",
      venue: "パシフィコ横浜",
      prefecture: "神奈川県",
      blockCode: "kanto",
      fiscalYear: 2008,
      allDay: true,
      status: "scheduled",
    });
    expect(e.startsAt.getTime()).toBe(tokyoInstant(2008, 12, 2).getTime());
    expect(e.endsAt.getTime()).toBe(tokyoInstant(2008, 12, 4).getTime());
    expect(days(e)).toEqual(["2008-12-02", "2008-12-03"]);
    expect(e.descriptionJa).toContain("270機関");
  });

  it("has the Regional Cluster Forums of 2007-01-26 and 2008-02-28 and Cluster Japan 2007", async () => {
    const forums = await db().select().from(events).where(eq(events.kind, "forum"));
    const f1 = await eventBySlug("regional-cluster-forum-1-2007");
    const f2 = await eventBySlug("regional-cluster-forum-2-2008");
    expect(days(f1)).toEqual(["2007-01-26", "2007-01-26"]);
    expect(days(f2)).toEqual(["2008-02-28", "2008-02-28"]);
    expect([f1.fiscalYear, f2.fiscalYear]).toEqual([2006, 2007]);
    expect([f1.attendance, f2.attendance, f1.attendanceApprox, f2.attendanceApprox]).toEqual([200, 200, true, true]);
    expect([f1.capacity, f2.capacity]).toEqual([null, null]);
    const cj = await eventBySlug("cluster-japan-2007");
    expect(days(cj)).toEqual(["2007-11-28", "2007-11-28"]);
    expect(cj).toMatchObject({ attendance: 500, attendanceApprox: true, capacity: null });
    expect(forums.map((f) => f.slug)).toEqual(expect.arrayContaining([f1.slug, f2.slug]));
    expect(cj.kind).toBe("techno_fair");
  });

  it("has the FY2008 regional cluster seminar on 2008-11-20 at ビッグパレットふくしま", async () => {
    const seminars = await db()
      .select()
      .from(events)
      .where(and(eq(events.kind, "seminar"), eq(events.fiscalYear, 2008)));
    // Shimane and Ehime are not dated by the documents, so they are not stored as events.
    expect(seminars).toHaveLength(1);
    const f = seminars[0]!;
    expect(f).toMatchObject({ venue: "ビッグパレットふくしま", prefecture: "福島県", blockCode: "tohoku", allDay: true });
    expect(days(f)).toEqual(["2008-11-20", "2008-11-20"]);
    expect(f.descriptionJa).toContain("島根、福島及び愛媛");
  });

  it("has the 8th Industry-Academia-Government Collaboration Conference on 2009-06-20..21 in Kyoto", async () => {
    const e = await eventBySlug("iag-collaboration-conference-8-2009");
    expect(e).toMatchObject({
      kind: "conference",
      venue: "国立京都国際会館",
      prefecture: "京都府",
      blockCode: "kinki",
      fiscalYear: 2009,
    });
    expect(days(e)).toEqual(["2009-06-20", "2009-06-21"]);
  });

  it("has the 13 FY2003 joint result presentations of doc 000/003", async () => {
    const jp = await db()
      .select()
      .from(events)
      .where(and(eq(events.kind, "joint_presentation"), eq(events.fiscalYear, 2003)));
    expect(jp).toHaveLength(13);
    expect(new Set(jp.map((e) => e.blockCode))).toEqual(
      new Set(["hokkaido", "tohoku", "kanto", "hokuriku", "chubu", "kinki", "chugoku", "shikoku", "kyushu"]),
    );
    const synergy = jp.find((e) => e.titleJa === "Synergy Kyushu 2003")!;
    expect(days(synergy)).toEqual(["2003-05-01", "2003-05-31"]);
    const shinshu = jp.find((e) => e.slug === "fy2003-joint-presentation-2003-in-shinshu")!;
    expect(shinshu).toMatchObject({ prefecture: "長野県", blockCode: "kanto" });
    expect(days(shinshu)).toEqual(["2003-09-01", "2003-09-30"]);
    expect(jp.find((e) => e.slug === "fy2003-hiroshima-iag-fair-tokyo")).toMatchObject({
      prefecture: "東京都",
      blockCode: "chugoku",
    });
  });

  it("stores every seeded event as an all-day, scheduled event starting at Tokyo midnight", async () => {
    const all = await db().select().from(events);
    expect(all.length).toBe(13 + 9);
    expect(all.filter((e) => e.datePrecision === "month")).toHaveLength(13);
    for (const e of all) {
      expect(e.allDay).toBe(true);
      expect(e.status).toBe("scheduled");
      expect(toTokyoIso(e.startsAt)).toMatch(/T00:00:00\+09:00$/);
      expect(toTokyoIso(e.endsAt)).toMatch(/T00:00:00\+09:00$/);
      expect(e.endsAt.getTime()).toBeGreaterThan(e.startsAt.getTime());
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped history checked against the source documents themselves (db/seed/sources, copies of
// the documents the data comes from, so that the check runs in any checkout; SEEDS_DIR to point
// elsewhere).
const SEEDS = process.env.SEEDS_DIR ?? fileURLToPath(new URL("../db/seed/sources/", import.meta.url));
/** A document's text with full-width digits, letters and brackets made half-width and spaces removed. */
function doc(prefix: string): string {
  const file = {
    "000": "000_cf5a46f588549998.txt",
    "001": "001_bb168f329d7f46f1.txt",
    "002": "002_8600c7ede5aac48e.txt",
    "003": "003_d4c2930d18d1af95.txt",
  }[prefix]!;
  return normal(readFileSync(`${SEEDS}/${file}`, "utf8"));
}
const normal = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, "");

describe("the history, against the documents", () => {
  it("stores participant numbers as attendance (約 = approximate), as doc 001 gives them, and no capacity", async () => {
    const d001 = doc("001");
    // 「地域クラスターフォーラム（第１回：H19.1.26、第２回：H20.2.28）… 担当者約２００名が参加」
    const forum = d001.indexOf("地域クラスターフォーラム(第1回:H19.1.26、第2回:H20.2.28)");
    expect(forum).toBeGreaterThan(0);
    const forumCount = /約(\d+)名が参加/.exec(d001.slice(forum))!;
    // 「クラスタージャパン共催（H19.11.28、…）… 全国から約５００名が参加」
    const cj = d001.indexOf("クラスタージャパン共催(H19.11.28");
    expect(cj).toBeGreaterThan(forum);
    const cjCount = /約(\d+)名が参加/.exec(d001.slice(cj))!;
    expect([forumCount[1], cjCount[1]]).toEqual(["200", "500"]);
    for (const [slug, n] of [
      ["regional-cluster-forum-1-2007", Number(forumCount[1])],
      ["regional-cluster-forum-2-2008", Number(forumCount[1])],
      ["cluster-japan-2007", Number(cjCount[1])],
    ] as const) {
      expect(await eventBySlug(slug)).toMatchObject({ attendance: n, attendanceApprox: true, capacity: null });
    }
    // No other seeded event has a participant number, nor any a capacity: no document gives one.
    const all = await db().select().from(events);
    expect(all.filter((e) => e.attendance !== null)).toHaveLength(3);
    expect(all.filter((e) => e.capacity !== null)).toEqual([]);
  });

  it("stores as known only to the month exactly the events doc 000 dates by month (平成N年M月), over that month", async () => {
    const d000 = doc("000");
    const all = await db().select().from(events);
    for (const e of all) {
      const heisei = (y: number) => y - 1988;
      const [first] = days(e);
      const [y, m] = first!.split("-").map(Number) as [number, number];
      const inTable = d000.includes(`${normal(e.titleJa)}(平成${heisei(y)}年${m}月)`);
      expect(e.datePrecision === "month", `${e.slug}: ${e.datePrecision}`).toBe(inTable);
      if (e.datePrecision === "month") {
        const [, last] = days(e);
        expect(first).toBe(`${y}-${String(m).padStart(2, "0")}-01`);
        expect(last!.slice(0, 7)).toBe(first!.slice(0, 7));
        expect(tokyoInstant(y, m + 1, 1).getTime()).toBe(e.endsAt.getTime());
      }
    }
    expect(all.filter((e) => e.datePrecision === "month")).toHaveLength(13);
  });

  it("gives the seeded venues their English names, and every seeded event its source", async () => {
    const venues = (await db().select().from(events)).filter((e) => e.venue);
    expect(Object.fromEntries(venues.map((e) => [e.venue, e.venueEn]))).toEqual({
      パシフィコ横浜: "Pacifico Yokohama",
      ビッグパレットふくしま: "Big Palette Fukushima",
      国立京都国際会館: "Kyoto International Conference Center",
    });
    for (const e of await db().select().from(events)) expect(e.source, e.slug!).toBeTruthy();
  });

  it("marks the Kanto launch as from the product brief and does not count it as a held meeting in FY2004", async () => {
    const launch = await eventBySlug("kanto-block-council-launch-2005");
    expect(launch).toMatchObject({ source: "product-brief", countsAsMeeting: false, fiscalYear: 2004 });
    // The documents do not have it (not in 001, the document on the block councils).
    expect(doc("001")).not.toMatch(/H17\.3\.11|2005-03-11|平成17年3月11日/);
    const fy2004 = await councilCompliance({ db: db(), who: systemWho(new Date("2026-01-01T00:00:00Z")) }, { fy: 2004 });
    expect(fy2004.blocks.find((b) => b.block === "kanto")).toMatchObject({ held: 0, status: "behind" });
    // The Kinki meeting of 2006-02-23 (doc 001) is a meeting: FY2005 counts it.
    const fy2005 = await councilCompliance({ db: db(), who: systemWho(new Date("2026-01-01T00:00:00Z")) }, { fy: 2005 });
    expect(fy2005.blocks.find((b) => b.block === "kinki")).toMatchObject({ held: 1, status: "ok" });
  });

  it("leaves the 2006-02-15 joint presentation without a block: no document says where it was held", async () => {
    expect(await eventBySlug("industrial-knowledge-cluster-joint-presentation-2006-02-15")).toMatchObject({ blockCode: null });
  });

  it("names councils as the documents print them, and marks the names that are the product's own", async () => {
    const all = doc("000") + doc("001") + doc("002");
    for (const c of seedCouncils) {
      // 000/003: the Japanese name in 000, or (where 000's typesetting garbles it: 徳島地域地域…) the English one in 003.
      const inDocs =
        c.nameSource === "001"
          ? doc("001").includes(normal(c.nameJa))
          : c.nameSource === "000/003"
            ? doc("000").includes(normal(c.nameJa)) || doc("003").includes(normal(c.nameEn ?? "-"))
            : all.includes(normal(c.nameJa));
      expect(inDocs, `${c.code} ${c.nameJa} (${c.nameSource})`).toBe(c.nameSource !== "product");
    }
    expect(seedCouncils.filter((c) => c.nameSource === "product").map((c) => c.code)).toHaveLength(8);
  });
});

describe("a database seeded by the previous seed version", () => {
  let old: Database;
  beforeAll(async () => {
    old = await createTestDatabase();
    await seedDatabase(old.db);
    // Put back what version 1 wrote (the columns the migration added have their defaults), as a
    // database seeded before this version and migrated since looks.
    await old.db.execute(sql`update events set attendance = null, attendance_approx = false, date_precision = 'day',
      venue_en = null, source = null, counts_as_meeting = true`);
    await old.db.execute(
      sql`update events set capacity = 200 where slug in ('regional-cluster-forum-1-2007', 'regional-cluster-forum-2-2008')`,
    );
    await old.db.execute(sql`update events set capacity = 500 where slug = 'cluster-japan-2007'`);
    await old.db.execute(sql`update events set block_code = 'hokuriku',
      description_ja = '産業クラスター・知的クラスター等の合同発表会。北陸ブロック地域科学技術振興協議会がブースを出展。',
      description_en = 'Joint presentation of the Industrial Clusters, Knowledge Clusters and related programmes; the Hokuriku block regional S&T promotion council had an exhibition booth.'
      where slug = 'industrial-knowledge-cluster-joint-presentation-2006-02-15'`);
    await old.db.execute(sql`update events set
      description_ja = '関東ブロックの地域科学技術振興協議会が、関東総合通信局、文部科学省、関東農政局、関東経済産業局、関東地方整備局、中部地方整備局、関東運輸局、関東地方環境事務所の8機関の長により発足。',
      description_en = 'The Kanto block regional S&T promotion council was launched by the heads of 8 regional branch offices: Kanto Bureau of Telecommunications, MEXT, Kanto Regional Agricultural Administration Office, METI Kanto, Kanto and Chubu Regional Development Bureaus, Kanto District Transport Bureau and Kanto Regional Environment Office.'
      where slug = 'kanto-block-council-launch-2005'`);
    await old.db.execute(sql`update councils set name_ja = '近畿ブロック地域科学技術振興協議会',
      name_en = 'Kinki Block Regional Science and Technology Promotion Council' where code = 'block-council-kinki'`);
    // An organiser has since changed one forum's record by hand: that edit stays.
    await old.db.execute(sql`update events set capacity = 250 where slug = 'regional-cluster-forum-2-2008'`);
    await old.db.update(settings).set({ value: "2" }).where(eq(settings.key, "seed_version"));
  });
  afterAll(async () => old?.close());

  it("is corrected on the next start, except where an organiser has edited the row since", async () => {
    const before = (await old.db.select().from(events).where(eq(events.slug, "cluster-japan-2007")))[0]!;
    const result = await seedDatabase(old.db);
    expect(result.inserted).toBe(0);
    expect(result.corrected).toBeGreaterThan(0);
    const bySlug = async (slug: string) => (await old.db.select().from(events).where(eq(events.slug, slug)))[0]!;
    expect(await bySlug("regional-cluster-forum-1-2007")).toMatchObject({
      capacity: null,
      attendance: 200,
      attendanceApprox: true,
    });
    expect(await bySlug("regional-cluster-forum-2-2008")).toMatchObject({ capacity: 250, attendance: null });
    const cj = await bySlug("cluster-japan-2007");
    expect(cj).toMatchObject({ capacity: null, attendance: 500, source: "001, 002" });
    expect(cj.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    const months = await old.db.select().from(events).where(eq(events.datePrecision, "month"));
    expect(months).toHaveLength(13);
    // Calendars see the change: the month events' SEQUENCE went up.
    expect(months.every((e) => e.sequence === 1)).toBe(true);
    expect(await bySlug("cluster-japan-2008-techno-fair")).toMatchObject({ venueEn: "Pacifico Yokohama" });
    const seedJoint = seedEvents.find((e) => e.slug === "industrial-knowledge-cluster-joint-presentation-2006-02-15")!;
    expect(await bySlug(seedJoint.slug)).toMatchObject({ blockCode: null, descriptionJa: seedJoint.descriptionJa });
    expect(await bySlug("kanto-block-council-launch-2005")).toMatchObject({ source: "product-brief", countsAsMeeting: false });
    const [kinki] = await old.db.select().from(councils).where(eq(councils.code, "block-council-kinki"));
    expect(kinki!.nameJa).toBe("近畿地域ブロック協議会");
    const [version] = await old.db.select().from(settings).where(eq(settings.key, "seed_version"));
    expect(version!.value).toBe(SEED_VERSION);
    // And the start after that writes nothing.
    expect(await seedDatabase(old.db)).toEqual({ inserted: 0, corrected: 0 });
  });
});
