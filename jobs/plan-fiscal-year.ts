import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { AppDeps } from "../api/deps.ts";
import { createEvent } from "../api/events/service.ts";
import { systemWho } from "../api/lib/context.ts";
import { planCouncilYear, meetingTimes, type PlanShortfall, type PlanWarning } from "../api/councils/plan.ts";
import { councilTitle } from "../api/councils/names.ts";
import { fiscalYearEn, fiscalYearJa, fiscalYearOf, toTokyoIso, tokyoInstant, tokyoParts } from "../lib/time.ts";
import { enqueueMail } from "../api/mail/outbox.ts";
import { renderMail } from "../api/mail/layout.ts";
import { formatDate } from "../lib/format.ts";
import { blocks, councils, events } from "../db/schema/index.ts";
import { blockRecipients } from "../api/blocks/service.ts";

const ymd = (d: Date) => {
  const p = tokyoParts(d);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};
const dayOf = (key: string) => {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return tokyoInstant(y, m, d);
};

const WINDOW_JA = { 1: "6月1日〜9月30日", 2: "11月1日〜2月末日" } as const;
const WINDOW_EN = { 1: "1 June – 30 September", 2: "1 November – end of February" } as const;

/** What the plan mail says about a shortfall and the warnings, in both languages. */
function planNotices(fy: number, runDay: string, shortfall: PlanShortfall | undefined, warnings: PlanWarning[]) {
  const ja: string[] = [];
  const en: string[] = [];
  if (shortfall) {
    const when = formatDate(dayOf(runDay), "ja");
    const whenEn = formatDate(dayOf(runDay), "en");
    const windows = shortfall.missed.map((o) => `第${o}回の開催期間（${WINDOW_JA[o]}）`).join("、");
    const windowsEn = shortfall.missed.map((o) => `meeting ${o} (${WINDOW_EN[o]})`).join(" and ");
    ja.push(
      `この計画は${when}に作成されたため、${windows}は既に過ぎています。${fiscalYearJa(fy)}に開催できるのは` +
        `${shortfall.planned}回で、年${shortfall.cadence}回の開催頻度に届きません。`,
    );
    en.push(
      `This plan was made on ${whenEn}, after the window of ${windowsEn} had passed: ${shortfall.planned} of the ` +
        `block's ${shortfall.cadence} meetings in ${fiscalYearEn(fy)} can still be held.`,
    );
  }
  for (const w of warnings) {
    ja.push(
      `${w.years.join("・")}年の祝日はシステムの祝日表にないため、その年の日付は土日と休止期間だけを避けています。祝日に当たっていないか確認してください。`,
    );
    en.push(
      `Public holidays for ${w.years.join(", ")} are not in the system's holiday table: dates in that year avoid weekends and the usual breaks only. Check them against that year's holidays.`,
    );
  }
  return { ja, en };
}

/**
 * Plans the fiscal year's block council meetings as of `now`: `planned` events, 1–2 per block by
 * its cadence, on suitable days after the run's day (Asia/Tokyo), spread over different dates. Run
 * in the middle of the year, a block whose window has passed gets the meetings that still fit, and
 * the result, the plan mail and the dashboard say so. Meetings carry a slug per block, year and
 * window, so running again creates nothing new. Titles use the council's name from the councils table.
 */
export async function planFiscalYear(deps: Pick<AppDeps, "db" | "clock" | "config">, now: Date) {
  const { db, config } = deps;
  const fy = fiscalYearOf(now);
  const runDay = ymd(now);
  const allBlocks = await db.select().from(blocks).orderBy(asc(blocks.sortOrder));
  const blockCouncils = await db.select().from(councils).where(like(councils.code, "block-council-%"));
  const existing = await db
    .select({ slug: events.slug, startsAt: events.startsAt, blockCode: events.blockCode, status: events.status })
    .from(events)
    .where(and(eq(events.kind, "block_council"), eq(events.fiscalYear, fy)));
  const existingSlugs = new Set(existing.map((e) => e.slug));
  const plan = planCouncilYear({
    fiscalYear: fy,
    blocks: allBlocks.map((b) => ({ code: b.code, cadence: (b.councilCadence === 1 ? 1 : 2) as 1 | 2 })),
    taken: existing.map((e) => ymd(e.startsAt)),
    after: runDay,
  });
  const created: { block: string; date: string; slug: string }[] = [];
  // One transaction: the meetings and the secretariat e-mails land together or not at all. A
  // concurrent planner is kept out by the job's period claim and, at worst, by the unique slug.
  await db.transaction(async (tx) => {
    for (const m of plan.meetings) {
      const slug = `council-${m.blockCode}-fy${fy}-${m.ordinal}`;
      if (existingSlugs.has(slug)) continue;
      const block = allBlocks.find((b) => b.code === m.blockCode)!;
      const council = blockCouncils.find((c) => c.code === `block-council-${block.code}`);
      const { startsAt, endsAt } = meetingTimes(m.date);
      // 第N回 counts the block's meetings of the year in date order, so a year planned from
      // December starts at 第1回 even though its meeting sits in the second window.
      const number =
        1 +
        existing.filter((e) => e.blockCode === block.code && e.status !== "cancelled" && e.startsAt < startsAt).length +
        plan.meetings.filter(
          (o) =>
            o.blockCode === block.code && o.date < m.date && !existingSlugs.has(`council-${o.blockCode}-fy${fy}-${o.ordinal}`),
        ).length;
      const title = councilTitle({ block, council, fiscalYear: fy, number });
      const inserted = await createEvent(
        { db: tx, clock: deps.clock, who: systemWho(now) },
        {
          slug,
          kind: "block_council",
          status: "planned",
          titleJa: title.ja,
          titleEn: title.en,
          block: block.code,
          startsAt: toTokyoIso(startsAt),
          endsAt: toTokyoIso(endsAt),
          capacity: null,
        },
      );
      if (inserted) created.push({ block: block.code, date: m.date, slug });
    }
    // Tell each block's secretariat and its organisers the plan (and what could not be planned),
    // once per person, block and fiscal year.
    for (const block of allBlocks) {
      const meetings = created.filter((c) => c.block === block.code);
      const shortfall = plan.shortfalls.find((s) => s.blockCode === block.code);
      if (meetings.length === 0 && !shortfall) continue;
      const recipients = await blockRecipients(tx, block.code);
      if (recipients.length === 0) continue;
      const dates = meetings.map((m) => formatDate(meetingTimes(m.date).startsAt, "ja")).join("、");
      const datesEn = meetings.map((m) => formatDate(meetingTimes(m.date).startsAt, "en")).join(", ");
      const notes = planNotices(fy, runDay, shortfall, plan.warnings);
      const { text, html } = renderMail({
        greeting: `${block.nameJa}ブロック 事務局 御中 / ${block.nameEn} block secretariat`,
        paragraphs: [
          meetings.length
            ? `${fiscalYearJa(fy)}の地域ブロック協議会の開催予定日（案）を作成しました: ${dates}`
            : `${fiscalYearJa(fy)}の地域ブロック協議会は、開催予定日（案）を作成できませんでした。`,
          ...notes.ja,
          meetings.length
            ? `The ${fiscalYearEn(fy)} council meetings have been planned for: ${datesEn}`
            : `No ${fiscalYearEn(fy)} council meeting could be planned.`,
          ...notes.en,
          { label: "確認・確定 / Review and confirm", href: `${config.PUBLIC_URL}/admin` },
        ],
        footer: "地域クラスター催事システム / Regional cluster events",
      });
      const short = shortfall ? ` ※${shortfall.planned}/${shortfall.cadence}回` : "";
      for (const to of recipients) {
        await enqueueMail(tx, config.PUBLIC_URL, {
          dedupeKey: `plan:${block.code}:fy${fy}:${to.toLowerCase()}`,
          kind: "council.plan",
          to,
          subject: `【${fiscalYearJa(fy)}】地域ブロック協議会 開催計画${short} / ${fiscalYearEn(fy)} council plan`,
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
  return {
    fiscalYear: fy,
    plannedFrom: plan.after,
    created: created.length,
    planned: plannedNow.length,
    meetings: created,
    shortfalls: plan.shortfalls,
    warnings: plan.warnings,
  };
}
