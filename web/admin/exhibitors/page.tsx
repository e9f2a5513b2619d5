/** The organisers' review of a fair's one exhibitor list: source, answers, priority, matched competitors, accept or decline. */
import type { listExhibitors } from "../../../api/booths/service/exhibitors.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { eventTitle } from "../../ui/event.tsx";
import type { PageCtx } from "../../context.ts";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";
import { Fact } from "../../public/apply/page.tsx";
import { Layout } from "../../ui/layout.tsx";
import { Csrf, type Errors, formFields } from "../../ui/field.tsx";
import { Notice } from "../../ui/notice.tsx";

export type ReviewedExhibitor = Awaited<ReturnType<typeof listExhibitors>>[number];

export function ExhibitorReviewPage(props: {
  ctx: PageCtx;
  event: EventRow;
  exhibitors: ReviewedExhibitor[];
  notice?: string;
  /** The form of one exhibitor as it was sent, with what was wrong. */
  failed?: { ref: string; values: Record<string, string>; errors: Errors };
}) {
  const { ctx, event: e } = props;
  const { m, lang } = ctx;
  const a = APPLY_MESSAGES[lang];
  return (
    <Layout ctx={ctx} title={a.reviewTitle} section="admin-events">
      <p class="meta">
        <a href={`/admin/events/${e.id}/edit`}>{eventTitle(e, lang)}</a>
        <a href={`/admin/events/${e.id}/booths`}>{m.boothsTitle}</a>
      </p>
      <h1>{a.reviewTitle}</h1>
      {props.notice ? <Notice tone="ok">{props.notice}</Notice> : null}
      <p>{a.reviewLead}</p>
      {props.exhibitors.length === 0 ? <p>{a.noExhibitors}</p> : null}
      <ul class="cards">
        {props.exhibitors.map((x) => {
          const failed = props.failed?.ref === x.ref ? props.failed : undefined;
          const v = failed?.values ?? {
            priority: String(x.priority),
            competitors: x.competitors.join(", "),
            status: x.status === "declined" ? "declined" : x.accepted ? "accepted" : "applied",
            declineReason: x.declineReason ?? "",
          };
          const err = failed?.errors ?? {};
          const F = formFields(ctx, v, err);
          const id = `x-${x.ref}`;
          return (
            <li class="panel" id={id} data-ref={x.ref}>
              <h2>
                {x.organization} <span class="muted">({x.ref})</span>
              </h2>
              <p class="meta">
                <span class="badge">{a.sourceWords[x.source]}</span>
                <span class={`badge ${x.status === "declined" || x.status === "withdrawn" ? "bad" : "ok"}`}>
                  {m.exhibitorStatus[x.status] ?? a.statusWords[x.status] ?? x.status}
                </span>
                {x.booth ? <span>{`${m.booth} ${x.booth}`}</span> : null}
              </p>
              <dl class="facts">
                <Fact label={a.contactName} value={x.contactName} />
                <Fact label={a.email} value={x.email} />
                <dt>{a.field}</dt>
                <dd>{[x.field, x.cluster].filter(Boolean).join(" / ")}</dd>
                <dt>{a.boothSize}</dt>
                <dd>{x.size}</dd>
                <Fact label={a.preferences} value={x.preferences.join(", ")} />
                <Fact label={a.namedCompetitors} value={x.competitorNames.join(lang === "en" ? "; " : "、")} />
                <Fact label={a.note} value={x.note} pre />
              </dl>
              {x.status === "withdrawn" ? null : (
                <form method="post" action={`/admin/events/${e.id}/exhibitors/${encodeURIComponent(x.ref)}`} novalidate>
                  <Csrf ctx={ctx} />
                  <div class="row">
                    <F tag={false} type="number" inputmode="numeric" min="0" name="priority" label={m.priority} />
                    <F tag={false} name="competitors" label={a.matchedCompetitors} hint={a.matchedHint} spellcheck={false} />
                  </div>
                  <F
                    as="radio"
                    name="status"
                    label={a.decision}
                    options={[
                      { value: "applied", label: a.undecided },
                      { value: "accepted", label: a.accept },
                      { value: "declined", label: a.decline },
                    ]}
                  />
                  <F tag={false} name="declineReason" label={a.declineReasonField} />
                  <div class="actions">
                    <button type="submit">{a.saveReview}</button>
                  </div>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
