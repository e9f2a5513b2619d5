import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import { clientAddress } from "../lib/client-ip.ts";
import { throttleRegistration } from "../lib/rate-limit.ts";
import { emailKey } from "../lib/text.ts";
import type { AppDeps } from "../deps.ts";
import { Conflict, Unauthorized, ValidationFailed } from "../errors.ts";
import { IdParam } from "../events/schemas.ts";
import { toEventDto } from "../events/service.ts";
import { checkIdempotencyKey } from "../lib/idempotency.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import {
  CheckInByCode,
  CheckInResult,
  ManagedRegistration,
  Registration,
  RegistrationCreate,
  RegistrationCreated,
  RegistrationList,
  TokenParam,
} from "./schemas.ts";
import { AnswersPatch } from "../questions/schemas.ts";
import { questionView } from "../questions/service.ts";
import { updateAnswers } from "./answers.ts";
import { checkInByCode, listRegistrations, registerWalkIn, registrationsCsv, setCheckIn } from "./desk.ts";
import { cancelRegistration, getManagedRegistration, registerForEvent, sendCalendarLink, toRegistrationDto } from "./service.ts";

export function registrationRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/events/:id/registrations", async (c, next) => (c.req.method === "GET" ? requireStaff(c, next) : next()));
  app.use("/api/events/:id/registrations.csv", requireStaff);
  app.use("/api/events/:id/registrations/:rid/check-in", requireStaff);
  app.use("/api/events/:id/check-in", requireStaff);

  const managed = (found: Awaited<ReturnType<typeof getManagedRegistration>>) => ({
    ...toRegistrationDto(found.registration, found.position, found.answers),
    manageUrl: found.manageUrl,
    eventCalendarUrl: found.eventCalendarUrl,
    event: toEventDto(found.event, deps.config.PUBLIC_URL),
  });

  return app
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/registrations",
        tags: ["registrations"],
        summary: "Register for an event",
        description:
          "Confirmed while seats are left, otherwise waitlisted (first come, first served). Send an `Idempotency-Key` header to make retries safe. " +
          "The answer carries the manage token and the event's public .ics, never the personal feed: that is e-mailed to the address (confirmation, promotion, and `POST /api/registrations/{manageToken}/calendar-link`)." +
          "\n\n" +
          "With `walkIn: true` (an organiser in scope, at the desk on the day): confirmed and checked in at once, also after registration has closed; " +
          "a full event takes the person only with `overCapacity: true` (409 `event-full` otherwise); audited.",
        request: {
          params: IdParam,
          headers: z.object({
            "idempotency-key": z
              .string()
              .optional()
              .openapi({ description: "16–255 visible ASCII characters; a UUID is recommended", example: "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d" }),
          }),
          body: jsonBody(RegistrationCreate),
        },
        responses: {
          201: jsonResponse(RegistrationCreated, "Registered (confirmed or waitlisted; walk-ins confirmed and checked in)"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
          422: problems[422],
          429: problems[429],
        },
      }),
      async (c) => {
        const key = checkIdempotencyKey(c.req.header("Idempotency-Key"));
        const input = c.req.valid("json");
        if (input.walkIn) {
          if (c.get("actor").kind === "anonymous") throw new Unauthorized("Walk-ins are registered by an organiser at the desk.");
          const body = await registerWalkIn({
            ...deps,
            who: whoOf(c, deps),
            eventId: c.req.valid("param").id,
            input,
            idempotencyKey: key,
          });
          c.header("Location", `/api/registrations/${body.manageToken}`);
          return c.json(body, 201);
        }
        if (input.overCapacity) {
          throw new ValidationFailed([{ field: "overCapacity", code: "invalid", message: "only for walk-ins (walkIn: true)" }]);
        }
        await throttleRegistration(deps, { address: clientAddress(c, deps.config), emailKey: emailKey(input.email) });
        const result = await registerForEvent({
          ...deps,
          eventId: c.req.valid("param").id,
          input,
          idempotencyKey: key,
        });
        if (result.outcome === "duplicate") {
          throw new Conflict(
            "already-registered",
            "This e-mail address is already registered for this event; we have e-mailed its manage link again.",
            "Already registered",
          );
        }
        c.header("Location", `/api/registrations/${result.body.manageToken}`);
        return c.json(result.body, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/registrations/{manageToken}",
        tags: ["registrations"],
        summary: "Your registration, by its private manage token",
        request: { params: TokenParam },
        responses: { 200: jsonResponse(ManagedRegistration, "The registration"), 404: problems[404] },
      }),
      async (c) => {
        const token = c.req.valid("param").manageToken;
        c.header("Cache-Control", "no-store");
        return c.json(managed(await getManagedRegistration({ ...deps, token })), 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/registrations/{manageToken}",
        tags: ["registrations"],
        summary: "Change your answers to the event's questions, until registration closes",
        description:
          "`answers` replaces the registration's answers as a whole (a question left out is unanswered). " +
          "Checked as at registration (400 naming `answers.<id>`); 409 once registration has closed or the registration is cancelled.",
        request: { params: TokenParam, body: jsonBody(AnswersPatch) },
        responses: {
          200: jsonResponse(ManagedRegistration, "The registration with its answers"),
          400: problems[400],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const token = c.req.valid("param").manageToken;
        c.header("Cache-Control", "no-store");
        return c.json(managed(await updateAnswers({ ...deps, token, answers: c.req.valid("json").answers })), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/registrations/{manageToken}/calendar-link",
        tags: ["registrations"],
        summary: "E-mail me my personal calendar feed link",
        description:
          "Queues an e-mail to the registration's address with the personal feed URL, which no HTTP answer carries. " +
          "Rate-limited per registration (5 an hour) and per client address; requests within one minute are one message.",
        request: { params: TokenParam },
        responses: {
          202: jsonResponse(z.object({ queued: z.literal(true) }).openapi("CalendarLinkQueued"), "The e-mail is queued"),
          404: problems[404],
          429: problems[429],
        },
      }),
      async (c) => {
        await sendCalendarLink({ ...deps, token: c.req.valid("param").manageToken, address: clientAddress(c, deps.config) });
        c.header("Cache-Control", "no-store");
        return c.json({ queued: true as const }, 202);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/registrations/{manageToken}",
        tags: ["registrations"],
        summary: "Cancel your registration",
        description: "The first person on the waiting list is confirmed in the same transaction. Cancelling twice is harmless.",
        request: { params: TokenParam },
        responses: { 200: jsonResponse(ManagedRegistration, "Cancelled"), 404: problems[404] },
      }),
      async (c) => {
        const token = c.req.valid("param").manageToken;
        c.header("Cache-Control", "no-store");
        return c.json(managed(await cancelRegistration({ ...deps, token })), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/registrations",
        tags: ["registration desk"],
        summary: "The registration desk: everyone registered, with search and counts by sector (organiser in scope)",
        security: [{ bearer: [] }],
        request: { params: IdParam, query: DeskQuery },
        responses: {
          200: jsonResponse(RegistrationList, "The registrations"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
        },
      }),
      async (c) => {
        c.header("Cache-Control", "no-store");
        const { items, counts, bySector, questions, answerCounts } = await listRegistrations({
          db: deps.db,
          actor: c.get("actor"),
          eventId: c.req.valid("param").id,
          filter: c.req.valid("query"),
        });
        return c.json({ items, counts, bySector, questions: questions.map(questionView), answerCounts }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/registrations.csv",
        tags: ["registration desk"],
        summary: "Export the registrations as CSV for Excel (UTF-8 with BOM, formula-safe)",
        security: [{ bearer: [] }],
        request: { params: IdParam, query: CsvQuery },
        responses: {
          200: {
            description:
              "CSV: 受付番号, status and sector as words, times as `YYYY/MM/DD HH:MM` in Tokyo; headers in `lang` (Japanese by default)",
            content: { "text/csv": { schema: z.string() } },
          },
          401: problems[401],
          404: problems[404],
        },
      }),
      async (c) => {
        const id = c.req.valid("param").id;
        const { lang, ...filter } = c.req.valid("query");
        const csv = await registrationsCsv({ db: deps.db, actor: c.get("actor"), eventId: id, filter, lang });
        return c.body(csv, 200, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="registrations-${id}.csv"`,
          "Cache-Control": "no-store",
        });
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/registrations/{rid}/check-in",
        tags: ["registration desk"],
        summary: "Check someone in (idempotent; records time and organiser)",
        security: [{ bearer: [] }],
        request: { params: CheckInParams },
        responses: { 200: jsonResponse(Registration, "Checked in"), 401: problems[401], 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const p = c.req.valid("param");
        return c.json(
          await setCheckIn({ db: deps.db, who: whoOf(c, deps), eventId: p.id, registrationId: p.rid, checkedIn: true }),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/check-in",
        tags: ["registration desk"],
        summary: "Check someone in by their 受付番号 (scanned from the QR code or typed)",
        description:
          "Idempotent: a second scan answers 200 with `alreadyCheckedIn: true`. 404 for a code this event does not have, 409 `not-confirmed` for a cancelled or waitlisted registration.",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: jsonBody(CheckInByCode) },
        responses: {
          200: jsonResponse(CheckInResult, "Checked in (now or before)"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const result = await checkInByCode({
          db: deps.db,
          who: whoOf(c, deps),
          eventId: c.req.valid("param").id,
          code: c.req.valid("json").code,
        });
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/events/{id}/registrations/{rid}/check-in",
        tags: ["registration desk"],
        summary: "Undo a check-in",
        security: [{ bearer: [] }],
        request: { params: CheckInParams },
        responses: { 200: jsonResponse(Registration, "Check-in undone"), 401: problems[401], 404: problems[404] },
      }),
      async (c) => {
        const p = c.req.valid("param");
        return c.json(
          await setCheckIn({ db: deps.db, who: whoOf(c, deps), eventId: p.id, registrationId: p.rid, checkedIn: false }),
          200,
        );
      },
    );
}

const DeskQuery = z.object({
  status: z.enum(["confirmed", "waitlisted", "cancelled"]).optional(),
  sector: z.enum(["industry", "academia", "government", "other"]).optional(),
  q: z.string().max(100).optional(),
});
const CsvQuery = DeskQuery.extend({ lang: z.enum(["ja", "en"]).optional() });
const CheckInParams = z.object({ id: z.string().uuid(), rid: z.string().uuid() });
