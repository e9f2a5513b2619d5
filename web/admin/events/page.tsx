/** Organiser pages for events: the list, the editor and the cancellation step. */
import type { EventRow } from "../../../db/schema/index.ts";
import { EVENT_KINDS, type EventKind } from "../../../db/schema/events.ts";
import { qs, type PageCtx } from "../../context.ts";
import { fiscalYearLabel } from "../../../lib/format.ts";
import { kindLabel } from "../../i18n/domain.ts";
import { QUESTION_MESSAGES } from "../../i18n/questions.ts";
import { Layout } from "../../ui/layout.tsx";
import { Csrf, type Errors, ErrorSummary, Filter, formFields } from "../../ui/field.tsx";
import { CallFields, callLabels } from "./call-fields.tsx";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";
import { PlaceFields, placeLabels } from "./place-fields.tsx";
import {
  blockLabel,
  eventTitle,
  eventWhen,
  type BlockInfo,
  type BlockNames,
  BlockKindFilters,
  blockOptions,
} from "../../ui/event.tsx";
import { Notice } from "../../ui/notice.tsx";
import { SubLine, Table, type Column } from "../../ui/table.tsx";

export type AdminEventFilters = { fy: number; block?: string; kind?: EventKind };

export function EventsListPage(props: {
  ctx: PageCtx;
  events: EventRow[];
  filters: AdminEventFilters;
  blocks: BlockInfo[];
  names: BlockNames;
  canCreate: boolean;
  notice?: string;
  currentFy: number;
}) {
  const { ctx, filters } = props;
  const { m, lang } = ctx;
  const fyOptions: number[] = [];
  for (let fy = props.currentFy + 1; fy >= 2003; fy--) fyOptions.push(fy);
  const statusTone = (e: EventRow) => (e.status === "cancelled" ? "bad" : e.status === "planned" ? "info" : "ok");
  const columns: Column<EventRow>[] = [
    { head: m.when, cell: (e) => eventWhen(e, lang) },
    {
      head: m.event,
      rowHeader: true,
      cell: (e) => (
        <>
          <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
          <SubLine>{kindLabel(e.kind, lang)}</SubLine>
        </>
      ),
    },
    { head: m.block, cell: (e) => blockLabel(e.blockCode, props.names, lang) ?? "—" },
    { head: m.statusCol, cell: (e) => <span class={`badge ${statusTone(e)}`}>{m.eventStatus[e.status]}</span> },
    {
      head: m.registrations,
      class: "num",
      cell: (e) => (
        <>
          {e.confirmedCount}
          {e.capacity !== null ? ` / ${e.capacity}` : ""}
          {e.waitlistCount ? ` (+${e.waitlistCount})` : ""}
        </>
      ),
    },
    {
      head: m.actions,
      label: false,
      cell: (e) => (
        <span class="meta">
          {e.status !== "cancelled" ? <a href={`/admin/events/${e.id}/edit`}>{m.edit}</a> : null}
          <a href={`/admin/events/${e.id}/registrations`}>{m.desk}</a>
          {e.kind === "techno_fair" ? <a href={`/admin/events/${e.id}/booths`}>{m.boothsLink}</a> : null}
          {e.status !== "cancelled" ? <a href={`/admin/events/${e.id}/cancel`}>{m.cancelEvent}</a> : null}
        </span>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={m.eventsAdminTitle} section="admin-events">
      <h1>{m.eventsAdminTitle}</h1>
      {props.notice ? <Notice tone="ok">{props.notice}</Notice> : null}
      {props.canCreate ? (
        <p>
          <a class="button" href="/admin/events/new">
            {m.newEvent}
          </a>
        </p>
      ) : null}
      <form class="filters" method="get" action="/admin/events" role="search" aria-label={m.filters}>
        <div class="row">
          <Filter
            ctx={ctx}
            name="fy"
            label={m.fiscalYear}
            value={String(filters.fy)}
            options={fyOptions.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, lang) }))}
          />
          <BlockKindFilters ctx={ctx} blocks={props.blocks} block={filters.block} kind={filters.kind} />
        </div>
        <div class="actions">
          <button type="submit">{m.apply}</button>
        </div>
      </form>
      {props.events.length === 0 ? <p>{m.noEvents}</p> : <Table stack columns={columns} rows={props.events} />}
    </Layout>
  );
}

export type EventFormValues = Record<string, string>;

const LABELS = ({ m, lang }: PageCtx) => ({
  kind: m.kind,
  status: m.statusCol,
  titleJa: m.titleJa,
  titleEn: m.titleEn,
  descriptionJa: m.descriptionJa,
  descriptionEn: m.descriptionEn,
  block: m.block,
  venue: m.venue,
  venueEn: m.venueEn,
  prefecture: m.prefecture,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  allDay: m.allDay,
  capacity: m.capacity,
  registrationOpensAt: m.opensAt,
  registrationClosesAt: m.closesAt,
  ...placeLabels(lang),
  ...callLabels(lang),
});

export function EventFormPage(props: {
  ctx: PageCtx;
  event?: EventRow;
  values: EventFormValues;
  errors: Errors;
  blocks: BlockInfo[];
  message?: string;
  saved?: boolean;
}) {
  const { ctx, event, values: v, errors } = props;
  const { m, lang } = ctx;
  const title = event ? m.editEventTitle : m.newEventTitle;
  const action = event ? `/admin/events/${event.id}/edit` : "/admin/events/new";
  const F = formFields(ctx, v, errors);
  const statuses = [
    { value: "scheduled", label: m.eventStatus.scheduled! },
    { value: "planned", label: m.eventStatus.planned! },
  ];
  const blocks = [...(ctx.actor.kind === "admin" ? [{ value: "", label: m.noBlock }] : []), ...blockOptions(props.blocks, lang)];
  return (
    <Layout ctx={ctx} title={title} section="admin-events">
      <p>
        <a href="/admin/events">{m.eventsAdminTitle}</a>
      </p>
      <h1>{title}</h1>
      {event ? <p class="muted">{eventTitle(event, lang)}</p> : null}
      {event?.kind === "techno_fair" ? (
        <p class="meta">
          <a href={`/admin/events/${event.id}/booths`}>{m.boothsTitle}</a>
          <a href={`/admin/events/${event.id}/exhibitors`}>{APPLY_MESSAGES[lang].reviewLink}</a>
        </p>
      ) : null}
      {event ? (
        <p>
          <a href={`/admin/events/${event.id}/questions`}>{QUESTION_MESSAGES[lang].editorLink}</a>
        </p>
      ) : null}
      {props.saved ? <Notice tone="ok">{m.saved}</Notice> : null}
      {props.message ? <Notice tone="alert">{props.message}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={LABELS(ctx)} />
      {event?.status === "cancelled" ? (
        <Notice>{m.cancelledReadonly}</Notice>
      ) : (
        <form method="post" action={action} novalidate data-once>
          <Csrf ctx={ctx} />
          <div class="row">
            <F
              as="select"
              name="kind"
              label={m.kind}
              required
              options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
            />
            <F as="select" name="status" label={m.statusCol} value={v.status || "scheduled"} required options={statuses} />
          </div>
          <F name="titleJa" label={m.titleJa} required lang="ja" />
          <F name="titleEn" label={m.titleEn} lang="en" />
          <F as="textarea" name="descriptionJa" label={m.descriptionJa} lang="ja" />
          <F as="textarea" name="descriptionEn" label={m.descriptionEn} lang="en" />
          <div class="row">
            <F as="select" name="block" label={m.block} options={blocks} />
            <F name="prefecture" label={m.prefecture} />
          </div>
          <F name="venue" label={m.venue} />
          <F name="venueEn" label={m.venueEn} lang="en" />
          <div class="row">
            <F type="datetime-local" name="startsAt" label={m.startsAt} required />
            <F type="datetime-local" name="endsAt" label={m.endsAt} required />
          </div>
          <div class="field">
            <label class="check">
              <input type="checkbox" name="allDay" value="1" checked={v.allDay === "1"} aria-describedby="allday-hint" />
              {m.allDay}
            </label>
            <span class="hint" id="allday-hint">
              {m.allDayHint}
            </span>
          </div>
          <F name="capacity" label={m.capacity} hint={m.capacityHint} inputmode="numeric" />
          <p class="hint">{m.windowHint}</p>
          <div class="row">
            <F type="datetime-local" name="registrationOpensAt" label={m.opensAt} />
            <F type="datetime-local" name="registrationClosesAt" label={m.closesAt} />
          </div>
          <PlaceFields ctx={ctx} values={v} errors={errors} />
          <CallFields ctx={ctx} values={v} errors={errors} />
          <div class="actions">
            <button type="submit">{event ? m.save : m.create}</button>
            <a href="/admin/events">{m.back}</a>
          </div>
        </form>
      )}
    </Layout>
  );
}

export function CancelEventPage(props: { ctx: PageCtx; event: EventRow }) {
  const { ctx, event: e } = props;
  const { m, lang } = ctx;
  return (
    <Layout ctx={ctx} title={m.cancelEventConfirmTitle} section="admin-events">
      <h1>{m.cancelEventConfirmTitle}</h1>
      <section class="panel">
        <h2>{eventTitle(e, lang)}</h2>
        <p>{eventWhen(e, lang)}</p>
      </section>
      {e.status === "cancelled" ? (
        <Notice>{m.cancelledReadonly}</Notice>
      ) : (
        <>
          <p>{m.cancelEventConfirmText(e.confirmedCount + e.waitlistCount)}</p>
          <form method="post" action={`/admin/events/${e.id}/cancel`} class="actions" data-once>
            <Csrf ctx={ctx} />
            <button type="submit" class="danger">
              {m.cancelEventYes}
            </button>
            <a class="button secondary" href={`/admin/events${qs({ fy: e.fiscalYear })}`}>
              {m.back}
            </a>
          </form>
        </>
      )}
    </Layout>
  );
}
