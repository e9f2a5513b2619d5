import { parse } from "csv-parse/sync";
import type { ZodError } from "zod";
import { ValidationFailed, type FieldError, type FieldErrorParams } from "../../errors.ts";
import { fieldErrors, REPORT_INPUT } from "../../lib/field-errors.ts";

/**
 * A problem with one row of an uploaded sheet or list: the row (the line of a CSV sheet, its header
 * being row 1; the item's position from 1 in a JSON list), the column (a field name) and what is
 * wrong. Row 0 is the file as a whole.
 */
export type RowError = { row: number; column: string; code: string; message: string; params?: FieldErrorParams };

/** The API's field for a row error: `rows[2].size`, or `body` for the file as a whole. */
const rowField = (e: RowError) => (e.row === 0 ? "body" : `rows[${e.row}].${e.column}`);

/** At most this many row errors are reported: a sheet in the wrong layout would list every cell. */
const MAX_ROW_ERRORS = 50;

export function throwRowErrors(errors: RowError[]) {
  if (!errors.length) return;
  const fields: FieldError[] = errors
    .slice(0, MAX_ROW_ERRORS)
    .map((e) => ({ field: rowField(e), code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) }));
  throw new ValidationFailed(fields);
}

/** Zod issues of one row as row errors; the column is the path in the row ("size", "preferences.0"). */
function zodRowErrors(row: number, error: ZodError): RowError[] {
  return fieldErrors(error).map(({ field, ...f }) => ({ row, column: field, ...f }));
}

export class SheetError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  toRowError(): RowError {
    return { row: 0, column: "body", code: this.code, message: this.message };
  }
}

export type SheetRow = { row: number; cells: Record<string, string | undefined> };

/**
 * A CSV sheet with a header row naming its columns: every name known, none twice (a second
 * "priority" would silently win), the required ones present. A sheet without data rows is refused:
 * every upload replaces a whole list, and an empty one would read as "remove everything".
 */
export function readSheet(
  text: string,
  spec: { columns: readonly string[]; required: readonly string[]; what: string },
): SheetRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false, info: true }) as unknown as typeof records;
  } catch (e) {
    throw new SheetError("invalid_csv", e instanceof Error ? e.message : "not valid CSV");
  }
  const [first, ...data] = records;
  if (!first) throw new SheetError("empty", `the CSV is empty: send a header row and one row per ${spec.what}`);
  const header = first.record.map((x) => x.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new SheetError("duplicate_header", `the column "${h}" appears more than once in the header row`);
    seen.add(h);
  }
  const unknown = header.filter((h) => !spec.columns.includes(h));
  if (unknown.length) {
    throw new SheetError(
      "unknown_header",
      `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((h) => `"${h}"`).join(", ")}; the columns are ${spec.columns.join(", ")}`,
    );
  }
  const missing = spec.required.filter((h) => !seen.has(h));
  if (missing.length) {
    throw new SheetError(
      "missing_header",
      `the header row lacks ${missing.map((h) => `"${h}"`).join(", ")}; the columns are ${spec.columns.join(", ")}`,
    );
  }
  if (data.length === 0) throw new SheetError("no_rows", `the CSV has a header row but no ${spec.what} rows`);
  // info.lines is the line the record ends on: the sheet's row number as a spreadsheet shows it.
  return data.map(({ record, info }) => ({ row: info.lines, cells: Object.fromEntries(header.map((h, j) => [h, record[j]])) }));
}

/** readSheet for the API: a sheet-level problem is a 400 naming the body. */
export function readSheetOrThrow(text: string, spec: Parameters<typeof readSheet>[1]): SheetRow[] {
  try {
    return readSheet(text, spec);
  } catch (e) {
    if (e instanceof SheetError) throw new ValidationFailed([{ field: "body", code: e.code, message: e.message }]);
    throw e;
  }
}

/** A whole-number cell: digits only ("0x3", "1e1", "３" or "true" stay text, and the schema refuses them). */
export function integerCell(v: string | undefined, empty: unknown): unknown {
  if (v === undefined || v === "") return empty;
  return /^-?\d{1,6}$/.test(v) ? Number(v) : v;
}

export type Schema<T> = {
  safeParse: (v: unknown, params?: typeof REPORT_INPUT) => { success: true; data: T } | { success: false; error: ZodError };
};

/** Each row through the schema: the rows that pass with their number, and the problems of the rest. */
export function checkRows<I, T>(rows: { row: number; input: I }[], schema: Schema<T>, candidate: (input: I) => unknown) {
  const items: { row: number; value: T }[] = [];
  const errors: RowError[] = [];
  for (const { row, input } of rows) {
    const parsed = schema.safeParse(candidate(input), REPORT_INPUT);
    if (parsed.success) items.push({ row, value: parsed.data });
    else errors.push(...zodRowErrors(row, parsed.error));
  }
  return { items, errors };
}
