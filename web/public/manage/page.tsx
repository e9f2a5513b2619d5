/** A registrant's private page: status, the event's calendar links, the personal feed by e-mail, cancellation. */
import type { getManagedRegistration } from "../../../api/registrations/service.ts";
import { qrSvg } from "../../../api/lib/qr.ts";
import type { PageCtx } from "../../context.ts";
import { SECTOR_LABELS } from "../../i18n/domain.ts";
import { Layout } from "../../ui/layout.tsx";
import { CopyField } from "../../ui/field.tsx";
import { eventTitle, type BlockNames } from "../../ui/event.tsx";
import { AddToCalendar, EventFacts } from "../event/page.tsx";
import type { Answers } from "../../../api/questions/answers.ts";
import { registrationClosedReason } from "../../../api/registrations/service.ts";
import type { EventQuestionRow } from "../../../db/schema/questions.ts";
import { QUESTION_MESSAGES } from "../../i18n/questions.ts";
import type { Errors } from "../../ui/field.tsx";
import { AnswerList, QuestionFields } from "../event/questions.tsx";
import { Notice } from "../../ui/notice.tsx";

/** The registrant's answers; a form to change them while registration is open. */
function AnswersSection(props: {
  ctx: PageCtx;
  found: Managed;
  token: string;
  questions: readonly EventQuestionRow[];
  form?: AnswersForm;
  now: Date;
}) {
  const { ctx, found, questions } = props;
  const qm = QUESTION_MESSAGES[ctx.lang];
  if (!questions.length) return null;
  const editable = found.registration.status !== "cancelled" && !registrationClosedReason(found.event, props.now);
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{qm.yourAnswers}</h2>
      {editable ? (
        <form method="post" action={`/r/${props.token}/answers`} accept-charset="UTF-8" novalidate data-once>
          <p class="hint">{qm.answersEditableUntil}</p>
          <QuestionFields
            ctx={ctx}
            questions={questions}
            answers={props.form?.answers ?? found.answers}
            errors={props.form?.errors ?? {}}
          />
          <div class="actions">
            <button type="submit">{qm.saveAnswers}</button>
          </div>
        </form>
      ) : (
        <>
          <AnswerList ctx={ctx} questions={questions} answers={found.answers} />
          {found.registration.status !== "cancelled" ? <p class="hint">{qm.answersClosed}</p> : null}
        </>
      )}
    </section>
  );
}

export type Managed = Awaited<ReturnType<typeof getManagedRegistration>>;
export type ManageNotice = "cancelled" | "feed-link-sent" | "answers-saved" | { tooMany: string };
/** The answers form as sent, when it came back with errors. */
export type AnswersForm = { answers: Answers; errors: Errors };

function StatusLine(props: { ctx: PageCtx; found: Managed }) {
  const { m } = props.ctx;
  const r = props.found.registration;
  if (r.status === "confirmed") {
    return (
      <span class="badge ok">
        {m.status.confirmed}
        {r.checkedInAt ? ` · ${m.checkedIn}` : ""}
      </span>
    );
  }
  if (r.status === "waitlisted") {
    return (
      <span class="badge warn">{props.found.position ? m.waitlistPosition(props.found.position) : m.status.waitlisted}</span>
    );
  }
  return <span class="badge bad">{m.status.cancelled}</span>;
}

export function ManagePage(props: {
  ctx: PageCtx;
  found: Managed;
  token: string;
  blocks: BlockNames;
  isNew: boolean;
  notice?: ManageNotice;
  now: Date;
  publicUrl: string;
  questions: readonly EventQuestionRow[];
  answersForm?: AnswersForm;
}) {
  const { ctx, found } = props;
  const { m, lang } = ctx;
  const r = found.registration;
  const e = found.event;
  const title = props.isNew ? (r.status === "waitlisted" ? m.waitlistedTitle : m.registeredTitle) : m.manageTitle;
  const active = r.status !== "cancelled";
  const over = props.now.getTime() >= e.endsAt.getTime();
  return (
    <Layout ctx={ctx} title={title}>
      {props.notice === "cancelled" ? <Notice tone="ok">{m.cancelledNotice}</Notice> : null}
      {typeof props.notice === "object" ? (
        <Notice tone="alert" block>
          {m.tooMany(props.notice.tooMany)}
        </Notice>
      ) : null}
      {props.notice === "answers-saved" ? <Notice tone="ok">{QUESTION_MESSAGES[lang].answersSaved}</Notice> : null}
      {props.notice === "feed-link-sent" ? <Notice tone="ok">{m.feedLinkSent}</Notice> : null}
      <h1>{title}</h1>
      <p>
        {m.statusLabel}: <StatusLine ctx={ctx} found={found} />
      </p>
      {active ? (
        <section class="panel checkin-code" aria-labelledby="code-title">
          <h2 id="code-title">{m.checkInCode}</h2>
          <div class="code-pair">
            <p class="code-big" data-testid="check-in-code">
              {r.checkInCode}
            </p>
            <div
              class="qr"
              dangerouslySetInnerHTML={{
                __html: qrSvg(r.checkInCode, { size: 176, label: `${m.checkInCode} ${r.checkInCode}` }),
              }}
            />
          </div>
          <p class="hint">{r.status === "confirmed" ? m.checkInCodeHelp : m.checkInCodeWaitlisted}</p>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="ev">
        <h2 id="ev">
          <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
        </h2>
        <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
      </section>
      <section aria-labelledby="details">
        <h2 id="details">{m.yourDetails}</h2>
        <dl class="facts">
          <dt>{m.name}</dt>
          <dd>{r.name}</dd>
          {r.nameKana ? (
            <>
              <dt>{m.nameKana}</dt>
              <dd>{r.nameKana}</dd>
            </>
          ) : null}
          <dt>{m.email}</dt>
          <dd>{r.email}</dd>
          <dt>{m.organization}</dt>
          <dd>{r.organization}</dd>
          <dt>{m.sector}</dt>
          <dd>{SECTOR_LABELS[lang][r.sector]}</dd>
        </dl>
      </section>
      <AnswersSection
        ctx={ctx}
        found={found}
        token={props.token}
        questions={props.questions}
        form={props.answersForm}
        now={props.now}
      />
      <section aria-labelledby="link">
        <h2 id="link">{m.manageLink}</h2>
        <p>{m.manageLinkHelp}</p>
        <CopyField ctx={ctx} id="manage-url" label={m.manageLink} value={found.manageUrl} />
      </section>
      {active && e.status !== "cancelled" ? <AddToCalendar ctx={ctx} event={e} publicUrl={props.publicUrl} /> : null}
      <section aria-labelledby="feed">
        <h2 id="feed">{m.personalFeed}</h2>
        <p>{m.personalFeedHelp}</p>
        {/* The feed spans every registration of the address, so it is only ever e-mailed there. */}
        <form method="post" action={`/r/${props.token}/calendar-link`} data-once>
          <p class="hint">{m.sendFeedLinkHelp}</p>
          <button type="submit" class="secondary">
            {m.sendFeedLink}
          </button>
        </form>
      </section>
      {active && !over ? (
        <section aria-labelledby="cancel">
          <h2 id="cancel">{m.cancelRegistration}</h2>
          <p>
            <a class="button danger" href={`/r/${props.token}/cancel`}>
              {m.cancelRegistration}
            </a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

export function CancelConfirmPage(props: { ctx: PageCtx; found: Managed; token: string; blocks: BlockNames }) {
  const { ctx, found } = props;
  const { m, lang } = ctx;
  const e = found.event;
  const cancelled = found.registration.status === "cancelled";
  return (
    <Layout ctx={ctx} title={m.cancelConfirmTitle}>
      <h1>{m.cancelConfirmTitle}</h1>
      <section class="panel" aria-labelledby="ev">
        <h2 id="ev">{eventTitle(e, lang)}</h2>
        <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
        <p>
          {lang === "en"
            ? `${found.registration.name} (${found.registration.organization})`
            : `${found.registration.name}（${found.registration.organization}）`}
        </p>
      </section>
      {cancelled ? (
        <Notice>{m.alreadyCancelled}</Notice>
      ) : (
        <>
          <p>{m.cancelConfirmText}</p>
          <form method="post" action={`/r/${props.token}/cancel`} class="actions" data-once>
            <button type="submit" class="danger">
              {m.cancelYes}
            </button>
            <a class="button secondary" href={`/r/${props.token}`}>
              {m.cancelNo}
            </a>
          </form>
        </>
      )}
      {cancelled ? (
        <p>
          <a href={`/r/${props.token}`}>{m.back}</a>
        </p>
      ) : null}
    </Layout>
  );
}
