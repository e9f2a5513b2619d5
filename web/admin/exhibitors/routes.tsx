/**
 * The organisers' review page of a fair's exhibitors (/admin/events/:id/exhibitors). Mounted
 * inside adminRoutes, behind its guard (a session, and _csrf on every POST). A save answers 303
 * back to the page; a refused one shows the page again with that exhibitor's form as it was sent.
 */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { ExhibitorReview } from "../../../api/booths/application-schemas.ts";
import { listExhibitors } from "../../../api/booths/service/exhibitors.ts";
import { reviewExhibitor } from "../../../api/booths/service/review.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { NotFound, ValidationFailed, type FieldError } from "../../../api/errors.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { ExhibitorReviewPage } from "./page.tsx";
import { formOf, pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { fieldMessage } from "../../i18n/field-errors.ts";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";
import type { Errors } from "../../ui/field.tsx";
import { eventInScope, NO_STORE } from "../common.ts";

const REF = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function applicationReviewPages(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  const fairFor = async (c: WebContext) => {
    const event = await eventInScope(c);
    if (event.kind !== "techno_fair") throw new NotFound("event");
    return event;
  };

  const show = async (
    c: WebContext,
    status: number,
    extra: { notice?: string; failed?: { ref: string; values: Record<string, string>; errors: Errors } } = {},
  ) => {
    const event = await fairFor(c);
    const exhibitors = await listExhibitors(c.get("ctx"), { eventId: event.id });
    return render(
      c,
      <ExhibitorReviewPage ctx={pageCtx(c, true)} event={event} exhibitors={exhibitors} {...extra} />,
      status,
      NO_STORE,
    );
  };

  app.get("/admin/events/:id/exhibitors", async (c) => {
    const saved = c.req.query("saved");
    const notice = saved && REF.test(saved) ? APPLY_MESSAGES[pageCtx(c).lang].reviewSaved(saved) : undefined;
    return show(c, 200, { notice });
  });

  app.post("/admin/events/:id/exhibitors/:ref", async (c) => {
    const event = await fairFor(c);
    const ref = c.req.param("ref");
    const form = await formOf(c);
    const values = {
      priority: form.priority ?? "",
      competitors: form.competitors ?? "",
      status: form.status ?? "",
      declineReason: form.declineReason ?? "",
    };
    const lang = pageCtx(c).lang;
    const failed = (fields: FieldError[]) => {
      const errors: Errors = {};
      for (const e of fields) errors[e.field.split(".")[0]!] ??= fieldMessage(e, lang);
      return show(c, 400, { failed: { ref, values, errors } });
    };
    const priority = values.priority.normalize("NFKC").trim();
    const parsed = ExhibitorReview.safeParse(
      {
        priority: priority === "" ? undefined : /^\d+$/.test(priority) ? Number(priority) : priority,
        competitors: values.competitors
          .normalize("NFKC")
          .split(/[,、\s]+/)
          .filter(Boolean),
        ...(values.status ? { status: values.status } : {}),
        declineReason: values.declineReason.trim() ? values.declineReason : null,
      },
      REPORT_INPUT,
    );
    if (!parsed.success) return failed(fieldErrors(parsed.error as ZodError));
    try {
      await reviewExhibitor(c.get("ctx"), { eventId: event.id, ref, input: parsed.data });
    } catch (err) {
      if (err instanceof ValidationFailed) return failed(err.fields ?? []);
      throw err;
    }
    return c.redirect(`/admin/events/${event.id}/exhibitors?saved=${encodeURIComponent(ref)}#x-${encodeURIComponent(ref)}`, 303);
  });

  return app;
}
