/** Organiser login and the one-time "set your password" page. */
import type { PageCtx } from "../context.ts";
import { ErrorSummary, Layout, TextField, type Errors } from "../layout.tsx";

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
  return (
    <Layout ctx={ctx} title={m.loginTitle} section="organisers">
      <h1>{m.loginTitle}</h1>
      {props.notice ? (
        <p class="notice ok" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.message ? (
        <div class="alert" role="alert" tabindex={-1} data-error-summary>
          {props.message}
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={{ email: m.email, password: m.password }} />
      <form method="post" action="/admin/login" novalidate>
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextField
          ctx={ctx}
          name="email"
          label={m.email}
          value={props.email}
          error={errors.email}
          required
          inputmode="email"
          autocomplete="username"
          spellcheck={false}
        />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={m.password}
          error={errors.password}
          required
          autocomplete="current-password"
        />
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
  return (
    <Layout ctx={ctx} title={m.passwordTitle} section="organisers">
      <h1>{m.passwordTitle}</h1>
      {props.done ? (
        <>
          <p class="notice ok" role="status">
            {m.passwordSet}
          </p>
          <p>
            <a class="button" href="/admin/login">
              {m.login}
            </a>
          </p>
        </>
      ) : props.invalid ? (
        <p class="alert" role="alert">
          {m.passwordLinkInvalid}
        </p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} labels={{ password: m.newPassword, confirm: m.confirmPassword }} />
          <form method="post" action="/admin/password" novalidate>
            <input type="hidden" name="token" value={props.token} />
            <TextField
              ctx={ctx}
              name="password"
              type="password"
              label={m.newPassword}
              error={errors.password}
              required
              autocomplete="new-password"
            />
            <TextField
              ctx={ctx}
              name="confirm"
              type="password"
              label={m.confirmPassword}
              error={errors.confirm}
              required
              autocomplete="new-password"
            />
            <div class="actions">
              <button type="submit">{m.setPassword}</button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
