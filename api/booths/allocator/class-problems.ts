/**
 * Phase 1's relaxation: per size class, the free exhibitors and free booths as one assignment
 * problem (cost -(bonus + value), forbidden next to a pinned competitor), solved at the root.
 */
import type { SolverContext } from "./context.ts";
import { assignmentProblem, augmentFrom, emptyState, FORBIDDEN, matchedValue, type AssignmentProblem, type AssignmentState } from "./hungarian.ts";
import { isCompetitor } from "./model.ts";

export interface ClassProblems {
  problems: AssignmentProblem[];
  /** Size class → index into problems, -1 when the class has nothing free. */
  problemOfClass: Int32Array;
  /** Exhibitor → its row in its class's problem. */
  rowOf: Int32Array;
  /** Booth → its column in its class's problem. */
  colOf: Int32Array;
}

export function buildClassProblems(ctx: SolverContext): ClassProblems {
  const { model, bonus, pinnedBoothOf, pinnedExhibitorAt } = ctx;
  const exhibitorCount = model.exhibitors.length;
  const problems: AssignmentProblem[] = [];
  const problemOfClass = new Int32Array(model.classSizes.length).fill(-1);
  const rowOf = new Int32Array(exhibitorCount).fill(-1);
  const colOf = new Int32Array(model.booths.length).fill(-1);
  for (let classIndex = 0; classIndex < model.classSizes.length; classIndex++) {
    const columnBooths = model.classBooths[classIndex]!.filter((booth) => pinnedExhibitorAt[booth]! < 0);
    const rowExhibitors: number[] = [];
    for (let exhibitor = 0; exhibitor < exhibitorCount; exhibitor++) {
      if (model.exhibitorClass[exhibitor] === classIndex && pinnedBoothOf[exhibitor]! < 0) rowExhibitors.push(exhibitor);
    }
    if (columnBooths.length === 0 || rowExhibitors.length === 0) continue;
    const rows = rowExhibitors.length;
    const columns = columnBooths.length;
    const base = new Float64Array(rows * columns);
    rowExhibitors.forEach((exhibitor, row) => {
      rowOf[exhibitor] = row;
      const values = model.values[exhibitor]!;
      for (let column = 0; column < columns; column++) {
        const booth = columnBooths[column]!;
        let forbidden = false;
        // Never next to a pinned competitor.
        for (const neighbour of model.adjacent[booth]!) {
          const other = pinnedExhibitorAt[neighbour]!;
          if (other >= 0 && isCompetitor(model, exhibitor, other)) {
            forbidden = true;
            break;
          }
        }
        base[row * columns + column] = forbidden ? FORBIDDEN : -(bonus + values[model.boothPlaceInClass[booth]!]!);
      }
    });
    columnBooths.forEach((booth, column) => (colOf[booth] = column));
    problemOfClass[classIndex] = problems.length;
    problems.push(
      assignmentProblem(base, { rows, columns, size: rows + columns, classIndex, rowExhibitors, columnBooths }, Float64Array.from(base)),
    );
  }
  return { problems, problemOfClass, rowOf, colOf };
}

/** The optimum of one class problem from scratch. */
export function solveRoot(problem: AssignmentProblem): AssignmentState {
  const state = emptyState(problem.size);
  // Exhibitor rows by shortest augmenting paths (rectangular rows × size: free columns keep columnDual = 0) ...
  for (let row = 0; row < problem.rows; row++) augmentFrom(problem, state, row);
  // ... then the "empty booth" rows take the free columns with rowDual = 0: every reduced cost
  // -columnDual[j] is ≥ 0 and those edges are tight, so the square solution is optimal as is.
  let dummyRow = problem.rows;
  for (let column = 0; column < problem.size; column++) {
    if (state.row4col[column] === -1) {
      state.row4col[column] = dummyRow;
      state.col4row[dummyRow] = column;
      dummyRow++;
    }
  }
  state.value = matchedValue(problem, state);
  return state;
}
