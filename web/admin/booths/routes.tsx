/**
 * The organisers' booth page of a fair. Mounted inside adminRoutes, behind its guard:
 * a session is required and every POST carries _csrf. Writes answer 303 back to the page; a
 * refused assignment re-renders the page with the reason and the form as it was sent.
 */
import { Hono } from "hono";
import { runAllocation, storedWeights } from "../../../api/booths/service/allocation.ts";
import { assignBooth, unassignBooth } from "../../../api/booths/service/assignment.ts";
import { listExhibitors } from "../../../api/booths/service/exhibitors.ts";
import { listBooths } from "../../../api/booths/service/floor-plan.ts";
import { publishAllocation } from "../../../api/booths/service/publish.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, Conflict, NotFound, ValidationFailed } from "../../../api/errors.ts";
import { AllocationPreviewPage } from "./allocation-preview.tsx";
import { explainConflict } from "./conflict.ts";
import { BoothsPage } from "./page.tsx";
import type { AssignValues } from "./shared.tsx";
import { formOf, pageCtx, qs, render, type WebContext, type WebEnv } from "../../context.ts";
import type { Errors } from "../../ui/field.tsx";
import { errorDetail } from "../../ui/error-page.tsx";
import { eventInScope, NO_STORE } from "../common.ts";

/** Booth codes and exhibitor refs (as the API validates them), safe to echo into a status line. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const COUNT = /^\d{1,6}$/;
const EMPTY_FORM: AssignValues = { exhibitor: "", booth: "", pinned: false };


/** The fair, if this organiser covers it; anything else is the admin pages' usual 404. */
export async function loadFair(db: AppDeps["db"], c: WebContext) {
  const event = await eventInScope(c);
  const id = event.id;
  const booths = await listBooths(c.get("ctx"), { eventId: id });
  // Booths belong to techno-fairs; another kind of event only has this page if a plan was uploaded.
  if (event.kind !== "techno_fair" && booths.length === 0) throw new NotFound("event");
  const exhibitors = await listExhibitors(c.get("ctx"), { eventId: id });
  return { event, booths, exhibitors };
}

export function boothPageRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;
  const page = (c: WebContext) => pageCtx(c, true);
  const pathOf = (id: string) => `/admin/events/${id}/booths`;

  const fairFor = (c: WebContext) => loadFair(db, c);
  type Fair = Awaited<ReturnType<typeof fairFor>>;

  const showPage = (
    c: WebContext,
    fair: Fair,
    status: number,
    extra: { form?: AssignValues; errors?: Errors; notice?: string; alert?: string; marked?: string[] } = {},
  ) =>
    render(
      c,
      <BoothsPage
        ctx={page(c)}
        event={fair.event}
        booths={fair.booths}
        exhibitors={fair.exhibitors}
        form={extra.form ?? EMPTY_FORM}
        errors={extra.errors}
        notice={extra.notice}
        alert={extra.alert}
        marked={extra.marked}
      />,
      status,
      NO_STORE,
    );

  /** The status line after a redirect (?done=…&at=booth&ex=ref), built only from values that look like codes. */
  const noticeOf = (c: WebContext): string | undefined => {
    const { m } = page(c);
    const q = c.req.query();
    const code = (k: string) => (q[k] && CODE.test(q[k]) ? q[k] : undefined);
    const count = (k: string) => (q[k] && COUNT.test(q[k]) ? Number(q[k]) : 0);
    const booth = code("at");
    const ex = code("ex");
    switch (q.done) {
      case "assigned":
        return booth && ex ? m.doneAssigned(booth, ex) : undefined;
      case "moved":
        return booth && ex ? m.doneMoved(booth, ex) : undefined;
      case "pinned":
        return booth ? m.donePinned(booth) : undefined;
      case "unpinned":
        return booth ? m.doneUnpinned(booth) : undefined;
      case "cleared":
        return booth ? m.doneCleared(booth) : undefined;
      case "applied":
        return m.doneApplied(count("placed"), count("unplaced"));
      case "published":
        return m.donePublished(count("queued"), count("noemail"));
      case "floor-plan":
        return m.doneFloorPlan(count("count"));
      case "exhibitors":
        return m.doneExhibitors(count("count"));
      default:
        return undefined;
    }
  };

  /** The page again, saying why the assignment was refused, with the form as it was sent. */
  const refused = async (c: WebContext, err: Conflict, form: AssignValues) => {
    // Read again: the page must show the hall as it is now; the problem's data says what refused it.
    const fair = await fairFor(c);
    const why = explainConflict(page(c), err, fair.exhibitors);
    const alert = why?.message ?? errorDetail(err, page(c).lang) ?? err.detail;
    return showPage(c, fair, 409, { form, alert, marked: why?.marked ?? [form.booth] });
  };

  /** The allocation refused its input: the registry's words, and on English pages the service's specifics. */
  const inconsistent = (c: WebContext, fair: Awaited<ReturnType<typeof fairFor>>, err: AppError) =>
    showPage(c, fair, 422, { alert: errorDetail(err, page(c).lang) ?? err.detail });

  /** A booth's holder changed between the page being shown and the button being pressed. */
  const holderChanged = (fair: Fair, code: string, exhibitor: string | undefined) => {
    const booth = fair.booths.find((b) => b.code === code);
    if (!booth) throw new NotFound("booth");
    return !booth.assignment || booth.assignment.exhibitor !== exhibitor;
  };

  const preview = async (c: WebContext, fair: Fair, stale: boolean) => {
    const eventId = fair.event.id;
    const weights = await storedWeights(db, eventId);
    const result = await runAllocation(c.get("ctx"), { eventId, dryRun: true, weights });
    return render(
      c,
      <AllocationPreviewPage
        ctx={page(c)}
        event={fair.event}
        booths={fair.booths}
        exhibitors={fair.exhibitors}
        result={result}
        basis={result.basis}
        stale={stale}
      />,
      stale ? 409 : 200,
      NO_STORE,
    );
  };

  app.get("/admin/events/:id/booths", async (c) => {
    const fair = await fairFor(c);
    const booth = c.req.query("booth");
    const form = { ...EMPTY_FORM, booth: booth && fair.booths.some((b) => b.code === booth) ? booth : "" };
    return showPage(c, fair, 200, { form, notice: noticeOf(c) });
  });

  app.post("/admin/events/:id/booths/assign", async (c) => {
    const fair = await fairFor(c);
    const { m } = page(c);
    const f = await formOf(c);
    const form: AssignValues = { exhibitor: (f.exhibitor ?? "").trim(), booth: (f.booth ?? "").trim(), pinned: f.pinned === "1" };
    const errors: Errors = {};
    if (!form.exhibitor) errors.exhibitor = m.unknownExhibitor;
    if (!form.booth) errors.booth = m.unknownBooth;
    if (Object.keys(errors).length) return showPage(c, fair, 400, { form, errors });
    try {
      const done = await assignBooth(c.get("ctx"), { eventId: fair.event.id, code: form.booth, exhibitorRef: form.exhibitor, pinned: form.pinned });
      const before = fair.exhibitors.find((x) => x.ref === done.exhibitor)?.booth;
      const kind = before && before !== done.booth ? "moved" : "assigned";
      return c.redirect(`${pathOf(fair.event.id)}${qs({ done: kind, at: done.booth, ex: done.exhibitor })}`, 303);
    } catch (err) {
      if (err instanceof Conflict) return refused(c, err, form);
      if (err instanceof NotFound) return showPage(c, fair, 400, { form, errors: { booth: m.unknownBooth } });
      if (err instanceof ValidationFailed) return showPage(c, fair, 400, { form, errors: { exhibitor: m.unknownExhibitor } });
      throw err;
    }
  });

  app.post("/admin/events/:id/booths/:code/pin", async (c) => {
    const fair = await fairFor(c);
    const code = c.req.param("code");
    const f = await formOf(c);
    if (holderChanged(fair, code, f.exhibitor)) {
      return showPage(c, fair, 409, { alert: page(c).m.conflictStale, marked: [code] });
    }
    const pinned = f.pinned === "1";
    const form: AssignValues = { exhibitor: f.exhibitor!, booth: code, pinned };
    try {
      await assignBooth(c.get("ctx"), { eventId: fair.event.id, code, exhibitorRef: form.exhibitor, pinned });
    } catch (err) {
      if (err instanceof Conflict) return refused(c, err, form);
      throw err;
    }
    return c.redirect(`${pathOf(fair.event.id)}${qs({ done: pinned ? "pinned" : "unpinned", at: code })}`, 303);
  });

  app.post("/admin/events/:id/booths/:code/clear", async (c) => {
    const fair = await fairFor(c);
    const code = c.req.param("code");
    const f = await formOf(c);
    if (holderChanged(fair, code, f.exhibitor)) {
      return showPage(c, fair, 409, { alert: page(c).m.conflictStale, marked: [code] });
    }
    await unassignBooth(c.get("ctx"), { eventId: fair.event.id, code });
    return c.redirect(`${pathOf(fair.event.id)}${qs({ done: "cleared", at: code })}`, 303);
  });

  // A dry run changes nothing, but it is a POST: it costs up to a couple of seconds of CPU, so it
  // needs the session's CSRF token like any other button.
  app.post("/admin/events/:id/booths/preview", async (c) => {
    const fair = await fairFor(c);
    try {
      return await preview(c, fair, false);
    } catch (err) {
      if (err instanceof AppError && err.slug === "allocation-input") return inconsistent(c, fair, err);
      throw err;
    }
  });

  app.post("/admin/events/:id/booths/apply", async (c) => {
    const fair = await fairFor(c);
    const f = await formOf(c);
    const weights = await storedWeights(db, fair.event.id);
    try {
      // The verb refuses (allocation-changed) what differs from the preview; a form without one is stale too.
      const result = await runAllocation(c.get("ctx"), { eventId: fair.event.id, dryRun: false, weights, basis: f.basis ?? "" });
      const query = qs({ done: "applied", placed: result.assignments.length, unplaced: result.unassigned.length });
      return c.redirect(`${pathOf(fair.event.id)}${query}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.slug === "allocation-changed") return preview(c, fair, true);
      if (err instanceof AppError && err.slug === "allocation-input") return inconsistent(c, fair, err);
      throw err;
    }
  });

  app.post("/admin/events/:id/booths/publish", async (c) => {
    const fair = await fairFor(c);
    const r = await publishAllocation(c.get("ctx"), { eventId: fair.event.id });
    return c.redirect(`${pathOf(fair.event.id)}${qs({ done: "published", queued: r.queued, noemail: r.withoutEmail })}`, 303);
  });

  return app;
}
