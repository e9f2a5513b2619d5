/**
 * The organisers' questions page of an event. Mounted inside adminRoutes, behind its guard: a
 * session is required and every POST carries _csrf. Saving runs the same verb as
 * PUT /api/events/:id/questions; a refusal re-renders the form as it was sent.
 */
import { Hono } from "hono";
import type { ZodError } from "zod";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, ValidationFailed } from "../../../api/errors.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { MAX_QUESTIONS, QuestionsInput } from "../../../api/questions/schemas.ts";
import { loadQuestions, replaceQuestions } from "../../../api/questions/service.ts";
import { QuestionsEditorPage, rowField, type QuestionRowValues } from "./page.tsx";
import { formOf, pageCtx, render, type WebEnv } from "../../context.ts";
import type { Errors } from "../../ui/field.tsx";
import { eventInScope, NO_STORE } from "../common.ts";
import { BLANK_ROWS, questionsInput, rowErrors, rowsOf } from "./form.ts";

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
