/** Public pages: events, registration without script, manage-my-registration, feeds, fair map. */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { listBlocks } from "../../../api/blocks/service.ts";
import { listBooths } from "../../../api/booths/service/floor-plan.ts";
import { listCalendars, subscribeLinks } from "../../../api/calendar/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, Conflict, NotFound, TooManyRequests, ValidationFailed, type FieldError } from "../../../api/errors.ts";
import { placeWord } from "../../i18n/event-place.ts";
import { problemText } from "../../../lib/problems.ts";
import { getEvent, listEvents, PUBLIC_VIEWER } from "../../../api/events/service.ts";
import { clientAddress } from "../../../api/lib/client-ip.ts";
import { IDEMPOTENCY_KEY } from "../../../api/lib/idempotency.ts";
import { throttleRegistration } from "../../../api/lib/rate-limit.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { emailKey } from "../../../api/lib/text.ts";
import { fiscalYearOf, toTokyoIso, tokyoParts } from "../../../lib/time.ts";
import { loadProgramme } from "../../../api/programme/service.ts";
import { loadQuestions, validatedAnswers } from "../../../api/questions/service.ts";
import { RegistrationCreate } from "../../../api/registrations/schemas.ts";
import { cancelRegistration, getManagedRegistration, registerForEvent, sendCalendarLink } from "../../../api/registrations/service.ts";
import { EVENT_KINDS, type EventKind } from "../../../db/schema/events.ts";
import { blockNames } from "../../ui/event.tsx";
import { formOf, isUuid, pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { answersFromForm, formAllOf, pageErrors } from "./questions.tsx";
import { CalendarPage } from "../calendar/page.tsx";
import { EventPage, type RegistrationFormState } from "./page.tsx";
import { FairPage } from "../fair/page.tsx";
import { HomePage, monthKey, MonthPage, type HomeFilters, type MonthRef } from "../home/page.tsx";
import { CancelConfirmPage, ManagePage, type AnswersForm, type ManageNotice } from "../manage/page.tsx";
import { updateAnswers } from "../../../api/registrations/answers.ts";

const FIRST_FISCAL_YEAR = 2003;
const REGISTRATION_FIELDS = ["name", "nameKana", "email", "organization", "sector", "locale", "consent"] as const;
const PAGE_CACHE = { "Cache-Control": "private, no-cache" };
const PRIVATE_PAGE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export function publicRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;

  async function filtersFrom(c: WebContext) {
    const blocks = await listBlocks(c.get("ctx"));
    const q = c.req.query();
    const filters: HomeFilters = {};
    if (q.block && blocks.some((b) => b.code === q.block)) filters.block = q.block;
    if (q.kind && (EVENT_KINDS as readonly string[]).includes(q.kind)) filters.kind = q.kind as EventKind;
    if (q.fy && /^\d{4}$/.test(q.fy)) filters.fy = Number(q.fy);
    const words = q.q?.trim();
    if (words && words.length <= 200) filters.q = words;
    return { blocks, filters };
  }

  app.get("/", async (c) => {
    const ctx = pageCtx(c);
    const now = deps.clock.now();
    const { blocks, filters } = await filtersFrom(c);
    if (c.req.query("view") === "month") {
      const p = tokyoParts(now);
      const mm = c.req.query("month")?.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
      const month: MonthRef = mm ? { year: Number(mm[1]), month: Number(mm[2]) } : { year: p.year, month: p.month };
      const lastDay = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
      const { rows } = await listEvents(c.get("ctx"), {
        query: {
          block: filters.block,
          kind: filters.kind,
          q: filters.q,
          from: `${monthKey(month)}-01`,
          to: `${monthKey(month)}-${lastDay}`,
          limit: 200,
        },
        // Lists are public pages: planner proposals stay out of them even for a logged-in organiser.
        viewer: PUBLIC_VIEWER,
      });
      return render(
        c,
        <MonthPage ctx={ctx} blocks={blocks} filters={filters} month={month} events={rows} now={now} />,
        200,
        PAGE_CACHE,
      );
    }
    const cursor = c.req.query("cursor");
    const { rows, nextCursor } = await listEvents(c.get("ctx"), {
      query: {
        ...filters,
        // Without a fiscal year, what is still to come; with one, the whole year.
        from: filters.fy === undefined ? toTokyoIso(now) : undefined,
        cursor: cursor && cursor.length <= 200 ? cursor : undefined,
        limit: 30,
      },
      viewer: PUBLIC_VIEWER,
    });
    const fiscalYears: number[] = [];
    for (let fy = fiscalYearOf(now) + 1; fy >= FIRST_FISCAL_YEAR; fy--) fiscalYears.push(fy);
    return render(
      c,
      <HomePage
        ctx={ctx}
        blocks={blocks}
        names={blockNames(blocks)}
        filters={filters}
        fiscalYears={fiscalYears}
        events={rows}
        nextCursor={nextCursor}
        now={now}
      />,
      200,
      PAGE_CACHE,
    );
  });

  async function eventPage(c: WebContext, eventId: string, form: RegistrationFormState, status = 200) {
    const event = await getEvent(c.get("ctx"), { id: eventId });
    const [blocks, booths, programme, questions] = await Promise.all([
      listBlocks(c.get("ctx")),
      listBooths(c.get("ctx"), { eventId }),
      loadProgramme(db, eventId),
      loadQuestions(db, eventId),
    ]);
    return render(
      c,
      <EventPage
        ctx={pageCtx(c)}
        event={event}
        blocks={blockNames(blocks)}
        now={deps.clock.now()}
        publicUrl={deps.config.PUBLIC_URL}
        form={form}
        hasFloorPlan={booths.length > 0}
        programme={programme}
        questions={questions}
      />,
      status,
      status === 200 ? PAGE_CACHE : { "Cache-Control": "no-store" },
    );
  }

  const freshForm = (c: WebContext, values: Record<string, string> = {}): RegistrationFormState => ({
    values: { locale: c.get("lang"), ...values },
    errors: {},
    idempotencyKey: crypto.randomUUID(),
  });

  app.get("/events/:id", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    return eventPage(c, id, freshForm(c));
  });

  app.post("/events/:id/register", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    const ctx = pageCtx(c);
    const form = await formOf(c);
    const values: Record<string, string> = {};
    const candidate: Record<string, unknown> = {};
    for (const f of REGISTRATION_FIELDS) {
      const v = form[f];
      if (v === undefined) continue;
      values[f] = v;
      if (f === "locale" && v === "") continue;
      candidate[f] = f === "consent" ? v === "1" : v;
    }
    const answers = answersFromForm(await loadQuestions(db, id), await formAllOf(c));
    // Every answer back on the page, with a fresh key: this render is a new form.
    const again = (extra: Partial<RegistrationFormState>) => ({ ...freshForm(c, values), answers, ...extra });
    /** The form again, each problem beside its field; `withAnswers`: the answers checked too, where registration checks them. */
    const invalid = async (fields: FieldError[], withAnswers: boolean) => {
      await getEvent(c.get("ctx"), { id });
      const more = withAnswers ? (await validatedAnswers(db, id, answers)).errors : [];
      const errors = pageErrors([...fields, ...more], ctx.lang);
      if (errors.consent) errors.consent = placeWord("consentMissing", ctx.lang);
      return eventPage(c, id, again({ errors }), 400);
    };
    const parsed = RegistrationCreate.safeParse({ ...candidate, answers }, REPORT_INPUT);
    if (!parsed.success) return invalid(fieldErrors(parsed.error as ZodError), true);
    const input = parsed.data;
    try {
      await throttleRegistration(deps, { address: clientAddress(c, deps.config), emailKey: emailKey(input.email) });
      const key = form.idempotencyKey && IDEMPOTENCY_KEY.test(form.idempotencyKey) ? form.idempotencyKey : undefined;
      const result = await registerForEvent(c.get("ctx"), { eventId: id, input, idempotencyKey: key });
      if (result.outcome === "duplicate") {
        return eventPage(c, id, again({ message: { tone: "warn", text: ctx.m.alreadyRegistered } }), 409);
      }
      return c.redirect(`/r/${result.body.manageToken}?new=1`, 303);
    } catch (err) {
      if (err instanceof TooManyRequests) {
        c.header("Retry-After", err.headers?.["Retry-After"] ?? "60");
        const text = ctx.m.tooMany(err.headers?.["Retry-After"] ?? "60");
        return eventPage(c, id, again({ message: { tone: "alert", text } }), 429);
      }
      if (err instanceof Conflict) {
        const text = problemText(err.slug, ctx.lang) ?? err.detail ?? err.title;
        return eventPage(c, id, again({ message: { tone: "alert", text } }), 409);
      }
      if (err instanceof ValidationFailed) return invalid(err.fields ?? [], false);
      if (err instanceof AppError && err.slug === "idempotency-key-reused") {
        return eventPage(c, id, again({ message: { tone: "warn", text: ctx.m.formReused } }), 422);
      }
      throw err;
    }
  });

  const managePage = async (
    c: WebContext,
    token: string,
    notice: ManageNotice | undefined,
    status: 200 | 400 | 409 | 429,
    answersForm?: AnswersForm,
  ) => {
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const [blocks, questions] = await Promise.all([
      listBlocks(c.get("ctx")).then(blockNames),
      loadQuestions(db, found.registration.eventId),
    ]);
    return render(
      c,
      <ManagePage
        ctx={pageCtx(c)}
        found={found}
        token={token}
        blocks={blocks}
        isNew={c.req.query("new") === "1"}
        notice={notice}
        now={deps.clock.now()}
        publicUrl={deps.config.PUBLIC_URL}
        questions={questions}
        answersForm={answersForm}
      />,
      status,
      PRIVATE_PAGE,
    );
  };

  app.get("/r/:token", async (c) => {
    const q = (k: string) => c.req.query(k) !== undefined;
    const notice = q("cancelled") ? "cancelled" : q("sent") ? "feed-link-sent" : q("answered") ? "answers-saved" : undefined;
    return managePage(c, c.req.param("token"), notice, 200);
  });

  // The registrant changes their answers: the same verb as PATCH /api/registrations/:manageToken.
  app.post("/r/:token/answers", async (c) => {
    const token = c.req.param("token");
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const answers = answersFromForm(await loadQuestions(db, found.registration.eventId), await formAllOf(c));
    try {
      await updateAnswers(c.get("ctx"), { token, answers });
    } catch (err) {
      const lang = c.get("lang");
      if (err instanceof ValidationFailed)
        return managePage(c, token, undefined, 400, { answers, errors: pageErrors(err.fields ?? [], lang) });
      if (err instanceof Conflict) return managePage(c, token, undefined, 409);
      throw err;
    }
    return c.redirect(`/r/${token}?answered=1#answers`, 303);
  });

  app.get("/r/:token/cancel", async (c) => {
    const token = c.req.param("token");
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const blocks = blockNames(await listBlocks(c.get("ctx")));
    return render(c, <CancelConfirmPage ctx={pageCtx(c)} found={found} token={token} blocks={blocks} />, 200, PRIVATE_PAGE);
  });

  app.post("/r/:token/cancel", async (c) => {
    const token = c.req.param("token");
    await cancelRegistration(c.get("ctx"), { token });
    return c.redirect(`/r/${token}?cancelled=1`, 303);
  });

  // "Send me my calendar link": the personal feed goes to the registered address, never to this page.
  app.post("/r/:token/calendar-link", async (c) => {
    const token = c.req.param("token");
    try {
      await sendCalendarLink(c.get("ctx"), { token, address: clientAddress(c, deps.config) });
    } catch (err) {
      if (!(err instanceof TooManyRequests)) throw err;
      const retry = err.headers?.["Retry-After"] ?? "60";
      c.header("Retry-After", retry);
      return managePage(c, token, { tooMany: retry }, 429);
    }
    return c.redirect(`/r/${token}?sent=1`, 303);
  });

  app.get("/calendar", async (c) => {
    const ctx = pageCtx(c);
    const feeds = (await listCalendars(c.get("ctx"))).map((f) =>
      ctx.lang === "en" ? { ...f, ...subscribeLinks(`${f.url}?lang=en`) } : f,
    );
    return render(c, <CalendarPage ctx={ctx} feeds={feeds} />, 200, PAGE_CACHE);
  });

  app.get("/fair/:id", async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) throw new NotFound("event");
    const event = await getEvent(c.get("ctx"), { id });
    const [booths, blocks] = await Promise.all([listBooths(c.get("ctx"), { eventId: id }), listBlocks(c.get("ctx"))]);
    const text = (k: string) => (c.req.query(k) ?? "").slice(0, 100).trim();
    const query = { q: text("q"), field: text("field"), cluster: text("cluster") };
    return render(
      c,
      <FairPage ctx={pageCtx(c)} event={event} booths={booths} blocks={blockNames(blocks)} query={query} now={deps.clock.now()} />,
      200,
      PAGE_CACHE,
    );
  });

  return app;
}
