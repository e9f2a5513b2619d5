/** Zod issues as the API's field errors, with the issue's parameters a page needs to say them in its language. */
import type { ZodError } from "zod";
import { FIELD_REASONS, type FieldError, type FieldErrorParams, type FieldReason } from "../errors.ts";
import { reasonOfPattern } from "./text.ts";

type Issue = ZodError["issues"][number];
type Primitive = string | number | boolean | null;

const isReason = (x: unknown): x is FieldReason => (FIELD_REASONS as readonly unknown[]).includes(x);

/** What a page needs beyond the code: bounds, the expected type, the options, the product's reason. */
export function issueParams(issue: Issue): FieldErrorParams | undefined {
  const p: FieldErrorParams = {};
  // Only known when the parse was asked to report its input (pages do: `safeParse(x, { reportInput: true })`).
  if ("input" in issue && (issue.input === undefined || issue.input === null)) p.missing = true;
  switch (issue.code) {
    case "invalid_type":
      p.expected = issue.expected;
      break;
    case "too_big":
      p.origin = issue.origin;
      p.maximum = Number(issue.maximum);
      break;
    case "too_small":
      p.origin = issue.origin;
      p.minimum = Number(issue.minimum);
      break;
    case "invalid_value":
      p.values = issue.values.filter((v): v is Primitive => v === null || ["string", "number", "boolean"].includes(typeof v));
      break;
    case "invalid_format": {
      p.format = issue.format;
      const reason = issue.pattern === undefined ? undefined : reasonOfPattern(issue.pattern);
      if (reason) p.reason = reason;
      break;
    }
    case "custom":
      if (isReason(issue.params?.reason)) p.reason = issue.params.reason;
      if (typeof issue.params?.minimum === "number") p.minimum = issue.params.minimum;
      if (typeof issue.params?.maximum === "number") p.maximum = issue.params.maximum;
      break;
  }
  return Object.keys(p).length ? p : undefined;
}

/** Turns zod issues into field errors; the field is the dotted path, prefixed for non-body targets. */
export function fieldErrors(error: ZodError, target?: string): FieldError[] {
  const prefix = target && target !== "json" && target !== "form" ? `${target}.` : "";
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join(".");
    // Each field that should not be there is named as the field, not as the object holding it.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: `${prefix}${path ? `${path}.` : ""}${key}`,
        code: issue.code,
        message: "is not a field of this request",
      }));
    }
    const params = issueParams(issue);
    return [
      {
        field: path ? `${prefix}${path}` : (target ?? "body"),
        code: issue.code,
        message: issue.message,
        ...(params ? { params } : {}),
      },
    ];
  });
}

/**
 * Parse options for input whose errors a person reads: zod then reports each issue's input, so a value
 * left out says "required" rather than "wrong type" (`safeParse(input, REPORT_INPUT)`).
 */
export const REPORT_INPUT = { reportInput: true } as const;
