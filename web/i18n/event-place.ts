/** Words for where an event is, how to get there, whom to ask and the privacy notice: ja and en side by side. */
import type { Lang } from "../../lib/format.ts";
import { words } from "../../lib/words.ts";

export const PLACE_WORDS = words({
  ja: {
    placeLegend: "会場・アクセス・問い合わせ先",
    address: "住所",
    addressEn: "住所（英語）",
    access: "アクセス（最寄り駅・行き方）",
    accessEn: "アクセス（英語）",
    accessTitle: "アクセス",
    mapUrl: "地図のリンク（https://…）",
    map: "地図を開く",
    contact: "お問い合わせ",
    contactName: "問い合わせ先（担当・部署名）",
    contactEmail: "問い合わせ先メールアドレス",
    contactPhone: "問い合わせ先電話番号",
    privacyLegend: "個人情報の取扱い",
    privacyNoticeJa: "個人情報の取扱いについて（日本語・空欄で既定の文面）",
    privacyNoticeEn: "個人情報の取扱いについて（英語）",
    consentRequired: "登録時に同意を求める",
    privacyTitle: "個人情報の取扱いについて",
    consent: "上記「個人情報の取扱いについて」に同意します",
    consentMissing: "登録には同意が必要です",
  },
  en: {
    placeLegend: "Place, access and contact",
    address: "Address",
    addressEn: "Address in English",
    access: "Access (nearest station, directions) in Japanese",
    accessEn: "Access in English",
    accessTitle: "Access",
    mapUrl: "Map link (https://…)",
    map: "Open the map",
    contact: "Contact",
    contactName: "Contact (person or office)",
    contactEmail: "Contact e-mail",
    contactPhone: "Contact telephone",
    privacyLegend: "Personal data",
    privacyNoticeJa: "Privacy notice in Japanese (empty: the default notice)",
    privacyNoticeEn: "Privacy notice in English",
    consentRequired: "Ask registrants to agree",
    privacyTitle: "How your personal data is handled",
    consent: "I agree to how my personal data is handled, as described above",
    consentMissing: "Please agree to register",
  },
});

export type PlaceWord = keyof (typeof PLACE_WORDS)["ja"];
export const placeWord = (key: PlaceWord, lang: Lang): string => PLACE_WORDS[lang][key];
