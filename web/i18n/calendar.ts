/** Words of the calendar subscription page, in Japanese and English. */
import { words } from "../../lib/words.ts";

export const CALENDAR_WORDS = words({
  ja: {
    calendarTitle: "カレンダーを購読する",
    calendarLead:
      "Google カレンダー、Outlook、Apple カレンダー、Thunderbird などで購読すると、催しの追加・変更・中止が自動で反映されます。",
    feed: "カレンダー",
    feedAddress: "購読用アドレス",
    allFeeds: "すべての催し",
    blockFeeds: "ブロック別",
    kindFeeds: "催しの種類別",
    personalFeedNote:
      "参加登録した催しだけのカレンダーは、確認メールに記載の個人用アドレスから購読できます（登録確認ページからメールで再送できます）。",
    feedEnglish: "英語版",
  },
  en: {
    calendarTitle: "Subscribe to the calendars",
    calendarLead:
      "Subscribe in Google Calendar, Outlook, Apple Calendar or Thunderbird and new events, changes and cancellations appear by themselves.",
    feed: "Calendar",
    feedAddress: "Subscription address",
    allFeeds: "All events",
    blockFeeds: "By block",
    kindFeeds: "By kind of event",
    personalFeedNote:
      "A calendar of only the events you registered for is linked from your confirmation e-mail (your registration page can e-mail the link again).",
    feedEnglish: "in English",
  },
});
