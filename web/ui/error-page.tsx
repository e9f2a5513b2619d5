/** Errors on page routes as friendly HTML (the API keeps problem+json). */
import { HTTPException } from "hono/http-exception";
import { AppError } from "../../api/errors.ts";
import { logError } from "../../api/lib/log.ts";
import { dbFaultProblem } from "../../api/lib/db-fault.ts";
import { logFault, routeOf } from "../../api/lib/problem.ts";
import { pageCtx, render, type PageCtx, type WebContext } from "../context.ts";
import type { Lang } from "../../lib/format.ts";
import { Layout } from "./layout.tsx";
import { problemText } from "../../lib/problems.ts";

/** What a person is told: Japanese from the problem registry; English keeps the service's specific detail. */
export function errorDetail(err: AppError, lang: Lang): string | undefined {
  if (lang === "ja") return problemText(err.slug, "ja");
  return err.detail ?? problemText(err.slug, "en");
}

function ErrorPage(props: { ctx: PageCtx; status: number; detail?: string; requestId?: string }) {
  const { m } = props.ctx;
  const title = m.errorTitle[props.status] ?? m.errorTitle[500]!;
  const text = props.detail ?? m.errorText[props.status] ?? (props.status >= 500 ? m.errorText[500] : undefined);
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {text ? <p>{text}</p> : null}
      {props.status >= 500 && props.requestId ? (
        <p class="muted">
          {m.requestId}: <code>{props.requestId}</code>
        </p>
      ) : null}
      <p class="actions">
        <a class="button secondary" href={props.ctx.admin ? "/admin" : "/"}>
          {props.ctx.admin ? m.navDashboard : m.home}
        </a>
      </p>
    </Layout>
  );
}

export function renderError(c: WebContext, err: unknown) {
  const ctx = pageCtx(c, c.req.path.startsWith("/admin"));
  let status = 500;
  let detail: string | undefined;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  const fault = dbFaultProblem(err);
  if (fault && fault !== err) logFault(c, fault, err);
  err = fault ?? err;
  if (err instanceof AppError) {
    status = err.status;
    detail = status === 404 ? undefined : errorDetail(err, ctx.lang);
    if (err.headers?.["Retry-After"]) headers["Retry-After"] = err.headers["Retry-After"];
  } else if (err instanceof HTTPException) {
    status = err.status;
  } else {
    logError(`[${c.get("requestId") ?? "-"}] ${c.req.method} ${routeOf(c)}: unhandled error on a page:`, err);
  }
  return render(c, <ErrorPage ctx={ctx} status={status} detail={detail} requestId={c.get("requestId")} />, status, headers);
}

export function notFoundPage(c: WebContext) {
  const ctx = pageCtx(c, c.req.path.startsWith("/admin"));
  return render(c, <ErrorPage ctx={ctx} status={404} />, 404, { "Cache-Control": "no-store" });
}
