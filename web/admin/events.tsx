/** Organiser pages for events: the list, the editor and the cancellation step. */
import type { EventRow } from "../../db/schema/index.ts";
import { EVENT_KINDS, type EventKind } from "../../db/schema/events.ts";
import { qs, type PageCtx } from "../context.ts";
import { fiscalYearLabel } from "../../lib/format.ts";
import { kindLabel } from "../i18n/domain.ts";
import { QUESTION_MESSAGES } from "../i18n/questions.ts";
import { Csrf, ErrorSummary, Layout, SelectField, TextArea, TextField, type Errors } from "../layout.tsx";
import { CallFields, callLabels } from "./exhibitor-call-fields.tsx";
import { APPLY_MESSAGES } from "../i18n/apply.ts";
import { PlaceFields, placeLabels } from "./event-place-fields.tsx";
import { blockLabel, eventTitle, eventWhen, type BlockInfo, type BlockNames, BlockKindFilters } from "../components.tsx";

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
  return (
    <Layout ctx={ctx} title={m.eventsAdminTitle} section="admin-events">
      <h1>{m.eventsAdminTitle}</h1>
      {props.notice ? (
        <p class="notice ok" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.canCreate ? (
        <p>
          <a class="button" href="/admin/events/new">
            {m.newEvent}
          </a>
        </p>
      ) : null}
      <form class="filters" method="get" action="/admin/events" role="search" aria-label={m.filters}>
        <div class="row">
          <SelectField
            ctx={ctx}
            tag={false}
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
      {props.events.length === 0 ? (
        <p>{m.noEvents}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.event}</th>
                <th scope="col">{m.block}</th>
                <th scope="col">{m.statusCol}</th>
                <th scope="col" class="num">
                  {m.registrations}
                </th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => (
                <tr>
                  <td data-label={m.when}>{eventWhen(e, lang)}</td>
                  <th scope="row">
                    <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
                    <br />
                    <span class="muted">{kindLabel(e.kind, lang)}</span>
                  </th>
                  <td data-label={m.block}>{blockLabel(e.blockCode, props.names, lang) ?? "—"}</td>
                  <td data-label={m.statusCol}>
                    <span class={`badge ${e.status === "cancelled" ? "bad" : e.status === "planned" ? "info" : "ok"}`}>
                      {m.eventStatus[e.status]}
                    </span>
                  </td>
                  <td class="num" data-label={m.registrations}>
                    {e.confirmedCount}
                    {e.capacity !== null ? ` / ${e.capacity}` : ""}
                    {e.waitlistCount ? ` (+${e.waitlistCount})` : ""}
                  </td>
                  <td>
                    <span class="meta">
                      {e.status !== "cancelled" ? <a href={`/admin/events/${e.id}/edit`}>{m.edit}</a> : null}
                      <a href={`/admin/events/${e.id}/registrations`}>{m.desk}</a>
                      {e.kind === "techno_fair" ? <a href={`/admin/events/${e.id}/booths`}>{m.boothsLink}</a> : null}
                      {e.status !== "cancelled" ? <a href={`/admin/events/${e.id}/cancel`}>{m.cancelEvent}</a> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
      {props.saved ? (
        <p class="notice ok" role="status">
          {m.saved}
        </p>
      ) : null}
      {props.message ? (
        <p class="alert" role="alert">
          {props.message}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={LABELS(ctx)} />
      {event?.status === "cancelled" ? (
        <p class="notice">{m.cancelledReadonly}</p>
      ) : (
        <form method="post" action={action} novalidate data-once>
          <Csrf ctx={ctx} />
          <div class="row">
            <SelectField
              ctx={ctx}
              name="kind"
              label={m.kind}
              value={v.kind}
              error={errors.kind}
              required
              options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
            />
            <SelectField
              ctx={ctx}
              name="status"
              label={m.statusCol}
              value={v.status || "scheduled"}
              error={errors.status}
              required
              options={[
                { value: "scheduled", label: m.eventStatus.scheduled! },
                { value: "planned", label: m.eventStatus.planned! },
              ]}
            />
          </div>
          <TextField ctx={ctx} name="titleJa" label={m.titleJa} value={v.titleJa} error={errors.titleJa} required lang="ja" />
          <TextField ctx={ctx} name="titleEn" label={m.titleEn} value={v.titleEn} error={errors.titleEn} lang="en" />
          <TextArea
            ctx={ctx}
            name="descriptionJa"
            label={m.descriptionJa}
            value={v.descriptionJa}
            error={errors.descriptionJa}
            lang="ja"
          />
          <TextArea
            ctx={ctx}
            name="descriptionEn"
            label={m.descriptionEn}
            value={v.descriptionEn}
            error={errors.descriptionEn}
            lang="en"
          />
          <div class="row">
            <SelectField
              ctx={ctx}
              name="block"
              label={m.block}
              value={v.block}
              error={errors.block}
              options={[
                ...(ctx.actor.kind === "admin" ? [{ value: "", label: m.noBlock }] : []),
                ...props.blocks.map((b) => ({ value: b.code, label: lang === "en" ? b.nameEn : b.nameJa })),
              ]}
            />
            <TextField ctx={ctx} name="prefecture" label={m.prefecture} value={v.prefecture} error={errors.prefecture} />
          </div>
          <TextField ctx={ctx} name="venue" label={m.venue} value={v.venue} error={errors.venue} />
          <TextField ctx={ctx} name="venueEn" label={m.venueEn} value={v.venueEn} error={errors.venueEn} lang="en" />
          <div class="row">
            <TextField
              ctx={ctx}
              type="datetime-local"
              name="startsAt"
              label={m.startsAt}
              value={v.startsAt}
              error={errors.startsAt}
              required
            />
            <TextField
              ctx={ctx}
              type="datetime-local"
              name="endsAt"
              label={m.endsAt}
              value={v.endsAt}
              error={errors.endsAt}
              required
            />
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
          <TextField
            ctx={ctx}
            name="capacity"
            label={m.capacity}
            hint={m.capacityHint}
            value={v.capacity}
            error={errors.capacity}
            inputmode="numeric"
          />
          <p class="hint">{m.windowHint}</p>
          <div class="row">
            <TextField
              ctx={ctx}
              type="datetime-local"
              name="registrationOpensAt"
              label={m.opensAt}
              value={v.registrationOpensAt}
              error={errors.registrationOpensAt}
            />
            <TextField
              ctx={ctx}
              type="datetime-local"
              name="registrationClosesAt"
              label={m.closesAt}
              value={v.registrationClosesAt}
              error={errors.registrationClosesAt}
            />
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
        <p class="notice">{m.cancelledReadonly}</p>
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
