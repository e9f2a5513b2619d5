/**
 * The applicant's "application received" message: written to the outbox as what to send (the
 * exhibitor and its locale), rendered at delivery with the private link opened from its sealed
 * token, so the outbox never holds the token in the clear.
 */
import type { Db } from "../../db/client.ts";
import type { EventRow, exhibitors, OutboxRow } from "../../db/schema/index.ts";
import type { Config } from "../config.ts";
import { formatDateTime, formatEventWhen } from "../../lib/format.ts";
import { renderMail } from "./layout.ts";
import { enqueueToRender } from "./outbox.ts";

type ExhibitorRow = typeof exhibitors.$inferSelect;
const EXHIBITOR_MAIL_KINDS = ["received"] as const;
export type ExhibitorMailKind = (typeof EXHIBITOR_MAIL_KINDS)[number];

/** One message per application and kind; the purge finds them by this prefix. */
const exhibitorDedupeKey = (kind: ExhibitorMailKind, exhibitorId: string) => `exhibitor:${exhibitorId}:${kind}`;

export async function enqueueExhibitorMail(
  tx: Db,
  config: Pick<Config, "PUBLIC_URL">,
  m: { kind: ExhibitorMailKind; exhibitor: Pick<ExhibitorRow, "id" | "email" | "locale">; now: Date },
) {
  if (!m.exhibitor.email) return;
  await enqueueToRender(tx, config.PUBLIC_URL, {
    dedupeKey: exhibitorDedupeKey(m.kind, m.exhibitor.id),
    kind: `exhibitor.${m.kind}`,
    to: m.exhibitor.email,
    locale: m.exhibitor.locale,
    payload: { exhibitorId: m.exhibitor.id },
    now: m.now,
  });
}

/** The exhibitor mail kind of an outbox row, or null for other messages. */
export function exhibitorMailKind(row: Pick<OutboxRow, "kind">): ExhibitorMailKind | null {
  const kind = row.kind.startsWith("exhibitor.") ? row.kind.slice("exhibitor.".length) : "";
  return (EXHIBITOR_MAIL_KINDS as readonly string[]).includes(kind) ? (kind as ExhibitorMailKind) : null;
}

/** The received message in the applicant's language. Pure. */
export function renderExhibitorMail(
  config: Pick<Config, "PUBLIC_URL">,
  m: { kind: ExhibitorMailKind; event: EventRow; exhibitor: ExhibitorRow; token: string },
) {
  const { event, exhibitor: x } = m;
  const ja = x.locale !== "en";
  const lang = ja ? "ja" : "en";
  const title = ja ? event.titleJa : (event.titleEn ?? event.titleJa);
  const link = `${config.PUBLIC_URL}/x/${m.token}`;
  const closes = event.exhibitorCallClosesAt ?? event.startsAt;
  const { text, html } = renderMail({
    greeting: ja ? `${x.organization} ${x.contactName ?? ""} 様` : `Dear ${x.contactName ?? ""} (${x.organization}),`,
    paragraphs: [
      ja
        ? "出展のお申し込みを受け付けました。ブースの配置が決まりましたら、あらためてお知らせします。"
        : "We have received your application to exhibit. We will write again once the booths are allocated.",
      `${ja ? "催し" : "Event"}: ${title}\n${ja ? "日時" : "When"}: ${formatEventWhen(event, lang)}\n${
        ja ? "ブースの大きさ" : "Booth size"
      }: ${x.size}\n${ja ? "受付番号" : "Reference"}: ${x.ref}`,
      ja
        ? `お申し込み内容の確認・変更（${formatDateTime(closes, "ja")}まで）・取り下げは、下記のあなた専用のリンクから行えます。このリンクは他の人に知らせないでください。`
        : `View your application, change it (until ${formatDateTime(closes, "en")}) or withdraw it with your private link below. Keep it to yourself.`,
      { label: ja ? "お申し込み内容（専用リンク）" : "Your application (private link)", href: link },
    ],
    footer: ja
      ? "地域クラスター事業 催事システム（このメールは送信専用です）"
      : "Regional cluster events (this address does not receive replies)",
  });
  return { subject: ja ? `【出展申込受付】${title}` : `Application received: ${title}`, text, html };
}
