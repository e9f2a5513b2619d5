import { IdParam } from "../events/schemas.ts";
import { defineRoute } from "../lib/route.ts";
import { jsonResponse } from "../lib/router.ts";
import { ForceQuery, Questions, QuestionsInput } from "./schemas.ts";
import { getQuestions, questionView, replaceQuestions } from "./service.ts";

export const questionRoutes = [
  defineRoute(
    {
      method: "get",
      path: "/api/events/{id}/questions",
      auth: "public",
      tags: ["questions"],
      summary: "An event's registration questions (empty when it asks none)",
      params: IdParam,
      responses: { 200: jsonResponse(Questions, "The questions, in order") },
      errors: [400, 404],
    },
    async (ctx, { params }, c) => {
      const rows = await getQuestions(ctx, { eventId: params.id });
      return c.json(rows.map(questionView), 200);
    },
  ),
  defineRoute(
    {
      method: "put",
      path: "/api/events/{id}/questions",
      auth: "staff",
      tags: ["questions"],
      summary: "Replace an event's registration questions (organiser of the event)",
      description:
        "At most 20. choice and multi questions need options. Send a question's `id` to keep it and its answers; " +
        "a question left out is removed with its answers, which needs `?force=true` when it has any (409 `questions-have-answers` naming them, in `errors`, otherwise).",
      params: IdParam,
      query: ForceQuery,
      body: QuestionsInput,
      responses: { 200: jsonResponse(Questions, "The questions as stored") },
      errors: [400, 404, "questions-have-answers"],
    },
    async (ctx, { params, query, body }, c) => {
      const rows = await replaceQuestions(ctx, { eventId: params.id, questions: body, force: query.force === "true" });
      return c.json(rows.map(questionView), 200);
    },
  ),
];
