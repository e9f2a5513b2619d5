/**
 * The exhibitor application pages, without script: the form at /fair/:id/apply and the applicant's
 * private page /x/:token (view, change while the call is open, withdraw). Every answer a visitor
 * typed comes back on the page when something is wrong.
 */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { listBlocks } from "../../../api/blocks/service.ts";
import { ApplicationCreate, ApplicationPatch } from "../../../api/booths/application-schemas.ts";
import {
  applyToExhibit,
  getApplication,
  updateApplication,
  withdrawApplication,
} from "../../../api/booths/service/applications.ts";
import { listBooths } from "../../../api/booths/service/floor-plan.ts";
import { floorPlanSvg } from "../../../api/booths/svg.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, Conflict, NotFound, TooManyRequests, ValidationFailed } from "../../../api/errors.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { getEvent, PUBLIC_VIEWER } from "../../../api/events/service.ts";
import { clientAddress } from "../../../api/lib/client-ip.ts";
import { IDEMPOTENCY_KEY } from "../../../api/lib/idempotency.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { blockNames, eventTitle } from "../../ui/event.tsx";
import { formOf, isUuid, pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";
import { errorDetail } from "../../ui/error-page.tsx";
import { ApplicationPage, ApplyPage, WithdrawConfirmPage, type ApplicationNotice, type ApplyFormState } from "./page.tsx";
import { NO_STORE, PRIVATE_PAGE } from "../../cache.ts";
import { FIELDS, candidateOf, formErrors, valuesOf } from "./form.ts";

export function applyPages(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  const fairOf = async (c: WebContext): Promise<EventRow> => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    // The form is public: a planned fair is not found, even for its organisers.
    return getEvent(c.get("ctx"), { id, viewer: PUBLIC_VIEWER });
  };

  const applyPage = async (c: WebContext, event: EventRow, state: ApplyFormState, status = 200) =>
    render(
      c,
      <ApplyPage
        ctx={pageCtx(c)}
        event={event}
        blocks={blockNames(await listBlocks(c.get("ctx")))}
        now={deps.clock.now()}
        state={state}
      />,
      status,
      NO_STORE,
    );

  /** A message for a refusal of the whole form, or undefined when the error is not one of those. */
  const refusal = (c: WebContext, err: unknown): { status: 409 | 422 | 429; text: string } | undefined => {
    const ctx = pageCtx(c);
    const a = APPLY_MESSAGES[ctx.lang];
    if (err instanceof TooManyRequests) {
      const retry = err.headers?.["Retry-After"] ?? "60";
      c.header("Retry-After", retry);
      return { status: 429, text: ctx.m.tooMany(retry) };
    }
    if (err instanceof Conflict) {
      const text = err.slug === "exhibitor-application-exists" ? a.alreadyApplied : errorDetail(err, ctx.lang);
      return { status: 409, text: text ?? err.detail ?? err.title };
    }
    if (err instanceof AppError && err.slug === "idempotency-key-reused") return { status: 422, text: ctx.m.formReused };
    return undefined;
  };

  app.get("/fair/:id/apply", async (c) => {
    const event = await fairOf(c);
    if (event.kind !== "techno_fair") throw new NotFound("event");
    return applyPage(c, event, { values: { locale: c.get("lang") }, errors: {}, idempotencyKey: crypto.randomUUID() });
  });

  app.post("/fair/:id/apply", async (c) => {
    const event = await fairOf(c);
    if (event.kind !== "techno_fair") throw new NotFound("event");
    const ctx = pageCtx(c);
    const form = await formOf(c);
    const values: Record<string, string> = {};
    for (const f of FIELDS) values[f] = form[f] ?? "";
    // Every answer back on the page, with a fresh key: that render is a new form.
    const again = (extra: Partial<ApplyFormState>, status: number) =>
      applyPage(c, event, { values, errors: {}, idempotencyKey: crypto.randomUUID(), ...extra }, status);
    const { candidate, boxes } = candidateOf(values, false);
    const parsed = ApplicationCreate.safeParse(candidate, REPORT_INPUT);
    if (!parsed.success) return again({ errors: formErrors(fieldErrors(parsed.error as ZodError), boxes, ctx.lang) }, 400);
    try {
      const key = form.idempotencyKey && IDEMPOTENCY_KEY.test(form.idempotencyKey) ? form.idempotencyKey : undefined;
      const address = clientAddress(c, deps.config);
      const created = await applyToExhibit(c.get("ctx"), { eventId: event.id, input: parsed.data, idempotencyKey: key, address });
      return c.redirect(`/x/${created.manageToken}?new=1`, 303);
    } catch (err) {
      if (err instanceof ValidationFailed) return again({ errors: formErrors(err.fields ?? [], boxes, ctx.lang) }, 400);
      const r = refusal(c, err);
      if (r) return again({ message: { tone: "alert", text: r.text } }, r.status);
      throw err;
    }
  });

  const privatePage = async (
    c: WebContext,
    token: string,
    opts: { notice?: ApplicationNotice; edit?: ApplyFormState; status?: number },
  ) => {
    const { view, event } = await getApplication(c.get("ctx"), { token });
    let mapSvg: string | undefined;
    if (view.status === "assigned" && view.booth) {
      // The public map, without the organisers' pins, with the applicant's booth outlined.
      const booths = await listBooths(c.get("ctx"), { eventId: event.id, viewer: PUBLIC_VIEWER });
      const plain = booths.map((b) => ({ ...b, assignment: b.assignment ? { ...b.assignment, pinned: false } : null }));
      mapSvg = floorPlanSvg(plain, { title: eventTitle(event, pageCtx(c).lang), highlight: view.booth });
    }
    return render(
      c,
      <ApplicationPage
        ctx={pageCtx(c)}
        event={event}
        view={view}
        blocks={blockNames(await listBlocks(c.get("ctx")))}
        token={token}
        notice={opts.notice}
        mapSvg={mapSvg}
        edit={opts.edit ?? { values: valuesOf(view), errors: {} }}
      />,
      opts.status ?? 200,
      PRIVATE_PAGE,
    );
  };

  app.get("/x/:token", async (c) => {
    const q = (k: string) => c.req.query(k) !== undefined;
    const notice = q("new") ? "new" : q("saved") ? "saved" : q("withdrawn") ? "withdrawn" : undefined;
    return privatePage(c, c.req.param("token"), { notice });
  });

  app.post("/x/:token", async (c) => {
    const token = c.req.param("token");
    const ctx = pageCtx(c);
    await getApplication(c.get("ctx"), { token }); // a wrong token is the usual 404, whatever the form says
    const form = await formOf(c);
    const values: Record<string, string> = {};
    for (const f of FIELDS) values[f] = form[f] ?? "";
    const { candidate, boxes } = candidateOf(values, true);
    const again = (extra: Partial<ApplyFormState>, status: number) =>
      privatePage(c, token, { edit: { values, errors: {}, ...extra }, status });
    const parsed = ApplicationPatch.safeParse(candidate, REPORT_INPUT);
    if (!parsed.success) return again({ errors: formErrors(fieldErrors(parsed.error as ZodError), boxes, ctx.lang) }, 400);
    try {
      await updateApplication(c.get("ctx"), { token, input: parsed.data });
      return c.redirect(`/x/${token}?saved=1`, 303);
    } catch (err) {
      if (err instanceof ValidationFailed) return again({ errors: formErrors(err.fields ?? [], boxes, ctx.lang) }, 400);
      const r = refusal(c, err);
      if (r) return again({ message: { tone: "alert", text: r.text } }, r.status);
      throw err;
    }
  });

  app.get("/x/:token/withdraw", async (c) => {
    const token = c.req.param("token");
    const { view, event } = await getApplication(c.get("ctx"), { token });
    return render(c, <WithdrawConfirmPage ctx={pageCtx(c)} event={event} view={view} token={token} />, 200, PRIVATE_PAGE);
  });

  app.post("/x/:token/withdraw", async (c) => {
    const token = c.req.param("token");
    await withdrawApplication(c.get("ctx"), { token });
    return c.redirect(`/x/${token}?withdrawn=1`, 303);
  });

  return app;
}
