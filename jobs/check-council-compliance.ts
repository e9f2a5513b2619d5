import { eq } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { councilCompliance } from "../api/councils/service.ts";
import { systemWho } from "../api/lib/context.ts";
import { fiscalYearEn, fiscalYearJa, fiscalYearOf, tokyoParts } from "../lib/time.ts";
import { renderMail } from "../api/mail/layout.ts";
import { enqueueMail } from "../api/mail/outbox.ts";
import { blocks } from "../db/schema/index.ts";
import { blockRecipients } from "../api/blocks/service.ts";

/** The reminder round an instant falls in: from October 1 and again from January 1, or none. */
export function complianceRound(now: Date): "oct" | "jan" | null {
  const { month } = tokyoParts(now);
  if (month >= 10 && month <= 12) return "oct";
  if (month >= 1 && month <= 3) return "jan";
  return null;
}

/** E-mails the secretariat of every block with no scheduled (or held) council meeting this fiscal year. */
export async function checkCouncilCompliance(deps: Pick<AppDeps, "db" | "clock" | "config">, now: Date) {
  const round = complianceRound(now);
  const fy = fiscalYearOf(now);
  const { blocks: rows } = await councilCompliance({ db: deps.db, who: systemWho(now) }, { fy });
  const behind = rows.filter((r) => r.held + r.scheduled === 0);
  if (!round) return { fiscalYear: fy, round, behind: behind.map((b) => b.block), reminded: 0 };
  let reminded = 0;
  await deps.db.transaction(async (tx) => {
    for (const r of behind) {
      const [block] = await tx.select().from(blocks).where(eq(blocks.code, r.block));
      const recipients = await blockRecipients(tx, r.block);
      if (!block || recipients.length === 0) continue;
      const { text, html } = renderMail({
        greeting: `${block.nameJa}ブロック 事務局 御中 / ${block.nameEn} block secretariat`,
        paragraphs: [
          `${fiscalYearJa(fy)}の地域ブロック協議会は、まだ開催日が確定していません（年度内に1〜2回の開催が必要です）。`,
          `No ${fiscalYearEn(fy)} council meeting is scheduled yet for your block; each block holds 1–2 a fiscal year.`,
          { label: "予定を確定する / Schedule a meeting", href: `${deps.config.PUBLIC_URL}/admin` },
        ],
        footer: "地域クラスター催事システム / Regional cluster events",
      });
      for (const to of recipients) {
        await enqueueMail(tx, deps.config.PUBLIC_URL, {
          dedupeKey: `compliance:${block.code}:fy${fy}:${round}:${to.toLowerCase()}`,
          kind: "council.compliance",
          to,
          subject: `【要対応】${fiscalYearJa(fy)} 地域ブロック協議会の開催予定 / ${fiscalYearEn(fy)} council meeting not scheduled`,
          text,
          html,
          now: deps.clock.now(),
        });
      }
      reminded++;
    }
  });
  return { fiscalYear: fy, round, behind: behind.map((b) => b.block), reminded };
}
