/** The allocator's input, output and tuning knobs. */
import type { Weights } from "../../../lib/allocation-weights.ts";
import type { Booth } from "../geometry.ts";

export type { Booth } from "../geometry.ts";
export type { Weights } from "../../../lib/allocation-weights.ts";

export interface Exhibitor {
  ref: string;
  cluster: string;
  field: string;
  /** Size class `"{long}x{short}"`, e.g. "1x1", "2x1", "3x3" ("1x2" is read as "2x1"). */
  size: string;
  /** 0–10. */
  priority: number;
  /** Up to 3 booth codes, best first. */
  preferences: string[];
  homeZone?: string | null;
  /** Refs of competitors; the relation is symmetric (either list suffices). */
  competitors: string[];
}

export interface Assignment {
  booth: string;
  exhibitor: string;
}

export type UnassignedReason = "no-booth-of-size" | "capacity" | "competitor-conflict";

export interface AllocationScore {
  total: number;
  /** Exhibitors at their first preference. */
  firstChoice: number;
  /** Exhibitors at any of their (first three) preferences. */
  top3: number;
  /** Adjacent booth pairs held by two exhibitors of the same cluster. */
  sameClusterAdjacent: number;
}

export interface AllocateInput {
  booths: readonly Booth[];
  exhibitors: readonly Exhibitor[];
  pinned?: readonly Assignment[];
  weights?: Partial<Weights>;
  /** Safety cap on wall time (default 2000 ms). Results are budget-driven, not time-driven. */
  timeLimitMs?: number;
  /** Clock in ms used for the safety cap and `elapsedMs` (default `performance.now`). */
  now?: () => number;
  /** Multiplier on the search budgets (default 1). The benchmark's long search uses more. */
  effort?: number;
  /** Overrides the seed derived from the input. */
  seed?: number;
  /** Advanced search parameters (benchmarks). */
  tuning?: Partial<Tuning>;
}

export interface AllocateStats {
  /** Phase 1 proved optimality of the objective without the cluster term. */
  linearOptimal: boolean;
  /** Upper bound on the score without the cluster term (only meaningful with linearOptimal or as a bound). */
  linearBound: number;
  bbNodes: number;
  annealIterations: number;
  /** Improving exact independent-set re-assignments. */
  lnsSteps: number;
  /** The time cap cut a phase short (the result then depends on timing). */
  timeCapped: boolean;
  seed: number;
}

export interface AllocateResult {
  assignments: Assignment[];
  unassigned: { exhibitor: string; reason: UnassignedReason }[];
  score: AllocationScore;
  elapsedMs: number;
  stats: AllocateStats;
}

export interface Tuning {
  /** Annealing moves (default min(1 M, 4000 × exhibitors) × effort). */
  annealIterations: number;
  /** Annealing restarts from the best solution (default 8 × √effort). */
  rounds: number;
  /** Start / end temperature as a multiple of sameClusterAdjacent (or of priorityBase when 0). */
  t0: number;
  t1: number;
  /** Start temperature of later rounds, relative to t0. */
  reheat: number;
  /** Independent annealing chains from the phase-1 solution (best one wins). */
  chains: number;
  /** Share of annealing moves that target a booth in the exhibitor's home zone. */
  pZone: number;
  /** Consecutive non-improving independent-set neighbourhoods before the polish stops. */
  lnsFails: number;
  /** Branch-and-bound node budget (default 800 × effort). */
  maxNodes: number;
}
