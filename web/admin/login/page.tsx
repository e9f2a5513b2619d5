/** Organiser login and the one-time "set your password" page. */
import type { PageCtx } from "../../context.ts";
import { Layout } from "../../ui/layout.tsx";
import { type Errors, ErrorSummary, formFields } from "../../ui/field.tsx";
import { Notice } from "../../ui/notice.tsx";

export function LoginPage(props: {
  ctx: PageCtx;
  email?: string;
  next?: string;
  errors?: Errors;
  message?: string;
  notice?: string;
}) {
  const { ctx } = props;
  const { m } = ctx;
  const errors = props.errors ?? {};
  const F = formFields(ctx, { email: props.email }, errors);
  return (
    <Layout ctx={ctx} title={m.loginTitle} section="organisers">
      <h1>{m.loginTitle}</h1>
      {props.notice ? <Notice tone="ok">{props.notice}</Notice> : null}
      {props.message ? (
        <Notice tone="alert" block focus>
          {props.message}
        </Notice>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={{ email: m.email, password: m.password }} />
      <form method="post" action="/admin/login" novalidate>
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <F name="email" label={m.email} required inputmode="email" autocomplete="username" spellcheck={false} />
        <F name="password" type="password" label={m.password} required autocomplete="current-password" />
        <div class="actions">
          <button type="submit">{m.login}</button>
        </div>
      </form>
    </Layout>
  );
}

export function PasswordPage(props: { ctx: PageCtx; token: string; errors?: Errors; invalid?: boolean; done?: boolean }) {
  const { ctx } = props;
  const { m } = ctx;
  const errors = props.errors ?? {};
  const F = formFields(ctx, {}, errors);
  return (
    <Layout ctx={ctx} title={m.passwordTitle} section="organisers">
      <h1>{m.passwordTitle}</h1>
      {props.done ? (
        <>
          <Notice tone="ok">{m.passwordSet}</Notice>
          <p>
            <a class="button" href="/admin/login">
              {m.login}
            </a>
          </p>
        </>
      ) : props.invalid ? (
        <Notice tone="alert">{m.passwordLinkInvalid}</Notice>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} labels={{ password: m.newPassword, confirm: m.confirmPassword }} />
          <form method="post" action="/admin/password" novalidate>
            <input type="hidden" name="token" value={props.token} />
            <F name="password" type="password" label={m.newPassword} required autocomplete="new-password" />
            <F name="confirm" type="password" label={m.confirmPassword} required autocomplete="new-password" />
            <div class="actions">
              <button type="submit">{m.setPassword}</button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
