/** An event's page and its registration form. */
import { Hono } from "hono";
import type { ZodError } from "zod";
import { listBlocks } from "../../../api/blocks/service.ts";
import { listBooths } from "../../../api/booths/service/floor-plan.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { AppError, Conflict, NotFound, TooManyRequests, ValidationFailed, type FieldError } from "../../../api/errors.ts";
import { placeWord } from "../../i18n/event-place.ts";
import { problemText } from "../../../lib/problems.ts";
import { getEvent } from "../../../api/events/service.ts";
import { clientAddress } from "../../../api/lib/client-ip.ts";
import { IDEMPOTENCY_KEY } from "../../../api/lib/idempotency.ts";
import { fieldErrors, REPORT_INPUT } from "../../../api/lib/field-errors.ts";
import { loadProgramme } from "../../../api/programme/service.ts";
import { loadQuestions, validatedAnswers } from "../../../api/questions/service.ts";
import { RegistrationCreate } from "../../../api/registrations/schemas.ts";
import { registerForEvent } from "../../../api/registrations/service.ts";
import { blockNames } from "../../ui/event.tsx";
import { formOf, isUuid, pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { answersFromForm, formAllOf, pageErrors } from "./questions.tsx";
import { EventPage, type RegistrationFormState } from "./page.tsx";

import { NO_STORE, PAGE_CACHE } from "../../cache.ts";

const REGISTRATION_FIELDS = ["name", "nameKana", "email", "organization", "sector", "locale", "consent"] as const;

export function eventRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;

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
      status === 200 ? PAGE_CACHE : NO_STORE,
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
      const key = form.idempotencyKey && IDEMPOTENCY_KEY.test(form.idempotencyKey) ? form.idempotencyKey : undefined;
      const address = clientAddress(c, deps.config);
      const result = await registerForEvent(c.get("ctx"), { eventId: id, input, idempotencyKey: key, address });
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

  return app;
}
