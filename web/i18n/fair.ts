/** Words of the public fair page's map and exhibitor search, in Japanese and English. */

const ja = {
  fairSearchTitle: "出展者を探す",
  fairSearchLabel: "キーワード",
  fairSearchHint: "出展者名・所属・ブース番号（ひらがな・カタカナどちらでも）",
  fairFieldAll: "すべての分野",
  fairClusterAll: "すべてのクラスター",
  fairSearchButton: "探す",
  fairSearchClear: "条件をクリア",
  fairMapHint: "ブースを選ぶと、その出展者が一覧に表示されます。地図は横にスクロールできます。",
  fairFound: (n: number, all: number) => `${all}件中 ${n}件`,
  fairNone: "条件に合う出展者はいません。",
  fairBoothLink: (code: string, who: string) => `ブース ${code}：${who}`,
  fairFreeBooth: (code: string) => `ブース ${code}（空き）`,
  fairOnMap: "地図で見る",
};

const en: typeof ja = {
  fairSearchTitle: "Find an exhibitor",
  fairSearchLabel: "Keywords",
  fairSearchHint: "Exhibitor, organisation or booth code (hiragana or katakana alike)",
  fairFieldAll: "All fields",
  fairClusterAll: "All clusters",
  fairSearchButton: "Search",
  fairSearchClear: "Clear",
  fairMapHint: "Choose a booth to see its exhibitor in the list. The map scrolls sideways.",
  fairFound: (n: number, all: number) => `${n} of ${all}`,
  fairNone: "No exhibitor matches.",
  fairBoothLink: (code: string, who: string) => `Booth ${code}: ${who}`,
  fairFreeBooth: (code: string) => `Booth ${code} (free)`,
  fairOnMap: "Show on the map",
};

export const FAIR_WORDS = { ja, en };
