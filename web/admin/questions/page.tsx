/** The organisers' editor of an event's registration questions: one fieldset per question, no script needed. */
import type { EventRow } from "../../../db/schema/index.ts";
import { QUESTION_KINDS } from "../../../db/schema/questions.ts";
import { eventTitle } from "../../ui/event.tsx";
import type { PageCtx } from "../../context.ts";
import { QUESTION_MESSAGES } from "../../i18n/questions.ts";
import { Layout } from "../../ui/layout.tsx";
import { Csrf, type Errors, ErrorSummary, Field, type FieldProps } from "../../ui/field.tsx";
import { Notice } from "../../ui/notice.tsx";

/** One question as the form holds it: text as typed. */
export type QuestionRowValues = {
  id: string;
  kind: string;
  labelJa: string;
  labelEn: string;
  required: boolean;
  maxLength: string;
  options: string;
  remove: boolean;
};

export const emptyRow = (): QuestionRowValues => ({
  id: "",
  kind: "text",
  labelJa: "",
  labelEn: "",
  required: false,
  maxLength: "",
  options: "",
  remove: false,
});

/** Rows of the editor: the form's fields are q<row>.<field>. */
export const rowField = (row: number, field: keyof QuestionRowValues) => `q${row}.${field}`;

/** A row's fields, named q<row>.<field>, each with its value and error. */
function rowFields(ctx: PageCtx, row: number, r: QuestionRowValues, errors: Errors) {
  return (p: Omit<FieldProps, "ctx" | "name"> & { name: "id" | "kind" | "labelJa" | "labelEn" | "maxLength" | "options" }) => {
    const name = rowField(row, p.name);
    return <Field ctx={ctx} {...p} name={name} value={r[p.name]} error={errors[name]} />;
  };
}

export function QuestionsEditorPage(props: {
  ctx: PageCtx;
  event: EventRow;
  rows: QuestionRowValues[];
  errors: Errors;
  saved?: boolean;
  /** Questions that have answers and would be removed: the page asks for force. */
  answered?: string[];
}) {
  const { ctx, event, rows, errors } = props;
  const { m, lang } = ctx;
  const qm = QUESTION_MESSAGES[lang];
  const title = qm.editorTitle(eventTitle(event, lang));
  const labels: Record<string, string> = {};
  rows.forEach((_, i) => {
    for (const f of ["id", "kind", "labelJa", "labelEn", "maxLength", "options"] as const)
      labels[rowField(i, f)] = `${qm.questionN(i + 1)} ${f === "kind" ? qm.kind : f === "id" ? "ID" : qm[f]}`;
  });
  return (
    <Layout ctx={ctx} title={title} section="admin-events">
      <p>
        <a href={`/admin/events/${event.id}/edit`}>{m.editEventTitle}</a>
        {" · "}
        <a href={`/admin/events/${event.id}/registrations`}>{m.desk}</a>
      </p>
      <h1>{title}</h1>
      {props.saved ? <Notice tone="ok">{qm.saved}</Notice> : null}
      {props.answered?.length ? (
        <Notice tone="alert">{qm.haveAnswers(props.answered.join(lang === "en" ? ", " : "、"))}</Notice>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <p>{qm.editorLead}</p>
      {event.status === "cancelled" ? (
        <Notice>{m.cancelledReadonly}</Notice>
      ) : (
        <form method="post" action={`/admin/events/${event.id}/questions`} accept-charset="UTF-8" novalidate data-once>
          <Csrf ctx={ctx} />
          <input type="hidden" name="rows" value={String(rows.length)} />
          {rows.map((r, i) => {
            const F = rowFields(ctx, i, r, errors);
            return (
              <fieldset class="panel question-row">
                <legend>{r.id || r.labelJa ? qm.questionN(i + 1) : qm.newQuestion}</legend>
                <div class="row">
                  <F name="id" label={qm.id} hint={qm.idHint} spellcheck={false} autocomplete="off" />
                  <F
                    as="select"
                    name="kind"
                    label={qm.kind}
                    required
                    options={QUESTION_KINDS.map((k) => ({ value: k, label: qm.kinds[k] }))}
                  />
                </div>
                <F name="labelJa" label={qm.labelJa} required lang="ja" />
                <F name="labelEn" label={qm.labelEn} lang="en" />
                <F as="textarea" name="options" label={qm.options} />
                <p class="hint">{qm.optionsHint}</p>
                <F name="maxLength" label={qm.maxLength} hint={qm.maxLengthHint} inputmode="numeric" />
                <label class="check">
                  <input type="checkbox" name={rowField(i, "required")} value="1" checked={r.required} />
                  {qm.requiredLabel}
                </label>
                {r.id ? (
                  <label class="check">
                    <input type="checkbox" name={rowField(i, "remove")} value="1" checked={r.remove} />
                    {qm.remove}
                  </label>
                ) : null}
              </fieldset>
            );
          })}
          {props.answered?.length ? (
            <label class="check">
              <input type="checkbox" name="force" value="1" />
              {qm.force}
            </label>
          ) : null}
          <div class="actions">
            <button type="submit">{qm.save}</button>
          </div>
        </form>
      )}
    </Layout>
  );
}
