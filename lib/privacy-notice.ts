/** The privacy notice registrants see, and how long their data is kept (imports nothing of the project). */

/** A registration's personal data is kept this many days after its event ends; the purge job then removes it. */
export const REGISTRATION_RETENTION_DAYS = 365;

export type NoticeContact = { contactName: string | null; contactEmail: string | null; contactPhone: string | null };

/** "name <email> / tel", or null when the event names no contact. */
export function contactLine(c: NoticeContact, lang: "ja" | "en"): string | null {
  const parts = [c.contactName, c.contactEmail, c.contactPhone ? `${lang === "ja" ? "電話" : "Tel."} ${c.contactPhone}` : null];
  const shown = parts.filter((p): p is string => !!p);
  return shown.length > 0 ? shown.join(" / ") : null;
}

/**
 * The product's default notice: what the data is used for, how long it is kept (what the purge
 * job enforces) and whom to ask. An event's own notice replaces it.
 */
export function defaultPrivacyNotice(c: NoticeContact): { ja: string; en: string } {
  const days = REGISTRATION_RETENTION_DAYS;
  const ja = contactLine(c, "ja") ?? "この催しの主催者（催しのページに記載）";
  const en = contactLine(c, "en") ?? "the organiser of this event (named on the event page)";
  return {
    ja: [
      "ご登録いただく氏名・フリガナ・メールアドレス・所属・区分は、この催しの参加受付、当日の受付、開催に関するご連絡（変更・中止・リマインダー）、および個人を特定しない参加者数の集計にのみ利用し、法令に基づく場合を除き第三者に提供しません。",
      `催しの終了から${days}日を過ぎると自動的に削除します（区分別の人数だけが残ります）。`,
      `お問い合わせ・開示や削除のご依頼: ${ja}`,
    ].join("\n"),
    en: [
      "Your name, its reading, e-mail address, organisation and sector are used only to take your registration, check you in on the day, tell you about the event (changes, cancellation, reminders) and count attendance without identifying anyone. They are not given to third parties except where the law requires.",
      `They are deleted automatically ${days} days after the event ends (only the number of people per sector remains).`,
      `Questions, or to see or delete your data: ${en}`,
    ].join("\n"),
  };
}
