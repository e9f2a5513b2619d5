/**
 * The allocation problem in index form: booths sorted by code, exhibitors by ref, size classes,
 * adjacency, each exhibitor's value at each booth of its class, clusters and competitors.
 */
import { DEFAULT_WEIGHTS } from "../../../lib/allocation-weights.ts";
import { adjacencyLists, normalizeSize, sizeClass } from "../geometry.ts";
import type { AllocationScore, Booth, Exhibitor, Weights } from "./types.ts";

function resolveWeights(w?: Partial<Weights>): Weights {
  return {
    priorityBase: w?.priorityBase ?? DEFAULT_WEIGHTS.priorityBase,
    preferences: [...(w?.preferences ?? DEFAULT_WEIGHTS.preferences)],
    homeZone: w?.homeZone ?? DEFAULT_WEIGHTS.homeZone,
    sameClusterAdjacent: w?.sameClusterAdjacent ?? DEFAULT_WEIGHTS.sameClusterAdjacent,
  };
}

export const compareStrings = (a: string, booth: string) => (a < booth ? -1 : a > booth ? 1 : 0);

export interface Model {
  booths: Booth[];
  exhibitors: Exhibitor[];
  boothIndex: Map<string, number>;
  exhibitorIndex: Map<string, number>;
  adjacent: Int32Array[];
  boothClass: Int32Array;
  exhibitorClass: Int32Array;
  classSizes: string[];
  classBooths: number[][];
  boothPlaceInClass: Int32Array;
  /** val[e][local booth index in e's class] = score of e at that booth (without cluster term). */
  values: Float64Array[];
  /** The same values in one array: valFlat[valOff[e] + local booth index]. */
  valuesFlat: Float64Array;
  valuesOffset: Int32Array;
  clusterOf: Int32Array;
  clusterMembers: number[][];
  competitors: Int32Array[];
  weights: Weights;
  clusterWeight: number;
}

export function buildModel(booths: readonly Booth[], exhibitors: readonly Exhibitor[], weightsIn?: Partial<Weights>): Model {
  const weights = resolveWeights(weightsIn);
  const sortedBooths = [...booths].sort((first, second) => compareStrings(first.code, second.code));
  const sortedExhibitors = [...exhibitors].sort((first, second) => compareStrings(first.ref, second.ref));
  const boothIndex = new Map<string, number>();
  sortedBooths.forEach((booth, i) => {
    if (!boothIndex.has(booth.code)) boothIndex.set(booth.code, i);
  });
  const exhibitorIndex = new Map<string, number>();
  sortedExhibitors.forEach((exhibitor, i) => {
    if (!exhibitorIndex.has(exhibitor.ref)) exhibitorIndex.set(exhibitor.ref, i);
  });
  const adjacent = adjacencyLists(sortedBooths).map((neighbours) => Int32Array.from(neighbours));
  const classOf = new Map<string, number>();
  const classSizes: string[] = [];
  const boothClass = new Int32Array(sortedBooths.length);
  const sizes = [...new Set(sortedBooths.map((booth) => sizeClass(booth)))].sort(compareStrings);
  for (const size of sizes) {
    classOf.set(size, classSizes.length);
    classSizes.push(size);
  }
  const classBooths: number[][] = classSizes.map(() => []);
  const boothPlaceInClass = new Int32Array(sortedBooths.length);
  sortedBooths.forEach((booth, i) => {
    const classIndex = classOf.get(sizeClass(booth))!;
    boothClass[i] = classIndex;
    boothPlaceInClass[i] = classBooths[classIndex]!.length;
    classBooths[classIndex]!.push(i);
  });
  const exhibitorClass = new Int32Array(sortedExhibitors.length);
  const clusterIds = new Map<string, number>();
  const clusterNames = [...new Set(sortedExhibitors.map((exhibitor) => String(exhibitor.cluster ?? "")))].sort(compareStrings);
  clusterNames.forEach((name, i) => clusterIds.set(name, i));
  const clusterOf = new Int32Array(sortedExhibitors.length);
  const clusterMembers: number[][] = clusterNames.map(() => []);
  const competitorSets: Set<number>[] = sortedExhibitors.map(() => new Set<number>());
  const values: Float64Array[] = [];
  const preferenceWeights = weights.preferences;
  sortedExhibitors.forEach((exhibitor, i) => {
    const classIndex = classOf.get(normalizeSize(String(exhibitor.size ?? ""))) ?? -1;
    exhibitorClass[i] = classIndex;
    const clusterIndex = clusterIds.get(String(exhibitor.cluster ?? ""))!;
    clusterOf[i] = clusterIndex;
    clusterMembers[clusterIndex]!.push(i);
    for (const ref of exhibitor.competitors ?? []) {
      const j = exhibitorIndex.get(ref);
      if (j !== undefined && j !== i) {
        competitorSets[i]!.add(j);
        competitorSets[j]!.add(i);
      }
    }
    if (classIndex < 0) {
      values.push(new Float64Array(0));
      return;
    }
    const classBoothList = classBooths[classIndex]!;
    const v = new Float64Array(classBoothList.length);
    const multiplier = weights.priorityBase + (Number(exhibitor.priority) || 0);
    const home = exhibitor.homeZone ?? null;
    if (home !== null && weights.homeZone !== 0) {
      for (let k = 0; k < classBoothList.length; k++) if (sortedBooths[classBoothList[k]!]!.zone === home) v[k] = multiplier * weights.homeZone;
    }
    const seen = new Set<string>();
    (exhibitor.preferences ?? []).forEach((code, k) => {
      if (seen.has(code)) return;
      seen.add(code);
      const booth = boothIndex.get(code);
      if (booth === undefined || boothClass[booth] !== classIndex) return;
      const place = boothPlaceInClass[booth]!;
      v[place] = v[place]! + multiplier * (preferenceWeights[k] ?? 0);
    });
    values.push(v);
  });
  const competitors = competitorSets.map((set) => Int32Array.from([...set].sort((first, second) => first - second)));
  const valuesOffset = new Int32Array(sortedExhibitors.length);
  let total = 0;
  values.forEach((v, i) => {
    valuesOffset[i] = total;
    total += v.length;
  });
  const valuesFlat = new Float64Array(total);
  values.forEach((v, i) => valuesFlat.set(v, valuesOffset[i]!));
  return {
    valuesFlat,
    valuesOffset,
    booths: sortedBooths,
    exhibitors: sortedExhibitors,
    boothIndex,
    exhibitorIndex,
    adjacent,
    boothClass,
    exhibitorClass,
    classSizes,
    classBooths,
    boothPlaceInClass,
    values,
    clusterOf,
    clusterMembers,
    competitors,
    weights,
    clusterWeight: weights.sameClusterAdjacent,
  };
}

export function valueAt(model: Model, exhibitor: number, booth: number): number {
  return model.values[exhibitor]![model.boothPlaceInClass[booth]!] ?? 0;
}

export function isCompetitor(model: Model, exhibitor: number, other: number): boolean {
  const competitors = model.competitors[exhibitor]!;
  for (let k = 0; k < competitors.length; k++) if (competitors[k] === other) return true;
  return false;
}

/** Score breakdown of an occupancy vector (booth index → exhibitor index or -1). */
export function scoreOccupancy(model: Model, exhibitorAt: Int32Array): AllocationScore {
  let total = 0;
  let firstChoice = 0;
  let top3 = 0;
  let pairs = 0;
  for (let booth = 0; booth < exhibitorAt.length; booth++) {
    const exhibitor = exhibitorAt[booth]!;
    if (exhibitor < 0) continue;
    if (model.exhibitorClass[exhibitor] === model.boothClass[booth]) total += valueAt(model, exhibitor, booth);
    const preferences = model.exhibitors[exhibitor]!.preferences ?? [];
    const code = model.booths[booth]!.code;
    if (preferences[0] === code) firstChoice++;
    if (preferences.slice(0, 3).includes(code)) top3++;
    const cluster = model.clusterOf[exhibitor]!;
    for (const neighbour of model.adjacent[booth]!) {
      if (neighbour <= booth) continue;
      const other = exhibitorAt[neighbour]!;
      if (other >= 0 && model.clusterOf[other] === cluster) pairs++;
    }
  }
  total += pairs * model.clusterWeight;
  return { total, firstChoice, top3, sameClusterAdjacent: pairs };
}

/**
 * Bonus per placed exhibitor: larger than any possible difference in score, so one more
 * exhibitor placed always wins (lexicographic objective), whatever the signs of the weights.
 */
export function placementBonus(model: Model): number {
  let maxScore = 0;
  for (let exhibitor = 0; exhibitor < model.exhibitors.length; exhibitor++) {
    let best = 0;
    for (const v of model.values[exhibitor]!) if (Math.abs(v) > best) best = Math.abs(v);
    maxScore += best;
  }
  let adjacentPairs = 0;
  for (let booth = 0; booth < model.booths.length; booth++) adjacentPairs += model.adjacent[booth]!.length;
  maxScore += (Math.abs(model.clusterWeight) * adjacentPairs) / 2;
  return 2 * Math.ceil(maxScore) + 1;
}

/** Competitor pairs [a, b] with a < b. */
export function competitorPairs(model: Model): [number, number][] {
  const pairs: [number, number][] = [];
  for (let first = 0; first < model.exhibitors.length; first++) {
    for (const second of model.competitors[first]!) if (first < second) pairs.push([first, second]);
  }
  return pairs;
}
