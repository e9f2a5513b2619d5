/** Words for where an event is, how to get there, whom to ask and the privacy notice: ja and en side by side. */
import type { Lang } from "../../lib/format.ts";

const WORDS = {
  placeLegend: { ja: "会場・アクセス・問い合わせ先", en: "Place, access and contact" },
  address: { ja: "住所", en: "Address" },
  addressEn: { ja: "住所（英語）", en: "Address in English" },
  access: { ja: "アクセス（最寄り駅・行き方）", en: "Access (nearest station, directions) in Japanese" },
  accessEn: { ja: "アクセス（英語）", en: "Access in English" },
  accessTitle: { ja: "アクセス", en: "Access" },
  mapUrl: { ja: "地図のリンク（https://…）", en: "Map link (https://…)" },
  map: { ja: "地図を開く", en: "Open the map" },
  contact: { ja: "お問い合わせ", en: "Contact" },
  contactName: { ja: "問い合わせ先（担当・部署名）", en: "Contact (person or office)" },
  contactEmail: { ja: "問い合わせ先メールアドレス", en: "Contact e-mail" },
  contactPhone: { ja: "問い合わせ先電話番号", en: "Contact telephone" },
  privacyLegend: { ja: "個人情報の取扱い", en: "Personal data" },
  privacyNoticeJa: { ja: "個人情報の取扱いについて（日本語・空欄で既定の文面）", en: "Privacy notice in Japanese (empty: the default notice)" },
  privacyNoticeEn: { ja: "個人情報の取扱いについて（英語）", en: "Privacy notice in English" },
  consentRequired: { ja: "登録時に同意を求める", en: "Ask registrants to agree" },
  privacyTitle: { ja: "個人情報の取扱いについて", en: "How your personal data is handled" },
  consent: { ja: "上記「個人情報の取扱いについて」に同意します", en: "I agree to how my personal data is handled, as described above" },
  consentMissing: { ja: "登録には同意が必要です", en: "Please agree to register" },
} as const;

export type PlaceWord = keyof typeof WORDS;
export const placeWord = (key: PlaceWord, lang: Lang): string => WORDS[key][lang];
