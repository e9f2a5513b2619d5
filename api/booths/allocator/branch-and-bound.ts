/**
 * Phase 1, exact for the objective without the cluster term: the per-class assignment problems
 * (./class-problems.ts) are the relaxation; a conflict "a at booth i, competitor b next to i"
 * branches into "a not at i" / "b at no neighbour of i", best bound first, and each child is
 * re-optimised incrementally (one augmenting path from the kept duals per removed edge).
 */
import { buildClassProblems, solveRoot, type ClassProblems } from "./class-problems.ts";
import type { LinearResult, SolverContext, Solution } from "./context.ts";
import { linearValue, repairGreedily } from "./greedy-repair.ts";
import { Heap } from "./heap.ts";
import { augmentFrom, FORBIDDEN, matchedValue, type AssignmentState } from "./hungarian.ts";
import { valueAt } from "./model.ts";

/** Edges (row, column) removed from one class problem, as a list shared with the parent node. */
export interface ForbiddenEdge {
  row: number;
  col: number;
  next: ForbiddenEdge | null;
}

export interface BranchNode {
  bound: number;
  depth: number;
  id: number;
  states: AssignmentState[];
  forbidden: (ForbiddenEdge | null)[];
}

const EPSILON = 1e-6;

/** Best bound first; among equals the deeper node, then the older one. */
const betterNode = (x: BranchNode, y: BranchNode) =>
  x.bound > y.bound || (x.bound === y.bound && (x.depth > y.depth || (x.depth === y.depth && x.id < y.id)));

export function branchAndBound(ctx: SolverContext, maxNodes: number): LinearResult {
  const { model } = ctx;
  const classes = buildClassProblems(ctx);
  const rootStates = classes.problems.map(solveRoot);
  const pinnedValue = valueOfPins(ctx);
  const bound = (states: AssignmentState[]) => states.reduce((sum, state) => sum + state.value, pinnedValue);
  const relaxed: Solution = { exhibitorAt: new Int32Array(model.booths.length), boothOf: new Int32Array(model.exhibitors.length) };
  const bestValueOf = model.values.map((values) => values.reduce((best, value) => Math.max(best, value), 0));

  let nextId = 0;
  const child = (parent: BranchNode, problemIndex: number, edges: [number, number][]): BranchNode => {
    const { state, forbidden } = withoutEdges(classes, parent, problemIndex, edges);
    const states = parent.states.slice();
    states[problemIndex] = state;
    const forbiddenLists = parent.forbidden.slice();
    forbiddenLists[problemIndex] = forbidden;
    return { bound: bound(states), depth: parent.depth + 1, id: nextId++, states, forbidden: forbiddenLists };
  };

  const root: BranchNode = { bound: bound(rootStates), depth: 0, id: nextId++, states: rootStates, forbidden: classes.problems.map(() => null) };
  const heap = new Heap<BranchNode>(betterNode);
  heap.push(root);
  let incumbent: Solution | null = null;
  let incumbentValue = -Infinity;
  let nodes = 0;
  let optimal = false;
  let timeCapped = false;
  let bestBound = root.bound;
  let stopped = false;
  while (heap.size > 0) {
    const node = heap.pop()!;
    bestBound = node.bound;
    if (node.bound <= incumbentValue + EPSILON) {
      optimal = true;
      break;
    }
    if (nodes >= maxNodes || ctx.now() > ctx.deadline) {
      timeCapped = nodes < maxNodes;
      stopped = true;
      break;
    }
    nodes++;
    fillRelaxed(ctx, classes, node.states, relaxed);
    const conflict = firstConflict(ctx, relaxed.boothOf);
    if (!conflict) {
      // Relaxation feasible: its value is the node's optimum.
      if (node.bound > incumbentValue) {
        incumbentValue = node.bound;
        incumbent = { exhibitorAt: Int32Array.from(relaxed.exhibitorAt), boothOf: Int32Array.from(relaxed.boothOf) };
      }
      continue;
    }
    const candidate = repairGreedily(ctx, relaxed, bestValueOf);
    const candidateValue = linearValue(ctx, candidate.exhibitorAt);
    if (candidateValue > incumbentValue) {
      incumbentValue = candidateValue;
      incumbent = candidate;
    }
    const [first, boothOfFirst, second] = conflict;
    const notThere = child(node, classes.problemOfClass[model.exhibitorClass[first]!]!, [[classes.rowOf[first]!, classes.colOf[boothOfFirst]!]]);
    const notNextToIt: [number, number][] = [];
    for (const neighbour of model.adjacent[boothOfFirst]!) {
      if (model.boothClass[neighbour] === model.exhibitorClass[second] && ctx.pinnedExhibitorAt[neighbour]! < 0) {
        notNextToIt.push([classes.rowOf[second]!, classes.colOf[neighbour]!]);
      }
    }
    const apart = child(node, classes.problemOfClass[model.exhibitorClass[second]!]!, notNextToIt);
    if (notThere.bound > incumbentValue + EPSILON) heap.push(notThere);
    if (apart.bound > incumbentValue + EPSILON) heap.push(apart);
  }
  if (!stopped && !optimal) {
    // every node was resolved or pruned
    optimal = true;
    bestBound = incumbentValue;
  } else if (!optimal) {
    bestBound = Math.max(bestBound, heap.peek()?.bound ?? -Infinity);
  }
  if (!incumbent) {
    fillRelaxed(ctx, classes, rootStates, relaxed);
    incumbent = repairGreedily(ctx, relaxed, bestValueOf);
    incumbentValue = linearValue(ctx, incumbent.exhibitorAt);
  }
  return { solution: incumbent, value: incumbentValue, bound: optimal ? incumbentValue : bestBound, optimal, nodes, timeCapped };
}

function valueOfPins(ctx: SolverContext): number {
  const { model, bonus, pinnedExhibitorAt } = ctx;
  let sum = 0;
  for (let booth = 0; booth < model.booths.length; booth++) {
    const exhibitor = pinnedExhibitorAt[booth]!;
    if (exhibitor >= 0) sum += bonus + valueAt(model, exhibitor, booth);
  }
  return sum;
}

/** A copy of the parent's state of one class problem, re-optimised without `edges`. */
function withoutEdges(classes: ClassProblems, parent: BranchNode, problemIndex: number, edges: [number, number][]) {
  const problem = classes.problems[problemIndex]!;
  const parentState = parent.states[problemIndex]!;
  const state: AssignmentState = {
    rowDual: Float64Array.from(parentState.rowDual),
    columnDual: Float64Array.from(parentState.columnDual),
    row4col: Int32Array.from(parentState.row4col),
    col4row: Int32Array.from(parentState.col4row),
    value: 0,
  };
  let forbidden = parent.forbidden[problemIndex]!;
  for (const [row, col] of edges) forbidden = { row, col, next: forbidden };
  const cell = (edge: ForbiddenEdge) => edge.row * problem.columns + edge.col;
  for (let edge: ForbiddenEdge | null = forbidden; edge; edge = edge.next) problem.work[cell(edge)] = FORBIDDEN;
  const unmatched: number[] = [];
  for (const [row, col] of edges) {
    if (state.col4row[row] === col) {
      state.col4row[row] = -1;
      state.row4col[col] = -1;
      unmatched.push(row);
    }
  }
  for (const row of unmatched) augmentFrom(problem, state, row);
  for (let edge: ForbiddenEdge | null = forbidden; edge; edge = edge.next) problem.work[cell(edge)] = problem.base[cell(edge)]!;
  state.value = matchedValue(problem, state);
  return { state, forbidden };
}

/** The relaxed solution of a node: pins plus each class problem's matching. */
function fillRelaxed(ctx: SolverContext, classes: ClassProblems, states: AssignmentState[], into: Solution): void {
  const { exhibitorAt, boothOf } = into;
  exhibitorAt.set(ctx.pinnedExhibitorAt);
  classes.problems.forEach((problem, index) => {
    const columnOfRow = states[index]!.col4row;
    for (let row = 0; row < problem.rows; row++) {
      const column = columnOfRow[row]!;
      if (column >= 0 && column < problem.columns) exhibitorAt[problem.columnBooths[column]!] = problem.rowExhibitors[row]!;
    }
  });
  boothOf.fill(-1);
  for (let booth = 0; booth < exhibitorAt.length; booth++) if (exhibitorAt[booth]! >= 0) boothOf[exhibitorAt[booth]!] = booth;
}

/** The first competitor pair side by side: [a, booth of a, b, booth of b], or null. */
function firstConflict(ctx: SolverContext, boothOf: Int32Array): [number, number, number, number] | null {
  for (const [a, b] of ctx.competitorPairs) {
    const boothOfA = boothOf[a]!;
    const boothOfB = boothOf[b]!;
    if (boothOfA < 0 || boothOfB < 0) continue;
    const neighbours = ctx.model.adjacent[boothOfA]!;
    for (let k = 0; k < neighbours.length; k++) if (neighbours[k] === boothOfB) return [a, boothOfA, b, boothOfB];
  }
  return null;
}
