/**
 * Past events quoted from the source documents (db/seed/sources, copies of shared/seeds). Dates are Tokyo-local calendar
 * days; none of the documents gives a time of day, so every event is all-day and is stored as
 * [first day 00:00, day after the last day 00:00) in Asia/Tokyo (see seed.ts).
 *
 * Where a document gives only the month (the FY2003 joint conferences of the 000/003 table:
 * 平成16年3月 etc.), `precision` is "month" (stored as datePrecision): the stored range is that
 * whole month, never an invented day, and pages show 2004年3月 / March 2004. Events the documents
 * do not date at all (the FY2008 seminars in Shimane and Ehime) are not stored as events: see the
 * Fukushima seminar. `source` names the document the facts are quoted from, and is stored.
 *
 * Participant numbers (約200名, 約500名) are what happened, so they are `attendance` with
 * `attendanceApprox` for 約, never `capacity` (no document gives a capacity: it is null).
 * Exhibitor counts go into the description.
 *
 * `venueEn` is the venue's own English name. The English source (003) names no venue, so these
 * are the names the venues use for themselves: Pacifico Yokohama (パシフィコ横浜), Big Palette
 * Fukushima (ビッグパレットふくしま), Kyoto International Conference Center (国立京都国際会館).
 */
import type { EventKind } from "../../schema/events.ts";
import type { BlockCode } from "./blocks.ts";
import { MONTH_NAMES_EN } from "../../../lib/calendar-words.ts";

/** YYYY-MM-DD, a Tokyo calendar day. */
type Day = `${number}-${number}-${number}`;

export type SeedEvent = {
  slug: string;
  kind: EventKind;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  blockCode: BlockCode | null;
  venue: string | null;
  /** The venue's English name; English pages and feeds show it. */
  venueEn: string | null;
  /** Japanese name, e.g. 神奈川県. */
  prefecture: string | null;
  /** First day. */
  startDate: Day;
  /** Last day, inclusive. */
  lastDate: Day;
  precision: "day" | "month";
  capacity: number | null;
  /** How many took part, where a document says (約200名: 200, approx). */
  attendance: number | null;
  attendanceApprox: boolean;
  /** Which document the facts are quoted from; "product-brief" where they are the product brief's, not a document's. */
  source: string;
  /** false for a council event that is not a meeting (the launch): compliance does not count it. */
  countsAsMeeting?: boolean;
};

// ---------------------------------------------------------------------------------------------
// FY2003 (平成15年度) joint result presentations, region by region: the 「合同成果発表会（平成15年度
// 実績）」 column of the 000 table, English titles from 003 (OCR typos corrected). Only the month is
// given. The Sapporo row lists two events. Venues are not given; the prefecture is set only where
// the title names a place (「in 信州」 = Nagano, 「（東京）」 = Tokyo).
// ---------------------------------------------------------------------------------------------
type Fy2003 = {
  slug: string;
  titleJa: string;
  titleEn: string;
  blockCode: BlockCode;
  /** Knowledge cluster regions and council of the table row. */
  regionsJa: string;
  regionsEn: string;
  councilJa: string;
  year: number;
  month: number;
  prefecture?: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function fy2003(e: Fy2003): SeedEvent {
  const heisei = e.year - 1988;
  return {
    slug: e.slug,
    kind: "joint_presentation",
    titleJa: e.titleJa,
    titleEn: e.titleEn,
    descriptionJa:
      `知的クラスター創成事業と産業クラスター計画の合同成果発表会（平成15年度実績）。` +
      `対象地域：${e.regionsJa}。協議会：${e.councilJa}。` +
      `開催日は資料に記載がなく、平成${heisei}年${e.month}月開催とのみ判明。`,
    descriptionEn:
      `Joint conference announcing the results of the Knowledge Cluster Initiative and the Industrial Cluster Project (actual record for FY2003). ` +
      `Regions: ${e.regionsEn}. ` +
      `The day is not recorded; the source gives only ${MONTH_NAMES_EN[e.month - 1]} ${e.year}.`,
    blockCode: e.blockCode,
    venue: null,
    venueEn: null,
    prefecture: e.prefecture ?? null,
    startDate: `${e.year}-${pad(e.month)}-01` as Day,
    lastDate: `${e.year}-${pad(e.month)}-${pad(lastDayOfMonth(e.year, e.month))}` as Day,
    precision: "month",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "000/003",
  };
}

export const seedFy2003JointPresentations: SeedEvent[] = [
  fy2003({
    slug: "fy2003-hokkaido-it-cluster-forum-joint-presentation",
    titleJa: "北海道情報産業クラスター・フォーラム&知的クラスター創成事業合同成果発表会",
    titleEn: "Hokkaido IT Cluster Forum and Knowledge Cluster Initiative Joint Project Results Announcement Conference",
    blockCode: "hokkaido",
    regionsJa: "札幌地域（北海道経済産業局）",
    regionsEn: "Sapporo (METI Hokkaido)",
    councilJa: "北海道ITクラスター推進協議会",
    year: 2004,
    month: 3,
  }),
  fy2003({
    slug: "fy2003-collaboration-forum-2003",
    titleJa: "コラボレーションフォーラム2003",
    titleEn: "Collaboration Forum 2003",
    blockCode: "hokkaido",
    regionsJa: "札幌地域（北海道経済産業局）",
    regionsEn: "Sapporo (METI Hokkaido)",
    councilJa: "北海道ITクラスター推進協議会",
    year: 2003,
    month: 9,
  }),
  fy2003({
    slug: "fy2003-tohoku-cluster-collaboration-2004",
    titleJa: "2004 TOHOKU クラスターコラボレーション",
    titleEn: "2004 Tohoku Cluster Collaboration",
    blockCode: "tohoku",
    regionsJa: "仙台地域（東北経済産業局）",
    regionsEn: "Sendai (METI Tohoku)",
    councilJa: "東北地域クラスター推進会議",
    year: 2004,
    month: 3,
  }),
  fy2003({
    slug: "fy2003-joint-presentation-2003-in-shinshu",
    titleJa: "知的クラスター・産業クラスター合同成果発表会2003 in 信州",
    titleEn: "Knowledge Cluster/Industrial Cluster Joint Result Announcement Conference 2003 in Shinshu",
    blockCode: "kanto",
    regionsJa: "長野・上田地域（関東経済産業局）",
    regionsEn: "Nagano/Ueda (METI Kanto)",
    councilJa: "ナノテク・フォーラム長野",
    year: 2003,
    month: 9,
    prefecture: "長野県",
  }),
  fy2003({
    slug: "fy2003-optronics-hamamatsu-forum-2004",
    titleJa: "オプトロニクスはままつフォーラム2004",
    titleEn: "Optronics Hamamatsu Forum 2004",
    blockCode: "kanto",
    regionsJa: "浜松地域（関東経済産業局）",
    regionsEn: "Hamamatsu (METI Kanto)",
    councilJa: "浜松地域クラスター推進協議会",
    year: 2004,
    month: 3,
  }),
  fy2003({
    slug: "fy2003-hokuriku-cluster-forum",
    titleJa: "北陸地域クラスターフォーラム",
    titleEn: "Hokuriku Region Cluster Forum",
    blockCode: "hokuriku",
    regionsJa: "富山・高岡地域、金沢地域（中部経済産業局）",
    regionsEn: "Toyama/Takaoka and Kanazawa (METI Chubu)",
    councilJa: "北陸地域クラスター推進会議",
    year: 2004,
    month: 2,
  }),
  fy2003({
    slug: "fy2003-tokai-monozukuri-cluster-forum-2004",
    titleJa: "東海ものづくりクラスターフォーラム 2004",
    titleEn: "Tokai Manufacturing Cluster Forum 2004",
    blockCode: "chubu",
    regionsJa: "岐阜・大垣地域、名古屋地域（中部経済産業局）",
    regionsEn: "Gifu/Ogaki and Nagoya (METI Chubu)",
    councilJa: "東海地域クラスター推進会議",
    year: 2004,
    month: 2,
  }),
  fy2003({
    slug: "fy2003-kinki-cluster-joint-presentation",
    titleJa: "近畿地域クラスター合同成果発表会",
    titleEn: "Kinki Region Cluster Joint Presentation Conference",
    blockCode: "kinki",
    regionsJa: "京都地域、関西文化学術研究都市地域（近畿経済産業局）",
    regionsEn: "Kyoto and Kansai Science City (METI Kansai)",
    councilJa: "近畿地域クラスター推進会議",
    year: 2004,
    month: 2,
  }),
  fy2003({
    slug: "fy2003-kansai-wide-cluster-joint-presentation",
    titleJa: "関西広域クラスター合同成果発表会",
    titleEn: "Kansai Wide Area Cluster Joint Result Announcement Conference",
    blockCode: "kinki",
    regionsJa: "大阪北部（彩都）地域、神戸地域（近畿経済産業局）",
    regionsEn: "Saito (northern Osaka) and Kobe (METI Kansai)",
    councilJa: "関西広域クラスター合同本部会議（大阪、神戸合同）",
    year: 2004,
    month: 3,
  }),
  fy2003({
    slug: "fy2003-hiroshima-iag-fair-tokyo",
    titleJa: "広島産学官連携フェア（東京）",
    titleEn: "Hiroshima Academia-Industry-Government Cooperation Fair [Tokyo]",
    blockCode: "chugoku",
    regionsJa: "広島地域（中国経済産業局）",
    regionsEn: "Hiroshima (METI Chugoku)",
    councilJa: "中国地域産学官コラボレーション会議",
    year: 2003,
    month: 10,
    prefecture: "東京都",
  }),
  fy2003({
    slug: "fy2003-yamaguchi-ube-research-results-2003",
    titleJa: "やまぐち・うべ・メディカル・イノベーション・クラスター「研究成果発表会 2003」",
    titleEn: 'Yamaguchi Ube Medical Innovation Cluster "Research Result Announcement Conference 2003"',
    blockCode: "chugoku",
    regionsJa: "宇部地域（中国経済産業局）",
    regionsEn: "Ube (METI Chugoku)",
    councilJa: "知的クラスター推進協議会",
    year: 2003,
    month: 11,
  }),
  fy2003({
    slug: "fy2003-shikoku-iag-project-results",
    titleJa: "四国産学官連携プロジェクト成果発表会",
    titleEn: "Shikoku Industry-Academia-Government Cooperative Project Result Announcement Conference",
    blockCode: "shikoku",
    regionsJa: "徳島地域、高松地域（四国経済産業局）",
    regionsEn: "Tokushima and Takamatsu (METI Shikoku)",
    councilJa: "徳島地域クラスター推進協議会、希少糖プロジェクト戦略委員会",
    year: 2004,
    month: 2,
  }),
  fy2003({
    slug: "fy2003-synergy-kyushu-2003",
    titleJa: "Synergy Kyushu 2003",
    titleEn: "Synergy Kyushu 2003",
    blockCode: "kyushu",
    regionsJa: "福岡地域、北九州学術研究都市地域（九州経済産業局）",
    regionsEn: "Fukuoka and Kitakyushu Science and Research Park (METI Kyushu)",
    councilJa: "九州広域クラスター推進会議（福岡、北九州合同）",
    year: 2003,
    month: 5,
  }),
];

// ---------------------------------------------------------------------------------------------
// Other dated events.
// ---------------------------------------------------------------------------------------------
export const seedOtherEvents: SeedEvent[] = [
  {
    // The launch date 2005-03-11 and the 8 founding offices come from the product brief (the seeds
    // README), not from the source documents: source "product-brief". A launch is not one of the
    // council's meetings, so FY2004 compliance does not count it (countsAsMeeting: false).
    slug: "kanto-block-council-launch-2005",
    kind: "block_council",
    titleJa: "関東ブロック地域科学技術振興協議会 発足",
    titleEn: "Launch of the Kanto Block Regional Science and Technology Promotion Council",
    descriptionJa:
      "関東ブロックの地域科学技術振興協議会が、関東総合通信局、文部科学省、関東農政局、関東経済産業局、関東地方整備局、中部地方整備局、関東運輸局、関東地方環境事務所の8機関の長により発足。" +
      "発足日と構成機関は本システムの製品概要によるもので、出典資料には記載がありません。",
    descriptionEn:
      "The Kanto block regional S&T promotion council was launched by the heads of 8 regional branch offices: Kanto Bureau of Telecommunications, MEXT, Kanto Regional Agricultural Administration Office, METI Kanto, Kanto and Chubu Regional Development Bureaus, Kanto District Transport Bureau and Kanto Regional Environment Office. " +
      "The date and the founding offices are from this product's brief, not from the source documents.",
    blockCode: "kanto",
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2005-03-11",
    lastDate: "2005-03-11",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "product-brief",
    countsAsMeeting: false,
  },
  {
    // 001 photo caption 「産業クラスター・知的クラスター等の合同発表会（H18.2.15) 北陸ブロック地域科学技術振興協議会の出展ブース風景」:
    // the Hokuriku block council had a booth there. That says who exhibited, not where the
    // presentation was held, and no document says where: the block is left empty.
    slug: "industrial-knowledge-cluster-joint-presentation-2006-02-15",
    kind: "joint_presentation",
    titleJa: "産業クラスター・知的クラスター等の合同発表会",
    titleEn: "Joint Presentation of the Industrial Clusters, Knowledge Clusters and Others",
    descriptionJa:
      "産業クラスター・知的クラスター等の合同発表会。北陸ブロック地域科学技術振興協議会がブースを出展。開催地は資料に記載なし。",
    descriptionEn:
      "Joint presentation of the Industrial Clusters, Knowledge Clusters and related programmes; the Hokuriku block regional S&T promotion council had an exhibition booth. Where it was held is not recorded.",
    blockCode: null,
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2006-02-15",
    lastDate: "2006-02-15",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "001",
  },
  {
    // 001 photo caption 「H17近畿地域ブロック協議会風景（H18.2.23)」.
    slug: "kinki-block-council-fy2005-2006-02-23",
    kind: "block_council",
    titleJa: "平成17年度 近畿地域ブロック協議会",
    titleEn: "FY2005 Kinki Regional Block Council",
    descriptionJa:
      "近畿ブロックの地域ブロック協議会（平成17年度）。地域ブロック協議会は関係府省の出先機関と自治体等の責任者・担当者で構成し、ブロック内の連携状況の把握・連携強化について情報・意見交換を行う。",
    descriptionEn:
      "FY2005 meeting of the Kinki regional block council. The block councils bring together the heads and officers of the ministries' regional branch offices and of local governments to exchange information and views on cooperation in the block.",
    blockCode: "kinki",
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2006-02-23",
    lastDate: "2006-02-23",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "001",
  },
  {
    slug: "regional-cluster-forum-1-2007",
    kind: "forum",
    titleJa: "第1回 地域クラスターフォーラム",
    titleEn: "1st Regional Cluster Forum",
    descriptionJa:
      "地域のイニシアティブの下、各府省及び地域の取組意識の醸成を図るシンポジウム。全国の企業、大学、行政機関の担当者約200名が参加。",
    descriptionEn:
      "Symposium to build awareness in the ministries and the regions of cluster efforts under regional initiative. About 200 people from companies, universities and government bodies nationwide took part.",
    blockCode: null,
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2007-01-26",
    lastDate: "2007-01-26",
    precision: "day",
    capacity: null,
    attendance: 200, // 約200名
    attendanceApprox: true,
    source: "001",
  },
  {
    slug: "cluster-japan-2007",
    // Cluster Japan is held with the techno-fair (PRODUCT.md, seeds README), so it is that kind.
    kind: "techno_fair",
    titleJa: "クラスタージャパン2007",
    titleEn: "Cluster Japan 2007",
    descriptionJa:
      "文部科学省・経済産業省主催、科学技術連携施策群「地域科学技術クラスター」共催。クラスター活動の成功事例報告、パネルディスカッション。全国から約500名が参加（テクノフェアと同時開催）。",
    descriptionEn:
      "Organised by MEXT and METI, co-hosted by the regional S&T cluster policy group: success stories of cluster activities and a panel discussion. About 500 participants from all over Japan; held together with the techno-fair.",
    blockCode: null,
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2007-11-28",
    lastDate: "2007-11-28",
    precision: "day",
    capacity: null,
    attendance: 500, // 約500名
    attendanceApprox: true,
    source: "001, 002",
  },
  {
    slug: "regional-cluster-forum-2-2008",
    kind: "forum",
    titleJa: "第2回 地域クラスターフォーラム",
    titleEn: "2nd Regional Cluster Forum",
    descriptionJa:
      "地域のイニシアティブの下、各府省及び地域の取組意識の醸成を図るシンポジウム。全国の企業、大学、行政機関の担当者約200名が参加。",
    descriptionEn:
      "Symposium to build awareness in the ministries and the regions of cluster efforts under regional initiative. About 200 people from companies, universities and government bodies nationwide took part.",
    blockCode: null,
    venue: null,
    venueEn: null,
    prefecture: null,
    startDate: "2008-02-28",
    lastDate: "2008-02-28",
    precision: "day",
    capacity: null,
    attendance: 200, // 約200名
    attendanceApprox: true,
    source: "001",
  },
  // FY2008 regional cluster seminars: 「平成20年度は島根、福島及び愛媛の3ヶ所で実施」 (002). Only
  // Fukushima's date and venue are printed, so only Fukushima is an event; the Shimane and Ehime
  // seminars (known: FY2008, in those prefectures, nothing more) are recorded in its description
  // rather than stored with an invented day or a year-long placeholder that would show up in every
  // date-range query of FY2008. 002 prints the venue 「ビックパレットふくしま」; the venue's name is
  // ビッグパレットふくしま (Big Palette Fukushima), used here.
  {
    slug: "regional-cluster-seminar-fy2008-fukushima",
    kind: "seminar",
    titleJa: "地域クラスターセミナー（福島）",
    titleEn: "Regional Cluster Seminar (Fukushima)",
    descriptionJa:
      "地域の産学官関係者が地域のクラスター形成のための戦略等を議論するセミナー。平成20年度は島根、福島及び愛媛の3か所で実施（島根・愛媛の開催日と会場は資料に記載なし）。",
    descriptionEn:
      "Seminar where regional industry, academia and government discuss strategies for forming regional clusters; held in Shimane, Fukushima and Ehime in FY2008 (the dates and venues of the Shimane and Ehime seminars are not recorded).",
    blockCode: "tohoku",
    venue: "ビッグパレットふくしま",
    venueEn: "Big Palette Fukushima",
    prefecture: "福島県",
    startDate: "2008-11-20",
    lastDate: "2008-11-20",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "002",
  },
  {
    // 002 captions 「展示ブース 産学官の270機関が研究成果等の展示」 and 「クラスタージャパン2008テクノフェア
    // （平成20年12月2日～12月3日・パシフィコ横浜）」; the 270 is attributed to the techno-fair as the
    // seeds README does (the caption sits between this and the 8th collaboration conference).
    slug: "cluster-japan-2008-techno-fair",
    kind: "techno_fair",
    titleJa: "クラスタージャパン2008テクノフェア",
    titleEn: "Cluster Japan 2008 Techno-Fair",
    descriptionJa:
      "文部科学省・経済産業省の両省主催により、クラスター活動の成果を一堂に集めたクラスタージャパン2008のテクノフェア。産学官の270機関が研究成果等を展示。",
    descriptionEn:
      "Techno-fair of Cluster Japan 2008, organised by MEXT and METI to bring together the results of cluster activities. 270 industry, academia and government organisations exhibited their research results.",
    blockCode: "kanto",
    venue: "パシフィコ横浜",
    venueEn: "Pacifico Yokohama",
    prefecture: "神奈川県",
    startDate: "2008-12-02",
    lastDate: "2008-12-03",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "002",
  },
  {
    slug: "iag-collaboration-conference-8-2009",
    kind: "conference",
    titleJa: "第8回産学官連携推進会議",
    titleEn: "8th Industry-Academia-Government Collaboration Conference",
    descriptionJa:
      "メインテーマ「オープンイノベーション型の産学官連携による新たなる挑戦～環境・資源制約などの世界が直面する様々な制約への対応を成長の糧に～」。産学官連携功労者表彰（内閣総理大臣賞等11賞、17事例43名）、大学・研究機関・TLO・民間企業等による事例紹介、研究成果・試作品の展示。",
    descriptionEn:
      "Main theme: a new challenge through open-innovation industry-academia-government collaboration, turning the constraints the world faces, such as environmental and resource limits, into growth. Awards for contributors to collaboration (11 awards including the Prime Minister's Award; 17 cases, 43 people), case presentations and exhibitions of research results and prototypes by universities, research institutes, TLOs and companies.",
    blockCode: "kinki",
    venue: "国立京都国際会館",
    venueEn: "Kyoto International Conference Center",
    prefecture: "京都府",
    startDate: "2009-06-20",
    lastDate: "2009-06-21",
    precision: "day",
    capacity: null,
    attendance: null,
    attendanceApprox: false,
    source: "002",
  },
];

export const seedEvents: SeedEvent[] = [...seedFy2003JointPresentations, ...seedOtherEvents];
