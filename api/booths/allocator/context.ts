import type { Model } from "./model.ts";

export interface Solution {
  /** booth → exhibitor or -1 */
  exhibitorAt: Int32Array;
  /** exhibitor → booth or -1 */
  boothOf: Int32Array;
}

export interface LinearResult {
  solution: Solution;
  /** Linear objective (bonus × placed + Σ value) of the solution. */
  value: number;
  bound: number;
  optimal: boolean;
  nodes: number;
  timeCapped: boolean;
}

export interface SolverContext {
  model: Model;
  bonus: number;
  pinnedBoothOf: Int32Array; // exhibitor → booth or -1
  pinnedExhibitorAt: Int32Array; // booth → exhibitor or -1
  competitorPairs: [number, number][];
  now: () => number;
  deadline: number;
}
