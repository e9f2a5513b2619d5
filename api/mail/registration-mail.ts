import type { Db } from "../../db/client.ts";
import type { OutboxRow } from "../../db/schema/index.ts";
import type { Config } from "../config.ts";
import type { EventRow } from "../../db/schema/index.ts";
import { buildCalendar } from "../calendar/ics.ts";
import { calendarUrl } from "../calendar/tokens.ts";
import type { RegistrationRow } from "../../db/schema/index.ts";
import { formatEventWhen } from "../../lib/format.ts";
import { prefectureName } from "../../lib/prefectures.ts";
import { escapeHtml } from "../lib/html.ts";
import { qrSvg } from "../lib/qr.ts";
import type { OutboxAttachment } from "../../db/schema/index.ts";
import { renderMail, type Paragraph } from "./layout.ts";
import { contactLine } from "../../lib/privacy-notice.ts";
import { enqueueToRender, type MailMessage } from "./outbox.ts";

export type RegistrationMailKind =
  | "confirmed"
  | "waitlisted"
  | "promoted"
  | "promoted-capacity"
  | "cancelled"
  | "reminder-link"
  | "calendar-link"
  | "reminder-7d"
  | "reminder-1d"
  | "event-cancelled";

const SUBJECT: Record<RegistrationMailKind, { ja: string; en: string }> = {
  confirmed: { ja: "【参加登録完了】", en: "Registration confirmed: " },
  waitlisted: { ja: "【キャンセル待ち受付】", en: "On the waiting list: " },
  promoted: { ja: "【参加確定（キャンセル待ちから繰り上げ）】", en: "You have a seat: " },
  "promoted-capacity": { ja: "【参加確定（キャンセル待ちから繰り上げ）】", en: "You have a seat: " },
  cancelled: { ja: "【参加取消】", en: "Registration cancelled: " },
  "reminder-link": { ja: "【登録済みのご案内】", en: "You are already registered: " },
  "calendar-link": { ja: "【カレンダー購読用リンク】", en: "Your calendar link: " },
  "reminder-7d": { ja: "【1週間前のご案内】", en: "In one week: " },
  "reminder-1d": { ja: "【明日開催】", en: "Tomorrow: " },
  "event-cancelled": { ja: "【開催中止】", en: "Cancelled: " },
};

const BODY: Record<RegistrationMailKind, { ja: string; en: string }> = {
  confirmed: { ja: "参加登録が完了しました。", en: "Your registration is confirmed." },
  waitlisted: {
    ja: "定員に達しているため、キャンセル待ちとして受け付けました。席が空き次第、自動で繰り上げてお知らせします。",
    en: "The event is full, so you are on the waiting list. If a seat frees up you will be moved up automatically and told by e-mail.",
  },
  promoted: { ja: "キャンセルが出たため、参加が確定しました。", en: "A seat became free: your registration is now confirmed." },
  "promoted-capacity": {
    ja: "定員が増えたため、キャンセル待ちから繰り上がり、参加が確定しました。",
    en: "The event's capacity was raised: you are off the waiting list and your registration is now confirmed.",
  },
  cancelled: { ja: "参加登録を取り消しました。", en: "Your registration has been cancelled." },
  "reminder-link": {
    ja: "このメールアドレスはすでに登録済みです。登録内容の確認・取消は下記のリンクから行えます。",
    en: "This e-mail address is already registered. Use the link below to view or cancel the registration.",
  },
  "calendar-link": {
    ja: "ご依頼により、あなた専用のカレンダー（購読用）のリンクをお送りします。このリンクは他の人に知らせないでください。お心当たりのない場合は、このメールを破棄してください。",
    en: "As requested, here is the link to your personal calendar feed. Keep it to yourself. If you did not ask for it, you can ignore this message.",
  },
  "reminder-7d": { ja: "開催の1週間前となりました。", en: "The event is one week away." },
  "reminder-1d": { ja: "明日開催です。", en: "The event is tomorrow." },
  "event-cancelled": {
    ja: "誠に恐れ入りますが、下記の催しは開催中止となりました。カレンダーの予定も自動で取り消されます。",
    en: "We are sorry: the event below has been cancelled. Calendars subscribed to your feed will show the cancellation.",
  },
};

const REGISTRATION_MAIL_KINDS = Object.keys(SUBJECT) as RegistrationMailKind[];

/** Messages that carry the 受付番号 (when the registration holds a seat). */
const SHOWS_CODE = new Set<RegistrationMailKind>([
  "confirmed",
  "promoted",
  "promoted-capacity",
  "reminder-link",
  "reminder-7d",
  "reminder-1d",
]);
/** Messages that come with the event's .ics. */
const ATTACHES_ICS = new Set<RegistrationMailKind>(["confirmed", "promoted", "promoted-capacity", "waitlisted", "event-cancelled"]);

/** Dedupe keys: one message per registration and kind; a repeated-attempt link at most hourly, a calendar link per minute. */
export function registrationDedupeKey(kind: RegistrationMailKind, reg: Pick<RegistrationRow, "id">, now: Date) {
  if (kind === "reminder-link") return `reg:${reg.id}:link:${Math.floor(now.getTime() / 3_600_000)}`;
  if (kind === "calendar-link") return `reg:${reg.id}:calendar-link:${Math.floor(now.getTime() / 60_000)}`;
  // One seat, one message: however the seat came, it is announced once.
  if (kind === "promoted" || kind === "promoted-capacity" || kind === "confirmed") return `reg:${reg.id}:seat`;
  return `reg:${reg.id}:${kind}`;
}

export type RegistrationMail = {
  kind: RegistrationMailKind;
  event: EventRow;
  registration: Pick<RegistrationRow, "id" | "name" | "email" | "locale" | "status" | "checkInCode">;
  manageToken: string;
  feedToken: string;
  now: Date;
};

/**
 * Writes what to send a registrant to the outbox, inside the caller's transaction: the kind, the
 * registration and its locale. The deliver job renders it (see composeOutboxMessage).
 */
export async function enqueueRegistrationMail(
  tx: Db,
  config: Pick<Config, "PUBLIC_URL">,
  m: { kind: RegistrationMailKind; registration: Pick<RegistrationRow, "id" | "email" | "locale">; now: Date },
) {
  await enqueueToRender(tx, config.PUBLIC_URL, {
    dedupeKey: registrationDedupeKey(m.kind, m.registration, m.now),
    kind: `registration.${m.kind}`,
    to: m.registration.email,
    registrationId: m.registration.id,
    locale: m.registration.locale,
    now: m.now,
  });
}

/** The registration mail kind of an outbox row, or null for other messages. */
export function registrationMailKind(row: Pick<OutboxRow, "kind">): RegistrationMailKind | null {
  const kind = row.kind.startsWith("registration.") ? row.kind.slice("registration.".length) : "";
  return (REGISTRATION_MAIL_KINDS as string[]).includes(kind) ? (kind as RegistrationMailKind) : null;
}

/** A registrant's message in their language, with the event's .ics where it helps. Pure. */
export function renderRegistrationMail(config: Pick<Config, "PUBLIC_URL">, m: RegistrationMail): MailMessage {
  const { event, registration: reg } = m;
  const lang = reg.locale === "en" ? "en" : "ja";
  const title = lang === "en" ? (event.titleEn ?? event.titleJa) : event.titleJa;
  const where = [(lang === "en" && event.venueEn) || event.venue, prefectureName(event.prefecture, lang)].filter(Boolean).join(", ");
  const address = (lang === "en" && event.addressEn) || event.address;
  const access = (lang === "en" && event.accessEn) || event.access;
  const contact = contactLine(event, lang);
  const manage = `${config.PUBLIC_URL}/r/${m.manageToken}`;
  const feed = calendarUrl(config.PUBLIC_URL, m.feedToken);
  const ja = lang === "ja";
  // The 受付番号 and its QR code, for whoever holds a seat and may come to the desk.
  const withCode = reg.status === "confirmed" && SHOWS_CODE.has(m.kind);
  const codeLabel = ja
    ? "受付番号（当日、受付でこの番号かQRコードをお見せください）"
    : "Check-in code (show it or its QR code at the desk)";
  const paragraphs: Paragraph[] = [
    BODY[m.kind][lang],
    [
      `${ja ? "催し" : "Event"}: ${title}`,
      `${ja ? "日時" : "When"}: ${formatEventWhen(event, lang)}`,
      where ? `${ja ? "会場" : "Where"}: ${where}` : "",
      address ? `${ja ? "住所" : "Address"}: ${address}` : "",
      access ? `${ja ? "アクセス" : "Access"}: ${access}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    ...(event.mapUrl ? [{ label: ja ? "地図" : "Map", href: event.mapUrl }] : []),
    ...(withCode
      ? [
          {
            text: `${codeLabel}: ${reg.checkInCode}`,
            html: `<p>${escapeHtml(codeLabel)}:<br><strong style="font-size:1.6em;letter-spacing:.15em;font-family:monospace">${escapeHtml(reg.checkInCode)}</strong></p><p>${qrSvg(reg.checkInCode, { label: `${codeLabel}: ${reg.checkInCode}` })}</p>`,
          },
        ]
      : []),
    { label: ja ? "登録内容の確認・取消" : "View or cancel your registration", href: manage },
    { label: ja ? "あなた専用のカレンダー（購読用）" : "Your personal calendar feed", href: feed },
  ];
  const { text, html } = renderMail({
    greeting: ja ? `${reg.name} 様` : `Dear ${reg.name},`,
    paragraphs,
    footer: [
      ja
        ? "地域クラスター事業 催事システム（このメールは送信専用です）"
        : "Regional cluster events (this address does not receive replies)",
      contact ? `${ja ? "お問い合わせ先" : "Questions? Write to"}: ${contact}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  });
  const attachIcs = ATTACHES_ICS.has(m.kind);
  const attachments: OutboxAttachment[] = [];
  if (attachIcs)
    attachments.push({
      filename: "event.ics",
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      content: buildCalendar({
        events: [{ ...event, tentative: reg.status === "waitlisted" }],
        lang,
        name: title,
        publicUrl: config.PUBLIC_URL,
        now: m.now,
      }),
    });
  if (withCode) {
    attachments.push({ filename: `checkin-${reg.checkInCode}.svg`, contentType: "image/svg+xml", content: qrSvg(reg.checkInCode) });
  }
  return {
    dedupeKey: registrationDedupeKey(m.kind, reg, m.now),
    kind: `registration.${m.kind}`,
    to: reg.email,
    subject: `${SUBJECT[m.kind][lang]}${title}`,
    text,
    html,
    attachments,
    now: m.now,
  };
}
