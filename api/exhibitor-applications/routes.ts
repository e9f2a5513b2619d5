/** Exhibitors applying themselves (public, and by private token), and the organisers' review of the list. */
import { z } from "@hono/zod-openapi";
import { IdParam } from "../events/schemas.ts";
import { clientAddress } from "../lib/client-ip.ts";
import { checkIdempotencyKey } from "../lib/idempotency.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import {
  Application,
  ApplicationCreate,
  ApplicationCreated,
  ApplicationPatch,
  ApplicationTokenParam,
  ExhibitorReview,
  Exhibitor,
} from "../booths/application-schemas.ts";
import { applyToExhibit, getApplication, updateApplication, withdrawApplication } from "../booths/service/applications.ts";
import { reviewExhibitor } from "../booths/service/review.ts";

const RefParams = z.object({ id: z.string().uuid("must be an event id (UUID)"), ref: z.string().min(1).max(40) });
const NO_STORE = { "Cache-Control": "no-store" };

export const applicationRoutes = [
  defineRoute(
    {
      method: "post",
      path: "/api/events/{id}/exhibitor-applications",
      auth: "public",
      tags: ["exhibitor applications"],
      summary: "Apply to exhibit at a techno-fair (while its call for exhibitors is open)",
      description:
        "One application per organisation (NFKC, case-folded) per fair: 409 `exhibitor-application-exists`. Outside the call: 409 `exhibitor-call-closed`. " +
        "Send an `Idempotency-Key` header to make retries safe. The answer carries the private token of `/x/{token}` and " +
        "`/api/exhibitor-applications/{token}`; the received e-mail carries its link. Rate-limited like registration.",
      params: IdParam,
      headers: z.object({
        "idempotency-key": z.string().optional().openapi({
          description: "16–255 visible ASCII characters; a UUID is recommended",
          example: "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d",
        }),
      }),
      body: ApplicationCreate,
      responses: { 201: jsonResponse(ApplicationCreated, "Applied") },
      errors: [400, 404, "exhibitor-application-exists", "exhibitor-call-closed", "idempotency-key-reused", "rate-limited"],
    },
    async (ctx, { params, body: input }, c) => {
      const key = checkIdempotencyKey(c.req.header("Idempotency-Key"));
      const address = clientAddress(c, ctx.config);
      const body = await applyToExhibit(ctx, { eventId: params.id, input, idempotencyKey: key, address });
      c.header("Location", `/api/exhibitor-applications/${body.manageToken}`);
      return c.json(body, 201);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/exhibitor-applications/{token}",
      auth: "public",
      tags: ["exhibitor applications"],
      summary: "Your application, by its private token (with the booth once the allocation is published)",
      params: ApplicationTokenParam,
      responses: { 200: jsonResponse(Application, "The application") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json((await getApplication(ctx, { token: params.token })).view, 200, NO_STORE),
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/exhibitor-applications/{token}",
      auth: "public",
      tags: ["exhibitor applications"],
      summary: "Change your application while the call is open",
      description: "409 `exhibitor-call-closed` once the call has closed; 409 once declined or withdrawn.",
      params: ApplicationTokenParam,
      body: ApplicationPatch,
      responses: { 200: jsonResponse(Application, "Changed") },
      errors: [400, 404, 409],
    },
    async (ctx, { params, body }, c) =>
      c.json((await updateApplication(ctx, { token: params.token, input: body })).view, 200, NO_STORE),
  ),
  defineRoute(
    {
      method: "delete",
      path: "/api/exhibitor-applications/{token}",
      auth: "public",
      tags: ["exhibitor applications"],
      summary: "Withdraw your application (twice is harmless)",
      params: ApplicationTokenParam,
      responses: { 200: jsonResponse(Application, "Withdrawn") },
      errors: [404],
    },
    async (ctx, { params }, c) => c.json((await withdrawApplication(ctx, { token: params.token })).view, 200, NO_STORE),
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/events/{id}/exhibitors/{ref}",
      auth: "staff",
      tags: ["booths"],
      summary: "Review one exhibitor: priority, matched competitors, accept or decline (organiser in scope)",
      description:
        "`status: declined` needs a `declineReason`, which the applicant sees on their private page; a declined exhibitor loses its booth and is left out of the allocation.",
      params: RefParams,
      body: ExhibitorReview,
      responses: { 200: jsonResponse(Exhibitor, "The exhibitor") },
      errors: [400, 404],
    },
    async (ctx, { params, body }, c) =>
      c.json(await reviewExhibitor(ctx, { eventId: params.id, ref: params.ref, input: body }), 200),
  ),
];
