/**
 * Reference material quoted from the source documents in db/seed/sources (copies of shared/seeds; see its README):
 *   000 (ja) / 003 (en OCR of 000): MEXT Knowledge Cluster × METI Industrial Cluster tie-ups, the
 *        METI regional bureaus, the regional cluster promotion councils, the FY2003 joint conferences.
 *   001 (ja): the regional block councils (地域ブロック協議会, 10 blocks).
 *   002 (ja): the 18 Industrial Cluster projects with company and university counts (平成21年度).
 *   004 (ja): the 29 continuing regional cluster areas (グローバル型 / 都市エリア型).
 *
 * Conventions:
 * - Japanese names are quoted from the Japanese documents; full-width ASCII (ＴＯＨＯＫＵ, ＫＡＮＳＡＩ)
 *   is written half-width. English names are taken from 003 where it has them, with its OCR
 *   typos corrected ("Sil con" → "Silicon", "Toka" → "Tokai", …); otherwise they are translations.
 * - A fact the documents do not give is null. Block codes are derived from where a place lies
 *   (see blocks.ts), never stated otherwise by the documents.
 * - Codes are stable ascii slugs: the natural key that keeps re-seeding idempotent.
 */
import type { bureaus, clusters, councils } from "../../schema/reference.ts";
import type { BlockCode } from "./blocks.ts";

type BureauRow = typeof bureaus.$inferInsert & { blockCode: BlockCode };
type CouncilRow = typeof councils.$inferInsert & { blockCode: BlockCode };
type ClusterRow = typeof clusters.$inferInsert & {
  programme: "knowledge" | "industrial" | "continuing";
  blockCode: BlockCode | null;
};

/** Heisei year N is 1988 + N (H15 = 2003); 年度 are April–March fiscal years. */
export function heiseiFiscalYear(n: number): number {
  return 1988 + n;
}

// ---------------------------------------------------------------------------------------------
// METI regional bureaus (doc 000 「産業クラスター計画」 list; English names from 003).
// Note: METI Chubu also covers Hokuriku (its 北陸ものづくり創生プロジェクト, and the Toyama/Takaoka
// and Kanazawa tie-ups in the 000/003 table); its block here is its seat's block, chubu.
// ---------------------------------------------------------------------------------------------
export const seedBureaus: BureauRow[] = [
  {
    code: "meti-hokkaido",
    nameJa: "北海道経済産業局",
    nameEn: "Hokkaido Bureau of Economy, Trade and Industry (METI Hokkaido)",
    blockCode: "hokkaido",
  },
  {
    code: "meti-tohoku",
    nameJa: "東北経済産業局",
    nameEn: "Tohoku Bureau of Economy, Trade and Industry (METI Tohoku)",
    blockCode: "tohoku",
  },
  {
    code: "meti-kanto",
    nameJa: "関東経済産業局",
    nameEn: "Kanto Bureau of Economy, Trade and Industry (METI Kanto)",
    blockCode: "kanto",
  },
  {
    code: "meti-chubu",
    nameJa: "中部経済産業局",
    nameEn: "Chubu Bureau of Economy, Trade and Industry (METI Chubu)",
    blockCode: "chubu",
  },
  // 003 calls 近畿経済産業局 "Kansai Bureau … (METI Kansai)".
  {
    code: "meti-kansai",
    nameJa: "近畿経済産業局",
    nameEn: "Kansai Bureau of Economy, Trade and Industry (METI Kansai)",
    blockCode: "kinki",
  },
  {
    code: "meti-chugoku",
    nameJa: "中国経済産業局",
    nameEn: "Chugoku Bureau of Economy, Trade and Industry (METI Chugoku)",
    blockCode: "chugoku",
  },
  {
    code: "meti-shikoku",
    nameJa: "四国経済産業局",
    nameEn: "Shikoku Bureau of Economy, Trade and Industry (METI Shikoku)",
    blockCode: "shikoku",
  },
  {
    code: "meti-kyushu",
    nameJa: "九州経済産業局",
    nameEn: "Kyushu Bureau of Economy, Trade and Industry (METI Kyushu)",
    blockCode: "kyushu",
  },
  {
    code: "meti-okinawa",
    nameJa: "沖縄経済産業部",
    nameEn: "Department of Economy, Trade and Industry, Okinawa General Bureau (METI Okinawa)",
    blockCode: "okinawa",
  },
];

// ---------------------------------------------------------------------------------------------
// Councils.
// (a) The regional cluster promotion councils (地域クラスター推進協議会) of the 000/003 tie-up table.
//     The Japanese table in 000 is misaligned by the OCR; the rows follow the English table in 003.
// (b) The 10 regional block councils (地域ブロック協議会, doc 001). The documents name two of them:
//     「北陸ブロック地域科学技術振興協議会」 (doc 001, photo caption of H18.2.15) and
//     「近畿地域ブロック協議会」 (doc 001, photo caption 「H17近畿地域ブロック協議会風景」); those two
//     are stored as printed. The other eight names are the product's own, made on the Hokuriku
//     pattern (README: 地域科学技術振興協議会 = the block councils): `nameSource: "product"` says so.
//     The planner titles its meetings with these names (jobs/plan-fiscal-year.ts). Members per doc
//     001, and for Kanto the 8 founding branch offices per the README.
// ---------------------------------------------------------------------------------------------
const BOTH_MINISTRIES = "文部科学省、経済産業省、地方自治体その他関係機関"; // doc 000, 1.

export const seedPromotionCouncils: CouncilRow[] = [
  {
    code: "hokkaido-it-cluster-promotion",
    nameJa: "北海道ITクラスター推進協議会",
    nameEn: "Hokkaido IT Cluster Promotion Committee",
    regionJa: "札幌地域",
    blockCode: "hokkaido",
    // doc 000 photo caption: 「経済界、大学、自治体等と両省が事業の推進等について協議」
    membersJa: "経済界、大学、自治体等と両省（文部科学省、経済産業省）",
  },
  {
    code: "tohoku-cluster-promotion",
    nameJa: "東北地域クラスター推進会議",
    nameEn: "Tohoku Region Cluster Promotion Committee",
    regionJa: "仙台地域",
    blockCode: "tohoku",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "nanotech-forum-nagano",
    nameJa: "ナノテク・フォーラム長野",
    nameEn: "Nanotech Forum Nagano",
    regionJa: "長野・上田地域",
    blockCode: "kanto",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "hamamatsu-cluster-promotion",
    nameJa: "浜松地域クラスター推進協議会",
    nameEn: "Hamamatsu Cluster Promotion Committee",
    regionJa: "浜松地域",
    blockCode: "kanto",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "hokuriku-cluster-promotion",
    nameJa: "北陸地域クラスター推進会議",
    nameEn: "Committee of Cluster Promotion in the Hokuriku Region",
    regionJa: "富山・高岡地域、金沢地域",
    blockCode: "hokuriku",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "tokai-cluster-promotion",
    nameJa: "東海地域クラスター推進会議",
    nameEn: "Committee of Cluster Promotion in the Tokai Region",
    regionJa: "岐阜・大垣地域、名古屋地域",
    blockCode: "chubu",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "kinki-cluster-promotion",
    nameJa: "近畿地域クラスター推進会議",
    nameEn: "Kinki Region Cluster Promotion Committee",
    regionJa: "京都地域、関西文化学術研究都市地域",
    blockCode: "kinki",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "kansai-wide-cluster-hq",
    nameJa: "関西広域クラスター合同本部会議（大阪、神戸合同）",
    nameEn: "Kansai Wide Area Cluster Combined Headquarters Committee (Combining both Osaka and Kobe)",
    regionJa: "大阪北部（彩都）地域、神戸地域",
    blockCode: "kinki",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "chugoku-iag-collaboration",
    nameJa: "中国地域産学官コラボレーション会議",
    nameEn: "Chugoku Region Industry-Academia-Government Collaboration Committee",
    regionJa: "広島地域",
    blockCode: "chugoku",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "ube-knowledge-cluster-promotion",
    nameJa: "知的クラスター推進協議会",
    nameEn: "Knowledge Cluster Promotion Committee",
    regionJa: "宇部地域",
    blockCode: "chugoku",
    membersJa: BOTH_MINISTRIES,
  },
  // 000 prints 「徳島地域地域クラスター推進協議会」 (地域 doubled by the OCR/typesetting); 003: "Tokushima Cluster Promotion Committee".
  {
    code: "tokushima-cluster-promotion",
    nameJa: "徳島地域クラスター推進協議会",
    nameEn: "Tokushima Cluster Promotion Committee",
    regionJa: "徳島地域",
    blockCode: "shikoku",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "rare-sugar-strategy",
    nameJa: "希少糖プロジェクト戦略委員会",
    nameEn: "Rare Sugar Project Strategy Committee",
    regionJa: "高松地域",
    blockCode: "shikoku",
    membersJa: BOTH_MINISTRIES,
  },
  {
    code: "kyushu-wide-cluster-promotion",
    nameJa: "九州広域クラスター推進会議（福岡、北九州合同）",
    nameEn: "Kyushu Wide Area Cluster Combined Headquarters Committee (Combining both Fukuoka and Kitakyushu)",
    regionJa: "福岡地域、北九州学術研究都市地域",
    blockCode: "kyushu",
    membersJa: BOTH_MINISTRIES,
  },
];

const BLOCK_COUNCIL_MEMBERS = "関係府省の出先機関と自治体等の責任者・担当者"; // doc 001

/** Where a council's name comes from: a source document, or the product (not in the documents). */
export type NameSource = "000/003" | "001" | "product";
export type SeedCouncil = CouncilRow & { nameSource: NameSource };

const blockCouncil = (
  blockCode: BlockCode,
  ja: string,
  en: string,
  opts: { membersJa?: string; nameJa?: string; nameEn?: string; nameSource?: NameSource } = {},
): SeedCouncil => ({
  code: `block-council-${blockCode}`,
  nameJa: opts.nameJa ?? `${ja}ブロック地域科学技術振興協議会`,
  nameEn: opts.nameEn ?? `${en} Block Regional Science and Technology Promotion Council`,
  regionJa: ja,
  blockCode,
  membersJa: opts.membersJa ?? BLOCK_COUNCIL_MEMBERS,
  nameSource: opts.nameSource ?? "product",
});

export const seedBlockCouncils: SeedCouncil[] = [
  blockCouncil("hokkaido", "北海道", "Hokkaido"),
  blockCouncil("tohoku", "東北", "Tohoku"),
  // README: launched 2005-03-11 by the heads of 8 regional branch offices.
  blockCouncil("kanto", "関東", "Kanto", {
    membersJa:
      "関東総合通信局、文部科学省、関東農政局、関東経済産業局、関東地方整備局、中部地方整備局、関東運輸局、関東地方環境事務所の8機関の長",
  }),
  blockCouncil("chubu", "中部（東海）", "Chubu (Tokai)"),
  // Doc 001: 「北陸ブロック地域科学技術振興協議会の出展ブース風景」. English: the product's translation.
  blockCouncil("hokuriku", "北陸", "Hokuriku", { nameSource: "001" }),
  // Doc 001: 「H17近畿地域ブロック協議会風景（H18.2.23)」. English: the product's translation.
  blockCouncil("kinki", "近畿", "Kinki", {
    nameJa: "近畿地域ブロック協議会",
    nameEn: "Kinki Regional Block Council",
    nameSource: "001",
  }),
  blockCouncil("chugoku", "中国", "Chugoku"),
  blockCouncil("shikoku", "四国", "Shikoku"),
  blockCouncil("kyushu", "九州", "Kyushu"),
  blockCouncil("okinawa", "沖縄", "Okinawa"),
];

export const seedCouncils: SeedCouncil[] = [
  ...seedPromotionCouncils.map((c): SeedCouncil => ({ ...c, nameSource: "000/003" })),
  ...seedBlockCouncils,
];

// ---------------------------------------------------------------------------------------------
// Knowledge Cluster Initiative regions (知的クラスター創成事業) of the 000/003 tie-up table, with the
// METI bureau and the council they are tied to (rows as aligned in 003).
// ---------------------------------------------------------------------------------------------
const knowledge = (
  code: string,
  nameJa: string,
  nameEn: string,
  blockCode: BlockCode,
  bureauCode: string,
  councilCode: string,
): ClusterRow => ({
  code: `kc-${code}`,
  programme: "knowledge",
  nameJa,
  nameEn,
  regionJa: nameJa,
  regionEn: nameEn,
  blockCode,
  bureauCode,
  extra: { councilCode, source: "000/003" },
});

export const seedKnowledgeClusters: ClusterRow[] = [
  knowledge("sapporo", "札幌地域", "Sapporo", "hokkaido", "meti-hokkaido", "hokkaido-it-cluster-promotion"),
  knowledge("sendai", "仙台地域", "Sendai", "tohoku", "meti-tohoku", "tohoku-cluster-promotion"),
  knowledge("nagano-ueda", "長野・上田地域", "Nagano/Ueda", "kanto", "meti-kanto", "nanotech-forum-nagano"),
  knowledge("hamamatsu", "浜松地域", "Hamamatsu", "kanto", "meti-kanto", "hamamatsu-cluster-promotion"),
  knowledge("toyama-takaoka", "富山・高岡地域", "Toyama/Takaoka", "hokuriku", "meti-chubu", "hokuriku-cluster-promotion"),
  knowledge("kanazawa", "金沢地域", "Kanazawa", "hokuriku", "meti-chubu", "hokuriku-cluster-promotion"),
  knowledge("gifu-ogaki", "岐阜・大垣地域", "Gifu/Ogaki", "chubu", "meti-chubu", "tokai-cluster-promotion"),
  knowledge("nagoya", "名古屋地域", "Nagoya", "chubu", "meti-chubu", "tokai-cluster-promotion"),
  knowledge("kyoto", "京都地域", "Kyoto", "kinki", "meti-kansai", "kinki-cluster-promotion"),
  knowledge(
    "kansai-science-city",
    "関西文化学術研究都市地域",
    "Kansai Science City",
    "kinki",
    "meti-kansai",
    "kinki-cluster-promotion",
  ),
  knowledge(
    "saito",
    "大阪北部（彩都）地域",
    "Saito (Northern Part of Osaka Pref.)",
    "kinki",
    "meti-kansai",
    "kansai-wide-cluster-hq",
  ),
  knowledge("kobe", "神戸地域", "Kobe", "kinki", "meti-kansai", "kansai-wide-cluster-hq"),
  knowledge("hiroshima", "広島地域", "Hiroshima", "chugoku", "meti-chugoku", "chugoku-iag-collaboration"),
  knowledge("ube", "宇部地域", "Ube", "chugoku", "meti-chugoku", "ube-knowledge-cluster-promotion"),
  knowledge("tokushima", "徳島地域", "Tokushima", "shikoku", "meti-shikoku", "tokushima-cluster-promotion"),
  knowledge("takamatsu", "高松地域", "Takamatsu", "shikoku", "meti-shikoku", "rare-sugar-strategy"),
  knowledge("fukuoka", "福岡地域", "Fukuoka", "kyushu", "meti-kyushu", "kyushu-wide-cluster-promotion"),
  knowledge(
    "kitakyushu",
    "北九州学術研究都市地域",
    "Kitakyushu Science and Research Park",
    "kyushu",
    "meti-kyushu",
    "kyushu-wide-cluster-promotion",
  ),
];

// ---------------------------------------------------------------------------------------------
// The 18 Industrial Cluster projects (産業クラスター計画 第Ⅱ期), doc 002 「全国18の産業クラスター
// 計画プロジェクトの地域展開状況（平成21年度）」. Counts are the document's 「約N社 M大学」: the
// company counts are approximate (extra.companiesApprox), the university counts as printed.
// regionJa is the document's regional heading; the bureau is the one 000 lists the region under.
//
// Not seeded: the Kanto 「情報ベンチャーの育成※ IT分野」, which 002 prints without counts and marks
// 「※平成19年度をもって、産業クラスター計画補助事業による支援を終了」; it is not one of the 18.
// ---------------------------------------------------------------------------------------------
const industrial = (
  row: Omit<ClusterRow, "programme" | "code" | "extra"> & { code: string; extra?: Record<string, unknown> },
): ClusterRow => ({
  ...row,
  code: `ic-${row.code}`,
  programme: "industrial",
  extra: { companiesApprox: true, asOf: "平成21年度", source: "002", ...row.extra },
});

export const seedIndustrialClusters: ClusterRow[] = [
  // 北海道
  industrial({
    code: "hokkaido-it",
    nameJa: "北海道ITイノベーション戦略",
    nameEn: "Hokkaido IT Innovation Strategy",
    regionJa: "北海道",
    regionEn: "Hokkaido",
    blockCode: "hokkaido",
    bureauCode: "meti-hokkaido",
    fieldJa: "IT",
    fieldEn: "IT",
    companies: 340,
    universities: 3,
  }),
  industrial({
    code: "hokkaido-bio",
    nameJa: "北海道バイオ産業成長戦略",
    nameEn: "Hokkaido Bio-industry Growth Strategy",
    regionJa: "北海道",
    regionEn: "Hokkaido",
    blockCode: "hokkaido",
    bureauCode: "meti-hokkaido",
    fieldJa: "バイオ",
    fieldEn: "Biotechnology",
    companies: 160,
    universities: 26,
  }),
  // 東北
  industrial({
    code: "tohoku-monozukuri-corridor",
    nameJa: "TOHOKUものづくりコリドー",
    nameEn: "TOHOKU Manufacturing Corridor",
    regionJa: "東北",
    regionEn: "Tohoku",
    blockCode: "tohoku",
    bureauCode: "meti-tohoku",
    fieldJa: "ものづくり",
    fieldEn: "Manufacturing",
    companies: 780,
    universities: 48,
  }),
  // 関東 (広域関東圏産業クラスター推進ネットワーク)
  industrial({
    code: "kanto-regional-revitalisation",
    nameJa: "地域産業活性化プロジェクト",
    nameEn: "Regional Industry Revitalization Project",
    regionJa: "関東",
    regionEn: "Kanto",
    blockCode: "kanto",
    bureauCode: "meti-kanto",
    fieldJa: "ものづくり",
    fieldEn: "Manufacturing",
    companies: 2210,
    universities: 134,
    extra: {
      network: "広域関東圏産業クラスター推進ネットワーク",
      activities: [
        "首都圏西部ネットワーク支援活動（TAMA）",
        "中央自動車道沿線ネットワーク支援活動",
        "東葛川口つくば（TX沿線）ネットワーク支援活動",
        "三遠南信ネットワーク支援活動",
        "首都圏北部ネットワーク支援活動",
        "京浜ネットワーク支援活動",
      ],
    },
  }),
  industrial({
    code: "kanto-bio-venture",
    nameJa: "バイオベンチャーの育成",
    nameEn: "Fostering Bio-Ventures",
    regionJa: "関東",
    regionEn: "Kanto",
    blockCode: "kanto",
    bureauCode: "meti-kanto",
    fieldJa: "バイオ",
    fieldEn: "Biotechnology",
    companies: 580,
    universities: 11,
    extra: { network: "広域関東圏産業クラスター推進ネットワーク" },
  }),
  // 中部
  industrial({
    code: "tokai-monozukuri",
    nameJa: "東海ものづくり創生プロジェクト",
    nameEn: "Project to Create Manufacturing Industry in Tokai Region",
    regionJa: "中部",
    regionEn: "Chubu",
    blockCode: "chubu",
    bureauCode: "meti-chubu",
    fieldJa: "ものづくり",
    fieldEn: "Manufacturing",
    companies: 1720,
    universities: 28,
  }),
  industrial({
    code: "tokai-bio-monozukuri",
    nameJa: "東海バイオものづくり創生プロジェクト",
    nameEn: "Tokai Bio Factory Project",
    regionJa: "中部",
    regionEn: "Chubu",
    blockCode: "chubu",
    bureauCode: "meti-chubu",
    fieldJa: "バイオ",
    fieldEn: "Biotechnology",
    companies: 130,
    universities: 52,
  }),
  // Under the 中部 heading and METI Chubu, but a Hokuriku project: block hokuriku.
  industrial({
    code: "hokuriku-monozukuri",
    nameJa: "北陸ものづくり創生プロジェクト",
    nameEn: "Project to Create Manufacturing Industry in Hokuriku Region",
    regionJa: "中部",
    regionEn: "Chubu",
    blockCode: "hokuriku",
    bureauCode: "meti-chubu",
    fieldJa: "ものづくり",
    fieldEn: "Manufacturing",
    companies: 410,
    universities: 18,
  }),
  // 近畿
  industrial({
    code: "kansai-bio-cluster",
    nameJa: "関西バイオクラスタープロジェクト",
    nameEn: "Kansai Bio Cluster Project (Bio Cluster)",
    regionJa: "近畿",
    regionEn: "Kinki",
    blockCode: "kinki",
    bureauCode: "meti-kansai",
    fieldJa: "バイオ",
    fieldEn: "Biotechnology",
    companies: 340,
    universities: 52,
    extra: { nickname: "Bio Cluster" },
  }),
  industrial({
    code: "kansai-front-runner",
    nameJa: "関西フロントランナープロジェクト",
    nameEn: "Kansai Front Runner Project (Neo Cluster)",
    regionJa: "近畿",
    regionEn: "Kinki",
    blockCode: "kinki",
    bureauCode: "meti-kansai",
    fieldJa: "ものづくり・情報・エネルギー",
    fieldEn: "Manufacturing, information and energy",
    companies: 1200,
    universities: 60,
    extra: { nickname: "Neo Cluster" },
  }),
  industrial({
    code: "kansai-green",
    nameJa: "環境ビジネスKANSAIプロジェクト",
    nameEn: "Environmental Business KANSAI Project (Green Cluster)",
    regionJa: "近畿",
    regionEn: "Kinki",
    blockCode: "kinki",
    bureauCode: "meti-kansai",
    fieldJa: "環境",
    fieldEn: "Environment",
    companies: 140,
    universities: 20,
    extra: { nickname: "Green Cluster" },
  }),
  // 中国
  industrial({
    code: "chugoku-next-generation-core",
    nameJa: "次世代中核産業形成プロジェクト",
    nameEn: "Next-Generation Core Industry Formation Project",
    regionJa: "中国",
    regionEn: "Chugoku",
    blockCode: "chugoku",
    bureauCode: "meti-chugoku",
    fieldJa: "ものづくり、バイオ、IT",
    fieldEn: "Manufacturing, biotechnology, IT",
    companies: 430,
    universities: 26,
  }),
  industrial({
    code: "chugoku-recycling-environment",
    nameJa: "循環・環境型社会形成プロジェクト",
    nameEn: "Recycling- and Environment-oriented Society Formation Project",
    regionJa: "中国",
    regionEn: "Chugoku",
    blockCode: "chugoku",
    bureauCode: "meti-chugoku",
    fieldJa: "環境",
    fieldEn: "Environment",
    companies: 290,
    universities: 22,
  }),
  // 四国
  industrial({
    code: "shikoku-techno-bridge",
    nameJa: "四国テクノブリッジ計画",
    nameEn: "Shikoku Techno Bridge Plan",
    regionJa: "四国",
    regionEn: "Shikoku",
    blockCode: "shikoku",
    bureauCode: "meti-shikoku",
    fieldJa: "ものづくり、健康・バイオ",
    fieldEn: "Manufacturing, health and biotechnology",
    companies: 500,
    universities: 10,
  }),
  // 九州
  industrial({
    code: "kyushu-k-rip",
    nameJa: "九州地域環境・リサイクル産業交流プラザ（K-RIP）",
    nameEn: "Kyushu Recycle and Environmental Industry Plaza (K-RIP)",
    regionJa: "九州",
    regionEn: "Kyushu",
    blockCode: "kyushu",
    bureauCode: "meti-kyushu",
    fieldJa: "環境",
    fieldEn: "Environment",
    companies: 540,
    universities: 21,
  }),
  industrial({
    code: "kyushu-silicon",
    nameJa: "九州地域シリコン・クラスター計画",
    nameEn: "Kyushu Silicon Cluster Project",
    regionJa: "九州",
    regionEn: "Kyushu",
    blockCode: "kyushu",
    bureauCode: "meti-kyushu",
    fieldJa: "半導体",
    fieldEn: "Semiconductors",
    companies: 270,
    universities: 22,
  }),
  industrial({
    code: "kyushu-bio",
    nameJa: "九州地域バイオクラスター計画",
    nameEn: "Kyushu Bio Cluster Project",
    regionJa: "九州",
    regionEn: "Kyushu",
    blockCode: "kyushu",
    bureauCode: "meti-kyushu",
    fieldJa: "バイオ",
    fieldEn: "Biotechnology",
    companies: 40,
    universities: 6,
  }),
  // 沖縄
  industrial({
    code: "okinawa",
    nameJa: "OKINAWA型産業振興プロジェクト",
    nameEn: "Okinawa Industry Promotion Project",
    regionJa: "沖縄",
    regionEn: "Okinawa",
    blockCode: "okinawa",
    bureauCode: "meti-okinawa",
    fieldJa: "情報・健康・環境・加工交易",
    fieldEn: "Information, health, environment, processing trade",
    companies: 120,
    universities: 7,
  }),
];

// ---------------------------------------------------------------------------------------------
// The 29 continuing regional cluster areas (doc 004 「地域クラスターの持続的な発展に向けて
// （継続地域一覧）」). Periods are Heisei fiscal years (H19-H23 → FY2007..FY2011). Global-type areas
// have a cluster name and a theme; city-area-type rows print only a theme, so their name is the
// area's name. extra keeps the list number, the sub-type heading and the page reference.
// ---------------------------------------------------------------------------------------------
type ContinuingInput = {
  no: number;
  code: string;
  type: "global" | "city";
  subtypeJa: "第Ⅰ期" | "グローバル拠点育成" | "一般" | "発展";
  regionJa: string;
  regionEn: string;
  blockCode: BlockCode;
  h: [from: number, to: number];
  page: string;
  nameJa?: string;
  nameEn?: string;
  themeJa: string;
};

const continuing = (c: ContinuingInput): ClusterRow => ({
  code: `ca-${String(c.no).padStart(2, "0")}-${c.code}`,
  programme: "continuing",
  nameJa: c.nameJa ?? c.regionJa,
  nameEn: c.nameEn ?? c.regionEn,
  regionJa: c.regionJa,
  regionEn: c.regionEn,
  blockCode: c.blockCode,
  areaType: c.type,
  fiscalYearFrom: heiseiFiscalYear(c.h[0]),
  fiscalYearTo: heiseiFiscalYear(c.h[1]),
  themeJa: c.themeJa,
  extra: {
    listNo: c.no,
    typeJa: c.type === "global" ? "グローバル型" : "都市エリア型",
    subtypeJa: c.subtypeJa,
    periodJa: `H${c.h[0]}-H${c.h[1]}`,
    page: c.page,
    source: "004",
  },
});

export const seedContinuingAreas: ClusterRow[] = [
  // グローバル型（第Ⅰ期）
  continuing({
    no: 1,
    code: "sapporo",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "hokkaido",
    h: [19, 23],
    page: "P10",
    regionJa: "札幌周辺を核とする道央地域",
    regionEn: "Central Hokkaido around Sapporo",
    nameJa: 'さっぽろバイオクラスター構想 "Bio-S"',
    nameEn: 'Sapporo Bio Cluster Initiative "Bio-S"',
    themeJa: "最先端の分析系・活性評価系研究に基づいた高機能食品・有用素材の開発・実用化による健康科学産業の創出",
  }),
  continuing({
    no: 2,
    code: "sendai",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "tohoku",
    h: [19, 23],
    page: "P12",
    regionJa: "広域仙台地域",
    regionEn: "Greater Sendai",
    nameJa: "先進予防型健康社会創成仙台クラスター",
    nameEn: "Sendai Cluster for an Advanced Preventive Healthy Society",
    themeJa: "先進予防技術の活用による、予防・健康サービスの提供を旨とした健康社会創成クラスターの形成",
  }),
  continuing({
    no: 3,
    code: "nagano",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "kanto",
    h: [19, 23],
    page: "P16",
    regionJa: "長野県全域",
    regionEn: "All of Nagano Prefecture",
    nameJa: "信州スマートデバイスクラスター",
    nameEn: "Shinshu Smart Device Cluster",
    themeJa: "新たなナノテクノロジー・材料の高度活用の実現による、国際的に優位な信州型スーパークラスターの形成",
  }),
  continuing({
    no: 4,
    code: "hamamatsu",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "kanto",
    h: [19, 23],
    page: "P18",
    regionJa: "静岡県浜松地域",
    regionEn: "Hamamatsu, Shizuoka",
    nameJa: "浜松オプトロニクスクラスター",
    nameEn: "Hamamatsu Optronics Cluster",
    themeJa: "オプトロニクス技術の高度化による安全・安心・快適で、持続可能なイノベーション社会の構築",
  }),
  continuing({
    no: 5,
    code: "kansai",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "kinki",
    h: [19, 23],
    page: "P24",
    regionJa: "関西広域地域",
    regionEn: "Greater Kansai",
    nameJa: "関西広域バイオメディカルクラスター",
    nameEn: "Kansai Biomedical Cluster",
    themeJa: "「創薬」と「先端医療」を中心とした国際競争力を有するバイオクラスターの形成",
  }),
  continuing({
    no: 6,
    code: "fukuoka",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "kyushu",
    h: [19, 23],
    page: "P26",
    regionJa: "福岡・北九州・飯塚地域",
    regionEn: "Fukuoka, Kitakyushu and Iizuka",
    nameJa: "福岡先端システムLSI開発クラスター",
    nameEn: "Fukuoka Advanced System LSI Development Cluster",
    themeJa: "世界をリードする先端システムLSI開発拠点の形成",
  }),
  continuing({
    no: 7,
    code: "toyama-ishikawa",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "hokuriku",
    h: [20, 24],
    page: "P14",
    regionJa: "富山・石川地域",
    regionEn: "Toyama and Ishikawa",
    nameJa: "ほくろく健康創造クラスター",
    nameEn: "Hokuriku Health Creation Cluster",
    themeJa: "バイオ系先端機器の開発による予防と健康のライフサイエンス",
  }),
  continuing({
    no: 8,
    code: "tokai",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "chubu",
    h: [20, 24],
    page: "P20",
    regionJa: "東海広域",
    regionEn: "Greater Tokai",
    nameJa: "東海広域ナノテクものづくりクラスター",
    nameEn: "Tokai Nanotech Manufacturing Cluster",
    themeJa: "先進プラズマナノ科学・工学を核とした環境調和型高度機能部材の創製をめざして",
  }),
  continuing({
    no: 9,
    code: "kyoto",
    type: "global",
    subtypeJa: "第Ⅰ期",
    blockCode: "kinki",
    h: [20, 24],
    page: "P22",
    regionJa: "京都およびけいはんな学研地域",
    regionEn: "Kyoto and the Keihanna Science City area",
    nameJa: "京都環境ナノクラスター",
    nameEn: "Kyoto Environmental Nanotechnology Cluster",
    themeJa: "地球環境問題解決に貢献するナノテクノロジーを基盤に高機能部材開発の世界拠点の形成",
  }),
  // グローバル型（グローバル拠点育成）
  continuing({
    no: 10,
    code: "yamaguchi",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "chugoku",
    h: [21, 25],
    page: "P38",
    regionJa: "山口地域",
    regionEn: "Yamaguchi",
    nameJa: "やまぐちグリーン部材クラスター",
    nameEn: "Yamaguchi Green Materials Cluster",
    themeJa: "省資源・省エネルギーグリーン部材の世界最先端拠点（グリーンバレー）の形成",
  }),
  continuing({
    no: 11,
    code: "kurume",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "kyushu",
    h: [21, 25],
    page: "P42",
    regionJa: "久留米地域",
    regionEn: "Kurume",
    nameJa: "久留米高度先端医療開発クラスター",
    nameEn: "Kurume Advanced Medical Development Cluster",
    themeJa: "がんペプチドワクチンを核とする世界の高度先端医療開発拠点の形成",
  }),
  continuing({
    no: 12,
    code: "hakodate",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "hokkaido",
    h: [21, 25],
    page: "P28",
    regionJa: "函館地域",
    regionEn: "Hakodate",
    nameJa: "函館マリンバイオクラスター ~UMI(Universal Marine Industry)のグリーン・イノベーション~",
    nameEn: "Hakodate Marine Bio Cluster: Green Innovation of UMI (Universal Marine Industry)",
    themeJa: "海を貴重な資源を生み出す巨大な生産システムと捉え、持続的に発展可能なマリン産業クラスター形成を目指す",
  }),
  continuing({
    no: 13,
    code: "tokushima",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "shikoku",
    h: [21, 25],
    page: "P40",
    regionJa: "徳島地域",
    regionEn: "Tokushima",
    nameJa: "徳島 健康・医療クラスター",
    nameEn: "Tokushima Health and Medical Cluster",
    themeJa: "「世界レベルの糖尿病研究開発臨床拠点」の形成",
  }),
  continuing({
    no: 14,
    code: "iwate-kamaishi",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "tohoku",
    h: [22, 24],
    page: "P30",
    regionJa: "いわて県央・釜石地域",
    regionEn: "Central Iwate and Kamaishi",
    nameJa: "いわて県央・釜石コバルト新合金クラスター",
    nameEn: "Central Iwate and Kamaishi New Cobalt Alloy Cluster",
    themeJa: "「いわて発」高付加価値コバルト合金によるイノベーションクラスターの形成",
  }),
  continuing({
    no: 15,
    code: "fukushima",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "tohoku",
    h: [22, 24],
    page: "P32",
    regionJa: "ふくしま地域",
    regionEn: "Fukushima",
    nameJa: "ふくしま次世代医療産業集積クラスター",
    nameEn: "Fukushima Next-Generation Medical Industry Cluster",
    themeJa:
      "Haptic-Optical技術による優しさと安全性を備えた先端医療機器の開発 ~世界に誇れる医療機器設計・製造ハブ拠点の形成に向けて~",
  }),
  continuing({
    no: 16,
    code: "fuji",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "kanto",
    h: [22, 24],
    page: "P34",
    regionJa: "富士山麓地域",
    regionEn: "Mount Fuji foothills",
    nameJa: "富士山麓ファルマバレークラスター",
    nameEn: "Mount Fuji Pharma Valley Cluster",
    themeJa: "先端的ながん診療技術の開発によるファルマバレー・メディカルクラスターの形成",
  }),
  continuing({
    no: 17,
    code: "biwako",
    type: "global",
    subtypeJa: "グローバル拠点育成",
    blockCode: "kinki",
    h: [22, 24],
    page: "P36",
    regionJa: "びわこ南部地域",
    regionEn: "Southern Lake Biwa",
    nameJa: "しが医工連携ものづくりクラスター",
    nameEn: "Shiga Medical-Engineering Manufacturing Cluster",
    themeJa: "「いつでも・どこでも高度先端医療」を実現する診断・治療技術の開発",
  }),
  // 都市エリア型（一般）
  continuing({
    no: 18,
    code: "ishikawa",
    type: "city",
    subtypeJa: "一般",
    blockCode: "hokuriku",
    h: [21, 23],
    page: "P45",
    regionJa: "石川県央・北部エリア",
    regionEn: "Central and Northern Ishikawa Area",
    themeJa: "地域伝統発酵食品に学ぶ先進的発酵システム構築と新規高機能食品開発",
  }),
  continuing({
    no: 19,
    code: "ehime-nanyo",
    type: "city",
    subtypeJa: "一般",
    blockCode: "shikoku",
    h: [21, 23],
    page: "P48",
    regionJa: "愛媛県南予エリア",
    regionEn: "Nanyo Area, Ehime",
    themeJa: "持続可能な「えひめ発」日本型養殖モデルの創出",
  }),
  continuing({
    no: 20,
    code: "shinjiko-nakaumi",
    type: "city",
    subtypeJa: "一般",
    blockCode: "chugoku",
    h: [21, 23],
    page: "P47",
    regionJa: "宍道湖・中海エリア",
    regionEn: "Lake Shinji and Nakaumi Area",
    themeJa: "環境にやさしい材料を用いた次世代照明デバイス・新エネルギー関連技術による新産業の創出",
  }),
  continuing({
    no: 21,
    code: "fukuoka-chikushi",
    type: "city",
    subtypeJa: "一般",
    blockCode: "kyushu",
    h: [21, 23],
    page: "P49",
    regionJa: "ふくおか筑紫エリア",
    regionEn: "Fukuoka Chikushi Area",
    themeJa: "ナノ構造制御材料を活用した自動車分野における高機能部品開発拠点の形成",
  }),
  continuing({
    no: 22,
    code: "wakayama",
    type: "city",
    subtypeJa: "一般",
    blockCode: "kinki",
    h: [21, 23],
    page: "P46",
    regionJa: "和歌山県紀北紀中エリア",
    regionEn: "Kihoku-Kichu Area, Wakayama",
    themeJa: "和歌山の特産果実と独自技術を活用した新機能性食品・素材の開発",
  }),
  // 都市エリア型（発展）
  continuing({
    no: 23,
    code: "tsuruoka-shonai",
    type: "city",
    subtypeJa: "発展",
    blockCode: "tohoku",
    h: [21, 23],
    page: "P44",
    regionJa: "鶴岡庄内エリア",
    regionEn: "Tsuruoka Shonai Area",
    themeJa: "機能評価システムの構築と地域農産物を活用した高機能食産業クラスターの形成",
  }),
  continuing({
    no: 24,
    code: "gifu-south",
    type: "city",
    subtypeJa: "発展",
    blockCode: "chubu",
    h: [21, 23],
    page: "P54",
    regionJa: "岐阜県南部エリア",
    regionEn: "Southern Gifu Area",
    themeJa: "モノづくり技術とITを活用した高度医療機器の開発",
  }),
  continuing({
    no: 25,
    code: "kazusa-chiba",
    type: "city",
    subtypeJa: "発展",
    blockCode: "kanto",
    h: [21, 25],
    page: "P52",
    regionJa: "かずさ・千葉エリア",
    regionEn: "Kazusa and Chiba Area",
    themeJa: "先端ゲノム解析技術を基礎とした免疫・アレルギー疾患克服のための産学官連携クラスター形成",
  }),
  continuing({
    no: 26,
    code: "tokachi",
    type: "city",
    subtypeJa: "発展",
    blockCode: "hokkaido",
    h: [21, 25],
    page: "P50",
    regionJa: "十勝エリア",
    regionEn: "Tokachi Area",
    themeJa: "食の機能性・安全性に関する高度な技術開発とその事業化によるアグリ・バイオクラスターの形成",
  }),
  continuing({
    no: 27,
    code: "hirosaki",
    type: "city",
    subtypeJa: "発展",
    blockCode: "tohoku",
    h: [22, 24],
    page: "P51",
    regionJa: "弘前エリア",
    regionEn: "Hirosaki Area",
    themeJa: "プロテオグリカンをコアとした津軽ヘルス&ビューティー産業クラスターの創生",
  }),
  continuing({
    no: 28,
    code: "saitama-kenou",
    type: "city",
    subtypeJa: "発展",
    blockCode: "kanto",
    h: [22, 24],
    page: "P53",
    regionJa: "埼玉・圏央エリア",
    regionEn: "Saitama Ken-O Area",
    themeJa: "高速分子進化技術を核とするバイオ・ものづくりクラスターの形成",
  }),
  continuing({
    no: 29,
    code: "yonago-sakaiminato",
    type: "city",
    subtypeJa: "発展",
    blockCode: "chugoku",
    h: [22, 24],
    page: "P55",
    regionJa: "米子・境港エリア",
    regionEn: "Yonago and Sakaiminato Area",
    themeJa: "創薬及び食品機能性評価モデル動物等の開発に係る染色体工学研究拠点形成",
  }),
];

export const seedClusters: ClusterRow[] = [...seedKnowledgeClusters, ...seedIndustrialClusters, ...seedContinuingAreas];
