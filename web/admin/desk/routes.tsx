/** The registration desk: the list, check-in by code or by row, walk-ins. */
import { Hono } from "hono";
import type { ZodError } from "zod";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, Conflict, NotFound } from "../../../api/errors.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import {
  checkInByCode,
  listRegistrations,
  registerWalkIn,
  setCheckIn,
  type RegistrationFilter,
} from "../../../api/registrations/desk.ts";
import { RegistrationCreate } from "../../../api/registrations/schemas.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { DeskPage, type DeskNotice, type WalkInForm } from "./page.tsx";
import { formOf, isUuid, qs, render, type WebContext, type WebEnv } from "../../context.ts";
import { errorDetail } from "../../ui/error-page.tsx";
import { problemText } from "../../../lib/problems.ts";

import { adminPage, errorsOf, NO_STORE } from "../common.ts";

export function deskRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  const deskFilter = (get: (k: string) => string | undefined): RegistrationFilter => {
    const f: RegistrationFilter = {};
    const status = get("status");
    const sector = get("sector");
    const q = get("q")?.trim();
    if (status === "confirmed" || status === "waitlisted" || status === "cancelled") f.status = status;
    if (sector === "industry" || sector === "academia" || sector === "government" || sector === "other") f.sector = sector;
    if (q) f.q = q.slice(0, 100);
    return f;
  };

  /** The desk page; what the last action did comes back in the query (?checked=, ?walkin=, ?scan=). */
  const deskPage = async (
    c: WebContext,
    id: string,
    filter: RegistrationFilter,
    status = 200,
    walkIn?: WalkInForm,
    forced?: DeskNotice,
  ) => {
    const desk = await listRegistrations(c.get("ctx"), { eventId: id, filter });
    const ctx = adminPage(c);
    const { m } = ctx;
    const q = (k: string) => c.req.query(k);
    const find = (rid: string | undefined) => (rid ? (desk.items.find((r) => r.id === rid) ?? null) : null);
    let notice = forced;
    let highlight: string | undefined;
    const checked = find(q("checked"));
    const walked = find(q("walkin"));
    const refused = find(q("refused"));
    if (!notice && checked) {
      highlight = checked.id;
      notice =
        q("already") === "1" && checked.checkedInAt
          ? {
              tone: "warn",
              text: m.alreadyCheckedInNotice(checked.name, formatDateTime(new Date(checked.checkedInAt), ctx.lang)),
            }
          : { tone: "ok", text: m.checkedInNotice(checked.name) };
    } else if (!notice && walked) {
      highlight = walked.id;
      notice = { tone: "ok", text: m.walkInDone(walked.name, walked.checkInCode) };
    } else if (!notice && refused) {
      highlight = refused.id;
      notice = { tone: "alert", text: m.notConfirmedCodeNotice(refused.name, m.status[refused.status]) };
    } else if (!notice && q("scan") === "unknown") {
      notice = { tone: "alert", text: m.unknownCodeNotice((q("code") ?? "").slice(0, 32)) };
    } else if (!notice && q("error") === "not-confirmed") {
      notice = { tone: "alert", text: problemText("not-confirmed", ctx.lang)! };
    }
    return render(
      c,
      <DeskPage ctx={ctx} desk={desk} filter={filter} notice={notice} highlight={highlight} walkIn={walkIn} />,
      status,
      NO_STORE,
    );
  };

  app.get("/admin/events/:id/registrations", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    return deskPage(
      c,
      id,
      deskFilter((k) => c.req.query(k)),
    );
  });

  /** Scan mode without script: the code field posts here; the camera fills the same field. */
  app.post("/admin/events/:id/check-in", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    const form = await formOf(c);
    const code = (form.code ?? "").slice(0, 32);
    const desk = `/admin/events/${id}/registrations`;
    try {
      const r = await checkInByCode(c.get("ctx"), { eventId: id, code });
      return c.redirect(`${desk}${qs({ checked: r.id, already: r.alreadyCheckedIn ? "1" : undefined })}#r-${r.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.slug === "unknown-check-in-code")
        return c.redirect(`${desk}${qs({ scan: "unknown", code })}`, 303);
      if (err instanceof AppError && err.slug === "not-confirmed") {
        const [reg] = (await listRegistrations(c.get("ctx"), { eventId: id, filter: { q: code } })).items;
        return c.redirect(`${desk}${qs({ refused: reg?.id })}`, 303);
      }
      throw err;
    }
  });

  /** A walk-in registered at the desk: the same verb as the API's walkIn: true. */
  app.post("/admin/events/:id/walk-in", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    const form = await formOf(c);
    const fields = ["name", "nameKana", "email", "organization", "sector", "overCapacity"] as const;
    const values: Record<string, string> = {};
    for (const f of fields) if (form[f] !== undefined) values[f] = form[f]!;
    const ctx = adminPage(c);
    const parsed = RegistrationCreate.safeParse(
      {
        name: values.name ?? "",
        nameKana: values.nameKana ?? "",
        email: values.email ?? "",
        organization: values.organization ?? "",
        sector: values.sector || undefined,
        locale: ctx.lang,
        walkIn: true,
        overCapacity: values.overCapacity === "1",
      },
      REPORT_INPUT,
    );
    if (!parsed.success) {
      return deskPage(c, id, {}, 400, { values, errors: errorsOf(fieldErrors(parsed.error as ZodError), ctx.lang) });
    }
    try {
      const r = await registerWalkIn(c.get("ctx"), { eventId: id, input: parsed.data });
      return c.redirect(`/admin/events/${id}/registrations${qs({ walkin: r.id })}#r-${r.id}`, 303);
    } catch (err) {
      if (err instanceof Conflict) {
        const text =
          err.slug === "event-full"
            ? ctx.m.eventFullNotice
            : err.slug === "already-registered"
              ? ctx.m.alreadyRegistered
              : (errorDetail(err, ctx.lang) ?? err.detail ?? err.title);
        return deskPage(c, id, {}, 409, { values, errors: {} }, { tone: "alert", text });
      }
      throw err;
    }
  });

  app.post("/admin/events/:id/registrations/:rid/check-in", async (c) => {
    const id = c.req.param("id");
    const rid = c.req.param("rid");
    if (!isUuid(id) || !isUuid(rid)) throw new NotFound("registration");
    const form = await formOf(c);
    const back = new URLSearchParams(form.back?.startsWith("?") ? form.back.slice(1) : "");
    const filter = deskFilter((k) => back.get(k) ?? undefined);
    const query = qs({ q: filter.q, status: filter.status, sector: filter.sector });
    try {
      await setCheckIn(c.get("ctx"), { eventId: id, registrationId: rid, checkedIn: form.checkedIn !== "0" });
    } catch (err) {
      if (err instanceof AppError && err.slug === "not-confirmed") {
        const sep = query ? "&" : "?";
        return c.redirect(`/admin/events/${id}/registrations${query}${sep}error=not-confirmed`, 303);
      }
      throw err;
    }
    return c.redirect(`/admin/events/${id}/registrations${query}#r-${rid}`, 303);
  });

  return app;
}
