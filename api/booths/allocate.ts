/**
 * Techno-fair booth allocation: pure core (no I/O, no WASM; runs on Cloudflare Workers).
 *
 * Objective, lexicographic:
 *   1. place as many exhibitors as possible (cardinality; booth size class must match),
 *   2. then maximise the score
 *        Σ_placed (priorityBase + priority) × (preferences[k] if the booth is the (k+1)-th
 *                 preference, else 0;  + homeZone if the booth's zone is the home zone)
 *      + sameClusterAdjacent × #(adjacent booth pairs held by two exhibitors of one cluster)
 * subject to: one booth per exhibitor, one exhibitor per booth, competitors never adjacent,
 * pinned assignments kept.
 *
 * Method.
 *   Phase 1 (exact for the objective without the cluster term): per size class an assignment
 *   problem (max weight, with a bonus per placed exhibitor that dominates every score, so
 *   cardinality comes first) solved by the Hungarian method (successive shortest paths with
 *   potentials). Competitor rules are enforced by best-first branch and bound on violated
 *   rules: a conflict "a at booth i, competitor b next to i" branches into "a not at i" /
 *   "b at no neighbour of i"; each child is re-optimised incrementally (one augmenting path
 *   from the kept duals), so a node costs O(N²). Without the cluster term the result is the
 *   proven optimum unless the node budget runs out.
 *   Phase 2 (cluster term): rounds of simulated annealing with a seeded PRNG (moves, swaps,
 *   replacements and 3-rotations inside a size class, insertions that eject a competitor of
 *   another size), each followed by an exact polish: the exhibitors on a random maximal
 *   independent set of booths are re-assigned optimally by the Hungarian method (no two of those
 *   booths touch, so the cluster term and competitor rule are linear there). No step breaks a
 *   hard rule or lowers the number placed; the best solution seen is kept.
 *
 * Determinism: the input is canonicalised (booths by code, exhibitors by ref), the PRNG seed is
 * a hash of that canonical form, and work is bounded by iteration/node budgets. `timeLimitMs`
 * is only a safety cap (note: Workers freeze clocks during synchronous CPU work, so the
 * budgets are what bounds the run there).
 *
 * Modules (./allocator/): validation, model (the problem in index form), hungarian (the exact
 * assignment), class-problems + greedy-repair + branch-and-bound (phase 1), search + anneal +
 * independent-set (phase 2), exhaustive (small instances), random, rules (scoring and checks
 * of any assignment), result.
 */
import type { SolverContext } from "./allocator/context.ts";
import { branchAndBound } from "./allocator/branch-and-bound.ts";
import { exhaustive } from "./allocator/exhaustive.ts";
import { buildModel, competitorPairs, placementBonus } from "./allocator/model.ts";
import { canonicalSeed, Random } from "./allocator/random.ts";
import { describeSolution } from "./allocator/result.ts";
import { defaultTuning, improve } from "./allocator/search.ts";
import type { AllocateInput, AllocateResult } from "./allocator/types.ts";
import { resolvePins, validateInput } from "./allocator/validation.ts";

export { DEFAULT_WEIGHTS } from "../../lib/allocation-weights.ts";
export { checkRules, scoreAssignment } from "./allocator/rules.ts";
export type * from "./allocator/types.ts";
export { AllocationInputError } from "./allocator/validation.ts";

const defaultNow = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function allocate(input: AllocateInput): AllocateResult {
  const now = input.now ?? defaultNow;
  const startedAt = now();
  validateInput(input);
  const model = buildModel(input.booths, input.exhibitors, input.weights);
  const pins = input.pinned ?? [];
  const { pinnedBoothOf, pinnedExhibitorAt } = resolvePins(model, pins);
  const seed = input.seed ?? canonicalSeed(model, pins);
  const rng = new Random(seed);
  const ctx: SolverContext = {
    model: model,
    bonus: placementBonus(model),
    pinnedBoothOf,
    pinnedExhibitorAt,
    competitorPairs: competitorPairs(model),
    now,
    deadline: startedAt + (input.timeLimitMs ?? 2000),
  };
  const tuning = defaultTuning(model.exhibitors.length, input.effort ?? 1, input.tuning);

  const linear = branchAndBound(ctx, tuning.maxNodes);
  let solution = linear.solution;
  let searched = { annealIterations: 0, lnsSteps: 0, timeCapped: linear.timeCapped };
  if (model.clusterWeight !== 0 || !linear.optimal) {
    const outcome = improve(ctx, solution, rng, tuning, linear.timeCapped);
    solution = outcome.solution;
    searched = outcome;
  }
  // Small instances are solved exactly, so the result there is provably optimal, cluster term included.
  solution = exhaustive(ctx, 200_000) ?? solution;

  return describeSolution(ctx, solution, linear, { ...searched, seed }, () => now() - startedAt);
}
