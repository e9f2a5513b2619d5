import { ExhibitorInput, type ExhibitorInputT } from "../schemas.ts";
import { checkRows, integerCell, readSheet, readSheetOrThrow, throwRowErrors, type Schema, type SheetRow } from "./csv-sheet.ts";

const CSV_LIST = /[;|、，,]\s*/;
/** The columns a sheet may have; `ref`, `name`, `organization`, `cluster`, `field` and `size` are required per row. */
export const EXHIBITOR_CSV_COLUMNS = [
  "ref",
  "name",
  "organization",
  "cluster",
  "field",
  "size",
  "priority",
  "preferences",
  "homeZone",
  "competitors",
  "email",
  "locale",
] as const;
const SHEET = { columns: EXHIBITOR_CSV_COLUMNS, required: ["ref", "name", "organization", "cluster", "field", "size"], what: "exhibitor" };

const list = (v: string | undefined) =>
  v
    ? v
        .split(CSV_LIST)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The rows of a sheet as exhibitor applications, each with its row number, and the rows that are wrong. */
function exhibitorRows(sheet: SheetRow[]) {
  return checkRows(
    sheet.map((r) => ({ row: r.row, input: r.cells })),
    ExhibitorInput as never as Schema<ExhibitorInputT>,
    (r) => ({
      ref: r.ref,
      name: r.name,
      organization: r.organization,
      cluster: r.cluster,
      field: r.field,
      size: r.size,
      priority: integerCell(r.priority, 0),
      preferences: list(r.preferences),
      homeZone: r.homeZone || null,
      competitors: list(r.competitors),
      email: r.email || null,
      ...(r.locale ? { locale: r.locale } : {}),
    }),
  );
}

export const readExhibitorSheet = (text: string) => exhibitorRows(readSheet(text, SHEET));

/**
 * Exhibitor applications from CSV (a header row; lists in a cell separated by ";" or "|"). The
 * sheet replaces every application, so a sheet without rows is refused rather than read as
 * "withdraw everyone".
 */
export function parseExhibitorsCsv(text: string): ExhibitorInputT[] {
  const { items, errors } = exhibitorRows(readSheetOrThrow(text, SHEET));
  throwRowErrors(errors);
  return items.map((x) => x.value);
}
