import { parse } from "csv-parse/sync";
import type { ZodError } from "zod";
import { ValidationFailed, type FieldError } from "../../errors.ts";
import { fieldErrors } from "../../lib/router.ts";
import { ExhibitorInput, type ExhibitorInputT } from "../schemas.ts";

const CSV_LIST = /[;|、，,]\s*/;

/** Exhibitor applications from CSV (a header row; lists in a cell separated by ";" or "|"). */
export function parseExhibitorsCsv(text: string): ExhibitorInputT[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((x) => x.trim()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (e) {
    throw new ValidationFailed([
      { field: "body", code: "invalid_csv", message: e instanceof Error ? e.message : "not valid CSV" },
    ]);
  }
  const errors: FieldError[] = [];
  const out: ExhibitorInputT[] = [];
  records.forEach((r, i) => {
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
      priority: r.priority === undefined || r.priority === "" ? 0 : r.priority,
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
