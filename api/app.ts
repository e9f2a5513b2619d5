import { OpenAPIHono } from "@hono/zod-openapi";
import { identify } from "./auth/middleware.ts";
import { adminRoutes } from "./admin/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { blockRoutes } from "./blocks/routes.ts";
import { applicationRoutes } from "./exhibitor-applications/routes.ts";
import { boothRoutes } from "./booths/routes.ts";
import { councilRoutes } from "./councils/routes.ts";
import { isDefaultPublicUrl } from "./config.ts";
import { docsRoutes } from "./docs/routes.ts";
import { directoryRoutes } from "./directory/routes.ts";
import { programmeRoutes } from "./programme/routes.ts";
import { questionRoutes } from "./questions/routes.ts";
import { calendarRoutes } from "./calendar/routes.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { NotFound } from "./errors.ts";
import { eventRoutes } from "./events/routes.ts";
import { requestBody } from "./lib/body.ts";
import { requestContext } from "./lib/context.ts";
import { routesOf } from "./lib/route.ts";
import { RememberingRouter } from "./lib/router.ts";
import { requestDeadline } from "./lib/deadline.ts";
import { problemResponse } from "./lib/problem.ts";
import { healthRoutes } from "./health/routes.ts";
import { registrationRoutes } from "./registrations/routes.ts";
import { isPagePath, webRoutes } from "../web/routes.tsx";
import { renderError } from "../web/ui/error-page.tsx";

export const MAX_BODY_BYTES = 64 * 1024;
/** Whole lists sent at once (a floor plan, every exhibitor) may be this large. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/**
 * The routes that take a whole list in one body: the API's floor plan and exhibitors, and the
 * booth page's upload forms (the file plus a few form fields, hence the margin).
 */
function bodyLimitOf(method: string, path: string): number {
  if (method === "PUT" && /^\/api\/events\/[^/]+\/(floor-plan|exhibitors)$/.test(path)) return MAX_UPLOAD_BYTES;
  if (method === "POST" && /^\/admin\/events\/[^/]+\/booths\/upload\/[\w/-]+$/.test(path)) return MAX_UPLOAD_BYTES + MAX_BODY_BYTES;
  return MAX_BODY_BYTES;
}

const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export type { AppDeps } from "./deps.ts";

/**
 * The OpenAPI document depends only on the routes: built once per process. Its `servers` is
 * PUBLIC_URL, or, while PUBLIC_URL is the default, the origin the request came to (a shallow copy
 * per request; the paths are shared).
 */
let openApiBase: Record<string, unknown> | undefined;

function openApiDocument(app: OpenAPIHono<AppEnv>, config: { PORT: number; PUBLIC_URL: string }, requestUrl: string) {
  openApiBase ??= app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Cluster events API",
      version: "1.0.0",
      description:
        "Events of Japan's regional science and industry clusters: block councils, techno-fair, seminars, joint result presentations. Errors are application/problem+json (RFC 9457).",
    },
  }) as unknown as Record<string, unknown>;
  const url = isDefaultPublicUrl(config) ? new URL(requestUrl).origin : config.PUBLIC_URL;
  return { ...openApiBase, servers: [{ url }] };
}

/** The whole product as one Hono app; the runtime entries only build its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ router: new RememberingRouter() });

  // Every answer, whatever made it (an error, a deadline), carries the request's id and the
  // security headers; a page may have set its own CSP or framing.
  app.use("*", async (c, next) => {
    const incoming = c.req.header("X-Request-Id");
    const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    await next();
    const h = c.res.headers;
    h.set("X-Request-Id", id);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", CSP);
    if (!h.has("X-Frame-Options")) h.set("X-Frame-Options", "DENY");
  });

  const deadlineMs = deps.runtime?.requestDeadlineMs;
  if (deadlineMs) app.use("*", requestDeadline({ ...deps.runtime!, requestDeadlineMs: deadlineMs }));

  // The API takes JSON, CSV and the form encodings; pages take forms.
  app.use("*", requestBody({ limitOf: bodyLimitOf, onlyKnownTypes: (path) => path.startsWith("/api/") }));

  app.route("/", healthRoutes(deps));

  app.use("*", identify(deps));
  app.use("*", requestContext(deps));

  app.route("/", routesOf(authRoutes));
  app.route("/", routesOf(blockRoutes));
  app.route("/", routesOf(eventRoutes));
  app.route("/", routesOf(registrationRoutes));
  app.route("/", routesOf(calendarRoutes));
  app.route("/", routesOf(boothRoutes));
  app.route("/", routesOf(applicationRoutes));
  app.route("/", routesOf(councilRoutes));
  app.route("/", routesOf(directoryRoutes));
  app.route("/", routesOf(programmeRoutes));
  app.route("/", routesOf(questionRoutes));
  app.route("/", routesOf(adminRoutes));
  app.route("/", routesOf(auditRoutes));
  app.route("/", webRoutes(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.get("/openapi.json", (c) => c.json(openApiDocument(app, deps.config, c.req.url)));
  app.route("/", docsRoutes(deps.docs));

  app.notFound((c) => problemResponse(new NotFound("page", `Nothing is at ${new URL(c.req.url).pathname}.`), c));
  // Errors before the pages' own handler (a database fault while identifying a session) are still
  // a page for a page's address.
  app.onError((err, c) => (isPagePath(c.req.path) ? renderError(c as never, err) : problemResponse(err, c)));
  return app;
}

export type App = ReturnType<typeof createApp>;
