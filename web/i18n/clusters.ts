/** Words of the cluster directory (the clusters, their councils and bureaus), in Japanese and English. */
import { words } from "../../lib/words.ts";

export const DIRECTORY_TEXT = words({
  ja: {
    title: "クラスター一覧",
    lead: "知的クラスター創成事業の地域、産業クラスター計画の18プロジェクト、継続中の地域クラスターと、その協議会・経済産業局・催し。",
    programme: { knowledge: "知的クラスター創成事業", industrial: "産業クラスター計画", continuing: "継続中の地域クラスター" },
    allProgrammes: "すべての事業",
    programmeLabel: "事業",
    show: "表示",
    none: "条件に合うクラスターはありません。",
    region: "地域",
    field: "分野",
    members: (companies: number | null, approx: boolean, universities: number | null, asOf: string | null) =>
      [companies !== null ? `${approx ? "約" : ""}${companies}社` : null, universities !== null ? `${universities}大学` : null]
        .filter(Boolean)
        .join("・") + (asOf ? `（${asOf}）` : ""),
    membersLabel: "参加企業・大学",
    areaType: { global: "グローバル型", city: "都市エリア型" },
    areaTypeLabel: "類型",
    period: "期間",
    periodValue: (from: string, to: string) => `${from}〜${to}`,
    theme: "テーマ",
    bureau: "経済産業局",
    councils: "協議会",
    councilKind: { block: "地域ブロック協議会", promotion: "クラスター推進協議会" },
    ownEvents: "このクラスターの催し",
    noOwnEvents: "資料にこのクラスターの催しの記録はありません。",
    blockEvents: (block: string) => `${block}の催し`,
    source: "出典資料",
    back: "クラスター一覧へ",
  },
  en: {
    title: "Clusters",
    lead: "The Knowledge Cluster Initiative regions, the 18 Industrial Cluster projects and the continuing regional cluster areas, with their councils, METI bureaus and events.",
    programme: {
      knowledge: "Knowledge Cluster Initiative",
      industrial: "Industrial Cluster Project",
      continuing: "Continuing regional cluster areas",
    },
    allProgrammes: "All programmes",
    programmeLabel: "Programme",
    show: "Show",
    none: "No cluster matches.",
    region: "Region",
    field: "Field",
    members: (companies, approx, universities, asOf) =>
      [
        companies !== null ? `${approx ? "about " : ""}${companies} companies` : null,
        universities !== null ? `${universities} universities` : null,
      ]
        .filter(Boolean)
        .join(", ") + (asOf ? ` (${asOf})` : ""),
    membersLabel: "Companies and universities",
    areaType: { global: "Global type", city: "City-area type" },
    areaTypeLabel: "Type",
    period: "Period",
    periodValue: (from, to) => `${from}–${to}`,
    theme: "Theme",
    bureau: "METI bureau",
    councils: "Councils",
    councilKind: { block: "Regional block council", promotion: "Cluster promotion council" },
    ownEvents: "Events of this cluster",
    noOwnEvents: "The documents record no event of this cluster.",
    blockEvents: (block) => `Events in the ${block}`,
    source: "Source documents",
    back: "All clusters",
  },
});
