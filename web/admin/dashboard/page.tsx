/** The fiscal year at a glance: block council meetings of each block in scope, and what comes next. */
import type { ComplianceRow, PlanNotes } from "../../../api/councils/service.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { qs, type PageCtx } from "../../context.ts";
import { fiscalYearLabel, formatDate } from "../../../lib/format.ts";
import { tokyoInstant } from "../../../lib/time.ts";
import { Layout } from "../../ui/layout.tsx";
import { eventTitle, eventWhen, EventBadges } from "../../ui/event.tsx";
import { Notice } from "../../ui/notice.tsx";
import { Filter } from "../../ui/field.tsx";
import { fyOption } from "../../ui/event.tsx";

const BAR_W = 224;
const BAR_H = 22;

/** One stacked bar: held (solid), scheduled (lighter), planned (dashed outline); a tick marks the minimum. */
function Bar(props: { row: ComplianceRow; scale: number; label: string }) {
  const { row, scale } = props;
  const unit = BAR_W / scale;
  const parts = [
    { n: row.held, fill: "#0b4f8a", stroke: "#0b4f8a", dash: undefined },
    { n: row.scheduled, fill: "#3f8fd2", stroke: "#0b4f8a", dash: undefined },
    { n: row.planned, fill: "#ffffff", stroke: "#4a4a4a", dash: "4 3" },
  ];
  let x = 0;
  return (
    <svg
      class="bar"
      viewBox={`0 0 ${BAR_W + 2} ${BAR_H + 2}`}
      role="img"
      aria-label={props.label}
      preserveAspectRatio="xMinYMid meet"
    >
      <rect x="1" y="1" width={BAR_W} height={BAR_H} fill="#f3f5f7" stroke="#b7bec6" />
      {parts.map((p) => {
        if (p.n <= 0) return null;
        const r = (
          <rect
            x={1 + x}
            y="3"
            width={p.n * unit}
            height={BAR_H - 4}
            fill={p.fill}
            stroke={p.stroke}
            stroke-width="1.5"
            stroke-dasharray={p.dash}
          />
        );
        x += p.n * unit;
        return r;
      })}
      <line x1={1 + row.min * unit} x2={1 + row.min * unit} y1="0" y2={BAR_H + 2} stroke="#1b1b1b" stroke-width="2" />
    </svg>
  );
}

export function DashboardPage(props: {
  ctx: PageCtx;
  fiscalYear: number;
  rows: ComplianceRow[];
  upcoming: EventRow[];
  now: Date;
  currentFy: number;
  planNotes?: PlanNotes | null;
}) {
  const { ctx, rows, fiscalYear } = props;
  const { m, lang } = ctx;
  const fyText = fiscalYearLabel(fiscalYear, lang);
  const title = m.dashboardTitle(fyText);
  const behind = rows.filter((r) => r.status === "behind").length;
  const inScope = new Set(rows.map((r) => r.block));
  const shortfalls = (props.planNotes?.shortfalls ?? []).filter((s) => inScope.has(s.blockCode));
  const shortfallOf = (code: string) => shortfalls.find((s) => s.blockCode === code);
  const plannedFrom = props.planNotes?.plannedFrom;
  const nameOf = (code: string) => {
    const r = rows.find((x) => x.block === code);
    return r ? (lang === "en" ? r.nameEn : r.nameJa) : code;
  };
  const dayText = (key: string) => {
    const [y, mo, d] = key.split("-").map(Number) as [number, number, number];
    return formatDate(tokyoInstant(y, mo, d), lang);
  };
  const scale = Math.max(3, ...rows.map((r) => r.held + r.scheduled + r.planned));
  const fyOptions: number[] = [];
  for (let fy = props.currentFy + 1; fy >= 2003; fy--) fyOptions.push(fy);
  return (
    <Layout ctx={ctx} title={title} section="dashboard">
      <h1>{title}</h1>
      <div class="fy-nav">
        <a class="button secondary small" href={`/admin${qs({ fy: fiscalYear - 1 })}`}>
          <span aria-hidden="true">←</span> {m.prevFy}
        </a>
        <a class="button secondary small" href={`/admin${qs({ fy: fiscalYear + 1 })}`}>
          {m.nextFy} <span aria-hidden="true">→</span>
        </a>
        <form method="get" action="/admin">
          <Filter ctx={ctx} name="fy" label={m.fiscalYear} value={String(fiscalYear)} options={fyOptions.map(fyOption(lang))} />
          <button type="submit" class="small">
            {m.showFy}
          </button>
        </form>
      </div>
      <p>{m.dashboardLead}</p>
      {rows.length === 0 ? (
        <Notice>{m.noBlocksInScope}</Notice>
      ) : (
        <>
          <p class={behind ? "notice warn" : "notice ok"}>
            <strong>{m.behindCount(behind)}</strong>
          </p>
          {shortfalls.length > 0 && plannedFrom ? (
            <Notice tone="warn" block id="plan-shortfalls">
              <p>{m.planMadeLate(dayText(plannedFrom))}</p>
              <ul>
                {shortfalls.map((s) => (
                  <li data-block={s.blockCode}>
                    {nameOf(s.blockCode)}：{m.planShortfall(s.planned, s.cadence)}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          {(props.planNotes?.warnings ?? []).map((w) => (
            <Notice tone="warn" id="plan-holidays-unknown">
              {m.planHolidaysUnknown(w.years.join(lang === "en" ? ", " : "・"))}
            </Notice>
          ))}
          <ul class="legend" aria-hidden="true">
            <li>
              <span class="swatch held"></span>
              {m.held}
            </li>
            <li>
              <span class="swatch scheduled"></span>
              {m.scheduled}
            </li>
            <li>
              <span class="swatch planned"></span>
              {m.planned}
            </li>
            <li>
              <span class="swatch minimum"></span>
              {m.minimumMark}
            </li>
          </ul>
          <div class="table-wrap">
            <table class="stack">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.block}</th>
                  <th scope="col" class="num">
                    {m.held}
                  </th>
                  <th scope="col" class="num">
                    {m.scheduled}
                  </th>
                  <th scope="col" class="num">
                    {m.planned}
                  </th>
                  <th scope="col">{m.target}</th>
                  <th scope="col">{m.state}</th>
                  <th scope="col">
                    <span class="visually-hidden">
                      {m.held}・{m.scheduled}・{m.planned}
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const name = lang === "en" ? r.nameEn : r.nameJa;
                  return (
                    <tr class={r.status === "behind" ? "behind" : undefined} data-block={r.block}>
                      <th scope="row">
                        <a href={`/admin/events${qs({ fy: fiscalYear, block: r.block, kind: "block_council" })}`}>{name}</a>{" "}
                        <a
                          class="muted small"
                          href={`/clusters${qs({ block: r.block })}`}
                          aria-label={m.blockClustersLabel(name)}
                        >
                          {m.navClusters}
                        </a>
                      </th>
                      <td class="num" data-label={m.held}>
                        {r.held}
                      </td>
                      <td class="num" data-label={m.scheduled}>
                        {r.scheduled}
                      </td>
                      <td class="num" data-label={m.planned}>
                        {r.planned}
                      </td>
                      <td data-label={m.target}>{m.targetRange(r.min, r.max)}</td>
                      <td data-label={m.state}>
                        {r.status === "behind" ? (
                          <span class="badge warn">
                            <span aria-hidden="true">⚠ </span>
                            {m.behind}
                          </span>
                        ) : r.status === "over" ? (
                          <span class="badge info">{m.over}</span>
                        ) : (
                          <span class="badge ok">{m.ok}</span>
                        )}
                        {shortfallOf(r.block) ? (
                          <span class="badge warn plan-short">
                            {m.planShortfall(shortfallOf(r.block)!.planned, shortfallOf(r.block)!.cadence)}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <Bar row={r} scale={scale} label={m.chartLabel(name, r.held, r.scheduled, r.planned)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{m.upcomingInScope}</h2>
      {props.upcoming.length === 0 ? (
        <p>{m.noEvents}</p>
      ) : (
        <ul class="events">
          {props.upcoming.map((e) => (
            <li class="event-card">
              <p class="meta">
                <span class="when">{eventWhen(e, lang)}</span>
                <EventBadges ctx={ctx} event={e} now={props.now} />
              </p>
              <h3>
                <a href={`/admin/events/${e.id}/registrations`}>{eventTitle(e, lang)}</a>
              </h3>
              <p class="meta">
                <a href={`/admin/events/${e.id}/edit`}>{m.edit}</a>
                <a href={`/admin/events/${e.id}/registrations`}>{m.desk}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
