/**
 * Domain errors. Services throw these; the one error handler in app.ts turns them
 * into application/problem+json (RFC 9457). No handler writes its own error JSON.
 */
import { PROBLEMS, type ProblemCode, type ProblemData } from "../lib/problems.ts";

/**
 * One field's problem: `code` is zod's issue code (too_small, invalid_type …) or the product's own
 * (required, unknown, duplicate, out_of_scope …); `message` is English, for API clients; `params`
 * says what a page needs to put it in a person's language.
 */
export type FieldError = { field: string; code: string; message: string; params?: FieldErrorParams };

/** The product's reasons for a check zod reports as `custom` or `invalid_format`, and for two fields out of order. */
export const FIELD_REASONS = [
  "invalid_unicode",
  "control_character",
  "single_line",
  "bidi",
  "email",
  "kana",
  "date_time",
  "not_a_day",
  "year_range",
  "must_tick",
  "before",
  "options_needed",
  "options_not_allowed",
  "listed_twice",
  "max_length_not_allowed",
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/** A field error's parameters: zod's (the bounds, the expected type, the options) and the product's reason. */
export type FieldErrorParams = {
  reason?: FieldReason;
  /** No value was given at all (a missing key, or null where a value is needed). */
  missing?: boolean;
  /** invalid_type: what was expected ("string", "number", "int" …). */
  expected?: string;
  /** too_big / too_small: what was measured ("string" in characters, "number", "array" in items …) and the bound. */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** invalid_value: the values allowed. */
  values?: (string | number | boolean | null)[];
  /** invalid_format: zod's format ("regex", "email" …). */
  format?: string;
  /** reason "before": the field this one may not come before. */
  after?: string;
};

export class AppError extends Error {
  constructor(
    readonly status: number,
    /** The problem's code (lib/problems.ts); its `type` is `/problems/<slug>`. */
    readonly slug: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export class NotFound extends AppError {
  constructor(what = "resource", detail?: string) {
    super(404, "not-found", "Not found", detail ?? `The ${what} does not exist.`);
  }
}

/** A title for a code: the registry's. */
const titleOf = (slug: ProblemCode, fallback: string) => (slug === "http" ? fallback : PROBLEMS[slug].title);

export class Conflict extends AppError {
  constructor(slug: ProblemCode, detail: string, title = titleOf(slug, "Conflict")) {
    super(409, slug, title, detail);
  }
}

/** A conflict whose problem carries typed data (lib/problems.ts ProblemData), rendered beside its detail. */
export class DataConflict<K extends keyof ProblemData> extends Conflict {
  constructor(
    slug: K,
    readonly data: ProblemData[K],
    detail: string,
  ) {
    super(slug, detail);
  }
}

/** The typed data of a problem with this code, or undefined for any other error. */
export function problemData<K extends keyof ProblemData>(err: unknown, slug: K): ProblemData[K] | undefined {
  return err instanceof DataConflict && err.slug === slug ? (err.data as ProblemData[K]) : undefined;
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldError[], detail?: string) {
    super(400, "validation", "Invalid request", detail ?? fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields);
  }
}

export class Unprocessable extends AppError {
  constructor(slug: ProblemCode, detail: string, title = titleOf(slug, "Unprocessable request")) {
    super(422, slug, title, detail);
  }
}

export class Unauthorized extends AppError {
  constructor(detail = "Authentication is required.") {
    super(401, "unauthorized", "Unauthorized", detail, undefined, { "WWW-Authenticate": 'Bearer realm="cluster-events"' });
  }
}

export class Forbidden extends AppError {
  constructor(detail = "You may not do this.") {
    super(403, "forbidden", "Forbidden", detail);
  }
}

export class TooManyRequests extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, "rate-limited", "Too many requests", `Try again in ${retryAfterSeconds} s.`, undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}
