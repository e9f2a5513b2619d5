/**
 * Phase 2, the full objective: simulated annealing and exact re-assignment on independent sets of
 * booths, never breaking a hard rule or lowering the number placed.
 */
import type { SolverContext, Solution } from "./context.ts";
import { anneal } from "./anneal.ts";
import { reassignIndependentSet } from "./independent-set.ts";
import { Random } from "./random.ts";
import { SearchState } from "./search-state.ts";
import type { Tuning } from "./types.ts";

/** The search state with its two moves: annealing and independent-set polishing. */
class Search extends SearchState {
  /** Simulated annealing from the current solution (./anneal.ts). */
  anneal(iterations: number, startTemperature: number, endTemperature: number, pZone: number): void {
    anneal(this, iterations, startTemperature, endTemperature, pZone);
  }

  /** Independent-set neighbourhoods over all classes until `maxFails` in a row bring nothing. */
  polish(maxFails: number): void {
    const classes: number[] = [];
    for (let classIndex = 0; classIndex < this.freeBooths.length; classIndex++) if (this.freeBooths[classIndex]!.length >= 2) classes.push(classIndex);
    if (classes.length === 0) return;
    // weight classes by size so the big class gets most attempts
    const weights = classes.map((classIndex) => this.freeBooths[classIndex]!.length);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let fails = 0;
    while (fails < maxFails && !this.timeUp()) {
      let r = this.rng.next() * total;
      let classIndex = classes[classes.length - 1]!;
      for (let k = 0; k < classes.length; k++) {
        r -= weights[k]!;
        if (r < 0) {
          classIndex = classes[k]!;
          break;
        }
      }
      const gain = reassignIndependentSet(this, classIndex);
      if (gain > 1e-9) fails = 0;
      else fails++;
    }
    this.saveIfBest();
  }
}

/** The default budgets, scaled by `effort`, with the caller's overrides. */
export function defaultTuning(exhibitorCount: number, effort: number, overrides?: Partial<Tuning>): Tuning {
  return {
    // ~4000 moves per exhibitor, at most 1 M (reached at 250 exhibitors)
    annealIterations: Math.round(Math.min(1_000_000, Math.max(20_000, 4000 * exhibitorCount)) * effort),
    rounds: Math.max(1, Math.round(8 * Math.sqrt(effort))),
    t0: 2,
    t1: 0.02,
    reheat: 0.5,
    pZone: 0.25,
    chains: 1,
    lnsFails: 16,
    maxNodes: Math.round(800 * effort),
    ...overrides,
  };
}

export interface SearchOutcome {
  solution: Solution;
  annealIterations: number;
  lnsSteps: number;
  timeCapped: boolean;
}

/** Rounds of annealing, each followed by the exact polish, on independent chains from `start`; the best wins. */
export function improve(ctx: SolverContext, start: Solution, rng: Random, tuning: Tuning, alreadyCapped: boolean): SearchOutcome {
  const { model } = ctx;
  const scale = model.clusterWeight > 0 ? model.clusterWeight : Math.max(1, model.weights.priorityBase);
  let solution = start;
  let bestVal = -Infinity;
  let annealIterations = 0;
  let lnsSteps = 0;
  let timeCapped = alreadyCapped;
  const chains = Math.max(1, Math.round(tuning.chains));
  for (let chain = 0; chain < chains; chain++) {
    const search = new Search(ctx, start, new Random(rng.u32()));
    search.polish(tuning.lnsFails);
    const per = Math.floor(tuning.annealIterations / chains / tuning.rounds);
    for (let r = 0; r < tuning.rounds && !search.timeCapped; r++) {
      search.restoreBest();
      search.anneal(per, scale * tuning.t0 * (r === 0 ? 1 : tuning.reheat), scale * tuning.t1, tuning.pZone);
      search.polish(tuning.lnsFails);
    }
    search.restoreBest();
    if (search.best > bestVal + 1e-9) {
      bestVal = search.best;
      solution = { exhibitorAt: search.bestExhibitorAt, boothOf: search.bestBoothOf };
    }
    annealIterations += search.iterations;
    lnsSteps += search.lnsSteps;
    timeCapped ||= search.timeCapped;
    if (timeCapped) break;
  }
  return { solution: solution, annealIterations, lnsSteps, timeCapped };
}
