/** The exhibitor application pages: the call on the event and fair pages, the public form, the applicant's private page. */
import type { ApplicationView } from "../../../api/booths/service/applications.ts";
import { exhibitorCallEnd, exhibitorCallOpen } from "../../../api/booths/call.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { eventTitle, type BlockNames } from "../../ui/event.tsx";
import type { PageCtx } from "../../context.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { problemText } from "../../../lib/problems.ts";
import { APPLY_MESSAGES, type ApplyMessages } from "../../i18n/apply.ts";
import { Layout } from "../../ui/layout.tsx";
import { CopyField, type Errors, ErrorSummary, Field, formFields } from "../../ui/field.tsx";
import { EventFacts } from "../event/page.tsx";
import { Notice, type PageNotice } from "../../ui/notice.tsx";

export type ApplyFormState = {
  values: Record<string, string>;
  errors: Errors;
  idempotencyKey?: string;
  message?: PageNotice;
};

const words = (ctx: PageCtx): ApplyMessages => APPLY_MESSAGES[ctx.lang];

/** Field names of the form, for the error summary; preferences and competitors are per line. */
const labels = (a: ApplyMessages, m: PageCtx["m"]) => ({
  organization: a.organization,
  organizationKana: a.organizationKana,
  contactName: a.contactName,
  email: a.email,
  cluster: a.cluster,
  field: a.field,
  boothSize: a.boothSize,
  preference1: a.preference(1),
  preference2: a.preference(2),
  preference3: a.preference(3),
  preferences: a.preferences,
  competitors: a.competitors,
  note: a.note,
  locale: m.locale,
});

/** The application's fields, for a new application and for changes on the private page. */
function ApplicationFields(props: { ctx: PageCtx; event: EventRow; state: ApplyFormState }) {
  const { ctx, event: e, state } = props;
  const a = words(ctx);
  const v = state.values;
  const err = state.errors;
  const F = formFields(ctx, v, err);
  return (
    <>
      <F name="organization" label={a.organization} hint={a.organizationHint} required autocomplete="organization" />
      <F name="organizationKana" label={a.organizationKana} autocomplete="off" />
      <F name="contactName" label={a.contactName} required autocomplete="name" />
      <F name="email" label={a.email} hint={ctx.m.emailHint} required inputmode="email" autocomplete="email" spellcheck={false} />
      <F name="cluster" label={a.cluster} hint={a.clusterHint} />
      <F name="field" label={a.field} hint={a.fieldHint} required />
      {e.exhibitorBoothSizes.length ? (
        <F
          as="radio"
          name="boothSize"
          label={a.boothSize}
          required
          options={e.exhibitorBoothSizes.map((s) => ({ value: s, label: s }))}
        />
      ) : (
        <F name="boothSize" label={a.boothSize} hint={a.boothSizeHint} required />
      )}
      <fieldset>
        <legend>{a.preferences}</legend>
        <p class="hint">{a.preferencesHint}</p>
        <div class="row">
          {[1, 2, 3].map((i) => (
            <Field
              ctx={ctx}
              tag={false}
              name={`preference${i}`}
              label={a.preference(i)}
              value={v[`preference${i}`]}
              error={err[`preference${i}`]}
              spellcheck={false}
            />
          ))}
        </div>
        {err.preferences ? <span class="error-text">{err.preferences}</span> : null}
      </fieldset>
      <p class="hint" id="f-competitors-hint">
        {a.competitorsHint}
      </p>
      <F as="textarea" name="competitors" label={a.competitors} />
      <F as="textarea" name="note" label={a.note} />
      <Field
        as="radio"
        ctx={ctx}
        name="locale"
        label={ctx.m.locale}
        value={v.locale || ctx.lang}
        error={err.locale}
        options={[
          { value: "ja", label: ctx.m.localeJa, lang: "ja" },
          { value: "en", label: ctx.m.localeEn, lang: "en" },
        ]}
      />
    </>
  );
}

function FormMessage(props: { state: ApplyFormState }) {
  const msg = props.state.message;
  if (!msg) return null;
  return (
    <Notice tone={msg.tone} role="alert" block>
      {msg.text}
    </Notice>
  );
}

export function ApplyPage(props: { ctx: PageCtx; event: EventRow; blocks: BlockNames; now: Date; state: ApplyFormState }) {
  const { ctx, event: e, state } = props;
  const a = words(ctx);
  const title = eventTitle(e, ctx.lang);
  const open = exhibitorCallOpen(e, props.now);
  return (
    <Layout ctx={ctx} title={`${a.applyTitle} — ${title}`} section="events">
      <p>
        <a href={`/events/${e.id}`}>{title}</a>
      </p>
      <h1>{a.applyTitle}</h1>
      <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
      <FormMessage state={state} />
      {open ? (
        <>
          <ErrorSummary ctx={ctx} errors={state.errors} labels={labels(a, ctx.m)} />
          <p>{a.applyLead}</p>
          <p class="muted">{a.callOpen(formatDateTime(exhibitorCallEnd(e), ctx.lang))}</p>
          <form method="post" action={`/fair/${e.id}/apply`} accept-charset="UTF-8" novalidate data-once>
            <input type="hidden" name="idempotencyKey" value={state.idempotencyKey ?? ""} />
            <ApplicationFields ctx={ctx} event={e} state={state} />
            <div class="actions">
              <button type="submit">{a.submitApply}</button>
            </div>
          </form>
        </>
      ) : state.message ? null : (
        <Notice>{problemText("exhibitor-call-closed", ctx.lang)}</Notice>
      )}
    </Layout>
  );
}

/** One line of a facts list, left out when there is nothing to say. */
export function Fact(props: { label: string; value: string | null | undefined; pre?: boolean }) {
  if (!props.value) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd class={props.pre ? "pre" : undefined}>{props.value}</dd>
    </>
  );
}

export type ApplicationNotice = "new" | "saved" | "withdrawn";

export function ApplicationPage(props: {
  ctx: PageCtx;
  event: EventRow;
  view: ApplicationView;
  blocks: BlockNames;
  token: string;
  notice?: ApplicationNotice;
  /** The floor map with the applicant's booth outlined, once it is published. */
  mapSvg?: string;
  edit: ApplyFormState;
}) {
  const { ctx, event: e, view: x, token } = props;
  const a = words(ctx);
  const title = props.notice === "new" ? a.receivedTitle : a.applicationTitle;
  const badge = x.status === "declined" || x.status === "withdrawn" ? "bad" : x.status === "applied" ? "info" : "ok";
  return (
    <Layout ctx={ctx} title={title}>
      {props.notice === "saved" ? <Notice tone="ok">{a.savedNotice}</Notice> : null}
      {props.notice === "withdrawn" ? <Notice tone="ok">{a.withdrawnNotice}</Notice> : null}
      <h1>{title}</h1>
      <p>
        {a.status}:{" "}
        <span class={`badge ${badge}`} data-testid="application-status">
          {a.statusWords[x.status]}
        </span>
      </p>
      {x.status === "declined" && x.declineReason ? (
        <Notice tone="warn" testid="decline-reason">
          {a.declineReason}: {x.declineReason}
        </Notice>
      ) : null}
      <section class="panel" aria-labelledby="ev">
        <h2 id="ev">
          <a href={`/events/${e.id}`}>{eventTitle(e, ctx.lang)}</a>
        </h2>
        <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
      </section>
      {x.status === "assigned" && x.booth ? (
        <section aria-labelledby="booth" class="floor">
          <h2 id="booth">{a.yourBooth}</h2>
          <p class="code-big" data-testid="assigned-booth">
            {a.yourBoothIs(x.booth)}
          </p>
          {props.mapSvg ? (
            <figure>
              <div class="map" dangerouslySetInnerHTML={{ __html: props.mapSvg }} />
              <figcaption>{a.boothOnMap(x.booth)}</figcaption>
            </figure>
          ) : null}
        </section>
      ) : x.status === "unassigned" ? (
        <Notice>{a.noBoothPublished}</Notice>
      ) : x.status === "applied" || x.status === "accepted" ? (
        <p class="muted">{a.noBoothYet}</p>
      ) : null}
      <section aria-labelledby="details">
        <h2 id="details">{ctx.m.yourDetails}</h2>
        <dl class="facts">
          <dt>{a.organization}</dt>
          <dd>{x.organization}</dd>
          <Fact label={a.organizationKana} value={x.organizationKana} />
          <dt>{a.contactName}</dt>
          <dd>{x.contactName}</dd>
          <dt>{a.email}</dt>
          <dd>{x.email}</dd>
          <Fact label={a.cluster} value={x.cluster} />
          <dt>{a.field}</dt>
          <dd>{x.field}</dd>
          <dt>{a.boothSize}</dt>
          <dd>{x.boothSize}</dd>
          <Fact label={a.preferences} value={x.preferences.join(", ")} />
          <Fact label={a.competitors} value={x.competitors.join(ctx.lang === "en" ? "; " : "、")} />
          <Fact label={a.note} value={x.note} pre />
        </dl>
      </section>
      <section aria-labelledby="link">
        <h2 id="link">{a.privateLink}</h2>
        <p>{a.privateLinkHelp}</p>
        <CopyField ctx={ctx} id="manage-url" label={a.privateLink} value={x.manageUrl} />
      </section>
      {x.callOpen ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{a.editTitle}</h2>
          <FormMessage state={props.edit} />
          <ErrorSummary ctx={ctx} errors={props.edit.errors} labels={labels(a, ctx.m)} />
          <form method="post" action={`/x/${token}`} accept-charset="UTF-8" novalidate data-once>
            <ApplicationFields ctx={ctx} event={e} state={props.edit} />
            <div class="actions">
              <button type="submit">{a.submitSave}</button>
            </div>
          </form>
        </section>
      ) : x.status !== "withdrawn" && x.status !== "declined" ? (
        <p class="muted">{a.editClosed}</p>
      ) : null}
      {x.status !== "withdrawn" ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw">{a.withdrawTitle}</h2>
          <p>
            <a class="button danger" href={`/x/${token}/withdraw`}>
              {a.withdrawButton}
            </a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

export function WithdrawConfirmPage(props: { ctx: PageCtx; event: EventRow; view: ApplicationView; token: string }) {
  const { ctx, view: x, token } = props;
  const a = words(ctx);
  return (
    <Layout ctx={ctx} title={a.withdrawTitle}>
      <h1>{a.withdrawTitle}</h1>
      <section class="panel">
        <h2>{eventTitle(props.event, ctx.lang)}</h2>
        <p>{x.organization}</p>
      </section>
      {x.status === "withdrawn" ? (
        <Notice>{a.withdrawnNotice}</Notice>
      ) : (
        <>
          <p>{a.withdrawText}</p>
          <form method="post" action={`/x/${token}/withdraw`} class="actions" data-once>
            <button type="submit" class="danger">
              {a.withdrawYes}
            </button>
            <a class="button secondary" href={`/x/${token}`}>
              {a.withdrawNo}
            </a>
          </form>
        </>
      )}
    </Layout>
  );
}
