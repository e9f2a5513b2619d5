/**
 * /problems and /problems/:code: what each problem `type` in an API answer means, in Japanese and
 * English, from the one registry (lib/problems.ts). The `type` URIs resolve, as RFC 9457 suggests.
 */
import { Hono } from "hono";
import { NotFound } from "../../../api/errors.ts";
import { isProblemCode, PROBLEMS } from "../../../lib/problems.ts";
import { pageCtx, render, type WebEnv } from "../../context.ts";
import { Layout } from "../../ui/layout.tsx";

const CACHE = { "Cache-Control": "public, max-age=3600" };

export function problemPages() {
  const app = new Hono<WebEnv>();
  app.get("/problems", (c) => {
    const ctx = pageCtx(c);
    const title = ctx.m.problemTypes;
    return render(
      c,
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <dl class="facts">
          {Object.entries(PROBLEMS).map(([code, p]) => (
            <>
              <dt>
                <a href={`/problems/${code}`}>
                  <code>{code}</code>
                </a>{" "}
                ({p.status})
              </dt>
              <dd>{p[ctx.lang]}</dd>
            </>
          ))}
        </dl>
      </Layout>,
      200,
      CACHE,
    );
  });
  app.get("/problems/:code", (c) => {
    const code = c.req.param("code");
    if (!isProblemCode(code)) throw new NotFound("problem type");
    const ctx = pageCtx(c);
    const p = PROBLEMS[code];
    return render(
      c,
      <Layout ctx={ctx} title={p.title}>
        <h1>
          <code>{code}</code>
        </h1>
        <p class="meta">
          HTTP {p.status} — {p.title}
        </p>
        <p lang="ja">{p.ja}</p>
        <p lang="en">{p.en}</p>
        <p>
          <a href="/problems">{ctx.m.allProblemTypes}</a>
        </p>
      </Layout>,
      200,
      CACHE,
    );
  });
  return app;
}
