/**
 * The organisers' questions page of an event. Mounted inside adminRoutes, behind its guard: a
 * session is required and every POST carries _csrf. Saving runs the same verb as
 * PUT /api/events/:id/questions; a refusal re-renders the form as it was sent.
 */
import { Hono } from "hono";
import type { ZodError } from "zod";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, ValidationFailed, type FieldError } from "../../../api/errors.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { MAX_QUESTIONS, QuestionsInput } from "../../../api/questions/schemas.ts";
import { loadQuestions, replaceQuestions } from "../../../api/questions/service.ts";
import type { EventQuestionRow } from "../../../db/schema/questions.ts";
import { emptyRow, QuestionsEditorPage, rowField, type QuestionRowValues } from "./page.tsx";
import { formOf, pageCtx, render, type WebEnv } from "../../context.ts";
import { fieldMessage } from "../../i18n/field-errors.ts";
import type { Errors } from "../../ui/field.tsx";
import { eventInScope, NO_STORE } from "../common.ts";

/** Blank rows offered for new questions. */
const BLANK_ROWS = 3;

function rowsOf(questions: EventQuestionRow[]): QuestionRowValues[] {
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
function questionsInput(rows: QuestionRowValues[]) {
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

function rowErrors(fields: FieldError[], rowOf: number[], lang: "ja" | "en"): Errors {
  const out: Errors = {};
  for (const e of fields) {
    const [index, field] = e.field.split(".");
    const row = rowOf[Number(index)];
    const key = row !== undefined && field ? rowField(row, field as keyof QuestionRowValues) : "rows";
    out[key] ??= fieldMessage(e, lang);
  }
  return out;
}

export function questionPageRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;

  const eventFor = eventInScope;

  app.get("/admin/events/:id/questions", async (c) => {
    const event = await eventFor(c);
    const rows = rowsOf(await loadQuestions(db, event.id));
    const page = (
      <QuestionsEditorPage ctx={pageCtx(c, true)} event={event} rows={rows} errors={{}} saved={c.req.query("saved") === "1"} />
    );
    return render(c, page, 200, NO_STORE);
  });

  app.post("/admin/events/:id/questions", async (c) => {
    const event = await eventFor(c);
    const ctx = pageCtx(c, true);
    const form = await formOf(c);
    const count = Math.min(Number(form.rows) || 0, MAX_QUESTIONS + BLANK_ROWS);
    const rows: QuestionRowValues[] = Array.from({ length: count }, (_, i) => {
      const get = (f: keyof QuestionRowValues) => form[rowField(i, f)] ?? "";
      return {
        id: get("id"),
        kind: get("kind") || "text",
        labelJa: get("labelJa"),
        labelEn: get("labelEn"),
        required: get("required") === "1",
        maxLength: get("maxLength"),
        options: get("options"),
        remove: get("remove") === "1",
      };
    });
    const again = (status: number, errors: Errors, answered?: string[]) =>
      render(
        c,
        <QuestionsEditorPage ctx={ctx} event={event} rows={rows} errors={errors} answered={answered} />,
        status,
        NO_STORE,
      );
    const { body, rowOf } = questionsInput(rows);
    const parsed = QuestionsInput.safeParse(body, REPORT_INPUT);
    if (!parsed.success) return again(400, rowErrors(fieldErrors(parsed.error as ZodError), rowOf, ctx.lang));
    try {
      await replaceQuestions(c.get("ctx"), { eventId: event.id, questions: parsed.data, force: form.force === "1" });
    } catch (err) {
      if (err instanceof ValidationFailed) return again(400, rowErrors(err.fields ?? [], rowOf, ctx.lang));
      if (err instanceof AppError && err.slug === "questions-have-answers") {
        const before = await loadQuestions(db, event.id);
        const named = (err.fields ?? []).map((f) => before.find((q) => q.id === f.field)?.labelJa ?? f.field);
        return again(409, {}, named);
      }
      throw err;
    }
    return c.redirect(`/admin/events/${event.id}/questions?saved=1`, 303);
  });

  return app;
}
