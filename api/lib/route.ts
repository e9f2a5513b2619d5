/**
 * One way to declare an API route. From a single declaration come the OpenAPI entry, its bearer
 * `security`, the authorization check, the problem responses of `errors`, the validation of every
 * part of the request, and the call of the handler with the request's context and validated input.
 */
import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { ZodError } from "zod";
import { PROBLEMS } from "../../lib/problems.ts";
import { requireAdmin, requireStaff } from "../auth/middleware.ts";
import type { AppEnv, Ctx } from "../deps.ts";
import { AppError, ValidationFailed } from "../errors.ts";
import { unsupportedMediaType } from "./body.ts";
import { fieldErrors } from "./field-errors.ts";
import { jsonBody, newRouter, problems } from "./router.ts";

/**
 * Who may call: anyone (a secret in the path, such as a manage token, is checked by the verb),
 * any organiser or administrator, or administrators only. Finer scope (the event's block) is the verb's.
 */
export type Auth = "public" | "staff" | "admin";

type ProblemStatus = keyof typeof problems;
/** A problem code whose status has a documented problem response. */
type DocumentedCode = {
  [K in keyof typeof PROBLEMS]: (typeof PROBLEMS)[K]["status"] extends ProblemStatus ? K : never;
}[keyof typeof PROBLEMS];

type Schema = z.ZodType;
type ContentObject = Record<string, { schema: Schema }>;

/** A JSON body; `csv` also takes the same list as a text/csv sheet, parsed to what the JSON would be. */
type BodySpec<S extends Schema = Schema> = {
  schema: S;
  required?: boolean;
  description?: string;
  csv?: { content: ContentObject; parse(text: string): z.output<S> };
};

export type RouteSpec = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI style: /api/events/{id} */
  path: string;
  auth: Auth;
  tags: readonly string[];
  summary: string;
  description?: string;
  params?: Schema;
  query?: Schema;
  headers?: Schema;
  /** A zod schema (a required JSON body), or the body with its options. */
  body?: Schema | BodySpec;
  /** The answers on success; the problem responses come from `errors` and `auth`. */
  responses: RouteConfig["responses"];
  /** The problems the route answers with, by status or code (401, and 403 for `admin`, come from `auth`). */
  errors?: readonly (ProblemStatus | DocumentedCode)[];
  /**
   * Only for the feeds: the schemas document, the handler reads the request itself (a calendar
   * client gets 404 for anything it cannot have, never 400), on this Hono path (`/:file` for `{code}.ics`).
   */
  unvalidated?: { path: string };
};

type Out<T> = T extends Schema ? z.output<T> : undefined;
type BodyOut<B> = B extends Schema
  ? z.output<B>
  : B extends { schema: infer S extends Schema; required: false }
    ? z.output<S> | undefined
    : B extends { schema: infer S extends Schema }
      ? z.output<S>
      : undefined;

/** What a handler receives: each declared part of the request, validated. */
export type RouteInput<S extends RouteSpec> = {
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  headers: Out<S["headers"]>;
  body: BodyOut<S["body"]>;
};

export type Handler<S extends RouteSpec> = (ctx: Ctx, input: RouteInput<S>, c: Context<AppEnv>) => Response | Promise<Response>;

export type RouteDef = { spec: RouteSpec; handler: Handler<RouteSpec> };

export function defineRoute<const S extends RouteSpec>(spec: S, handler: Handler<S>): RouteDef {
  return { spec, handler: handler as unknown as Handler<RouteSpec> };
}

const CHECK: Record<Auth, MiddlewareHandler<AppEnv> | undefined> = { public: undefined, staff: requireStaff, admin: requireAdmin };
const IMPLIED: Record<Auth, ProblemStatus[]> = { public: [], staff: [401], admin: [401, 403] };

function statusOf(e: ProblemStatus | DocumentedCode): ProblemStatus {
  return typeof e === "number" ? e : (PROBLEMS[e].status as ProblemStatus);
}

function bodySpec(body: RouteSpec["body"]): BodySpec | undefined {
  if (!body) return undefined;
  return body instanceof z.ZodType ? { schema: body } : body;
}

/** The OpenAPI operation of a declaration, as @hono/zod-openapi takes it. */
function openApiRoute(spec: RouteSpec) {
  const body = bodySpec(spec.body);
  const responses: RouteConfig["responses"] = { ...spec.responses };
  for (const s of [...IMPLIED[spec.auth], ...(spec.errors ?? []).map(statusOf)].sort()) responses[s] = problems[s];
  const request: NonNullable<RouteConfig["request"]> = {};
  if (spec.params) request.params = spec.params as never;
  if (spec.query) request.query = spec.query as never;
  if (spec.headers) request.headers = spec.headers as never;
  if (body) {
    const json = jsonBody(body.schema, body.description);
    request.body = { ...json, required: body.required ?? true, content: { ...json.content, ...body.csv?.content } };
  }
  return createRoute({
    method: spec.method,
    path: spec.path,
    tags: [...spec.tags],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.auth === "public" ? {} : { security: [{ bearer: [] }] }),
    ...(Object.keys(request).length ? { request } : {}),
    responses,
  });
}

const EMPTY = { params: undefined, query: undefined, headers: undefined, body: undefined };

/**
 * A text/csv body goes straight to the handler, parsed by the declaration's `csv`; the path's
 * parameters are validated as for JSON. Any other body goes on to the JSON validator.
 */
function csvShortcut(spec: RouteSpec, body: BodySpec, handler: Handler<RouteSpec>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(c.req.header("Content-Type") ?? "").toLowerCase().startsWith("text/csv")) return next();
    const params = spec.params ? parsed(spec.params, c.req.param(), "param") : undefined;
    return handler(c.get("ctx"), { ...EMPTY, params, body: body.csv!.parse(await c.req.text()) }, c);
  };
}

/** JSON as the body's declared media type (parameters such as charset allowed). */
const JSON_BODY = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** A declared part of the request, parsed by its schema; a failure names the fields (`param.id`, `name`). */
function parsed(schema: Schema, value: unknown, target: "query" | "param" | "header" | "json"): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error as ZodError, target));
  return result.data;
}

/** The query string as an object: one value as itself, a repeated key as its list. */
function queryObject(c: Context<AppEnv>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(c.req.queries())) out[k] = v.length === 1 ? v[0]! : v;
  return out;
}

/**
 * Every declared part of the request validated in one step, in the order query, path, headers,
 * body, the first failure a 400 naming its fields. Synchronous zod (no schema refines
 * asynchronously), and only the declared headers are read. A body comes as JSON (a `csv` route's
 * text/csv was served before this); a body of any other media type is a 415, malformed JSON a
 * 400; no body at all is validated as `{}` (so a required field is named), or, for an optional
 * body, is `{}`.
 */
function validator(spec: RouteSpec, body: BodySpec | undefined): (c: Context<AppEnv>) => Promise<RouteInput<RouteSpec>> {
  const { params, query, headers } = spec;
  const headerNames = headers ? Object.keys((headers as unknown as { shape: Record<string, unknown> }).shape) : [];
  const required = body?.required ?? true;
  return async (c) => {
    const input: RouteInput<RouteSpec> = { ...EMPTY };
    if (query) input.query = parsed(query, queryObject(c), "query") as never;
    if (params) input.params = parsed(params, c.req.param(), "param") as never;
    if (headers) {
      const given: Record<string, string> = {};
      for (const name of headerNames) {
        const value = c.req.header(name);
        if (value !== undefined) given[name] = value;
      }
      input.headers = parsed(headers, given, "header") as never;
    }
    if (body) {
      const type = c.req.header("Content-Type");
      if (type && !JSON_BODY.test(type)) throw unsupportedMediaType(type);
      if (!type && !required) input.body = {} as never;
      else {
        let value: unknown = {};
        if (type) {
          try {
            value = await c.req.json();
          } catch {
            throw new AppError(400, "malformed-json", "Malformed JSON", "Malformed JSON in request body");
          }
        }
        input.body = parsed(body.schema, value, "json") as never;
      }
    }
    return input;
  };
}

/** A router with every declared route on it; the OpenAPI document comes from the same declarations. */
export function routesOf(defs: readonly RouteDef[]) {
  const app = newRouter();
  for (const { spec, handler } of defs) {
    const check = CHECK[spec.auth];
    const route = openApiRoute(spec);
    app.openAPIRegistry.registerPath(route);
    const method = spec.method.toUpperCase();
    if (spec.unvalidated) {
      const serve = (c: Context<AppEnv>) => handler(c.get("ctx"), EMPTY, c);
      if (check) app.on(method, spec.unvalidated.path, check, serve);
      else app.on(method, spec.unvalidated.path, serve);
      continue;
    }
    const body = bodySpec(spec.body);
    const middleware = [...(check ? [check] : []), ...(body?.csv ? [csvShortcut(spec, body, handler)] : [])];
    const validate = validator(spec, body);
    const serve = async (c: Context<AppEnv>) => handler(c.get("ctx"), await validate(c), c);
    const path = spec.path.replaceAll(/\/{(.+?)}/g, "/:$1");
    if (middleware.length) app.on(method, path, ...(middleware as [MiddlewareHandler<AppEnv>]), serve);
    else app.on(method, path, serve);
  }
  return app;
}
