/** Fair data of a realistic size and shape: exhibitors like Cluster Japan's, a hall of 270 booths. */

const CLUSTERS = [
  ["北海道ITイノベーション戦略", "IT"],
  ["TOHOKUものづくりコリドー", "ものづくり"],
  ["東海ものづくり創生プロジェクト", "ものづくり"],
  ["浜松オプトロニクスクラスター", "光技術"],
  ["関西バイオクラスター", "バイオ"],
  ["九州シリコンクラスター", "半導体"],
  ["北陸ものづくり創生プロジェクト", "環境"],
  ["中国地域機能性食品クラスター", "健康・食品"],
] as const;
const ORGS = ["大学 産学連携本部", "株式会社", "工業技術センター", "高等専門学校", "研究所", "協同組合"];

/** n exhibitor applications with Japanese names, ranked preferences, competitors and e-mail addresses. */
export function realisticExhibitors(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const [cluster, field] = CLUSTERS[i % CLUSTERS.length]!;
    const ref = `E${String(i + 1).padStart(3, "0")}`;
    const org = `${["札幌", "仙台", "名古屋", "浜松", "大阪", "福岡", "金沢", "広島"][i % 8]}${ORGS[i % ORGS.length]}`;
    return {
      ref,
      name: `${org} ${field}分野 研究成果展示 第${i + 1}号`,
      organization: org,
      cluster,
      field,
      size: i % 10 === 0 ? "2x1" : "1x1",
      priority: i % 11,
      preferences: [`A-${String((i % 90) + 1).padStart(2, "0")}`, `B-${String((i % 90) + 1).padStart(2, "0")}`, `C-${String((i % 90) + 1).padStart(2, "0")}`],
      homeZone: ["北ホール", "中央ホール", "南ホール"][i % 3],
      competitors: i > 2 ? [`E${String(i - 1).padStart(3, "0")}`] : [],
      email: `exhibit-${ref.toLowerCase()}@example.co.jp`,
      locale: i % 7 === 0 ? "en" : "ja",
    };
  });
}
