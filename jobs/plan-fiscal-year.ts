import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { createEvent } from "../api/events/service.ts";
import { planCouncilMeetings, meetingTimes } from "../api/councils/plan.ts";
import { fiscalYearEn, fiscalYearJa, fiscalYearOf, toTokyoIso, tokyoParts } from "../api/lib/time.ts";
import { enqueueMail } from "../api/mail/outbox.ts";
import { renderMail } from "../api/mail/layout.ts";
import { formatDate } from "../web/format.ts";
import { blocks, events } from "../db/schema/index.ts";
import { blockRecipients } from "../api/blocks/service.ts";

const ymd = (d: Date) => {
  const p = tokyoParts(d);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};

/**
 * From April 1 (Asia/Tokyo), plans the fiscal year's block council meetings: `planned` events,
 * 1–2 per block by its cadence, on suitable days, spread over different dates. Meetings carry a
 * slug per block, year and ordinal, so running again creates nothing new.
 */
export async function planFiscalYear(deps: Pick<AppDeps, "db" | "clock" | "config">, now: Date) {
  const { db, config } = deps;
  const fy = fiscalYearOf(now);
  const allBlocks = await db.select().from(blocks).orderBy(asc(blocks.sortOrder));
  const existing = await db
    .select({ slug: events.slug, startsAt: events.startsAt })
    .from(events)
    .where(and(eq(events.kind, "block_council"), eq(events.fiscalYear, fy)));
  const existingSlugs = new Set(existing.map((e) => e.slug));
  const plan = planCouncilMeetings({
    fiscalYear: fy,
    blocks: allBlocks.map((b) => ({ code: b.code, cadence: (b.councilCadence === 1 ? 1 : 2) as 1 | 2 })),
    taken: existing.map((e) => ymd(e.startsAt)),
  });
  const created: { block: string; date: string; slug: string }[] = [];
  // One transaction: the meetings and the secretariat e-mails land together or not at all. A
  // concurrent planner is kept out by the job's period claim and, at worst, by the unique slug.
  await db.transaction(async (tx) => {
    for (const m of plan) {
      const slug = `council-${m.blockCode}-fy${fy}-${m.ordinal}`;
      if (existingSlugs.has(slug)) continue;
      const block = allBlocks.find((b) => b.code === m.blockCode)!;
      const { startsAt, endsAt } = meetingTimes(m.date);
      const inserted = await createEvent({
        db: tx,
        clock: deps.clock,
        input: {
          slug,
          kind: "block_council",
          status: "planned",
          titleJa: `${block.nameJa}地域科学技術振興協議会（${fiscalYearJa(fy)} 第${m.ordinal}回）`,
          titleEn: `${block.nameEn} block council, ${fiscalYearEn(fy)} meeting ${m.ordinal}`,
          block: block.code,
          startsAt: toTokyoIso(startsAt),
          endsAt: toTokyoIso(endsAt),
          capacity: null,
        },
      });
      if (inserted) created.push({ block: block.code, date: m.date, slug });
    }
    // Tell each block's secretariat and its organisers the plan, once per person, block and fiscal year.
    const byBlock = new Map<string, typeof created>();
    for (const c of created) byBlock.set(c.block, [...(byBlock.get(c.block) ?? []), c]);
    for (const [code, meetings] of byBlock) {
      const block = allBlocks.find((b) => b.code === code)!;
      const recipients = await blockRecipients(tx, code);
      if (recipients.length === 0) continue;
      const dates = meetings.map((m) => formatDate(meetingTimes(m.date).startsAt, "ja")).join("、");
      const datesEn = meetings.map((m) => formatDate(meetingTimes(m.date).startsAt, "en")).join(", ");
      const { text, html } = renderMail({
        greeting: `${block.nameJa}ブロック 事務局 御中 / ${block.nameEn} block secretariat`,
        paragraphs: [
          `${fiscalYearJa(fy)}の地域ブロック協議会の開催予定日（案）を作成しました: ${dates}`,
          `The ${fiscalYearEn(fy)} council meetings have been planned for: ${datesEn}`,
          { label: "確認・確定 / Review and confirm", href: `${config.PUBLIC_URL}/admin` },
        ],
        footer: "地域クラスター催事システム / Regional cluster events",
      });
      for (const to of recipients) {
        await enqueueMail(tx, config.PUBLIC_URL, {
          dedupeKey: `plan:${code}:fy${fy}:${to.toLowerCase()}`,
          kind: "council.plan",
          to,
          subject: `【${fiscalYearJa(fy)}】地域ブロック協議会 開催計画 / ${fiscalYearEn(fy)} council plan`,
          text,
          html,
          now: deps.clock.now(),
        });
      }
    }
  });
  const plannedNow = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.kind, "block_council"), eq(events.fiscalYear, fy), inArray(events.status, ["planned"])));
  return { fiscalYear: fy, created: created.length, planned: plannedNow.length, meetings: created };
}
