/**
 * The 10 regional blocks of the regional S&T promotion councils (地域科学技術振興協議会, the block
 * councils; doc 001: 「全国１０ブロックにおいて年１～２回程度開催」) and the 47 prefectures.
 *
 * The prefecture → block split is the product's own choice, not a mapping any document or ministry
 * gives: the seeds README lists the 10 blocks (Hokkaido … Okinawa) but not their prefectures, and
 * METI's own regional bureaus divide the country differently (METI Kinki covers Fukui; METI Chubu
 * covers Toyama and Ishikawa with Aichi, Gifu and Mie; METI Kanto covers Niigata, Yamanashi, Nagano
 * and Shizuoka). Which documents support which placement:
 * - Hokuriku as a block of its own: doc 001 prints 「北陸ブロック地域科学技術振興協議会」; Toyama
 *   (富山・高岡地域) and Ishikawa (金沢地域) have their own council, 北陸地域クラスター推進会議, in the
 *   000/003 table, and doc 004 names 富山・石川地域 as one area. Those documents tie them to METI Chubu
 *   (000/003 bureau column; 002 lists 北陸ものづくり創生プロジェクト under 中部), so putting them in
 *   Hokuriku rather than Chubu is the product's choice, made after the block council.
 * - Fukui in Hokuriku: no document places Fukui anywhere; it is the product's choice (METI has it in Kinki).
 * - Nagano (長野・上田地域) and Shizuoka (浜松地域) in Kanto: 000/003 tie them to METI Kanto.
 * - Niigata and Yamanashi in Kanto: no document; they follow METI Kanto's area (広域関東圏, doc 002).
 * - Gifu (岐阜・大垣地域) and Aichi (名古屋地域) in Chubu (Tokai): 000/003 (METI Chubu, 東海地域クラスター
 *   推進会議); Mie: doc 002 lists 愛知県、岐阜県、三重県、名古屋市 together for the Tokai hub.
 * - Kyoto (京都地域, 関西文化学術研究都市地域), Osaka and Hyogo (大阪北部, 神戸地域) in Kinki: 000/003
 *   (METI Kansai); Shiga, Nara and Wakayama: no document places them (004 names a Wakayama area, not its block).
 * - The other blocks (Hokkaido, Tohoku, Chugoku, Shikoku, Kyushu, Okinawa) match the METI bureau
 *   of the same name in 000/003 and 002; which prefectures each has is not printed in the documents.
 * Organisers can edit blocks and their prefectures afterwards; seeding never overwrites edits.
 */
import { PREFECTURES } from "../../../lib/prefectures.ts";
import type { blocks, prefectures } from "../../schema/reference.ts";

export type BlockCode =
  "hokkaido" | "tohoku" | "kanto" | "chubu" | "hokuriku" | "kinki" | "chugoku" | "shikoku" | "kyushu" | "okinawa";

type BlockRow = typeof blocks.$inferInsert & { code: BlockCode };
type PrefectureRow = typeof prefectures.$inferInsert & { blockCode: BlockCode };

export const seedBlocks: BlockRow[] = [
  { code: "hokkaido", nameJa: "北海道", nameEn: "Hokkaido", sortOrder: 1, councilCadence: 2 },
  { code: "tohoku", nameJa: "東北", nameEn: "Tohoku", sortOrder: 2, councilCadence: 2 },
  { code: "kanto", nameJa: "関東", nameEn: "Kanto", sortOrder: 3, councilCadence: 2 },
  { code: "chubu", nameJa: "中部（東海）", nameEn: "Chubu (Tokai)", sortOrder: 4, councilCadence: 2 },
  { code: "hokuriku", nameJa: "北陸", nameEn: "Hokuriku", sortOrder: 5, councilCadence: 2 },
  { code: "kinki", nameJa: "近畿", nameEn: "Kinki", sortOrder: 6, councilCadence: 2 },
  { code: "chugoku", nameJa: "中国", nameEn: "Chugoku", sortOrder: 7, councilCadence: 2 },
  { code: "shikoku", nameJa: "四国", nameEn: "Shikoku", sortOrder: 8, councilCadence: 2 },
  { code: "kyushu", nameJa: "九州", nameEn: "Kyushu", sortOrder: 9, councilCadence: 2 },
  { code: "okinawa", nameJa: "沖縄", nameEn: "Okinawa", sortOrder: 10, councilCadence: 2 },
];

/** JIS X 0401 order: each prefecture (its names in lib/prefectures.ts) and its block. */
const PLACEMENT: Record<string, BlockCode> = {
  "01": "hokkaido", // 北海道
  "02": "tohoku", // 青森県
  "03": "tohoku", // 岩手県
  "04": "tohoku", // 宮城県
  "05": "tohoku", // 秋田県
  "06": "tohoku", // 山形県
  "07": "tohoku", // 福島県
  "08": "kanto", // 茨城県
  "09": "kanto", // 栃木県
  "10": "kanto", // 群馬県
  "11": "kanto", // 埼玉県
  "12": "kanto", // 千葉県
  "13": "kanto", // 東京都
  "14": "kanto", // 神奈川県
  "15": "kanto", // 新潟県
  "16": "hokuriku", // 富山県
  "17": "hokuriku", // 石川県
  "18": "hokuriku", // 福井県
  "19": "kanto", // 山梨県
  "20": "kanto", // 長野県
  "21": "chubu", // 岐阜県
  "22": "kanto", // 静岡県
  "23": "chubu", // 愛知県
  "24": "chubu", // 三重県
  "25": "kinki", // 滋賀県
  "26": "kinki", // 京都府
  "27": "kinki", // 大阪府
  "28": "kinki", // 兵庫県
  "29": "kinki", // 奈良県
  "30": "kinki", // 和歌山県
  "31": "chugoku", // 鳥取県
  "32": "chugoku", // 島根県
  "33": "chugoku", // 岡山県
  "34": "chugoku", // 広島県
  "35": "chugoku", // 山口県
  "36": "shikoku", // 徳島県
  "37": "shikoku", // 香川県
  "38": "shikoku", // 愛媛県
  "39": "shikoku", // 高知県
  "40": "kyushu", // 福岡県
  "41": "kyushu", // 佐賀県
  "42": "kyushu", // 長崎県
  "43": "kyushu", // 熊本県
  "44": "kyushu", // 大分県
  "45": "kyushu", // 宮崎県
  "46": "kyushu", // 鹿児島県
  "47": "okinawa", // 沖縄県
};

export const seedPrefectures: PrefectureRow[] = PREFECTURES.map((p) => ({ ...p, blockCode: PLACEMENT[p.code]! }));
