/** The organisers' event list, editor and cancellation step. */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { coversBlock, coversEvent } from "../../../api/auth/scope.ts";
import { listBlocks } from "../../../api/blocks/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { Conflict, ValidationFailed } from "../../../api/errors.ts";
import { EventCreate, EventPatch } from "../../../api/events/schemas.ts";
import { cancelEvent, createEvent, listEvents, updateEvent } from "../../../api/events/service.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { fiscalYearOf, tokyoParts } from "../../../lib/time.ts";
import { EVENT_KINDS, type EventKind } from "../../../db/schema/events.ts";
import { CancelEventPage, EventFormPage, EventsListPage, type AdminEventFilters, type EventFormValues } from "./page.tsx";
import { blockNames } from "../../ui/event.tsx";
import { formOf, qs, render, type WebContext, type WebEnv } from "../../context.ts";
import type { Errors } from "../../ui/field.tsx";
import { errorDetail } from "../../ui/error-page.tsx";

import { adminPage, errorsOf, eventInScope, NO_STORE } from "../common.ts";
import { EVENT_FIELDS, eventInput, formValues } from "./form.ts";

export function eventRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  app.get("/admin/events", async (c) => {
    const actor = c.get("actor");
    const now = deps.clock.now();
    const currentFy = fiscalYearOf(now);
    const blocks = await listBlocks(c.get("ctx"));
    const q = c.req.query();
    const filters: AdminEventFilters = { fy: q.fy && /^\d{4}$/.test(q.fy) ? Number(q.fy) : currentFy };
    if (q.block && blocks.some((b) => b.code === q.block)) filters.block = q.block;
    if (q.kind && (EVENT_KINDS as readonly string[]).includes(q.kind)) filters.kind = q.kind as EventKind;
    const { rows } = await listEvents(c.get("ctx"), { query: { ...filters, limit: 200 } });
    const notice = q.cancelled ? adminPage(c).m.eventCancelled : undefined;
    const inScope = blocks.filter((b) => coversBlock(actor, b.code));
    return render(
      c,
      <EventsListPage
        ctx={adminPage(c)}
        events={rows.filter((e) => coversEvent(actor, e))}
        filters={filters}
        blocks={blocks}
        names={blockNames(blocks)}
        canCreate={actor.kind === "admin" || inScope.length > 0}
        notice={notice}
        currentFy={currentFy}
      />,
      200,
      NO_STORE,
    );
  });

  const editableBlocks = async (c: WebContext) =>
    (await listBlocks(c.get("ctx"))).filter((b) => coversBlock(c.get("actor"), b.code));

  app.get("/admin/events/new", async (c) => {
    const blocks = await editableBlocks(c);
    const p = tokyoParts(deps.clock.now());
    const day = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
    const values: EventFormValues = {
      kind: "seminar",
      status: "scheduled",
      // Administrators start from nationwide (no block); an organiser from the first block they organise.
      block: c.get("actor").kind === "admin" ? "" : (blocks[0]?.code ?? ""),
      startsAt: `${day}T13:00`,
      endsAt: `${day}T17:00`,
    };
    return render(c, <EventFormPage ctx={adminPage(c)} values={values} errors={{}} blocks={blocks} />, 200, NO_STORE);
  });

  /** Runs a create or update; a validation or conflict re-renders the form with the answers kept. */
  async function saveEvent(c: WebContext, existing: EventRow | undefined) {
    const ctx = adminPage(c);
    const form = await formOf(c);
    const values: EventFormValues = {};
    for (const f of EVENT_FIELDS) values[f] = form[f] ?? "";
    const blocks = await editableBlocks(c);
    const again = (status: number, errors: Errors, message?: string) =>
      render(
        c,
        <EventFormPage ctx={ctx} event={existing} values={values} errors={errors} blocks={blocks} message={message} />,
        status,
        NO_STORE,
      );
    const raw = eventInput(values);
    try {
      if (existing) {
        const parsed = EventPatch.safeParse(raw, REPORT_INPUT);
        if (!parsed.success) return again(400, errorsOf(fieldErrors(parsed.error as ZodError), ctx.lang));
        await updateEvent(c.get("ctx"), { id: existing.id, input: parsed.data });
        return c.redirect(`/admin/events/${existing.id}/edit?saved=1`, 303);
      }
      const parsed = EventCreate.safeParse(raw, REPORT_INPUT);
      if (!parsed.success) return again(400, errorsOf(fieldErrors(parsed.error as ZodError), ctx.lang));
      const row = await createEvent(c.get("ctx"), parsed.data);
      return c.redirect(`/admin/events/${row.id}/edit?saved=1`, 303);
    } catch (err) {
      if (err instanceof ValidationFailed) return again(400, errorsOf(err.fields ?? [], ctx.lang));
      if (err instanceof Conflict) return again(409, {}, errorDetail(err, ctx.lang) ?? err.detail);
      throw err;
    }
  }

  app.post("/admin/events/new", (c) => saveEvent(c, undefined));

  app.get("/admin/events/:id/edit", async (c) => {
    const event = await eventInScope(c);
    const blocks = await editableBlocks(c);
    // The event's own block stays selectable even if it is not one this organiser may move events to.
    const all = await listBlocks(c.get("ctx"));
    const own = all.find((b) => b.code === event.blockCode);
    const options = own && !blocks.some((b) => b.code === own.code) ? [own, ...blocks] : blocks;
    return render(
      c,
      <EventFormPage
        ctx={adminPage(c)}
        event={event}
        values={formValues(event)}
        errors={{}}
        blocks={options}
        saved={c.req.query("saved") === "1"}
      />,
      200,
      NO_STORE,
    );
  });

  app.post("/admin/events/:id/edit", async (c) => saveEvent(c, await eventInScope(c)));

  app.get("/admin/events/:id/cancel", async (c) => {
    const event = await eventInScope(c);
    return render(c, <CancelEventPage ctx={adminPage(c)} event={event} />, 200, NO_STORE);
  });

  app.post("/admin/events/:id/cancel", async (c) => {
    const event = await eventInScope(c);
    const row = await cancelEvent(c.get("ctx"), { id: event.id });
    return c.redirect(`/admin/events${qs({ fy: row.fiscalYear, cancelled: "1" })}`, 303);
  });

  return app;
}
