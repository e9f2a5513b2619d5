/** The domain's words as people read them (pages, feeds, CSV, mails), in Japanese and English side by side. */
import { words } from "./words.ts";

/** The kinds of event (db/schema/events.ts EVENT_KINDS), as the calendars and pages name them. */
export const KIND_WORDS = words({
  ja: {
    block_council: "地域ブロック協議会",
    promotion_council: "地域クラスター推進協議会",
    joint_presentation: "合同成果発表会",
    seminar: "地域クラスターセミナー",
    forum: "地域クラスターフォーラム",
    techno_fair: "クラスタージャパン／テクノフェア",
    conference: "産学官連携推進会議ほか",
    briefing: "説明会・研修",
  },
  en: {
    block_council: "Block council meetings",
    promotion_council: "Promotion council meetings",
    joint_presentation: "Joint result presentations",
    seminar: "Regional cluster seminars",
    forum: "Regional cluster forums",
    techno_fair: "Cluster Japan and techno-fair",
    conference: "Collaboration conferences",
    briefing: "Briefings and training",
  },
});

/** A registrant's sector (db/schema/registrations.ts). */
export const SECTOR_WORDS = words({
  ja: { industry: "産業界", academia: "大学等", government: "官公庁", other: "その他" },
  en: { industry: "Industry", academia: "Academia", government: "Government", other: "Other" },
});

/** A registration's status (db/schema/registrations.ts). */
export const STATUS_WORDS = words({
  ja: { confirmed: "参加確定", waitlisted: "キャンセル待ち", cancelled: "キャンセル済み" },
  en: { confirmed: "Confirmed", waitlisted: "Waiting list", cancelled: "Cancelled" },
});

/** The languages a registrant may be written to in. */
export const LOCALE_WORDS = words({
  ja: { ja: "日本語", en: "英語" },
  en: { ja: "Japanese", en: "English" },
});
