/**
 * The one check of a registrant's answers against an event's questions, used by the API, the
 * registration form and the manage page alike. Pure: questions and answers in, clean answers or
 * field errors (answers.<id>) out.
 */
import type { z } from "@hono/zod-openapi";
import type { AnswerValue, EventQuestionRow } from "../../db/schema/questions.ts";
import type { FieldError, FieldErrorParams } from "../errors.ts";
import { issueParams } from "../lib/field-errors.ts";
import { line, paragraph } from "../lib/text.ts";
import { DEFAULT_MAX_LENGTH } from "./schemas.ts";

export type Answers = Record<string, AnswerValue>;
type Question = Pick<EventQuestionRow, "id" | "kind" | "required" | "options" | "maxLength" | "labelJa">;

function maxLengthOf(q: Pick<Question, "kind" | "maxLength">): number {
  return q.maxLength ?? (q.kind === "textarea" ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text);
}

const fieldOf = (id: string) => `answers.${id}`;

function textIssue(result: z.ZodSafeParseResult<string>): { code: string; message: string; params?: FieldErrorParams } | null {
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { code: issue.code, message: issue.message, params: issueParams(issue) };
}

/**
 * Checks answers: every key must be a question of the event, every value of the question's kind
 * (an option of its own for choice and multi, no longer than its maxLength for text), every
 * required question answered (a required checkbox ticked). Empty text and an empty selection are
 * no answer. `requireAll: false` (walk-ins at the desk) checks what is given but asks for nothing.
 */
export function checkAnswers(
  questions: readonly Question[],
  given: Answers | undefined,
  opts: { requireAll?: boolean } = {},
): { answers: Answers; errors: FieldError[] } {
  const requireAll = opts.requireAll ?? true;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const errors: FieldError[] = [];
  const answers: Answers = {};
  const raw = given ?? {};
  for (const id of Object.keys(raw))
    if (!byId.has(id)) errors.push({ field: fieldOf(id), code: "unknown", message: "is not a question of this event" });

  for (const q of questions) {
    const field = fieldOf(q.id);
    const v = Object.hasOwn(raw, q.id) ? raw[q.id] : undefined;
    const fail = (code: string, message: string, params?: FieldErrorParams) =>
      errors.push({ field, code, message, ...(params ? { params } : {}) });
    let value: AnswerValue | undefined;
    switch (q.kind) {
      case "text":
      case "textarea": {
        if (v === undefined) break;
        if (typeof v !== "string") {
          fail("invalid_type", "must be text");
          continue;
        }
        if (v.trim() === "") break;
        const max = maxLengthOf(q);
        const result = (q.kind === "text" ? line(max) : paragraph(max)).safeParse(v);
        const issue = textIssue(result);
        if (issue) {
          fail(issue.code, issue.message, issue.params);
          continue;
        }
        if (result.data) value = result.data;
        break;
      }
      case "choice": {
        if (v === undefined || v === "") break;
        if (typeof v !== "string") {
          fail("invalid_type", "must be one option's value");
          continue;
        }
        if (!q.options.some((o) => o.value === v)) {
          fail("invalid_value", `is not one of the options (${q.options.map((o) => o.value).join(", ")})`);
          continue;
        }
        value = v;
        break;
      }
      case "multi": {
        if (v === undefined) break;
        if (!Array.isArray(v)) {
          fail("invalid_type", "must be a list of option values");
          continue;
        }
        const unknown = v.filter((x) => !q.options.some((o) => o.value === x));
        if (unknown.length) {
          fail("invalid_value", `is not one of the options (${q.options.map((o) => o.value).join(", ")})`);
          continue;
        }
        // In the options' order, each once.
        const picked = q.options.map((o) => o.value).filter((x) => v.includes(x));
        if (picked.length) value = picked;
        break;
      }
      case "checkbox": {
        if (v === undefined) break;
        if (typeof v !== "boolean") {
          fail("invalid_type", "must be true or false");
          continue;
        }
        value = v;
        break;
      }
    }
    const answered = value !== undefined && !(q.kind === "checkbox" && value === false);
    if (requireAll && q.required && !answered) {
      if (q.kind === "checkbox") fail("required", "must be ticked", { reason: "must_tick" });
      else fail("required", "is required");
      continue;
    }
    if (value !== undefined) answers[q.id] = value;
  }
  return { answers, errors };
}
