import { z } from "@hono/zod-openapi";
import { clientAddress } from "../lib/client-ip.ts";
import type { Ctx } from "../deps.ts";
import { Conflict, Unauthorized, ValidationFailed } from "../errors.ts";
import { IdParam } from "../events/schemas.ts";
import { toEventDto } from "../events/service.ts";
import { checkIdempotencyKey } from "../lib/idempotency.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
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

const DeskQuery = z.object({
  status: z.enum(["confirmed", "waitlisted", "cancelled"]).optional(),
  sector: z.enum(["industry", "academia", "government", "other"]).optional(),
  q: z.string().max(100).optional(),
});
const CsvQuery = DeskQuery.extend({ lang: z.enum(["ja", "en"]).optional() });
const CheckInParams = z.object({ id: z.string().uuid(), rid: z.string().uuid() });

const managed = (ctx: Ctx, found: Awaited<ReturnType<typeof getManagedRegistration>>) => ({
  ...toRegistrationDto(found.registration, found.position, found.answers),
  manageUrl: found.manageUrl,
  eventCalendarUrl: found.eventCalendarUrl,
  event: toEventDto(found.event, ctx.config.PUBLIC_URL),
});

export const registrationRoutes = [
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/registrations",
      auth: "public",
      tags: ["registrations"],
      summary: "Register for an event",
      description:
        "Confirmed while seats are left, otherwise waitlisted (first come, first served). Send an `Idempotency-Key` header to make retries safe. " +
        "The answer carries the manage token and the event's public .ics, never the personal feed: that is e-mailed to the address (confirmation, promotion, and `POST /api/registrations/{manageToken}/calendar-link`)." +
        "\n\n" +
        "With `walkIn: true` (an organiser in scope, at the desk on the day): confirmed and checked in at once, also after registration has closed; " +
        "a full event takes the person only with `overCapacity: true` (409 `event-full` otherwise); audited.",
      params: IdParam,
      headers: z.object({
        "idempotency-key": z
          .string()
          .optional()
          .openapi({ description: "16–255 visible ASCII characters; a UUID is recommended", example: "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d" }),
      }),
      body: RegistrationCreate,
      responses: {
        201: jsonResponse(RegistrationCreated, "Registered (confirmed or waitlisted; walk-ins confirmed and checked in)"),
      },
      errors: ["validation", "unauthorized", "not-found", "already-registered", "idempotency-key-reused", "rate-limited"],
    },
    async (ctx, { params, body: input }, c) => {
      const key = checkIdempotencyKey(c.req.header("Idempotency-Key"));
      if (input.walkIn) {
        if (ctx.who.actor.kind === "anonymous") throw new Unauthorized("Walk-ins are registered by an organiser at the desk.");
        const body = await registerWalkIn(ctx, { eventId: params.id, input, idempotencyKey: key });
        c.header("Location", `/api/registrations/${body.manageToken}`);
        return c.json(body, 201);
      }
      if (input.overCapacity) {
        throw new ValidationFailed([{ field: "overCapacity", code: "invalid", message: "only for walk-ins (walkIn: true)" }]);
      }
      const address = clientAddress(c, ctx.config);
      const result = await registerForEvent(ctx, { eventId: params.id, input, idempotencyKey: key, address });
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
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/registrations/{manageToken}",
      auth: "public",
      tags: ["registrations"],
      summary: "Your registration, by its private manage token",
      params: TokenParam,
      responses: { 200: jsonResponse(ManagedRegistration, "The registration") },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      c.header("Cache-Control", "no-store");
      return c.json(managed(ctx, await getManagedRegistration(ctx, { token: params.manageToken })), 200);
    },
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/registrations/{manageToken}",
      auth: "public",
      tags: ["registrations"],
      summary: "Change your answers to the event's questions, until registration closes",
      description:
        "`answers` replaces the registration's answers as a whole (a question left out is unanswered). " +
        "Checked as at registration (400 naming `answers.<id>`); 409 once registration has closed or the registration is cancelled.",
      params: TokenParam,
      body: AnswersPatch,
      responses: { 200: jsonResponse(ManagedRegistration, "The registration with its answers") },
      errors: [400, 404, "registration-closed", "registration-cancelled"],
    },
    async (ctx, { params, body }, c) => {
      c.header("Cache-Control", "no-store");
      return c.json(managed(ctx, await updateAnswers(ctx, { token: params.manageToken, answers: body.answers })), 200);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/registrations/{manageToken}/calendar-link",
      auth: "public",
      tags: ["registrations"],
      summary: "E-mail me my personal calendar feed link",
      description:
        "Queues an e-mail to the registration's address with the personal feed URL, which no HTTP answer carries. " +
        "Rate-limited per registration (5 an hour) and per client address; requests within one minute are one message.",
      params: TokenParam,
      responses: {
        202: jsonResponse(z.object({ queued: z.literal(true) }).openapi("CalendarLinkQueued"), "The e-mail is queued"),
      },
      errors: [404, 429],
    },
    async (ctx, { params }, c) => {
      await sendCalendarLink(ctx, { token: params.manageToken, address: clientAddress(c, ctx.config) });
      c.header("Cache-Control", "no-store");
      return c.json({ queued: true as const }, 202);
    },
  ),
  defineRoute(
    {
      method: "delete",
      path: "/api/registrations/{manageToken}",
      auth: "public",
      tags: ["registrations"],
      summary: "Cancel your registration",
      description: "The first person on the waiting list is confirmed in the same transaction. Cancelling twice is harmless.",
      params: TokenParam,
      responses: { 200: jsonResponse(ManagedRegistration, "Cancelled") },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      c.header("Cache-Control", "no-store");
      return c.json(managed(ctx, await cancelRegistration(ctx, { token: params.manageToken })), 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/registrations",
      auth: "staff",
      tags: ["registration desk"],
      summary: "The registration desk: everyone registered, with search and counts by sector (organiser in scope)",
      params: IdParam,
      query: DeskQuery,
      responses: { 200: jsonResponse(RegistrationList, "The registrations") },
      errors: [400, 404],
    },
    async (ctx, { params, query }, c) => {
      c.header("Cache-Control", "no-store");
      const { items, counts, bySector, questions, answerCounts } = await listRegistrations(ctx, { eventId: params.id, filter: query });
      return c.json({ items, counts, bySector, questions: questions.map(questionView), answerCounts }, 200);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/registrations.csv",
      auth: "staff",
      tags: ["registration desk"],
      summary: "Export the registrations as CSV for Excel (UTF-8 with BOM, formula-safe)",
      params: IdParam,
      query: CsvQuery,
      responses: {
        200: {
          description:
            "CSV: 受付番号, status and sector as words, times as `YYYY/MM/DD HH:MM` in Tokyo; headers in `lang` (Japanese by default)",
          content: { "text/csv": { schema: z.string() } },
        },
      },
      errors: [404],
    },
    async (ctx, { params, query }, c) => {
      const { lang, ...filter } = query;
      const csv = await registrationsCsv(ctx, { eventId: params.id, filter, lang });
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="registrations-${params.id}.csv"`,
        "Cache-Control": "no-store",
      });
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/registrations/{rid}/check-in",
      auth: "staff",
      tags: ["registration desk"],
      summary: "Check someone in (idempotent; records time and organiser)",
      params: CheckInParams,
      responses: { 200: jsonResponse(Registration, "Checked in") },
      errors: [404, 409],
    },
    async (ctx, { params }, c) =>
      c.json(await setCheckIn(ctx, { eventId: params.id, registrationId: params.rid, checkedIn: true }), 200),
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/check-in",
      auth: "staff",
      tags: ["registration desk"],
      summary: "Check someone in by their 受付番号 (scanned from the QR code or typed)",
      description:
        "Idempotent: a second scan answers 200 with `alreadyCheckedIn: true`. 404 for a code this event does not have, 409 `not-confirmed` for a cancelled or waitlisted registration.",
      params: IdParam,
      body: CheckInByCode,
      responses: { 200: jsonResponse(CheckInResult, "Checked in (now or before)") },
      errors: [400, "unknown-check-in-code", "not-confirmed"],
    },
    async (ctx, { params, body }, c) =>
      c.json(await checkInByCode(ctx, { eventId: params.id, code: body.code }), 200),
  ),
  defineRoute(
    {
      method: "delete",
      path: "/api/events/{id}/registrations/{rid}/check-in",
      auth: "staff",
      tags: ["registration desk"],
      summary: "Undo a check-in",
      params: CheckInParams,
      responses: { 200: jsonResponse(Registration, "Check-in undone") },
      errors: [404],
    },
    async (ctx, { params }, c) =>
      c.json(await setCheckIn(ctx, { eventId: params.id, registrationId: params.rid, checkedIn: false }), 200),
  ),
];
