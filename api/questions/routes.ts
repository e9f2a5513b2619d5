import { createRoute } from "@hono/zod-openapi";
import { requireStaff } from "../auth/middleware.ts";
import { whoOf } from "../auth/who.ts";
import type { AppDeps } from "../deps.ts";
import { IdParam } from "../events/schemas.ts";
import { jsonBody, jsonResponse, newRouter, problems } from "../lib/router.ts";
import { ForceQuery, Questions, QuestionsInput } from "./schemas.ts";
import { getQuestions, questionView, replaceQuestions } from "./service.ts";

export function questionRoutes(deps: AppDeps) {
  const app = newRouter();
  app.use("/api/events/:id/questions", async (c, next) => (c.req.method === "PUT" ? requireStaff(c, next) : next()));

  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/api/events/{id}/questions",
        tags: ["questions"],
        summary: "An event's registration questions (empty when it asks none)",
        request: { params: IdParam },
        responses: {
          200: jsonResponse(Questions, "The questions, in order"),
          400: problems[400],
          404: problems[404],
        },
      }),
      async (c) => {
        const rows = await getQuestions(deps.db, { eventId: c.req.valid("param").id, actor: c.get("actor") });
        return c.json(rows.map(questionView), 200);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/api/events/{id}/questions",
        tags: ["questions"],
        summary: "Replace an event's registration questions (organiser of the event)",
        description:
          "At most 20. choice and multi questions need options. Send a question's `id` to keep it and its answers; " +
          "a question left out is removed with its answers, which needs `?force=true` when it has any (409 `questions-have-answers` naming them, in `errors`, otherwise).",
        security: [{ bearer: [] }],
        request: { params: IdParam, query: ForceQuery, body: jsonBody(QuestionsInput) },
        responses: {
          200: jsonResponse(Questions, "The questions as stored"),
          400: problems[400],
          401: problems[401],
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => {
        const rows = await replaceQuestions(deps.db, {
          eventId: c.req.valid("param").id,
          who: whoOf(c, deps),
          questions: c.req.valid("json"),
          force: c.req.valid("query").force === "true",
        });
        return c.json(rows.map(questionView), 200);
      },
    );
}
