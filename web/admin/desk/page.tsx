/** The registration desk: search, counts, CSV export and check-in on the day. */
import type { listRegistrations, RegistrationFilter } from "../../../api/registrations/desk.ts";
import { SECTORS } from "../../../db/schema/registrations.ts";
import { qs, type PageCtx } from "../../context.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { QUESTION_MESSAGES } from "../../i18n/questions.ts";
import { SECTOR_LABELS } from "../../i18n/domain.ts";
import type { Answers } from "../../../api/questions/answers.ts";
import { answerText, questionLabel } from "../../../api/questions/words.ts";
import { Layout } from "../../ui/layout.tsx";
import { Csrf, type Errors, formFields } from "../../ui/field.tsx";
import { eventTitle, eventWhen } from "../../ui/event.tsx";
import { Notice, type PageNotice } from "../../ui/notice.tsx";
import { SubLine, Table, type Column } from "../../ui/table.tsx";

type Desk = Awaited<ReturnType<typeof listRegistrations>>;

/** Per question, how the confirmed people answered: 懇親会 出席 42 / 欠席 18. */
function AnswerTallies(props: { ctx: PageCtx; desk: Desk }) {
  const { lang } = props.ctx;
  const qm = QUESTION_MESSAGES[lang];
  if (!props.desk.answerCounts.length) return null;
  return (
    <section aria-labelledby="tally">
      <h2 id="tally">{qm.tallyTitle}</h2>
      <ul class="tally" data-testid="answer-counts">
        {props.desk.answerCounts.map((t) => (
          <li>
            <strong>{questionLabel(t, lang)}</strong>{" "}
            {t.options.length
              ? t.options.map((o) => qm.optionLine(questionLabel(o, lang), o.count)).join(" / ")
              : qm.answeredCount(t.answered)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One person's answers under their organisation. */
function RowAnswers(props: { ctx: PageCtx; desk: Desk; answers: Answers }) {
  const { lang } = props.ctx;
  const shown = props.desk.questions.filter((q) => props.answers[q.id] !== undefined);
  if (!shown.length) return null;
  return (
    <ul class="row-answers muted">
      {shown.map((q) => (
        <li>
          {questionLabel(q, lang)}: {answerText(q, props.answers[q.id], lang)}
        </li>
      ))}
    </ul>
  );
}
export type DeskNotice = PageNotice;
export type WalkInForm = { values: Record<string, string>; errors: Errors };

export function DeskPage(props: {
  ctx: PageCtx;
  desk: Desk;
  filter: RegistrationFilter;
  notice?: DeskNotice;
  /** The registration just checked in or registered, marked in the list. */
  highlight?: string;
  walkIn?: WalkInForm;
}) {
  const { ctx, desk, filter } = props;
  const { m, lang } = ctx;
  const e = desk.event;
  const query = qs({ q: filter.q, status: filter.status, sector: filter.sector });
  const Q = formFields(ctx, { q: filter.q, status: filter.status, sector: filter.sector }, {}, { tag: false });
  const statuses = [
    { value: "", label: m.allStatuses },
    ...(["confirmed", "waitlisted", "cancelled"] as const).map((s) => ({ value: s, label: m.status[s] })),
  ];
  const sectorMax = Math.max(1, ...Object.values(desk.bySector));
  const columns: Column<(typeof desk.items)[number]>[] = [
    { head: m.no, class: "code", cell: (r) => r.checkInCode },
    {
      head: m.name,
      rowHeader: true,
      cell: (r) => (
        <>
          {r.name}
          <SubLine>{r.nameKana}</SubLine>
          <SubLine>{r.email}</SubLine>
        </>
      ),
    },
    {
      head: m.organization,
      cell: (r) => (
        <>
          {r.organization}
          <RowAnswers ctx={ctx} desk={desk} answers={r.answers} />
        </>
      ),
    },
    { head: m.sector, cell: (r) => SECTOR_LABELS[lang][r.sector] },
    {
      head: m.statusLabel,
      cell: (r) =>
        r.status === "waitlisted" && r.waitlistPosition ? m.waitlistPosition(r.waitlistPosition) : m.status[r.status],
    },
    {
      head: m.checkInCol,
      cell: (r) => (
        <>
          {r.checkedInAt ? (
            <>
              <span class="badge ok">{m.checkedIn}</span>
              <SubLine>{formatDateTime(new Date(r.checkedInAt), lang)}</SubLine>
            </>
          ) : null}
          {r.status === "confirmed" || r.checkedInAt ? (
            <form method="post" action={`/admin/events/${e.id}/registrations/${r.id}/check-in`}>
              <Csrf ctx={ctx} />
              <input type="hidden" name="checkedIn" value={r.checkedInAt ? "0" : "1"} />
              <input type="hidden" name="back" value={query} />
              <button
                type="submit"
                class={r.checkedInAt ? "secondary small" : "small"}
                aria-label={`${r.checkedInAt ? m.undoCheckIn : m.checkIn}: ${r.name}`}
              >
                {r.checkedInAt ? m.undoCheckIn : m.checkIn}
              </button>
            </form>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={`${m.deskTitle} — ${eventTitle(e, lang)}`} section="admin-events">
      <p>
        <a href="/admin/events">{m.eventsAdminTitle}</a>
      </p>
      <h1>{m.deskTitle}</h1>
      <p>
        <strong>
          <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
        </strong>
        <br />
        {eventWhen(e, lang)}
      </p>
      {props.notice ? (
        <Notice tone={props.notice.tone} role={props.notice.tone === "alert" ? "alert" : "status"} testid="desk-notice">
          {props.notice.text}
        </Notice>
      ) : null}
      <ScanForm ctx={ctx} eventId={e.id} query={query} />
      <ul class="counts" aria-label={m.registrations}>
        <li>
          {m.countConfirmed}
          <strong>
            {desk.counts.confirmed}
            {e.capacity !== null ? ` / ${e.capacity}` : ""}
          </strong>
        </li>
        <li>
          {m.countWaitlisted}
          <strong>{desk.counts.waitlisted}</strong>
        </li>
        <li>
          {m.countCancelled}
          <strong>{desk.counts.cancelled}</strong>
        </li>
        <li>
          {m.countCheckedIn}
          <strong data-testid="checked-in-count">{desk.counts.checkedIn}</strong>
        </li>
      </ul>
      <h2>{m.bySector}</h2>
      <div class="table-wrap">
        <table>
          <tbody>
            {SECTORS.map((s) => (
              <tr>
                <th scope="row">{SECTOR_LABELS[lang][s]}</th>
                <td class="num">{desk.bySector[s]}</td>
                <td style="width:60%" aria-hidden="true">
                  <svg class="bar" viewBox="0 0 202 16" preserveAspectRatio="xMinYMid meet">
                    <rect x="1" y="1" width={(desk.bySector[s] / sectorMax) * 200} height="14" fill="#0b4f8a" />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AnswerTallies ctx={ctx} desk={desk} />
      <WalkIn ctx={ctx} eventId={e.id} form={props.walkIn} />
      <form class="filters" method="get" action={`/admin/events/${e.id}/registrations`} role="search" aria-label={m.search}>
        <div class="row">
          <Q type="search" name="q" label={m.search} hint={m.searchHint} />
        </div>
        <div class="row">
          <Q as="select" name="status" label={m.statusLabel} options={statuses} />
          <Q as="select" name="sector" label={m.sector} options={[{ value: "", label: m.allSectors }, ...sectorOptions(lang)]} />
        </div>
        <div class="actions">
          <button type="submit">{m.search}</button>
          {query ? <a href={`/admin/events/${e.id}/registrations`}>{m.clear}</a> : null}
          <a
            class="button secondary"
            href={`/api/events/${e.id}/registrations.csv${qs({ q: filter.q, status: filter.status, sector: filter.sector, lang })}`}
            download
          >
            {m.exportCsv}
          </a>
        </div>
      </form>
      <p role="status">{m.showing(desk.items.length)}</p>
      {desk.items.length === 0 ? (
        <p>{m.noRegistrations}</p>
      ) : (
        <Table
          stack
          class="desk-list"
          columns={columns}
          rows={desk.items}
          rowAttrs={(r) => ({
            id: `r-${r.id}`,
            "data-registration": r.id,
            class: props.highlight === r.id ? "highlight" : undefined,
          })}
        />
      )}
    </Layout>
  );
}

/** Check-in by 受付番号: a plain form that works without script; the camera scans into it where the browser has BarcodeDetector. */
function ScanForm(props: { ctx: PageCtx; eventId: string; query: string }) {
  const { m } = props.ctx;
  return (
    <section class="panel scan" aria-labelledby="scan-title" data-scan>
      <h2 id="scan-title">{m.scanTitle}</h2>
      <form method="post" action={`/admin/events/${props.eventId}/check-in`} class="scanline">
        <Csrf ctx={props.ctx} />
        <input type="hidden" name="back" value={props.query} />
        <label for="f-code">{m.checkInCode}</label>
        <span class="hint" id="f-code-hint">
          {m.scanHint}
        </span>
        <div class="copyline">
          <input
            id="f-code"
            name="code"
            type="text"
            required
            maxlength={32}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby="f-code-hint"
            class="code-input"
          />
          <button type="submit">{m.checkIn}</button>
        </div>
      </form>
      <p class="actions">
        <button type="button" class="secondary" data-scan-start hidden>
          {m.scanCamera}
        </button>
        <button type="button" class="secondary" data-scan-stop hidden>
          {m.scanStop}
        </button>
      </p>
      <p class="hint" data-scan-status role="status" aria-live="polite" data-no-camera={m.scanNoCamera}></p>
      <video data-scan-video playsinline muted hidden></video>
    </section>
  );
}

const sectorOptions = (lang: PageCtx["lang"]) => SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[lang][s] }));

/** Registering someone at the desk on the day: confirmed and checked in at once. */
function WalkIn(props: { ctx: PageCtx; eventId: string; form?: WalkInForm }) {
  const { ctx } = props;
  const { m, lang } = ctx;
  const v = props.form?.values ?? {};
  const err = props.form?.errors ?? {};
  const F = formFields(ctx, v, err);
  return (
    <details class="panel walkin" open={props.form ? true : undefined}>
      <summary>
        <h2>{m.walkInTitle}</h2>
      </summary>
      <p class="hint">{m.walkInHint}</p>
      <form method="post" action={`/admin/events/${props.eventId}/walk-in`}>
        <Csrf ctx={ctx} />
        <F name="name" label={m.name} required autocomplete="off" />
        <F name="nameKana" label={m.nameKana} autocomplete="off" />
        <F name="email" type="email" inputmode="email" label={m.email} required autocomplete="off" />
        <F name="organization" label={m.organization} required autocomplete="off" />
        <F as="select" name="sector" label={m.sector} required options={[{ value: "", label: "—" }, ...sectorOptions(lang)]} />
        <div class="field">
          <label>
            <input type="checkbox" name="overCapacity" value="1" checked={v.overCapacity === "1"} /> {m.overCapacity}
          </label>
        </div>
        <div class="actions">
          <button type="submit">{m.walkInSubmit}</button>
        </div>
      </form>
    </details>
  );
}
