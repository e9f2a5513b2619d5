/**
 * The one form field every page uses: its label (with the required/optional tag), the hint and the
 * error beside the control, linked for assistive technology, in the page's language. A text input,
 * a text area, a select, radio buttons or a group of boxes are the same component with another `as`.
 */
import type { PageCtx } from "../context.ts";

export type Errors = Record<string, string>;

export type FieldOption = { value: string; label: string; lang?: string };

export type FieldProps = {
  ctx: PageCtx;
  /** The control: a text input (the default), a text area, a select, radio buttons or tick boxes. */
  as?: "input" | "textarea" | "select" | "radio" | "checkboxes";
  name: string;
  label: string;
  value?: string | null;
  /** The ticked values of `as: "checkboxes"`. */
  checked?: readonly string[];
  error?: string;
  hint?: string;
  required?: boolean;
  /** false: no required/optional tag (search boxes, filters). */
  tag?: boolean;
  options?: readonly FieldOption[];
  type?: string;
  inputmode?: "search" | "email" | "url" | "text" | "none" | "tel" | "numeric" | "decimal";
  autocomplete?: string;
  spellcheck?: boolean;
  min?: string;
  lang?: string;
  /** More attributes on the control itself (a data- hook for the page's script). */
  attrs?: Record<string, string | boolean>;
};

function Tag(props: { ctx: PageCtx; required?: boolean }) {
  return props.required ? <span class="tag req">{props.ctx.m.required}</span> : <span class="tag">{props.ctx.m.optional}</span>;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const as = p.as ?? "input";
  const described = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const invalid = p.error ? "true" : undefined;
  const caption = (
    <>
      {p.label}
      {p.tag === false ? null : <Tag ctx={p.ctx} required={p.required} />}
    </>
  );
  const notes = (
    <>
      {p.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          {p.error}
        </span>
      ) : null}
    </>
  );
  if (as === "radio" || as === "checkboxes") {
    const type = as === "radio" ? "radio" : "checkbox";
    const on = (v: string) => (as === "radio" ? v === p.value : (p.checked ?? []).includes(v));
    return (
      <fieldset id={id} tabindex={-1} aria-invalid={invalid} aria-describedby={described}>
        <legend>{caption}</legend>
        {notes}
        <div class="choices">
          {(p.options ?? []).map((o) => (
            <label lang={o.lang}>
              <input type={type} name={p.name} value={o.value} checked={on(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const control =
    as === "textarea" ? (
      <textarea id={id} name={p.name} rows={6} lang={p.lang} {...p.attrs} aria-invalid={invalid} aria-describedby={described}>
        {p.value ?? ""}
      </textarea>
    ) : as === "select" ? (
      <select id={id} name={p.name} {...p.attrs} aria-invalid={invalid} aria-describedby={described}>
        {(p.options ?? []).map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? ""}
        inputmode={p.inputmode}
        autocomplete={p.autocomplete}
        spellcheck={p.spellcheck}
        min={p.min}
        lang={p.lang}
        {...p.attrs}
        aria-required={p.required ? "true" : undefined}
        aria-invalid={invalid}
        aria-describedby={described}
      />
    );
  return (
    <div class="field">
      <label for={id}>{caption}</label>
      {notes}
      {control}
    </div>
  );
}

/**
 * The fields of one form, bound to its values and errors by name, so a page writes
 * `<F name="email" label={m.email} required />` and the value and the error come with it.
 */
export function formFields(
  ctx: PageCtx,
  values: Record<string, string | undefined>,
  errors: Errors = {},
  /** What every field of the form shares (`{ tag: false }` for a filter form). */
  common: Partial<Omit<FieldProps, "ctx" | "name" | "label">> = {},
) {
  return (p: Omit<FieldProps, "ctx">) => <Field ctx={ctx} {...common} value={values[p.name]} error={errors[p.name]} {...p} />;
}

/**
 * A filter of a list (a GET form): a select unless `as` says otherwise, with no required/optional tag;
 * `all` names the first option, the empty value that filters nothing.
 */
export function Filter({ all, ...p }: Omit<FieldProps, "tag"> & { all?: string }) {
  const options = all === undefined ? p.options : [{ value: "", label: all }, ...(p.options ?? [])];
  return <Field as="select" {...p} options={options} tag={false} />;
}

/** The filters of one list, bound to the query's values by name. */
export function filterFields(ctx: PageCtx, values: Record<string, string | undefined>) {
  return (p: Omit<FieldProps, "ctx" | "tag"> & { all?: string }) => <Filter ctx={ctx} value={values[p.name]} {...p} />;
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { ctx: PageCtx; errors: Errors; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="alert" role="alert" tabindex={-1} data-error-summary aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.ctx.m.errorSummary}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>
              {props.labels[field] ?? field}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An address in a readonly field (works without script) with a copy button that script reveals. */
export function CopyField(p: { ctx: PageCtx; id: string; label: string; value: string }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <div class="copyline">
        <input id={p.id} type="text" readonly value={p.value} data-select spellcheck={false} autocomplete="off" />
        <button type="button" class="secondary small" data-copy={p.id} data-copied={p.ctx.m.copied} hidden>
          {p.ctx.m.copy}
        </button>
      </div>
      <span id={`${p.id}-status`} class="hint" role="status" aria-live="polite"></span>
    </div>
  );
}

/** The form's CSRF token (organiser forms). */
export function Csrf(props: { ctx: PageCtx }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrf ?? ""} />;
}
