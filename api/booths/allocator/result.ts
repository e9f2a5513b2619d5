import type { SolverContext, LinearResult, Solution } from "./context.ts";
import { countPlaced } from "./exhaustive.ts";
import { scoreOccupancy } from "./model.ts";
import type { AllocateResult, AllocateStats, Assignment, UnassignedReason } from "./types.ts";

/** The solution in codes and refs, with the reason each unplaced exhibitor has no booth. */
export function describeSolution(
  ctx: SolverContext,
  solution: Solution,
  phase1: LinearResult,
  stats: Omit<AllocateStats, "linearOptimal" | "linearBound" | "bbNodes">,
  elapsedMs: () => number,
): AllocateResult {
  const { model, bonus } = ctx;
  const boothCount = model.booths.length;
  const exhibitorCount = model.exhibitors.length;
  const assignments: Assignment[] = [];
  const used = new Int32Array(model.classSizes.length);
  for (let booth = 0; booth < boothCount; booth++) {
    const exhibitor = solution.exhibitorAt[booth]!;
    if (exhibitor >= 0) {
      assignments.push({ booth: model.booths[booth]!.code, exhibitor: model.exhibitors[exhibitor]!.ref });
      used[model.boothClass[booth]!]!++;
    }
  }
  const unassigned: AllocateResult["unassigned"] = [];
  for (let exhibitor = 0; exhibitor < exhibitorCount; exhibitor++) {
    if (solution.boothOf[exhibitor]! >= 0) continue;
    const classIndex = model.exhibitorClass[exhibitor]!;
    const reason: UnassignedReason =
      classIndex < 0 || model.classBooths[classIndex]!.length === 0 ? "no-booth-of-size" : used[classIndex]! >= model.classBooths[classIndex]!.length ? "capacity" : "competitor-conflict";
    unassigned.push({ exhibitor: model.exhibitors[exhibitor]!.ref, reason });
  }
  const score = scoreOccupancy(model, solution.exhibitorAt);
  return {
    assignments,
    unassigned,
    score,
    elapsedMs: elapsedMs(),
    stats: {
      linearOptimal: phase1.optimal,
      linearBound: phase1.bound - bonus * countPlaced(solution.exhibitorAt),
      bbNodes: phase1.nodes,
      annealIterations: stats.annealIterations,
      lnsSteps: stats.lnsSteps,
      timeCapped: stats.timeCapped,
      seed: stats.seed,
    },
  };
}
