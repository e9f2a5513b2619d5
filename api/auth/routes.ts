import { z } from "@hono/zod-openapi";
import { endSession, startSession } from "./session-cookie.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
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

export const authRoutes = [
  defineRoute(
    {
      method: "post",
      path: "/api/auth/login",
      auth: "public",
      tags: ["auth"],
      summary: "Log in; sets the session cookie",
      body: LoginInput,
      responses: { 200: jsonResponse(Me, "Logged in") },
      errors: [400, 401, 429],
    },
    async (ctx, { body }, c) => {
      const s = await startSession(c, ctx, body);
      c.header("Cache-Control", "no-store");
      const o = s.organiser;
      return c.json({ kind: o.role, id: o.id, label: o.email, scopes: o.scopes, csrfToken: s.csrfToken }, 200);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/auth/logout",
      auth: "public",
      tags: ["auth"],
      summary: "Log out; ends the session",
      responses: { 204: { description: "Logged out" } },
    },
    async (ctx, _, c) => {
      await endSession(c, ctx);
      return c.body(null, 204);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/auth/logout-all",
      auth: "staff",
      tags: ["auth"],
      summary: "Log out everywhere: ends every session and API token of your account, the one used here included",
      description:
        "With a session cookie (and X-CSRF-Token) or an API token of the account. ADMIN_TOKEN belongs to no account: 400. Answers 204; the session cookie is cleared.",
      responses: { 204: { description: "Every session and API token of the account has ended" } },
      errors: [400],
    },
    async (ctx, _, c) => {
      await logoutEverywhere(ctx);
      await endSession(c, ctx);
      return c.body(null, 204);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/auth/me",
      auth: "public",
      tags: ["auth"],
      summary: "Who the caller is (and the CSRF token of a cookie session)",
      responses: { 200: jsonResponse(Me, "The caller") },
    },
    async (ctx, _, c) => {
      const a = ctx.who.actor;
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
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/auth/password",
      auth: "public",
      tags: ["auth"],
      summary: "Set a password with the one-time link's token",
      body: PasswordSet,
      responses: { 204: { description: "Password set" } },
      errors: [400, 404],
    },
    async (ctx, { body }, c) => {
      await setPasswordWithLink(ctx, body);
      return c.body(null, 204);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/organisers",
      auth: "admin",
      tags: ["organisers"],
      summary: "Create an organiser (administrator); e-mails a one-time password link unless a password is given",
      body: OrganiserCreate,
      responses: { 201: jsonResponse(Organiser, "Created") },
      errors: [400, 409],
    },
    async (ctx, { body }, c) => c.json(toOrganiserDto(await createOrganiser(ctx, body)), 201),
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/organisers",
      auth: "admin",
      tags: ["organisers"],
      summary: "List organisers (administrator)",
      responses: { 200: jsonResponse(z.array(Organiser), "Organisers") },
    },
    async (ctx, _, c) => c.json((await listOrganisers(ctx)).map(toOrganiserDto), 200),
  ),
  defineRoute(
    {
      method: "patch",
      path: "/api/organisers/{id}",
      auth: "admin",
      tags: ["organisers"],
      summary: "Update or disable an organiser (administrator)",
      params: IdParam,
      body: OrganiserPatch,
      responses: { 200: jsonResponse(Organiser, "Updated") },
      errors: [400, 404],
    },
    async (ctx, { params, body }, c) => c.json(toOrganiserDto(await updateOrganiser(ctx, { id: params.id, input: body })), 200),
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/organisers/{id}/password-link",
      auth: "admin",
      tags: ["organisers"],
      summary: "E-mail a new one-time password link (administrator)",
      params: IdParam,
      responses: { 202: { description: "Queued" } },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      await resendPasswordLink(ctx, { id: params.id });
      return c.body(null, 202);
    },
  ),
  defineRoute(
    {
      method: "post",
      path: "/api/api-tokens",
      auth: "staff",
      tags: ["auth"],
      summary: "Create an API token for your account; it is shown once",
      body: ApiTokenCreate,
      responses: { 201: jsonResponse(ApiToken.extend({ token: z.string() }), "Created") },
      errors: [400],
    },
    async (ctx, { body }, c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await createApiToken(ctx, body), 201);
    },
  ),
  defineRoute(
    {
      method: "get",
      path: "/api/api-tokens",
      auth: "staff",
      tags: ["auth"],
      summary: "Your API tokens",
      responses: { 200: jsonResponse(z.array(ApiToken), "Tokens") },
    },
    async (ctx, _, c) => c.json(await listApiTokens(ctx), 200),
  ),
  defineRoute(
    {
      method: "delete",
      path: "/api/api-tokens/{id}",
      auth: "staff",
      tags: ["auth"],
      summary: "Revoke an API token",
      params: IdParam,
      responses: { 204: { description: "Revoked" } },
      errors: [404],
    },
    async (ctx, { params }, c) => {
      await revokeApiToken(ctx, { id: params.id });
      return c.body(null, 204);
    },
  ),
];
