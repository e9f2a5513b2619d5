/** The exact assignment: the Hungarian method as successive shortest augmenting paths. */

export const FORBIDDEN = 1e15;

/** One size class as a square assignment problem: rows = n exhibitors + m "empty booth" rows,
 * columns = m booths + n "unassigned" columns; cost(exhibitor, booth) = -(M + value), every
 * other cost 0. Square, so after unmatching one row exactly one column is free and one
 * shortest augmenting path restores optimality with the kept duals. */
export interface AssignmentProblem {
  classIndex: number;
  rowExhibitors: number[];
  columnBooths: number[];
  rows: number;
  columns: number;
  size: number;
  base: Float64Array;
  work: Float64Array;
  pathCost: Float64Array;
  path: Int32Array;
  remaining: Int32Array;
  scannedRows: Int32Array;
  scanned: Uint8Array;
  scannedColumns: Int32Array;
}

export interface AssignmentState {
  rowDual: Float64Array;
  columnDual: Float64Array;
  row4col: Int32Array;
  col4row: Int32Array;
  value: number;
}

/**
 * Shortest augmenting path from the free row `row` (Dijkstra on reduced costs, ties broken in
 * favour of free columns), then dual update and augmentation — the successive-shortest-path
 * form of the Hungarian method (as in Crouse 2016 / scipy's linear_sum_assignment).
 */
export function augmentFrom(problem: AssignmentProblem, state: AssignmentState, row: number): void {
  const { rows, columns, size, work, pathCost, path, remaining, scannedRows, scanned, scannedColumns } = problem;
  const { rowDual, columnDual, row4col, col4row } = state;
  let num = size;
  for (let j = 0; j < size; j++) {
    remaining[j] = size - 1 - j;
    pathCost[j] = Infinity;
  }
  let nsr = 0;
  let nsc = 0;
  let minVal = 0;
  let i = row;
  let sink = -1;
  while (sink === -1) {
    scannedRows[nsr++] = i;
    let index = -1;
    let lowest = Infinity;
    const dualOfRow = rowDual[i]!;
    const base = minVal - dualOfRow;
    if (i < rows) {
      const off = i * columns;
      for (let it = 0; it < num; it++) {
        const j = remaining[it]!;
        const r = base + (j < columns ? work[off + j]! : 0) - columnDual[j]!;
        if (r < pathCost[j]!) {
          path[j] = i;
          pathCost[j] = r;
        }
        const distance = pathCost[j]!;
        if (distance < lowest || (distance === lowest && row4col[j] === -1)) {
          lowest = distance;
          index = it;
        }
      }
    } else {
      for (let it = 0; it < num; it++) {
        const j = remaining[it]!;
        const r = base - columnDual[j]!;
        if (r < pathCost[j]!) {
          path[j] = i;
          pathCost[j] = r;
        }
        const distance = pathCost[j]!;
        if (distance < lowest || (distance === lowest && row4col[j] === -1)) {
          lowest = distance;
          index = it;
        }
      }
    }
    minVal = lowest;
    const j = remaining[index]!;
    if (row4col[j] === -1) sink = j;
    else i = row4col[j]!;
    scanned[j] = 1;
    scannedColumns[nsc++] = j;
    remaining[index] = remaining[--num]!;
  }
  rowDual[row] = rowDual[row]! + minVal;
  for (let k = 1; k < nsr; k++) {
    const r = scannedRows[k]!;
    rowDual[r] = rowDual[r]! + minVal - pathCost[col4row[r]!]!;
  }
  for (let k = 0; k < nsc; k++) {
    const j = scannedColumns[k]!;
    columnDual[j] = columnDual[j]! - (minVal - pathCost[j]!);
    scanned[j] = 0;
  }
  let j = sink;
  for (;;) {
    const r = path[j]!;
    row4col[j] = r;
    const prev = col4row[r]!;
    col4row[r] = j;
    if (r === row) break;
    j = prev;
  }
}

export function matchedValue(problem: AssignmentProblem, state: AssignmentState): number {
  let s = 0;
  for (let r = 0; r < problem.rows; r++) {
    const j = state.col4row[r]!;
    if (j >= 0 && j < problem.columns) s -= problem.base[r * problem.columns + j]!;
  }
  return s;
}

/** A problem of `size` rows and columns over the `rows` × `columns` cost block `base`, with its scratch buffers. */
export function assignmentProblem(
  base: Float64Array,
  shape: { rows: number; columns: number; size: number; classIndex?: number; rowExhibitors?: number[]; columnBooths?: number[] },
  work: Float64Array = base,
): AssignmentProblem {
  const { size } = shape;
  return {
    classIndex: shape.classIndex ?? -1,
    rowExhibitors: shape.rowExhibitors ?? [],
    columnBooths: shape.columnBooths ?? [],
    rows: shape.rows,
    columns: shape.columns,
    size,
    base,
    work,
    pathCost: new Float64Array(size),
    path: new Int32Array(size),
    remaining: new Int32Array(size),
    scannedRows: new Int32Array(size),
    scanned: new Uint8Array(size),
    scannedColumns: new Int32Array(size),
  };
}

/** No row matched, duals zero. */
export function emptyState(size: number): AssignmentState {
  return {
    rowDual: new Float64Array(size),
    columnDual: new Float64Array(size),
    row4col: new Int32Array(size).fill(-1),
    col4row: new Int32Array(size).fill(-1),
    value: 0,
  };
}

/** Min-cost assignment of every row (rows ≤ cols + rows thanks to "unassigned" columns).
 * Returns col4row: column index < nCols, or ≥ nCols when the row stays unassigned. */
export function solveAssignment(nRows: number, nCols: number, cost: Float64Array, nDummy = nRows): Int32Array {
  const problem = assignmentProblem(cost, { rows: nRows, columns: nCols, size: nCols + nDummy });
  const state = emptyState(problem.size);
  for (let row = 0; row < nRows; row++) augmentFrom(problem, state, row);
  return state.col4row;
}
