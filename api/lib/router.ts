import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { ValidationFailed, type FieldError } from "../errors.ts";
import type { AppEnv } from "../deps.ts";

/** Turns zod issues into field errors; the field is the dotted path, prefixed for non-body targets. */
export function fieldErrors(error: ZodError, target?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const prefix = target && target !== "json" && target !== "form" ? `${target}.` : "";
    return { field: path ? `${prefix}${path}` : (target ?? "body"), code: issue.code, message: issue.message };
  });
}

/** A router whose validation failures go to the one error handler as problem+json. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationFailed(fieldErrors(result.error as ZodError, result.target));
    },
  });
}

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
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
