import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { endSession, startSession } from "./session-cookie.ts";
import { whoOf } from "./who.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { requireAdmin, requireStaff } from "./middleware.ts";
import { ApiTokenCreate, LoginInput, Organiser, OrganiserCreate, OrganiserPatch, PasswordSet } from "./schemas.ts";
import {
  createApiToken,
  createOrganiser,
  listApiTokens,
  listOrganisers,
  logoutEverywhere,
  resendPasswordLink,
  revokeApiToken,
  setPasswordWithLink,
  toOrganiserDto,
  updateOrganiser,
} from "./service.ts";

/** Who is making this request, for the services and the audit log (API and web pages alike). */
const IdParam = z.object({ id: z.string().uuid() });
const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable().openapi({ description: "When it stops working (Asia/Tokyo); null: until revoked" }),
    expired: z.boolean(),
    revoked: z.boolean(),
  })
  .openapi("ApiToken");
const Me = z
  .object({
    kind: z.enum(["admin", "organiser", "anonymous"]),
    id: z.string().optional(),
    label: z.string().optional(),
    scopes: z.object({ blocks: z.array(z.string()), events: z.array(z.string()) }).optional(),
    csrfToken: z.string().optional(),
  })
  .openapi("Me");

export function authRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/organisers", requireAdmin);
  app.use("/api/organisers/*", requireAdmin);
  app.use("/api/auth/logout-all", requireStaff);
  app.use("/api/api-tokens", requireStaff);
  app.use("/api/api-tokens/*", requireStaff);

  return app
    .openapi(
      createRoute({
        method: "post",
        path: "/api/auth/login",
        tags: ["auth"],
        summary: "Log in; sets the session cookie",
        request: { body: jsonBody(LoginInput) },
        responses: { 200: jsonResponse(Me, "Logged in"), 400: problems[400], 401: problems[401], 429: problems[429] },
      }),
      async (c) => {
        const input = c.req.valid("json");
        const s = await startSession(c, deps, whoOf(c, deps), input.email, input.password);
        c.header("Cache-Control", "no-store");
        const o = s.organiser;
        return c.json({ kind: o.role, id: o.id, label: o.email, scopes: o.scopes, csrfToken: s.csrfToken }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/auth/logout",
        tags: ["auth"],
        summary: "Log out; ends the session",
        responses: { 204: { description: "Logged out" } },
      }),
      async (c) => {
        await endSession(c, deps);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/auth/logout-all",
        tags: ["auth"],
        summary: "Log out everywhere: ends every session and API token of your account, the one used here included",
        description:
          "With a session cookie (and X-CSRF-Token) or an API token of the account. ADMIN_TOKEN belongs to no account: 400. Answers 204; the session cookie is cleared.",
        responses: {
          204: { description: "Every session and API token of the account has ended" },
          400: problems[400],
          401: problems[401],
        },
      }),
      async (c) => {
        await logoutEverywhere(deps.db, whoOf(c, deps));
        await endSession(c, deps);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/auth/me",
        tags: ["auth"],
        summary: "Who the caller is (and the CSRF token of a cookie session)",
        responses: { 200: jsonResponse(Me, "The caller") },
      }),
      async (c) => {
        const a = c.get("actor");
        c.header("Cache-Control", "no-store");
        if (a.kind === "anonymous") return c.json({ kind: "anonymous" as const }, 200);
        return c.json(
          {
            kind: a.kind,
            id: a.id,
            label: a.label,
            ...(a.kind === "organiser" ? { scopes: a.scopes } : {}),
            csrfToken: c.get("session")?.csrfToken,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/auth/password",
        tags: ["auth"],
        summary: "Set a password with the one-time link's token",
        request: { body: jsonBody(PasswordSet) },
        responses: { 204: { description: "Password set" }, 400: problems[400], 404: problems[404] },
      }),
      async (c) => {
        const { token, password } = c.req.valid("json");
        await setPasswordWithLink(deps.db, whoOf(c, deps), token, password);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/organisers",
        tags: ["organisers"],
        summary: "Create an organiser (administrator); e-mails a one-time password link unless a password is given",
        security: [{ bearer: [] }],
        request: { body: jsonBody(OrganiserCreate) },
        responses: { 201: jsonResponse(Organiser, "Created"), 400: problems[400], 401: problems[401], 409: problems[409] },
      }),
      async (c) => c.json(toOrganiserDto(await createOrganiser(deps, whoOf(c, deps), c.req.valid("json"))), 201),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/organisers",
        tags: ["organisers"],
        summary: "List organisers (administrator)",
        security: [{ bearer: [] }],
        responses: { 200: jsonResponse(z.array(Organiser), "Organisers"), 401: problems[401] },
      }),
      async (c) => c.json((await listOrganisers(deps.db)).map(toOrganiserDto), 200),
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/api/organisers/{id}",
        tags: ["organisers"],
        summary: "Update or disable an organiser (administrator)",
        security: [{ bearer: [] }],
        request: { params: IdParam, body: jsonBody(OrganiserPatch) },
        responses: { 200: jsonResponse(Organiser, "Updated"), 400: problems[400], 401: problems[401], 404: problems[404] },
      }),
      async (c) =>
        c.json(toOrganiserDto(await updateOrganiser(deps.db, whoOf(c, deps), c.req.valid("param").id, c.req.valid("json"))), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/organisers/{id}/password-link",
        tags: ["organisers"],
        summary: "E-mail a new one-time password link (administrator)",
        security: [{ bearer: [] }],
        request: { params: IdParam },
        responses: { 202: { description: "Queued" }, 401: problems[401], 404: problems[404] },
      }),
      async (c) => {
        await resendPasswordLink(deps, whoOf(c, deps), c.req.valid("param").id);
        return c.body(null, 202);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/api-tokens",
        tags: ["auth"],
        summary: "Create an API token for your account; it is shown once",
        request: { body: jsonBody(ApiTokenCreate) },
        responses: {
          201: jsonResponse(ApiToken.extend({ token: z.string() }), "Created"),
          400: problems[400],
          401: problems[401],
        },
      }),
      async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json(await createApiToken(deps.db, whoOf(c, deps), c.req.valid("json")), 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/api-tokens",
        tags: ["auth"],
        summary: "Your API tokens",
        responses: { 200: jsonResponse(z.array(ApiToken), "Tokens"), 401: problems[401] },
      }),
      async (c) => c.json(await listApiTokens(deps.db, c.get("actor"), deps.clock.now()), 200),
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/api-tokens/{id}",
        tags: ["auth"],
        summary: "Revoke an API token",
        request: { params: IdParam },
        responses: { 204: { description: "Revoked" }, 401: problems[401], 404: problems[404] },
      }),
      async (c) => {
        await revokeApiToken(deps.db, whoOf(c, deps), c.req.valid("param").id);
        return c.body(null, 204);
      },
    );
}
