/** The exact polish: an independent set of booths re-assigned optimally by the Hungarian method. */
import { FORBIDDEN, solveAssignment } from "./hungarian.ts";
import type { SearchState } from "./search-state.ts";

/**
 * Exact re-assignment on a random maximal independent set of booths of one size class: the
 * exhibitors on those booths (and the unplaced ones of the class) are re-assigned optimally
 * among them by the Hungarian method. As no two chosen booths touch, the cluster term and the
 * competitor rule of every (exhibitor, booth) pair depend only on fixed neighbours, so the
 * sub-problem is a plain assignment problem and its optimum never lowers the objective.
 * Returns the gain.
 */
export function reassignIndependentSet(search: SearchState, classIndex: number): number {
  const { model, bonus } = search.ctx;
  const { exhibitorAt, boothOf, rng, stamp } = search;
  const freeOfClass = search.freeBooths[classIndex]!;
  if (freeOfClass.length < 2) return 0;
  const order = freeOfClass.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  const epoch = ++search.epoch;
  const chosenBooths: number[] = [];
  const isChosen = (booth: number) => {
    const k = search.colOf[booth]!;
    return k >= 0 && k < chosenBooths.length && chosenBooths[k] === booth;
  };
  for (const booth of order) {
    if (stamp[booth] === epoch) continue;
    chosenBooths.push(booth);
    stamp[booth] = epoch;
    for (const neighbour of model.adjacent[booth]!) stamp[neighbour] = epoch;
  }
  const rows: number[] = [];
  for (const booth of chosenBooths) if (exhibitorAt[booth]! >= 0) rows.push(exhibitorAt[booth]!);
  const placedRows = rows.length;
  for (const exhibitor of search.movableOfClass[classIndex]!) if (boothOf[exhibitor]! < 0) rows.push(exhibitor);
  if (rows.length === 0) return 0;
  const rowCount = rows.length;
  const columnCount = chosenBooths.length;
  const clusterWeight = model.clusterWeight;
  const clusterCount = model.clusterMembers.length;
  // same-cluster neighbour counts per chosen booth (neighbours are never chosen themselves)
  const counts = clusterWeight !== 0 ? new Int32Array(columnCount * clusterCount) : null;
  const colOf = search.colOf;
  for (let k = 0; k < columnCount; k++) {
    const booth = chosenBooths[k]!;
    colOf[booth] = k;
    if (counts) {
      for (const neighbour of model.adjacent[booth]!) {
        const other = exhibitorAt[neighbour]!;
        if (other >= 0) counts[k * clusterCount + model.clusterOf[other]!]!++;
      }
    }
  }
  const cost = new Float64Array(rowCount * columnCount);
  for (let r = 0; r < rowCount; r++) {
    const exhibitor = rows[r]!;
    const cluster = model.clusterOf[exhibitor]!;
    const values = model.values[exhibitor]!;
    const rowStart = r * columnCount;
    for (let k = 0; k < columnCount; k++) {
      cost[rowStart + k] = -(bonus + values[model.boothPlaceInClass[chosenBooths[k]!]!]! + (counts ? clusterWeight * counts[k * clusterCount + cluster]! : 0));
    }
    // never next to a competitor that stays where it is
    const competitors = model.competitors[exhibitor]!;
    for (let q = 0; q < competitors.length; q++) {
      const competitorBooth = boothOf[competitors[q]!]!;
      if (competitorBooth < 0 || isChosen(competitorBooth)) continue;
      for (const neighbour of model.adjacent[competitorBooth]!) {
        const k = colOf[neighbour]!;
        if (k >= 0 && k < columnCount && chosenBooths[k] === neighbour) cost[rowStart + k] = FORBIDDEN;
      }
    }
  }
  let before = 0;
  for (let r = 0; r < placedRows; r++) before -= cost[r * columnCount + colOf[boothOf[rows[r]!]!]!]!;
  const columnOfRow = solveAssignment(rowCount, columnCount, cost, rowCount - placedRows);
  let after = 0;
  for (let r = 0; r < rowCount; r++) {
    const k = columnOfRow[r]!;
    if (k >= 0 && k < columnCount) {
      const v = cost[r * columnCount + k]!;
      if (v >= FORBIDDEN / 2) return 0; // cannot happen (the current placement is feasible)
      after -= v;
    }
  }
  if (after < before - 1e-9) return 0;
  for (const booth of chosenBooths) exhibitorAt[booth] = -1;
  for (let r = 0; r < rowCount; r++) boothOf[rows[r]!] = -1;
  for (let r = 0; r < rowCount; r++) {
    const k = columnOfRow[r]!;
    if (k >= 0 && k < columnCount) {
      exhibitorAt[chosenBooths[k]!] = rows[r]!;
      boothOf[rows[r]!] = chosenBooths[k]!;
    }
  }
  search.current += after - before;
  search.lnsSteps++;
  return after - before;
}
