/** The page frame and the small form components every page shares. */
import type { Child } from "hono/jsx";
import { ASSET_URLS } from "./assets/index.ts";
import { withLang, type PageCtx } from "./context.ts";

type Section = "events" | "clusters" | "calendar" | "organisers" | "dashboard" | "admin-events" | "account" | undefined;

export function Layout(props: { ctx: PageCtx; title: string; section?: Section; children?: Child }) {
  const { ctx, title, section } = props;
  const { m, lang } = ctx;
  const other = lang === "ja" ? "en" : "ja";
  const staff = ctx.actor.kind !== "anonymous";
  const current = (s: Section) => (section === s ? { "aria-current": "page" } : {});
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{`${title} | ${m.siteName}`}</title>
        <link rel="stylesheet" href={ASSET_URLS.css} />
        <link rel="icon" href="/favicon.ico" sizes="16x16" />
        <script src={ASSET_URLS.js} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {m.skip}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              {m.siteName}
              <small>{m.siteTagline}</small>
            </a>
            <nav class="main" aria-label={m.mainNav}>
              <ul>
                <li>
                  <a href="/" {...current("events")}>
                    {m.navEvents}
                  </a>
                </li>
                <li>
                  <a href="/clusters" {...current("clusters")}>
                    {m.navClusters}
                  </a>
                </li>
                <li>
                  <a href="/calendar" {...current("calendar")}>
                    {m.navCalendar}
                  </a>
                </li>
                <li>
                  <a href="/admin" {...current("organisers")}>
                    {m.navOrganisers}
                  </a>
                </li>
              </ul>
            </nav>
            <a class="langswitch" href={withLang(ctx.url, other)} lang={other} hreflang={other} aria-label={m.switchLangLabel}>
              {m.switchLang}
            </a>
          </div>
        </header>
        {ctx.admin && staff ? (
          <div class="adminbar">
            <div class="wrap">
              <a href="/admin" {...current("dashboard")}>
                {m.navDashboard}
              </a>
              <a href="/admin/events" {...current("admin-events")}>
                {m.navAdminEvents}
              </a>
              <a href="/admin/account" {...current("account")}>
                {m.navAccount}
              </a>
              <span class="muted">{m.signedInAs(ctx.actor.kind === "anonymous" ? "" : ctx.actor.label)}</span>
              {ctx.csrf ? (
                <form method="post" action="/admin/logout">
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button type="submit" class="secondary small">
                    {m.logout}
                  </button>
                </form>
              ) : null}
            </div>
          </div>
        ) : null}
        <main id="main" tabindex={-1}>
          <div class="wrap">{props.children}</div>
        </main>
        <footer class="site">
          <div class="wrap">{m.footer}</div>
        </footer>
      </body>
    </html>
  );
}

export type Errors = Record<string, string>;

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

function Tag(props: { ctx: PageCtx; required?: boolean }) {
  return props.required ? <span class="tag req">{props.ctx.m.required}</span> : <span class="tag">{props.ctx.m.optional}</span>;
}

type FieldProps = {
  ctx: PageCtx;
  /** false: no required/optional tag (search boxes). */
  tag?: boolean;
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: string;
  inputmode?: "search" | "email" | "url" | "text" | "none" | "tel" | "numeric" | "decimal";
  autocomplete?: string;
  spellcheck?: boolean;
  min?: string;
  lang?: string;
};

/** A labelled text input with its hint and error, linked for assistive technology. */
export function TextField(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>
        {p.label}
        {p.tag === false ? null : <Tag ctx={p.ctx} required={p.required} />}
      </label>
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
        aria-required={p.required ? "true" : undefined}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

export function TextArea(p: FieldProps) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>
        {p.label}
        <Tag ctx={p.ctx} required={p.required} />
      </label>
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          {p.error}
        </span>
      ) : null}
      <textarea
        id={id}
        name={p.name}
        rows={6}
        lang={p.lang}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={p.error ? `${id}-error` : undefined}
      >
        {p.value ?? ""}
      </textarea>
    </div>
  );
}

export function SelectField(p: {
  ctx: PageCtx;
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  required?: boolean;
  options: { value: string; label: string }[];
  tag?: boolean;
}) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>
        {p.label}
        {p.tag === false ? null : <Tag ctx={p.ctx} required={p.required} />}
      </label>
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          {p.error}
        </span>
      ) : null}
      <select
        id={id}
        name={p.name}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={p.error ? `${id}-error` : undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A set of radio buttons in a fieldset whose legend names the question. */
export function RadioGroup(p: {
  ctx: PageCtx;
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  required?: boolean;
  options: { value: string; label: string; lang?: string }[];
}) {
  const id = `f-${p.name}`;
  return (
    <fieldset
      id={id}
      tabindex={-1}
      aria-invalid={p.error ? "true" : undefined}
      aria-describedby={p.error ? `${id}-error` : undefined}
    >
      <legend>
        {p.label}
        <Tag ctx={p.ctx} required={p.required} />
      </legend>
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          {p.error}
        </span>
      ) : null}
      <div class="choices">
        {p.options.map((o) => (
          <label lang={o.lang}>
            <input type="radio" name={p.name} value={o.value} checked={o.value === p.value} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
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

export function Csrf(props: { ctx: PageCtx }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrf ?? ""} />;
}
