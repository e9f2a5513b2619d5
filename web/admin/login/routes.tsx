/** Organiser login, logout and the one-time "set your password" page. */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { LoginInput, PasswordSet } from "../../../api/auth/schemas.ts";
import { setPasswordWithLink } from "../../../api/auth/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { NotFound, TooManyRequests, Unauthorized } from "../../../api/errors.ts";
import { endSession, startSession } from "../../../api/auth/session-cookie.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { LoginPage, PasswordPage } from "./page.tsx";
import { formOf, render, safeNext, type WebEnv } from "../../context.ts";
import type { Errors } from "../../ui/field.tsx";

import { adminPage, errorsOf, NO_STORE } from "../common.ts";

export function loginRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/admin/login", (c) => {
    if (c.get("actor").kind !== "anonymous") return c.redirect(safeNext(c.req.query("next"), "/admin"), 303);
    const ctx = adminPage(c);
    const notice = c.req.query("done") === "logout-all" ? ctx.m.loggedOutEverywhere : undefined;
    return render(c, <LoginPage ctx={ctx} next={c.req.query("next")} notice={notice} />, 200, NO_STORE);
  });

  app.post("/admin/login", async (c) => {
    const ctx = adminPage(c);
    const form = await formOf(c);
    const next = form.next;
    const again = (status: number, extra: { errors?: Errors; message?: string }) =>
      render(c, <LoginPage ctx={ctx} email={form.email} next={next} {...extra} />, status, NO_STORE);
    const parsed = LoginInput.safeParse({ email: form.email ?? "", password: form.password ?? "" }, REPORT_INPUT);
    if (!parsed.success) return again(400, { errors: errorsOf(fieldErrors(parsed.error as ZodError), ctx.lang) });
    try {
      await startSession(c, c.get("ctx"), parsed.data);
      return c.redirect(safeNext(next, "/admin"), 303);
    } catch (err) {
      if (err instanceof Unauthorized) return again(401, { message: ctx.m.loginFailed });
      if (err instanceof TooManyRequests) {
        c.header("Retry-After", err.headers?.["Retry-After"] ?? "60");
        return again(429, { message: ctx.m.tooMany(err.headers?.["Retry-After"] ?? "60") });
      }
      throw err;
    }
  });

  app.post("/admin/logout", async (c) => {
    await endSession(c, deps);
    return c.redirect("/admin/login", 303);
  });

  app.get("/admin/password", (c) =>
    render(c, <PasswordPage ctx={adminPage(c)} token={c.req.query("token") ?? ""} invalid={!c.req.query("token")} />, 200, {
      ...NO_STORE,
      "Referrer-Policy": "no-referrer",
    }),
  );

  app.post("/admin/password", async (c) => {
    const ctx = adminPage(c);
    const form = await formOf(c);
    const token = form.token ?? "";
    const page = (status: number, props: { errors?: Errors; invalid?: boolean; done?: boolean }) =>
      render(c, <PasswordPage ctx={ctx} token={token} {...props} />, status, NO_STORE);
    const parsed = PasswordSet.safeParse({ token, password: form.password ?? "" }, REPORT_INPUT);
    const errors: Errors = parsed.success ? {} : errorsOf(fieldErrors(parsed.error as ZodError), ctx.lang);
    if (!errors.password && (form.confirm ?? "") !== (form.password ?? "")) errors.confirm = ctx.m.passwordMismatch;
    if (errors.token) return page(404, { invalid: true });
    if (!parsed.success || Object.keys(errors).length) return page(400, { errors });
    try {
      await setPasswordWithLink(c.get("ctx"), parsed.data);
    } catch (err) {
      if (err instanceof NotFound) return page(404, { invalid: true });
      throw err;
    }
    return page(200, { done: true });
  });

  return app;
}
