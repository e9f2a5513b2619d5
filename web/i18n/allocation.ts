/** Words of automatic booth allocation: the preview, applying it and telling the exhibitors, in Japanese and English. */
import { words } from "../../lib/words.ts";

export const ALLOCATION_WORDS = words({
  ja: {
    allocationTitle: "自動配置",
    allocationLead:
      "固定したブースはそのままに、それ以外の出展者を希望・優先度・ゾーン・同じクラスターの隣接を考えて配置し直します。まずプレビューで結果を確かめてから適用します。",
    previewButton: "自動配置をプレビュー",
    previewTitle: "自動配置のプレビュー",
    previewLead:
      "この配置案はまだ保存されていません。内容を確かめて「この配置を適用する」を押すと、固定していないブースが入れ替わります。",
    score: "評価",
    scoreTotal: "総合点",
    firstChoice: "第1希望のブース",
    top3: "第3希望までのブース",
    sameCluster: "同じクラスターの隣接",
    elapsed: "計算時間",
    ms: (n: number) => `${n} ミリ秒`,
    placedOf: (placed: number, all: number) => `${all}件中 ${placed}件を配置`,
    exhibitorCount: (n: number) => `${n}件`,
    pairCount: (n: number) => `${n}組`,
    changesTitle: "変わるブース",
    noChanges: "現在の配置から変わるブースはありません。",
    before: "現在",
    after: "配置案",
    unchangedCount: (n: number) => `変わらないブース：${n}`,
    unassignedTitle: "ブースのない出展者",
    noneUnassigned: "すべての出展者にブースがあります。",
    reason: "理由",
    applyButton: "この配置を適用する",
    backToBooths: "ブース配置に戻る",
    stalePreview: "プレビューの後に配置や申込が変わりました。新しい配置案を確かめてから適用してください。",
    publishTitle: "出展者への通知",
    publishLead:
      "各出展者に、決まったブース（または配置できなかったこと）をメールで知らせます。もう一度通知すると、ブースが変わった出展者にだけ送ります。",
    publishButton: "出展者に通知する",
    doneApplied: (placed: number, unplaced: number) =>
      `自動配置を適用しました（配置 ${placed}件、ブースなし ${unplaced}件）。出展者への通知はまだ送っていません。`,
    donePublished: (queued: number, noEmail: number) =>
      `${queued}件の通知メールを送信待ちにしました。${noEmail ? `メールアドレスのない出展者が${noEmail}件あります。` : ""}`,
  },
  en: {
    allocationTitle: "Automatic allocation",
    allocationLead:
      "Pinned booths stay; every other exhibitor is placed again by preference, priority, zone and same-cluster neighbours. Preview the result first, then apply it.",
    previewButton: "Preview automatic allocation",
    previewTitle: "Automatic allocation: preview",
    previewLead:
      "Nothing has been saved yet. Check the proposal and press “Apply this allocation” to replace the unpinned booths.",
    score: "Score",
    scoreTotal: "Total score",
    firstChoice: "At their 1st choice",
    top3: "At one of their top 3",
    sameCluster: "Same-cluster neighbours",
    elapsed: "Computed in",
    ms: (n) => `${n} ms`,
    placedOf: (placed, all) => `${placed} of ${all} placed`,
    exhibitorCount: (n) => `${n} ${n === 1 ? "exhibitor" : "exhibitors"}`,
    pairCount: (n) => `${n} ${n === 1 ? "pair" : "pairs"}`,
    changesTitle: "Booths that change",
    noChanges: "No booth changes from the current assignments.",
    before: "Now",
    after: "Proposed",
    unchangedCount: (n) => `Booths unchanged: ${n}`,
    unassignedTitle: "Exhibitors without a booth",
    noneUnassigned: "Every exhibitor gets a booth.",
    reason: "Reason",
    applyButton: "Apply this allocation",
    backToBooths: "Back to the booths",
    stalePreview: "Assignments or applications changed after the preview. Check the new proposal before applying it.",
    publishTitle: "Tell the exhibitors",
    publishLead:
      "E-mails every exhibitor its booth (or that it has none). Publishing again only writes to exhibitors whose booth changed.",
    publishButton: "E-mail the exhibitors",
    doneApplied: (placed, unplaced) =>
      `Automatic allocation applied (${placed} placed, ${unplaced} without a booth). The exhibitors have not been told yet.`,
    donePublished: (queued, noEmail) =>
      `${queued} ${queued === 1 ? "e-mail" : "e-mails"} queued.${noEmail ? ` ${noEmail} ${noEmail === 1 ? "exhibitor has" : "exhibitors have"} no e-mail address.` : ""}`,
  },
});
