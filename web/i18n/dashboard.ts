/** Words of the organisers' dashboard (block councils of a fiscal year), in Japanese and English. */
import { words } from "../../lib/words.ts";

export const DASHBOARD_WORDS = words({
  ja: {
    dashboardTitle: (fy: string) => `${fy} ブロック協議会の開催状況`,
    dashboardLead:
      "各ブロックは年度内に 1〜2 回のブロック協議会を開催します。開催済み・開催予定の合計が 1 回未満のブロックを「遅れ」と表示します。",
    prevFy: "前年度",
    nextFy: "次年度",
    showFy: "表示",
    held: "開催済み",
    scheduled: "開催予定",
    planned: "計画中（未確定）",
    target: "目標",
    targetRange: (a: number, b: number) => `${a}〜${b}回`,
    state: "状況",
    behind: "遅れ",
    ok: "順調",
    over: "超過",
    behindCount: (n: number) => `遅れているブロック：${n}`,
    planMadeLate: (day: string) =>
      `この年度の計画は${day}に作成されたため、開催期間が過ぎた回は計画していません。開催頻度に届かないブロック：`,
    planShortfall: (planned: number, cadence: number) => `年${cadence}回のうち${planned}回のみ計画`,
    planHolidaysUnknown: (years: string) =>
      `${years}年の祝日はシステムの祝日表にないため、その年の計画日は土日と休止期間だけを避けています。祝日に当たっていないか確認してください。`,
    noBlocksInScope: "担当のブロックはありません。",
    chartLabel: (b: string, h: number, s: number, p: number) => `${b}：開催済み${h}回、開催予定${s}回、計画中${p}回`,
    times: (n: number) => `${n}回`,
    minimumMark: "縦線：最低開催回数（1回）",
    upcomingInScope: "今後の催し（担当分）",
  },
  en: {
    dashboardTitle: (fy) => `${fy}: block council meetings`,
    dashboardLead:
      "Each block holds 1–2 block council meetings per fiscal year. A block with fewer than one meeting held or scheduled is shown as behind.",
    prevFy: "Previous year",
    nextFy: "Next year",
    showFy: "Show",
    held: "Held",
    scheduled: "Scheduled",
    planned: "Planned (unconfirmed)",
    target: "Target",
    targetRange: (a, b) => `${a}–${b}`,
    state: "State",
    behind: "Behind",
    ok: "On track",
    over: "Over",
    behindCount: (n) => `Blocks behind: ${n}`,
    planMadeLate: (day) =>
      `This year's plan was made on ${day}, so meetings whose window had already passed were not planned. Blocks that cannot meet their cadence:`,
    planShortfall: (planned, cadence) => `only ${planned} of ${cadence} meetings planned`,
    planHolidaysUnknown: (years) =>
      `Public holidays for ${years} are not in the system's holiday table: planned dates in that year avoid weekends and the usual breaks only. Check them against that year's holidays.`,
    noBlocksInScope: "No blocks are in your scope.",
    chartLabel: (b, h, s, p) => `${b}: ${h} held, ${s} scheduled, ${p} planned`,
    times: (n) => String(n),
    minimumMark: "Line: the minimum (1 meeting)",
    upcomingInScope: "Upcoming events (your scope)",
  },
});
