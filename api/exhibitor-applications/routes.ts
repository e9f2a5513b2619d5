/** Exhibitors applying themselves (public, and by private token), and the organisers' review of the list. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import type { AppDeps } from "../deps.ts";
import { IdParam } from "../events/schemas.ts";
import { clientAddress } from "../lib/client-ip.ts";
import { checkIdempotencyKey } from "../lib/idempotency.ts";
import { throttleRegistration } from "../lib/rate-limit.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { emailKey } from "../lib/text.ts";
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

export function applicationRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/events/:id/exhibitors/:ref", requireStaff);

  return app
    .openapi(
      createRoute({
        method: "post",
        path: "/api/events/{id}/exhibitor-applications",
        tags: ["exhibitor applications"],
        summary: "Apply to exhibit at a techno-fair (while its call for exhibitors is open)",
        description:
          "One application per organisation (NFKC, case-folded) per fair: 409 `exhibitor-application-exists`. Outside the call: 409 `exhibitor-call-closed`. " +
          "Send an `Idempotency-Key` header to make retries safe. The answer carries the private token of `/x/{token}` and " +
          "`/api/exhibitor-applications/{token}`; the received e-mail carries its link. Rate-limited like registration.",
        request: {
          params: IdParam,
          headers: z.object({
            "idempotency-key": z.string().optional().openapi({
              description: "16–255 visible ASCII characters; a UUID is recommended",
              example: "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d",
            }),
          }),
          body: jsonBody(ApplicationCreate),
        },
        responses: {
          201: jsonResponse(ApplicationCreated, "Applied"),
          400: problems[400],
          404: problems[404],
          409: problems[409],
          422: problems[422],
          429: problems[429],
        },
      }),
      async (c) => {
        const key = checkIdempotencyKey(c.req.header("Idempotency-Key"));
        const input = c.req.valid("json");
        await throttleRegistration(deps, { address: clientAddress(c, deps.config), emailKey: emailKey(input.email) });
        const body = await applyToExhibit({ ...deps, eventId: c.req.valid("param").id, input, idempotencyKey: key });
        c.header("Location", `/api/exhibitor-applications/${body.manageToken}`);
        return c.json(body, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/exhibitor-applications/{token}",
        tags: ["exhibitor applications"],
        summary: "Your application, by its private token (with the booth once the allocation is published)",
        request: { params: ApplicationTokenParam },
        responses: { 200: jsonResponse(Application, "The application"), 404: problems[404] },
      }),
      async (c) => {
        const found = await getApplication({ ...deps, token: c.req.valid("param").token });
        return c.json(found.view, 200, NO_STORE);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/exhibitor-applications/{token}",
        tags: ["exhibitor applications"],
        summary: "Change your application while the call is open",
        description: "409 `exhibitor-call-closed` once the call has closed; 409 once declined or withdrawn.",
        request: { params: ApplicationTokenParam, body: jsonBody(ApplicationPatch) },
        responses: {
          200: jsonResponse(Application, "Changed"),
          400: problems[400],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const found = await updateApplication({ ...deps, token: c.req.valid("param").token, input: c.req.valid("json") });
        return c.json(found.view, 200, NO_STORE);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/exhibitor-applications/{token}",
        tags: ["exhibitor applications"],
        summary: "Withdraw your application (twice is harmless)",
        request: { params: ApplicationTokenParam },
        responses: { 200: jsonResponse(Application, "Withdrawn"), 404: problems[404] },
      }),
      async (c) => {
        const found = await withdrawApplication({ ...deps, token: c.req.valid("param").token });
        return c.json(found.view, 200, NO_STORE);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/events/{id}/exhibitors/{ref}",
        tags: ["booths"],
        summary: "Review one exhibitor: priority, matched competitors, accept or decline (organiser in scope)",
        description:
          "`status: declined` needs a `declineReason`, which the applicant sees on their private page; a declined exhibitor loses its booth and is left out of the allocation.",
        security: [{ bearer: [] }],
        request: { params: RefParams, body: jsonBody(ExhibitorReview) },
        responses: {
          200: jsonResponse(Exhibitor, "The exhibitor"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
        },
      }),
      async (c) => {
        const p = c.req.valid("param");
        const row = await reviewExhibitor({
          db: deps.db,
          who: whoOf(c, deps),
          eventId: p.id,
          ref: p.ref,
          input: c.req.valid("json"),
        });
        return c.json(row, 200);
      },
    );
}
