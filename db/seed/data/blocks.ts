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

/** JIS X 0401 order. */
export const seedPrefectures: PrefectureRow[] = [
  { code: "01", nameJa: "北海道", nameEn: "Hokkaido", blockCode: "hokkaido" },
  { code: "02", nameJa: "青森県", nameEn: "Aomori", blockCode: "tohoku" },
  { code: "03", nameJa: "岩手県", nameEn: "Iwate", blockCode: "tohoku" },
  { code: "04", nameJa: "宮城県", nameEn: "Miyagi", blockCode: "tohoku" },
  { code: "05", nameJa: "秋田県", nameEn: "Akita", blockCode: "tohoku" },
  { code: "06", nameJa: "山形県", nameEn: "Yamagata", blockCode: "tohoku" },
  { code: "07", nameJa: "福島県", nameEn: "Fukushima", blockCode: "tohoku" },
  { code: "08", nameJa: "茨城県", nameEn: "Ibaraki", blockCode: "kanto" },
  { code: "09", nameJa: "栃木県", nameEn: "Tochigi", blockCode: "kanto" },
  { code: "10", nameJa: "群馬県", nameEn: "Gunma", blockCode: "kanto" },
  { code: "11", nameJa: "埼玉県", nameEn: "Saitama", blockCode: "kanto" },
  { code: "12", nameJa: "千葉県", nameEn: "Chiba", blockCode: "kanto" },
  { code: "13", nameJa: "東京都", nameEn: "Tokyo", blockCode: "kanto" },
  { code: "14", nameJa: "神奈川県", nameEn: "Kanagawa", blockCode: "kanto" },
  { code: "15", nameJa: "新潟県", nameEn: "Niigata", blockCode: "kanto" },
  { code: "16", nameJa: "富山県", nameEn: "Toyama", blockCode: "hokuriku" },
  { code: "17", nameJa: "石川県", nameEn: "Ishikawa", blockCode: "hokuriku" },
  { code: "18", nameJa: "福井県", nameEn: "Fukui", blockCode: "hokuriku" },
  { code: "19", nameJa: "山梨県", nameEn: "Yamanashi", blockCode: "kanto" },
  { code: "20", nameJa: "長野県", nameEn: "Nagano", blockCode: "kanto" },
  { code: "21", nameJa: "岐阜県", nameEn: "Gifu", blockCode: "chubu" },
  { code: "22", nameJa: "静岡県", nameEn: "Shizuoka", blockCode: "kanto" },
  { code: "23", nameJa: "愛知県", nameEn: "Aichi", blockCode: "chubu" },
  { code: "24", nameJa: "三重県", nameEn: "Mie", blockCode: "chubu" },
  { code: "25", nameJa: "滋賀県", nameEn: "Shiga", blockCode: "kinki" },
  { code: "26", nameJa: "京都府", nameEn: "Kyoto", blockCode: "kinki" },
  { code: "27", nameJa: "大阪府", nameEn: "Osaka", blockCode: "kinki" },
  { code: "28", nameJa: "兵庫県", nameEn: "Hyogo", blockCode: "kinki" },
  { code: "29", nameJa: "奈良県", nameEn: "Nara", blockCode: "kinki" },
  { code: "30", nameJa: "和歌山県", nameEn: "Wakayama", blockCode: "kinki" },
  { code: "31", nameJa: "鳥取県", nameEn: "Tottori", blockCode: "chugoku" },
  { code: "32", nameJa: "島根県", nameEn: "Shimane", blockCode: "chugoku" },
  { code: "33", nameJa: "岡山県", nameEn: "Okayama", blockCode: "chugoku" },
  { code: "34", nameJa: "広島県", nameEn: "Hiroshima", blockCode: "chugoku" },
  { code: "35", nameJa: "山口県", nameEn: "Yamaguchi", blockCode: "chugoku" },
  { code: "36", nameJa: "徳島県", nameEn: "Tokushima", blockCode: "shikoku" },
  { code: "37", nameJa: "香川県", nameEn: "Kagawa", blockCode: "shikoku" },
  { code: "38", nameJa: "愛媛県", nameEn: "Ehime", blockCode: "shikoku" },
  { code: "39", nameJa: "高知県", nameEn: "Kochi", blockCode: "shikoku" },
  { code: "40", nameJa: "福岡県", nameEn: "Fukuoka", blockCode: "kyushu" },
  { code: "41", nameJa: "佐賀県", nameEn: "Saga", blockCode: "kyushu" },
  { code: "42", nameJa: "長崎県", nameEn: "Nagasaki", blockCode: "kyushu" },
  { code: "43", nameJa: "熊本県", nameEn: "Kumamoto", blockCode: "kyushu" },
  { code: "44", nameJa: "大分県", nameEn: "Oita", blockCode: "kyushu" },
  { code: "45", nameJa: "宮崎県", nameEn: "Miyazaki", blockCode: "kyushu" },
  { code: "46", nameJa: "鹿児島県", nameEn: "Kagoshima", blockCode: "kyushu" },
  { code: "47", nameJa: "沖縄県", nameEn: "Okinawa", blockCode: "okinawa" },
];
