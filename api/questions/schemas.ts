import { z } from "@hono/zod-openapi";
import { QUESTION_KINDS } from "../../db/schema/questions.ts";
import { line } from "../lib/text.ts";

export const MAX_QUESTIONS = 20;
const MAX_OPTIONS = 30;
/** The longest answer a question may allow, and what text and textarea questions allow when they say nothing. */
const MAX_ANSWER_LENGTH = 2000;
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 2000 } as const;

const QUESTION_ID = /^[A-Za-z0-9][\w-]{0,31}$/;
const questionId = z.string().regex(QUESTION_ID, "must be a short id of letters, digits, - or _ (such as party or q1)");

const QuestionOptionInput = z
  .strictObject({ value: line(100), labelJa: line(200), labelEn: line(200).nullish() })
  .openapi("QuestionOption", { example: { value: "attend", labelJa: "出席", labelEn: "Attending" } });

export const QuestionInput = z
  .strictObject({
    id: questionId.optional().openapi({
      description:
        "Send a question's id to keep it (and its answers); a new id creates the question; without one the product gives it one (q1, q2…).",
    }),
    kind: z.enum(QUESTION_KINDS),
    labelJa: line(200),
    labelEn: line(200).nullish(),
    required: z.boolean(),
    options: z.array(QuestionOptionInput).max(MAX_OPTIONS).optional(),
    maxLength: z.number().int().min(1).max(MAX_ANSWER_LENGTH).nullish(),
  })
  .superRefine((q, ctx) => {
    const listed = q.kind === "choice" || q.kind === "multi";
    if (listed && !q.options?.length)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `a ${q.kind} question needs options`,
        params: { reason: "options_needed" },
      });
    if (!listed && q.options?.length)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "only choice and multi questions have options",
        params: { reason: "options_not_allowed" },
      });
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o.value))
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "value"],
          message: `option ${o.value} is listed twice`,
          params: { reason: "listed_twice" },
        });
      seen.add(o.value);
    });
    if (q.maxLength != null && q.kind !== "text" && q.kind !== "textarea")
      ctx.addIssue({
        code: "custom",
        path: ["maxLength"],
        message: "only text and textarea questions have a maxLength",
        params: { reason: "max_length_not_allowed" },
      });
  })
  .openapi("QuestionInput");
export type QuestionInputValue = z.infer<typeof QuestionInput>;

export const QuestionsInput = z
  .array(QuestionInput)
  .max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (q.id === undefined) return;
      if (seen.has(q.id))
        ctx.addIssue({
          code: "custom",
          path: [i, "id"],
          message: `question ${q.id} is listed twice`,
          params: { reason: "listed_twice" },
        });
      seen.add(q.id);
    });
  })
  .openapi("QuestionsInput", {
    example: [
      {
        id: "party",
        kind: "choice",
        labelJa: "懇親会への出欠",
        required: true,
        options: [
          { value: "yes", labelJa: "出席" },
          { value: "no", labelJa: "欠席" },
        ],
      },
      { id: "diet", kind: "text", labelJa: "食事の配慮", labelEn: "Dietary needs", required: false, maxLength: 200 },
    ],
  });

export const Question = z
  .object({
    id: z.string(),
    kind: z.enum(QUESTION_KINDS),
    labelJa: z.string(),
    labelEn: z.string().nullable(),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), labelJa: z.string(), labelEn: z.string().nullable() })),
    maxLength: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "text and textarea: the longest answer (200 and 2000 when unset)" }),
  })
  .openapi("Question");
export const Questions = z.array(Question).openapi("Questions");

const AnswerValueSchema = z
  .union([z.string().max(10_000), z.array(z.string().max(200)).max(MAX_OPTIONS), z.boolean()])
  .openapi("AnswerValue", {
    description: "text, textarea, choice: a string (choice: an option's value); multi: option values; checkbox: true or false",
  });

export const AnswersInput = z.record(z.string().max(100), AnswerValueSchema).openapi("Answers", {
  description:
    "Answers by question id. A missing required answer (a required checkbox must be true), an unknown option, an answer to a question the event does not have, or one too long is 400 naming `answers.<id>`.",
  example: { party: "attend", diet: "卵アレルギー" },
});

export const AnswersPatch = z.strictObject({ answers: AnswersInput }).openapi("AnswersPatch");

export const ForceQuery = z.object({
  force: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: remove questions that have answers, and their answers (409 naming them otherwise)" }),
});
