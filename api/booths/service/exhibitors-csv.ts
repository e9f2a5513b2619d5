import { parse } from "csv-parse/sync";
import type { ZodError } from "zod";
import { ValidationFailed, type FieldError } from "../../errors.ts";
import { fieldErrors } from "../../lib/router.ts";
import { ExhibitorInput, type ExhibitorInputT } from "../schemas.ts";

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

const bodyError = (code: string, message: string) => new ValidationFailed([{ field: "body", code, message }]);

/** The header row: every name known, none twice (a second "priority" would silently win). */
function readHeader(row: string[]): string[] {
  const header = row.map((x) => x.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw bodyError("duplicate_header", `the column "${h}" appears more than once in the header row`);
    seen.add(h);
  }
  const unknown = header.filter((h) => !(EXHIBITOR_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    throw bodyError(
      "unknown_header",
      `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((h) => `"${h}"`).join(", ")}; the columns are ${EXHIBITOR_CSV_COLUMNS.join(", ")}`,
    );
  }
  return header;
}

/** A priority cell: digits only ("0x3", "1e1", "３" or "true" are not integers). */
function priorityCell(v: string | undefined): unknown {
  if (v === undefined || v === "") return 0;
  return /^\d{1,3}$/.test(v) ? Number(v) : v;
}

/**
 * Exhibitor applications from CSV (a header row; lists in a cell separated by ";" or "|"). The
 * sheet replaces every application, so a sheet without rows is refused rather than read as
 * "withdraw everyone".
 */
export function parseExhibitorsCsv(text: string): ExhibitorInputT[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    throw bodyError("invalid_csv", e instanceof Error ? e.message : "not valid CSV");
  }
  const [first, ...data] = rows;
  if (!first) throw bodyError("empty", "the CSV is empty: send a header row and one row per exhibitor");
  const header = readHeader(first);
  if (data.length === 0) throw bodyError("no_rows", "the CSV has a header row but no exhibitors");
  const errors: FieldError[] = [];
  const out: ExhibitorInputT[] = [];
  data.forEach((cells, i) => {
    const r: Record<string, string | undefined> = Object.fromEntries(header.map((h, j) => [h, cells[j]]));
    const list = (v: string | undefined) =>
      v
        ? v
            .split(CSV_LIST)
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const candidate = {
      ref: r.ref,
      name: r.name,
      organization: r.organization,
      cluster: r.cluster,
      field: r.field,
      size: r.size,
      priority: priorityCell(r.priority),
      preferences: list(r.preferences),
      homeZone: r.homeZone || null,
      competitors: list(r.competitors),
      email: r.email || null,
      ...(r.locale ? { locale: r.locale } : {}),
    };
    const parsed = ExhibitorInput.safeParse(candidate);
    if (parsed.success) out.push(parsed.data);
    else errors.push(...fieldErrors(parsed.error as ZodError).map((f) => ({ ...f, field: `rows[${i + 2}].${f.field}` })));
  });
  if (errors.length) throw new ValidationFailed(errors.slice(0, 50));
  return out;
}
