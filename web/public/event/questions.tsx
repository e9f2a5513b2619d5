/**
 * The organiser's questions on the public pages: the fields of the registration and manage forms
 * (no script needed), the form's answers decoded by the questions' kinds, and their errors in
 * the page's language. Checking the answers is the service's (validatedAnswers), not this file's.
 */
import type { Answers } from "../../../api/questions/answers.ts";
import { answerText, questionLabel } from "../../../api/questions/words.ts";
import type { FieldError } from "../../../api/errors.ts";
import type { EventQuestionRow } from "../../../db/schema/questions.ts";
import type { PageCtx, WebContext } from "../../context.ts";
import { fieldMessage } from "../../i18n/field-errors.ts";
import { QUESTION_MESSAGES } from "../../i18n/questions.ts";
import type { Lang } from "../../../lib/format.ts";
import { type Errors, Field } from "../../ui/field.tsx";

const answerField = (id: string) => `answers.${id}`;

/** The submitted form with every value of a repeated name (a multi question's boxes). */
export async function formAllOf(c: WebContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** The answers a form sent, by the questions' kinds: an unticked box is false, nothing chosen is no answer. */
export function answersFromForm(questions: readonly EventQuestionRow[], form: Record<string, string | string[]>): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const raw = form[answerField(q.id)];
    const all = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const last = all.at(-1);
    if (q.kind === "checkbox") out[q.id] = last === "true";
    else if (q.kind === "multi") {
      if (all.length) out[q.id] = all;
    } else if (last !== undefined) out[q.id] = last;
  }
  return out;
}

/** An answer's error in the page's language. */
function answerMessage(e: FieldError, lang: Lang): string {
  const qm = QUESTION_MESSAGES[lang];
  if (e.code === "required") return e.params?.reason === "must_tick" ? qm.mustTick : qm.required;
  if (e.code === "invalid_value") return qm.notOption;
  if (e.code === "unknown") return qm.unknownQuestion;
  return fieldMessage(e, lang);
}

/** Field errors as the page shows them: answers.<id> beside its question, anything else by its field. */
export function pageErrors(fields: readonly FieldError[], lang: Lang): Errors {
  const out: Errors = {};
  for (const e of fields) {
    const parts = e.field.split(".");
    if (parts[0] === "answers" && parts[1]) out[answerField(parts[1])] ??= answerMessage(e, lang);
    else out[parts[0]!] ??= fieldMessage(e, lang);
  }
  return out;
}

/** The questions' labels for the error summary, by field name. */
export function questionLabels(questions: readonly EventQuestionRow[], lang: Lang): Record<string, string> {
  return Object.fromEntries(questions.map((q) => [answerField(q.id), questionLabel(q, lang)]));
}

/** One field per question, filled with `answers`, each error beside its question. */
export function QuestionFields(props: {
  ctx: PageCtx;
  questions: readonly EventQuestionRow[];
  answers: Answers;
  errors: Errors;
}) {
  const { ctx, questions, answers, errors } = props;
  const { lang } = ctx;
  const qm = QUESTION_MESSAGES[lang];
  if (!questions.length) return null;
  return (
    <div class="questions">
      <h3>{qm.questionsTitle}</h3>
      {questions.map((q) => {
        const name = answerField(q.id);
        const label = questionLabel(q, lang);
        const v = answers[q.id];
        const error = errors[name];
        const text = typeof v === "string" ? v : "";
        const field = { ctx, name, label, error, required: q.required };
        if (q.kind === "text") return <Field {...field} value={text} />;
        if (q.kind === "textarea") return <Field {...field} as="textarea" value={text} />;
        const options = q.options.map((o) => ({ value: o.value, label: questionLabel(o, lang) }));
        if (q.kind === "choice")
          return (
            <Field
              {...field}
              as="radio"
              value={text}
              options={q.required ? options : [...options, { value: "", label: qm.noAnswer }]}
            />
          );
        // A checkbox question is one box named by the question; a multi question one box per option.
        if (q.kind === "checkbox")
          return <Field {...field} as="checkboxes" checked={v === true ? ["true"] : []} options={[{ value: "true", label }]} />;
        return <Field {...field} as="checkboxes" checked={Array.isArray(v) ? v : []} options={options} />;
      })}
    </div>
  );
}

/** The answers as a definition list (manage page). */
export function AnswerList(props: { ctx: PageCtx; questions: readonly EventQuestionRow[]; answers: Answers }) {
  const { lang } = props.ctx;
  const qm = QUESTION_MESSAGES[lang];
  return (
    <dl class="facts answers">
      {props.questions.map((q) => (
        <>
          <dt>{questionLabel(q, lang)}</dt>
          <dd class="pre">{answerText(q, props.answers[q.id], lang) || qm.notAnswered}</dd>
        </>
      ))}
    </dl>
  );
}
