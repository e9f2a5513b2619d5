/** The questions editor's form mapping: questions to rows of text, rows to the API's input, the API's field errors onto the rows. */
import type { FieldError } from "../../../api/errors.ts";
import { MAX_QUESTIONS } from "../../../api/questions/schemas.ts";
import type { EventQuestionRow } from "../../../db/schema/questions.ts";
import { emptyRow, rowField, type QuestionRowValues } from "./page.tsx";
import { fieldMessage } from "../../i18n/field-errors.ts";
import type { Errors } from "../../ui/field.tsx";

/** Blank rows offered for new questions. */
export const BLANK_ROWS = 3;

export function rowsOf(questions: EventQuestionRow[]): QuestionRowValues[] {
  const rows = questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    labelJa: q.labelJa,
    labelEn: q.labelEn ?? "",
    required: q.required,
    maxLength: q.maxLength === null ? "" : String(q.maxLength),
    options: q.options.map((o) => [o.value, o.labelJa, o.labelEn].filter((x) => x).join(" | ")).join("\n"),
    remove: false,
  }));
  const blanks = Math.max(0, Math.min(BLANK_ROWS, MAX_QUESTIONS - rows.length));
  return [...rows, ...Array.from({ length: blanks }, emptyRow)];
}

/** "value | 日本語 | English" a line; a line with only a value is its Japanese label too. */
function optionsOf(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.split("|").map((p) => p.trim()))
    .filter((parts) => parts[0])
    .map(([value, labelJa, labelEn]) => ({ value: value!, labelJa: labelJa || value!, labelEn: labelEn || null }));
}

/** The rows to the API's body; `rowOf[i]` is the row of the body's i-th question, to put each error beside its row. */
export function questionsInput(rows: QuestionRowValues[]) {
  const body: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  rows.forEach((r, i) => {
    if (r.remove || (!r.id.trim() && !r.labelJa.trim())) return;
    const listed = r.kind === "choice" || r.kind === "multi";
    const typed = r.kind === "text" || r.kind === "textarea";
    const max = r.maxLength.normalize("NFKC").trim();
    body.push({
      ...(r.id.trim() ? { id: r.id.trim() } : {}),
      kind: r.kind,
      labelJa: r.labelJa,
      labelEn: r.labelEn.trim() ? r.labelEn : null,
      required: r.required,
      ...(listed ? { options: optionsOf(r.options) } : {}),
      ...(typed && max ? { maxLength: /^\d+$/.test(max) ? Number(max) : max } : {}),
    });
    rowOf.push(i);
  });
  return { body, rowOf };
}

export function rowErrors(fields: FieldError[], rowOf: number[], lang: "ja" | "en"): Errors {
  const out: Errors = {};
  for (const e of fields) {
    const [index, field] = e.field.split(".");
    const row = rowOf[Number(index)];
    const key = row !== undefined && field ? rowField(row, field as keyof QuestionRowValues) : "rows";
    out[key] ??= fieldMessage(e, lang);
  }
  return out;
}
