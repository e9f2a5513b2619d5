import type { SolverContext, Solution } from "./context.ts";
import { isCompetitor, scoreOccupancy } from "./model.ts";

/**
 * Exhaustive search over every feasible assignment (pins kept, sizes matched, competitors apart),
 * maximising placed count first, then score. Only for instances whose search tree has at most
 * `maxLeaves` leaves (a bound computed up front); otherwise null.
 */
export function exhaustive(ctx: SolverContext, maxLeaves: number): Solution | null {
  const { model, bonus, pinnedBoothOf, pinnedExhibitorAt } = ctx;
  const boothCount = model.booths.length;
  const exhibitorCount = model.exhibitors.length;
  let leaves = 1;
  for (let exhibitor = 0; exhibitor < exhibitorCount; exhibitor++) {
    if (pinnedBoothOf[exhibitor]! >= 0) continue;
    leaves *= (model.classBooths[model.exhibitorClass[exhibitor]!]?.length ?? 0) + 1;
    if (leaves > maxLeaves) return null;
  }
  const exhibitorAt = new Int32Array(boothCount).fill(-1);
  for (let booth = 0; booth < boothCount; booth++) if (pinnedExhibitorAt[booth]! >= 0) exhibitorAt[booth] = pinnedExhibitorAt[booth]!;
  let best = -Infinity;
  let bestExhibitorAt: Int32Array | null = null;
  const canTake = (exhibitor: number, booth: number) => {
    if (exhibitorAt[booth]! >= 0) return false;
    for (const neighbour of model.adjacent[booth]!) {
      const other = exhibitorAt[neighbour]!;
      if (other >= 0 && isCompetitor(model, exhibitor, other)) return false;
    }
    return true;
  };
  const visit = (exhibitor: number, placed: number) => {
    if (exhibitor === exhibitorCount) {
      const value = placed * bonus + scoreOccupancy(model, exhibitorAt).total;
      if (value > best + 1e-9) {
        best = value;
        bestExhibitorAt = exhibitorAt.slice();
      }
      return;
    }
    if (pinnedBoothOf[exhibitor]! >= 0) return visit(exhibitor + 1, placed + 1);
    for (const booth of model.classBooths[model.exhibitorClass[exhibitor]!] ?? []) {
      if (!canTake(exhibitor, booth)) continue;
      exhibitorAt[booth] = exhibitor;
      visit(exhibitor + 1, placed + 1);
      exhibitorAt[booth] = -1;
    }
    visit(exhibitor + 1, placed);
  };
  visit(0, 0);
  if (!bestExhibitorAt) return null;
  const found: Int32Array = bestExhibitorAt;
  const boothOf = new Int32Array(exhibitorCount).fill(-1);
  for (let booth = 0; booth < boothCount; booth++) if (found[booth]! >= 0) boothOf[found[booth]!] = booth;
  return { exhibitorAt: found, boothOf };
}

export function countPlaced(exhibitorAt: Int32Array): number {
  let n = 0;
  for (let booth = 0; booth < exhibitorAt.length; booth++) if (exhibitorAt[booth]! >= 0) n++;
  return n;
}
