/** The registrant's private page /r/:token: the registration, its answers, cancellation, the calendar link. */
import { Hono } from "hono";
import { listBlocks } from "../../../api/blocks/service.ts";
import type { AppDeps } from "../../../api/deps.ts";
import { Conflict, TooManyRequests, ValidationFailed } from "../../../api/errors.ts";
import { clientAddress } from "../../../api/lib/client-ip.ts";
import { loadQuestions } from "../../../api/questions/service.ts";
import { cancelRegistration, getManagedRegistration, sendCalendarLink } from "../../../api/registrations/service.ts";
import { blockNames } from "../../ui/event.tsx";
import { pageCtx, render, type WebContext, type WebEnv } from "../../context.ts";
import { answersFromForm, formAllOf, pageErrors } from "../event/questions.tsx";
import { CancelConfirmPage, ManagePage, type AnswersForm, type ManageNotice } from "./page.tsx";
import { updateAnswers } from "../../../api/registrations/answers.ts";

import { PRIVATE_PAGE } from "../../cache.ts";

export function manageRoutes(deps: AppDeps) {
  const app = new Hono<WebEnv>();
  const { db } = deps;

  const managePage = async (
    c: WebContext,
    token: string,
    notice: ManageNotice | undefined,
    status: 200 | 400 | 409 | 429,
    answersForm?: AnswersForm,
  ) => {
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const [blocks, questions] = await Promise.all([
      listBlocks(c.get("ctx")).then(blockNames),
      loadQuestions(db, found.registration.eventId),
    ]);
    return render(
      c,
      <ManagePage
        ctx={pageCtx(c)}
        found={found}
        token={token}
        blocks={blocks}
        isNew={c.req.query("new") === "1"}
        notice={notice}
        now={deps.clock.now()}
        publicUrl={deps.config.PUBLIC_URL}
        questions={questions}
        answersForm={answersForm}
      />,
      status,
      PRIVATE_PAGE,
    );
  };

  app.get("/r/:token", async (c) => {
    const q = (k: string) => c.req.query(k) !== undefined;
    const notice = q("cancelled") ? "cancelled" : q("sent") ? "feed-link-sent" : q("answered") ? "answers-saved" : undefined;
    return managePage(c, c.req.param("token"), notice, 200);
  });

  // The registrant changes their answers: the same verb as PATCH /api/registrations/:manageToken.
  app.post("/r/:token/answers", async (c) => {
    const token = c.req.param("token");
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const answers = answersFromForm(await loadQuestions(db, found.registration.eventId), await formAllOf(c));
    try {
      await updateAnswers(c.get("ctx"), { token, answers });
    } catch (err) {
      const lang = c.get("lang");
      if (err instanceof ValidationFailed)
        return managePage(c, token, undefined, 400, { answers, errors: pageErrors(err.fields ?? [], lang) });
      if (err instanceof Conflict) return managePage(c, token, undefined, 409);
      throw err;
    }
    return c.redirect(`/r/${token}?answered=1#answers`, 303);
  });

  app.get("/r/:token/cancel", async (c) => {
    const token = c.req.param("token");
    const found = await getManagedRegistration(c.get("ctx"), { token });
    const blocks = blockNames(await listBlocks(c.get("ctx")));
    return render(c, <CancelConfirmPage ctx={pageCtx(c)} found={found} token={token} blocks={blocks} />, 200, PRIVATE_PAGE);
  });

  app.post("/r/:token/cancel", async (c) => {
    const token = c.req.param("token");
    await cancelRegistration(c.get("ctx"), { token });
    return c.redirect(`/r/${token}?cancelled=1`, 303);
  });

  // "Send me my calendar link": the personal feed goes to the registered address, never to this page.
  app.post("/r/:token/calendar-link", async (c) => {
    const token = c.req.param("token");
    try {
      await sendCalendarLink(c.get("ctx"), { token, address: clientAddress(c, deps.config) });
    } catch (err) {
      if (!(err instanceof TooManyRequests)) throw err;
      const retry = err.headers?.["Retry-After"] ?? "60";
      c.header("Retry-After", retry);
      return managePage(c, token, { tooMany: retry }, 429);
    }
    return c.redirect(`/r/${token}?sent=1`, 303);
  });

  return app;
}
