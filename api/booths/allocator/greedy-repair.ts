/** Phase 1's incumbent heuristic: a relaxed solution made feasible by dropping and re-placing greedily. */
import type { SolverContext, Solution } from "./context.ts";
import { isCompetitor, valueAt } from "./model.ts";

/** bonus × placed + Σ value (the objective without the cluster term). */
export function linearValue(ctx: SolverContext, exhibitorAt: Int32Array): number {
  const { model, bonus } = ctx;
  let sum = 0;
  for (let booth = 0; booth < exhibitorAt.length; booth++) {
    const exhibitor = exhibitorAt[booth]!;
    if (exhibitor >= 0) sum += bonus + valueAt(model, exhibitor, booth);
  }
  return sum;
}

/**
 * Of each adjacent competitor pair the free one with the lower value leaves its booth; then every
 * unplaced exhibitor, best possible value first, takes its best free booth that breaks no rule.
 */
export function repairGreedily(ctx: SolverContext, relaxed: Solution, bestValueOf: number[]): Solution {
  const { model, pinnedBoothOf } = ctx;
  const exhibitorAt = Int32Array.from(relaxed.exhibitorAt);
  const boothOf = Int32Array.from(relaxed.boothOf);
  const conflicted = (exhibitor: number, booth: number) => {
    for (const neighbour of model.adjacent[booth]!) {
      const other = exhibitorAt[neighbour]!;
      if (other >= 0 && other !== exhibitor && isCompetitor(model, exhibitor, other)) return true;
    }
    return false;
  };
  for (const [a, b] of ctx.competitorPairs) {
    const boothOfA = boothOf[a]!;
    const boothOfB = boothOf[b]!;
    if (boothOfA < 0 || boothOfB < 0 || !model.adjacent[boothOfA]!.includes(boothOfB)) continue;
    let drop = a;
    if (pinnedBoothOf[a]! >= 0) drop = b;
    else if (pinnedBoothOf[b]! < 0 && valueAt(model, b, boothOfB) < valueAt(model, a, boothOfA)) drop = b;
    exhibitorAt[boothOf[drop]!] = -1;
    boothOf[drop] = -1;
  }
  const unplaced: number[] = [];
  for (let exhibitor = 0; exhibitor < model.exhibitors.length; exhibitor++) {
    if (boothOf[exhibitor]! < 0 && model.exhibitorClass[exhibitor]! >= 0) unplaced.push(exhibitor);
  }
  unplaced.sort((first, second) => bestValueOf[second]! - bestValueOf[first]! || first - second);
  for (const exhibitor of unplaced) {
    let best = -1;
    let bestValue = -Infinity;
    for (const booth of model.classBooths[model.exhibitorClass[exhibitor]!]!) {
      if (exhibitorAt[booth]! >= 0) continue;
      const value = valueAt(model, exhibitor, booth);
      if (value > bestValue && !conflicted(exhibitor, booth)) {
        bestValue = value;
        best = booth;
      }
    }
    if (best >= 0) {
      exhibitorAt[best] = exhibitor;
      boothOf[exhibitor] = best;
    }
  }
  return { exhibitorAt, boothOf };
}
