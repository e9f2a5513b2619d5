/**
 * Which knowledge cluster regions each seeded event belongs to, as the source documents say: the
 * FY2003 joint result presentations are the 「合同成果発表会（平成15年度実績）」 column of the 000/003
 * tie-up table, one row per council, and each row names its knowledge cluster regions (the
 * `regionsJa` of events.ts). Events the documents tie to no region (the national forums, Cluster
 * Japan, the seminars) have no entry; the directory shows them under their block instead.
 */
export const seedEventClusters: Record<string, string[]> = {
  "fy2003-hokkaido-it-cluster-forum-joint-presentation": ["kc-sapporo"],
  "fy2003-collaboration-forum-2003": ["kc-sapporo"],
  "fy2003-tohoku-cluster-collaboration-2004": ["kc-sendai"],
  "fy2003-joint-presentation-2003-in-shinshu": ["kc-nagano-ueda"],
  "fy2003-optronics-hamamatsu-forum-2004": ["kc-hamamatsu"],
  "fy2003-hokuriku-cluster-forum": ["kc-toyama-takaoka", "kc-kanazawa"],
  "fy2003-tokai-monozukuri-cluster-forum-2004": ["kc-gifu-ogaki", "kc-nagoya"],
  "fy2003-kinki-cluster-joint-presentation": ["kc-kyoto", "kc-kansai-science-city"],
  "fy2003-kansai-wide-cluster-joint-presentation": ["kc-saito", "kc-kobe"],
  "fy2003-hiroshima-iag-fair-tokyo": ["kc-hiroshima"],
  "fy2003-yamaguchi-ube-research-results-2003": ["kc-ube"],
  "fy2003-shikoku-iag-project-results": ["kc-tokushima", "kc-takamatsu"],
  "fy2003-synergy-kyushu-2003": ["kc-fukuoka", "kc-kitakyushu"],
};
