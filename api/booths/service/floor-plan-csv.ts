import { validateBooths, type Booth, type BoothProblemCode } from "../geometry.ts";
import { BoothInput } from "../schemas.ts";
import { checkRows, integerCell, readSheet, readSheetOrThrow, throwRowErrors, type RowError, type Schema, type SheetRow } from "./csv-sheet.ts";

/** The floor plan as a sheet: one booth a row, its rectangle in grid units. */
const FLOOR_PLAN_CSV_COLUMNS = ["code", "x", "y", "w", "h", "zone"] as const;
const SHEET = { columns: FLOOR_PLAN_CSV_COLUMNS, required: FLOOR_PLAN_CSV_COLUMNS, what: "booth" };

/** The column a structural problem is about. */
const PROBLEM_COLUMN: Record<BoothProblemCode, string> = {
  "duplicate-code": "code",
  "empty-code": "code",
  "non-positive-size": "w",
  "non-finite": "x",
  overlap: "x",
};

/**
 * Duplicate codes, overlaps and empty sizes across the whole list, each on the row of the booth it
 * is about (`rows[i]` is the row number of `booths[i]`).
 */
export function boothSetErrors(booths: Booth[], rows: number[]): RowError[] {
  return validateBooths(booths).map((p) => ({
    row: rows[p.index] ?? 0,
    column: PROBLEM_COLUMN[p.problem],
    code: p.problem,
    message: p.detail,
  }));
}

function boothRows(sheet: SheetRow[]) {
  const { items, errors } = checkRows(
    sheet.map((r) => ({ row: r.row, input: r.cells })),
    BoothInput as never as Schema<Booth>,
    (r) => ({
      code: r.code,
      x: integerCell(r.x, undefined),
      y: integerCell(r.y, undefined),
      w: integerCell(r.w, undefined),
      h: integerCell(r.h, undefined),
      zone: r.zone,
    }),
  );
  const set = boothSetErrors(
    items.map((x) => x.value),
    items.map((x) => x.row),
  );
  return { items, errors: [...errors, ...set] };
}

export const readFloorPlanSheet = (text: string) => boothRows(readSheet(text, SHEET));

/** A floor plan from CSV (`code,x,y,w,h,zone`); every problem names its row and column. */
export function parseFloorPlanCsv(text: string): { booths: Booth[] } {
  const { items, errors } = boothRows(readSheetOrThrow(text, SHEET));
  throwRowErrors(errors.sort((a, b) => a.row - b.row));
  return { booths: items.map((x) => x.value) };
}
