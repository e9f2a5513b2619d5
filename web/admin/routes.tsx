/** Organiser pages: login, dashboard, event editor, registration desk. Every POST carries _csrf. */
import { Hono, type MiddlewareHandler } from "hono";
import type { ZodError } from "zod";
import { LoginInput, PasswordSet } from "../../api/auth/schemas.ts";
import { coversBlock, coversEvent } from "../../api/auth/scope.ts";
import { listApiTokens, logoutEverywhere, setPasswordWithLink } from "../../api/auth/service.ts";
import { listBlocks } from "../../api/blocks/service.ts";
import { councilCompliance, councilPlanNotes } from "../../api/councils/service.ts";
import type { AppDeps } from "../../api/deps.ts";
import { AppError, Conflict, NotFound, TooManyRequests, Unauthorized, ValidationFailed } from "../../api/errors.ts";
import { EventCreate, EventPatch } from "../../api/events/schemas.ts";
import { cancelEvent, createEvent, getEvent, listEvents, updateEvent } from "../../api/events/service.ts";
import type { EventRow } from "../../db/schema/index.ts";
import { endSession, startSession } from "../../api/auth/session-cookie.ts";
import { fieldErrors, REPORT_INPUT } from "../../api/lib/field-errors.ts";
import { fiscalYearOf, toTokyoIso, tokyoParts } from "../../lib/time.ts";
import {
  checkInByCode,
  listRegistrations,
  registerWalkIn,
  setCheckIn,
  type RegistrationFilter,
} from "../../api/registrations/desk.ts";
import { RegistrationCreate } from "../../api/registrations/schemas.ts";
import { formatDateTime } from "../../lib/format.ts";
import { EVENT_KINDS, type EventKind } from "../../db/schema/events.ts";
import type { FieldError } from "../../api/errors.ts";
import { applicationReviewPages } from "./exhibitors/routes.tsx";
import { boothPageRoutes } from "./booths/routes.tsx";
import { boothUploadRoutes } from "./booths/upload-routes.tsx";
import { questionPageRoutes } from "./questions/routes.tsx";
import { DashboardPage } from "./dashboard/page.tsx";
import { DeskPage, type DeskNotice, type WalkInForm } from "./desk/page.tsx";
import { PLACE_FORM_FIELDS, placeFormValues, placeInput } from "./events/place-fields.tsx";
import { CALL_FORM_FIELDS, callFormValues, callInput } from "./events/call-fields.tsx";
import { CancelEventPage, EventFormPage, EventsListPage, type AdminEventFilters, type EventFormValues } from "./events/page.tsx";
import { LoginPage, PasswordPage } from "./login/page.tsx";
import { AccountPage } from "./account/page.tsx";
import { blockNames } from "../ui/event.tsx";
import { assertCsrf, formOf, isUuid, pageCtx, qs, render, safeNext, type WebContext, type WebEnv } from "../context.ts";
import { fieldMessage } from "../i18n/field-errors.ts";
import type { Errors } from "../ui/field.tsx";
import { errorDetail } from "../ui/error-page.tsx";
import { problemText } from "../../lib/problems.ts";

const NO_STORE = { "Cache-Control": "no-store" };
/** Pages anyone may open; everything else under /admin needs a login. */
const OPEN = new Set(["/admin/login", "/admin/password"]);
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const DAY_MS = 86_400_000;

function errorsOf(fields: FieldError[], lang: "ja" | "en"): Errors {
  const out: Errors = {};
  for (const e of fields) {
    const f = e.field.split(".")[0]!;
    out[f] ??= fieldMessage(e, lang);
  }
  return out;
}

/** A Tokyo wall-clock "YYYY-MM-DDTHH:mm" for a datetime-local field. */
function localValue(d: Date | null): string {
  if (!d) return "";
  return toTokyoIso(d).slice(0, 16);
}

function formValues(e: EventRow): EventFormValues {
  return {
    kind: e.kind,
    status: e.status === "planned" ? "planned" : "scheduled",
    titleJa: e.titleJa,
    titleEn: e.titleEn ?? "",
    descriptionJa: e.descriptionJa ?? "",
    descriptionEn: e.descriptionEn ?? "",
    block: e.blockCode ?? "",
    venue: e.venue ?? "",
    venueEn: e.venueEn ?? "",
    prefecture: e.prefecture ?? "",
    startsAt: localValue(e.startsAt),
    // An all-day event's end is the exclusive midnight; the form shows its last day.
    endsAt: e.allDay ? localValue(new Date(Math.max(e.startsAt.getTime(), e.endsAt.getTime() - DAY_MS))) : localValue(e.endsAt),
    allDay: e.allDay ? "1" : "",
    capacity: e.capacity === null ? "" : String(e.capacity),
    registrationOpensAt: localValue(e.registrationOpensAt),
    registrationClosesAt: localValue(e.registrationClosesAt),
    ...placeFormValues(e),
    ...callFormValues(e),
  };
}

/** Form text to the API's event input: Tokyo wall-clock times get +09:00, empty optional fields become null. */
function eventInput(v: EventFormValues): Record<string, unknown> {
  const allDay = v.allDay === "1";
  const instant = (s: string | undefined, dateOnly: boolean) => {
    const t = (s ?? "").normalize("NFKC").trim();
    if (!t) return undefined;
    if (dateOnly) return t.slice(0, 10);
    if (LOCAL_DATETIME.test(t)) return `${t.length === 16 ? `${t}:00` : t}+09:00`;
    return t;
  };
  const text = (s: string | undefined) => (s && s.trim() ? s : null);
  const capacity = (v.capacity ?? "").normalize("NFKC").trim();
  return {
    kind: v.kind,
    status: v.status || "scheduled",
    titleJa: v.titleJa ?? "",
    titleEn: text(v.titleEn),
    descriptionJa: text(v.descriptionJa),
    descriptionEn: text(v.descriptionEn),
    block: text(v.block),
    venue: text(v.venue),
    venueEn: text(v.venueEn),
    prefecture: text(v.prefecture),
    startsAt: instant(v.startsAt, allDay),
    endsAt: instant(v.endsAt, allDay),
    allDay,
    // Digits are a number; anything else ("abc", "-5", "1.5") stays text, and is refused as not a whole number.
    capacity: capacity === "" ? null : /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    registrationOpensAt: instant(v.registrationOpensAt, false) ?? null,
    registrationClosesAt: instant(v.registrationClosesAt, false) ?? null,
    ...placeInput(v),
    ...callInput(v),
  };
}

const EVENT_FIELDS = [
  "kind",
  "status",
  "titleJa",
  "titleEn",
  "descriptionJa",
  "descriptionEn",
  "block",
  "venue",
  "venueEn",
  "prefecture",
  "startsAt",
  "endsAt",
  "allDay",
  "capacity",
  "registrationOpensAt",
  "registrationClosesAt",
  ...PLACE_FORM_FIELDS,
  ...CALL_FORM_FIELDS,
] as const;

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();

  /** Staff only; an anonymous visitor is sent to the login page; every POST must carry the session's _csrf. */
  const guard: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (OPEN.has(c.req.path)) return next();
    c.header("Cache-Control", "no-store");
    if (c.get("actor").kind === "anonymous") {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? qs({ next: `${url.pathname}${url.search}` }) : "";
      return c.redirect(`/admin/login${back}`, 303);
    }
    if (c.req.method === "POST") await assertCsrf(c, await formOf(c));
    return next();
  };
  // "/admin/*" matches "/admin" too.
  app.use("/admin/*", guard);

  const adminPage = (c: WebContext) => pageCtx(c, true);
  const staffOnly = (c: WebContext, e: EventRow) => {
    if (!coversEvent(c.get("actor"), e)) throw new NotFound("event");
    return e;
  };
  const eventFor = async (c: WebContext) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    return staffOnly(c, await getEvent(c.get("ctx"), { id }));
  };

  // ------------------------------------------------------------ login, logout, password

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

  app.post("/admin/logout-all", async (c) => {
    await logoutEverywhere(c.get("ctx"));
    await endSession(c, deps);
    return c.redirect("/admin/login?done=logout-all", 303);
  });

  app.get("/admin/account", async (c) =>
    render(
      c,
      <AccountPage ctx={adminPage(c)} tokens={await listApiTokens(c.get("ctx"))} />,
      200,
      NO_STORE,
    ),
  );

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

  // ------------------------------------------------------------ dashboard

  app.get("/admin", async (c) => {
    const actor = c.get("actor");
    const now = deps.clock.now();
    const currentFy = fiscalYearOf(now);
    const fyParam = c.req.query("fy");
    const fy = fyParam && /^\d{4}$/.test(fyParam) ? Number(fyParam) : currentFy;
    const compliance = await councilCompliance(c.get("ctx"), { fy });
    const planNotes = await councilPlanNotes(c.get("ctx"), { fy: compliance.fiscalYear });
    const { rows } = await listEvents(c.get("ctx"), { query: { from: toTokyoIso(now), limit: 200 } });
    const upcoming = rows.filter((e) => coversEvent(actor, e)).slice(0, 8);
    return render(
      c,
      <DashboardPage
        ctx={adminPage(c)}
        fiscalYear={compliance.fiscalYear}
        rows={compliance.blocks.filter((b) => coversBlock(actor, b.block))}
        upcoming={upcoming}
        now={now}
        currentFy={currentFy}
        planNotes={planNotes}
      />,
      200,
      NO_STORE,
    );
  });

  // ------------------------------------------------------------ events

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

  const editableBlocks = async (c: WebContext) => (await listBlocks(c.get("ctx"))).filter((b) => coversBlock(c.get("actor"), b.code));

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
    const event = await eventFor(c);
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

  app.post("/admin/events/:id/edit", async (c) => saveEvent(c, await eventFor(c)));

  app.get("/admin/events/:id/cancel", async (c) => {
    const event = await eventFor(c);
    return render(c, <CancelEventPage ctx={adminPage(c)} event={event} />, 200, NO_STORE);
  });

  app.post("/admin/events/:id/cancel", async (c) => {
    const event = await eventFor(c);
    const row = await cancelEvent(c.get("ctx"), { id: event.id });
    return c.redirect(`/admin/events${qs({ fy: row.fiscalYear, cancelled: "1" })}`, 303);
  });

  // ------------------------------------------------------------ registration desk

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

  // ------------------------------------------------------------ booths of a fair

  app.route("/", boothPageRoutes(deps));
  app.route("/", boothUploadRoutes(deps));
  app.route("/", questionPageRoutes(deps));
  app.route("/", applicationReviewPages(deps));

  return app;
}
