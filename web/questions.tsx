/**
 * The organiser's questions on the public pages: the fields of the registration and manage forms
 * (no script needed), the form's answers decoded by the questions' kinds, and their errors in
 * the page's language. Checking the answers is the service's (validatedAnswers), not this file's.
 */
import type { Answers } from "../api/questions/answers.ts";
import { answerText, questionLabel } from "../api/questions/words.ts";
import type { FieldError } from "../api/errors.ts";
import type { EventQuestionRow } from "../db/schema/questions.ts";
import type { PageCtx, WebContext } from "./context.ts";
import { fieldMessage } from "./i18n/field-errors.ts";
import { QUESTION_MESSAGES } from "./i18n/questions.ts";
import type { Lang } from "../lib/format.ts";
import { RadioGroup, TextArea, TextField, type Errors } from "./layout.tsx";

export const answerField = (id: string) => `answers.${id}`;

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
export function answerMessage(e: FieldError, lang: Lang): string {
  const qm = QUESTION_MESSAGES[lang];
  if (e.code === "required") return e.message === "must be ticked" ? qm.mustTick : qm.required;
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
        if (q.kind === "text")
          return <TextField ctx={ctx} name={name} label={label} value={text} error={error} required={q.required} />;
        if (q.kind === "textarea")
          return <TextArea ctx={ctx} name={name} label={label} value={text} error={error} required={q.required} />;
        if (q.kind === "choice") {
          const options = q.options.map((o) => ({ value: o.value, label: questionLabel(o, lang) }));
          return (
            <RadioGroup
              ctx={ctx}
              name={name}
              label={label}
              value={text}
              error={error}
              required={q.required}
              options={q.required ? options : [...options, { value: "", label: qm.noAnswer }]}
            />
          );
        }
        return <TickGroup ctx={ctx} name={name} label={label} question={q} value={v} error={error} />;
      })}
    </div>
  );
}

/** A multi question's boxes, or a checkbox question's one box, in a fieldset naming the question. */
function TickGroup(p: {
  ctx: PageCtx;
  name: string;
  label: string;
  question: EventQuestionRow;
  value: Answers[string] | undefined;
  error?: string;
}) {
  const id = `f-${p.name}`;
  const { m } = p.ctx;
  const q = p.question;
  const boxes =
    q.kind === "checkbox"
      ? [{ value: "true", label: p.label, checked: p.value === true }]
      : q.options.map((o) => ({
          value: o.value,
          label: questionLabel(o, p.ctx.lang),
          checked: Array.isArray(p.value) && p.value.includes(o.value),
        }));
  return (
    <fieldset
      id={id}
      tabindex={-1}
      aria-invalid={p.error ? "true" : undefined}
      aria-describedby={p.error ? `${id}-error` : undefined}
    >
      <legend>
        {p.label}
        <span class={q.required ? "tag req" : "tag"}>{q.required ? m.required : m.optional}</span>
      </legend>
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          {p.error}
        </span>
      ) : null}
      <div class="choices">
        {boxes.map((b) => (
          <label>
            <input type="checkbox" name={p.name} value={b.value} checked={b.checked} />
            {b.label}
          </label>
        ))}
      </div>
    </fieldset>
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
