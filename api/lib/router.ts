import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { FIELD_REASONS, ValidationFailed } from "../errors.ts";
import { fieldErrors } from "./field-errors.ts";
import type { AppEnv } from "../deps.ts";

/** A router whose validation failures go to the one error handler as problem+json. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationFailed(fieldErrors(result.error as ZodError, result.target));
    },
  });
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
