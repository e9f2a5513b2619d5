/** The registration desk: search, counts, CSV export and check-in on the day. */
import type { listRegistrations, RegistrationFilter } from "../../api/registrations/service.ts";
import { SECTORS } from "../../db/schema/registrations.ts";
import { qs, type PageCtx } from "../context.ts";
import { formatDateTime } from "../format.ts";
import { SECTOR_LABELS } from "../i18n.ts";
import { Csrf, Layout, SelectField, TextField } from "../layout.tsx";
import { eventTitle, eventWhen } from "../components.tsx";

type Desk = Awaited<ReturnType<typeof listRegistrations>>;

export function DeskPage(props: { ctx: PageCtx; desk: Desk; filter: RegistrationFilter; notice?: string }) {
  const { ctx, desk, filter } = props;
  const { m, lang } = ctx;
  const e = desk.event;
  const query = qs({ q: filter.q, status: filter.status, sector: filter.sector });
  const sectorMax = Math.max(1, ...Object.values(desk.bySector));
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
        <p class="alert" role="alert">
          {props.notice}
        </p>
      ) : null}
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
      <form class="filters" method="get" action={`/admin/events/${e.id}/registrations`} role="search" aria-label={m.search}>
        <div class="row">
          <TextField ctx={ctx} tag={false} type="search" name="q" label={m.search} hint={m.searchHint} value={filter.q} />
        </div>
        <div class="row">
          <SelectField
            ctx={ctx}
            tag={false}
            name="status"
            label={m.statusLabel}
            value={filter.status ?? ""}
            options={[
              { value: "", label: m.allStatuses },
              { value: "confirmed", label: m.status.confirmed },
              { value: "waitlisted", label: m.status.waitlisted },
              { value: "cancelled", label: m.status.cancelled },
            ]}
          />
          <SelectField
            ctx={ctx}
            tag={false}
            name="sector"
            label={m.sector}
            value={filter.sector ?? ""}
            options={[{ value: "", label: m.allSectors }, ...SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[lang][s] }))]}
          />
        </div>
        <div class="actions">
          <button type="submit">{m.search}</button>
          {query ? <a href={`/admin/events/${e.id}/registrations`}>{m.clear}</a> : null}
          <a class="button secondary" href={`/api/events/${e.id}/registrations.csv${query}`} download>
            {m.exportCsv}
          </a>
        </div>
      </form>
      <p role="status">{m.showing(desk.items.length)}</p>
      {desk.items.length === 0 ? (
        <p>{m.noRegistrations}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {m.no}
                </th>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.organization}</th>
                <th scope="col">{m.sector}</th>
                <th scope="col">{m.statusLabel}</th>
                <th scope="col">{m.checkInCol}</th>
              </tr>
            </thead>
            <tbody>
              {desk.items.map((r, i) => (
                <tr id={`r-${r.id}`} data-registration={r.id}>
                  <td class="num">{i + 1}</td>
                  <th scope="row">
                    {r.name}
                    {r.nameKana ? (
                      <>
                        <br />
                        <span class="muted">{r.nameKana}</span>
                      </>
                    ) : null}
                    <br />
                    <span class="muted">{r.email}</span>
                  </th>
                  <td>{r.organization}</td>
                  <td>{SECTOR_LABELS[lang][r.sector]}</td>
                  <td>
                    {r.status === "waitlisted" && r.waitlistPosition
                      ? m.waitlistPosition(r.waitlistPosition)
                      : m.status[r.status]}
                  </td>
                  <td>
                    {r.checkedInAt ? (
                      <>
                        <span class="badge ok">{m.checkedIn}</span>
                        <br />
                        <span class="muted">{formatDateTime(new Date(r.checkedInAt), lang)}</span>
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
