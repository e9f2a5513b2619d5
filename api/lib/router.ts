import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";
import { FIELD_REASONS } from "../errors.ts";
import type { AppEnv } from "../deps.ts";

/** A router of declared routes (routesOf), mounted on the app; validation is routesOf's own. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>();
}

/** Paths with a segment this long (a manage or feed token) are matched anew each time and not kept. */
const LONGEST_KEPT_SEGMENT = 40;
const KEPT_PATHS = 2000;

/**
 * Hono's trie router, with its answer for a method and path kept: the app's ~300 routes and
 * wildcard middleware are searched once per path, not once per request (a burst of registrations
 * asks for the same few paths). The answers never change once the routes are added; the oldest are
 * forgotten past KEPT_PATHS. A path carrying a secret is never kept, so no token stays in memory
 * longer than its request.
 */
export class RememberingRouter<T> implements Router<T> {
  readonly name = "TrieRouter, remembered";
  readonly #trie = new TrieRouter<T>();
  readonly #kept = new Map<string, Result<T>>();

  /** How many answers are kept. */
  get kept(): number {
    return this.#kept.size;
  }

  add(method: string, path: string, handler: T) {
    this.#kept.clear();
    this.#trie.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    const kept = this.#kept.get(key);
    if (kept) return kept;
    const found = this.#trie.match(method, path);
    if (!path.split("/").some((segment) => segment.length > LONGEST_KEPT_SEGMENT)) {
      if (this.#kept.size >= KEPT_PATHS) this.#kept.delete(this.#kept.keys().next().value!);
      this.#kept.set(key, found);
    }
    return found;
  }
}

/** What a field error says beyond its code (api/errors.ts FieldErrorParams), for saying it in another language. */
const FieldErrorParamsSchema = z
  .object({
    reason: z.enum(FIELD_REASONS),
    missing: z.boolean(),
    expected: z.string(),
    origin: z.string(),
    minimum: z.number(),
    maximum: z.number(),
    values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    format: z.string(),
    after: z.string(),
  })
  .partial()
  .openapi("FieldErrorParams");

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string(), params: FieldErrorParamsSchema.optional() }))
      .optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

export const problems = {
  400: problem("Invalid request"),
  401: problem("Authentication required"),
  403: problem("Forbidden"),
  404: problem("Not found"),
  409: problem("Conflict"),
  413: problem("Body too large"),
  415: problem("Unsupported content type"),
  422: problem("Unprocessable"),
  429: problem("Too many requests"),
} as const;

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
