/** The public list of events, with filters, and its month view. */
import type { EventKind } from "../../../db/schema/events.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { tokyoInstant, tokyoParts } from "../../../lib/time.ts";
import { japaneseHolidayName } from "../../../api/councils/calendar-rules.ts";
import { qs, type PageCtx } from "../../context.ts";
import { fiscalYearLabel, formatDate } from "../../../lib/format.ts";
import { Layout } from "../../ui/layout.tsx";
import { Filter } from "../../ui/field.tsx";
import { EventCard, eventTitle, fyOption, type BlockInfo, type BlockNames, BlockKindFilters } from "../../ui/event.tsx";

export type HomeFilters = { block?: string; kind?: EventKind; fy?: number; q?: string };
export type MonthRef = { year: number; month: number };

function Filters(props: { ctx: PageCtx; blocks: BlockInfo[]; filters: HomeFilters; fiscalYears: number[]; month?: MonthRef }) {
  const { ctx, filters } = props;
  const { m, lang } = ctx;
  return (
    <form class="filters" method="get" action="/" role="search" aria-label={m.filters}>
      {props.month ? (
        <>
          <input type="hidden" name="view" value="month" />
          <input type="hidden" name="month" value={monthKey(props.month)} />
        </>
      ) : null}
      <Filter
        ctx={ctx}
        as="input"
        name="q"
        type="search"
        inputmode="search"
        label={m.eventSearchLabel}
        hint={m.eventSearchHint}
        value={filters.q}
      />
      <div class="row">
        <BlockKindFilters ctx={ctx} blocks={props.blocks} block={filters.block} kind={filters.kind} />
        {props.month ? null : (
          <Filter
            ctx={ctx}
            name="fy"
            label={m.fiscalYear}
            value={filters.fy === undefined ? "" : String(filters.fy)}
            all={m.upcoming}
            options={props.fiscalYears.map(fyOption(lang))}
          />
        )}
      </div>
      <div class="actions">
        <button type="submit">{m.apply}</button>
        {filters.block || filters.kind || filters.q || filters.fy !== undefined ? (
          <a href={props.month ? `/${qs({ view: "month", month: monthKey(props.month) })}` : "/"}>{m.clear}</a>
        ) : null}
      </div>
    </form>
  );
}

export const monthKey = (r: MonthRef) => `${r.year}-${String(r.month).padStart(2, "0")}`;
const shiftMonth = (r: MonthRef, by: number): MonthRef => {
  const i = r.year * 12 + (r.month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};

function ViewSwitch(props: { ctx: PageCtx; filters: HomeFilters; month?: MonthRef; current: MonthRef }) {
  const { m } = props.ctx;
  const base = { block: props.filters.block, kind: props.filters.kind, q: props.filters.q };
  return (
    <nav aria-label={m.viewSwitch} class="actions">
      <a
        class={`button small${props.month ? " secondary" : ""}`}
        href={`/${qs({ ...base, fy: props.filters.fy })}`}
        aria-current={props.month ? undefined : "page"}
      >
        {m.listView}
      </a>
      <a
        class={`button small${props.month ? "" : " secondary"}`}
        href={`/${qs({ ...base, view: "month", month: monthKey(props.month ?? props.current) })}`}
        aria-current={props.month ? "page" : undefined}
      >
        {m.monthView}
      </a>
    </nav>
  );
}

export function HomePage(props: {
  ctx: PageCtx;
  blocks: BlockInfo[];
  names: BlockNames;
  filters: HomeFilters;
  fiscalYears: number[];
  events: EventRow[];
  nextCursor: string | null;
  now: Date;
}) {
  const { ctx, filters } = props;
  const { m, lang } = ctx;
  const title = filters.fy !== undefined ? m.eventsInFy(fiscalYearLabel(filters.fy, lang)) : m.upcomingTitle;
  const p = tokyoParts(props.now);
  return (
    <Layout ctx={ctx} title={title} section="events">
      <h1>{title}</h1>
      <ViewSwitch ctx={ctx} filters={filters} current={{ year: p.year, month: p.month }} />
      <Filters ctx={ctx} blocks={props.blocks} filters={filters} fiscalYears={props.fiscalYears} />
      {props.events.length === 0 ? (
        <p>{m.noEvents}</p>
      ) : (
        <ul class="events">
          {props.events.map((e) => (
            <EventCard ctx={ctx} event={e} now={props.now} blocks={props.names} />
          ))}
        </ul>
      )}
      {props.nextCursor ? (
        <p>
          <a class="button secondary" href={`/${qs({ ...filters, cursor: props.nextCursor })}`}>
            {m.more}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

const DAY_MS = 86_400_000;

/** Whether an event takes place (at least partly) on a Tokyo day. */
function onDay(e: EventRow, dayStart: Date): boolean {
  const s = e.startsAt.getTime();
  const end = e.endsAt.getTime();
  const a = dayStart.getTime();
  const b = a + DAY_MS;
  return s < b && (end > a || (s >= a && end <= s));
}

export function MonthPage(props: {
  ctx: PageCtx;
  blocks: BlockInfo[];
  filters: HomeFilters;
  month: MonthRef;
  events: EventRow[];
  now: Date;
}) {
  const { ctx, month, filters } = props;
  const { m, lang } = ctx;
  const title = m.monthTitle(month.year, month.month);
  const first = tokyoInstant(month.year, month.month, 1);
  const lead = tokyoParts(first).weekday;
  const days = tokyoParts(new Date(tokyoInstant(month.year, month.month + 1, 1).getTime() - 1)).day;
  const today = tokyoParts(props.now);
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const prev = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const link = (r: MonthRef) => `/${qs({ view: "month", month: monthKey(r), block: filters.block, kind: filters.kind })}`;
  const wdClass = (i: number) => (i === 0 ? "sun" : i === 6 ? "sat" : "");
  return (
    <Layout ctx={ctx} title={title} section="events">
      <h1>{title}</h1>
      <ViewSwitch ctx={ctx} filters={filters} month={month} current={month} />
      <Filters ctx={ctx} blocks={props.blocks} filters={filters} fiscalYears={[]} month={month} />
      <div class="month-nav">
        <a class="button secondary small" href={link(prev)} rel="prev">
          <span aria-hidden="true">←</span> {m.prevMonth}
        </a>
        <a class="button secondary small" href={link(next)} rel="next">
          {m.nextMonth} <span aria-hidden="true">→</span>
        </a>
      </div>
      <table class="month">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {m.weekdays.map((w, i) => (
              <th scope="col" class={wdClass(i)}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((d, i) => {
                if (d === null) return <td class="out"></td>;
                const dayStart = tokyoInstant(month.year, month.month, d);
                const list = props.events.filter((e) => onDay(e, dayStart));
                const isToday = today.year === month.year && today.month === month.month && today.day === d;
                const holiday = japaneseHolidayName(month.year, month.month, d);
                const cls = [wdClass(i), holiday ? "holiday" : "", isToday ? "today" : "", list.length ? "" : "empty"]
                  .filter(Boolean)
                  .join(" ");
                return (
                  <td class={cls || undefined} aria-current={isToday ? "date" : undefined}>
                    <span class="day">
                      <span class="num" aria-hidden="true">
                        {d}
                      </span>
                      <span class="full">{formatDate(dayStart, lang)}</span>
                    </span>
                    {holiday ? <span class="holiday-name">{lang === "en" ? holiday.en : holiday.ja}</span> : null}
                    {list.length ? (
                      <ul>
                        {list.map((e) => {
                          const s = tokyoParts(e.startsAt);
                          const startsToday =
                            dayStart.getTime() <= e.startsAt.getTime() && e.startsAt.getTime() < dayStart.getTime() + DAY_MS;
                          const time = !e.allDay && startsToday ? `${s.hour}:${String(s.minute).padStart(2, "0")} ` : "";
                          return (
                            <li class={e.status === "cancelled" ? "cancelled" : undefined}>
                              {time}
                              <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
                              {e.status === "cancelled" ? ` (${m.cancelledBadge})` : ""}
                            </li>
                          );
                        })}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {props.events.length === 0 ? <p>{m.noEvents}</p> : null}
    </Layout>
  );
}
