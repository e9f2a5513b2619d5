/** Every public iCalendar feed with its subscribe links. */
import type { listCalendars } from "../../../api/calendar/service.ts";
import type { PageCtx } from "../../context.ts";
import { Layout } from "../../ui/layout.tsx";
import { CopyField } from "../../ui/field.tsx";
import { Notice } from "../../ui/notice.tsx";

export type CalendarLink = Awaited<ReturnType<typeof listCalendars>>[number];

function FeedItem(props: { ctx: PageCtx; feed: CalendarLink }) {
  const { ctx, feed } = props;
  const { m, lang } = ctx;
  const name = lang === "en" ? feed.nameEn : feed.nameJa;
  const id = `feed-${feed.id.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <li class="panel" data-feed={feed.id}>
      <h3 id={`${id}-name`}>{name}</h3>
      <p class="actions">
        <a class="button secondary small" href={feed.webcalUrl} aria-describedby={`${id}-name`} data-subscribe="webcal">
          {m.subscribe}
        </a>
        <a
          class="button secondary small"
          href={feed.googleUrl}
          rel="noopener noreferrer"
          target="_blank"
          aria-describedby={`${id}-name`}
          data-subscribe="google"
        >
          {m.googleSubscribe}
        </a>
      </p>
      <CopyField
        ctx={ctx}
        id={id}
        label={lang === "en" ? `${m.feedAddress} (${name})` : `${m.feedAddress}（${name}）`}
        value={feed.url}
      />
    </li>
  );
}

export function CalendarPage(props: { ctx: PageCtx; feeds: CalendarLink[] }) {
  const { ctx, feeds } = props;
  const { m } = ctx;
  const groups: [string, CalendarLink[]][] = [
    [m.allFeeds, feeds.filter((f) => f.id === "all")],
    [m.blockFeeds, feeds.filter((f) => f.id.startsWith("block:"))],
    [m.kindFeeds, feeds.filter((f) => f.id.startsWith("kind:"))],
  ];
  return (
    <Layout ctx={ctx} title={m.calendarTitle} section="calendar">
      <h1>{m.calendarTitle}</h1>
      <p>{m.calendarLead}</p>
      <Notice>{m.personalFeedNote}</Notice>
      {groups.map(([title, list], i) => (
        <section aria-labelledby={`g${i}`}>
          <h2 id={`g${i}`}>{title}</h2>
          <ul class="events">
            {list.map((f) => (
              <FeedItem ctx={ctx} feed={f} />
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
