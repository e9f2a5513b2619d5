import type { RegistrationStatus, Sector } from "../../db/schema/registrations.ts";

type Lang = "ja" | "en";

/** Domain words of registration, as people read them (pages, CSV, mails). */
export const SECTOR_WORDS: Record<Lang, Record<Sector, string>> = {
  ja: { industry: "産業界", academia: "大学等", government: "官公庁", other: "その他" },
  en: { industry: "Industry", academia: "Academia", government: "Government", other: "Other" },
};

export const STATUS_WORDS: Record<Lang, Record<RegistrationStatus, string>> = {
  ja: { confirmed: "参加確定", waitlisted: "キャンセル待ち", cancelled: "キャンセル済み" },
  en: { confirmed: "Confirmed", waitlisted: "Waiting list", cancelled: "Cancelled" },
};

export const LOCALE_WORDS: Record<Lang, Record<Lang, string>> = {
  ja: { ja: "日本語", en: "英語" },
  en: { ja: "Japanese", en: "English" },
};
