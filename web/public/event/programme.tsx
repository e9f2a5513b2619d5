/**
 * An event's timetable: on a wide screen the rooms side by side, day by day; on a phone one list in
 * time order. Both are in the page; the style sheet shows the one that fits.
 */
import type { ProgrammeRoomRow as RoomRow, ProgrammeSessionRow as SessionRow } from "../../../db/schema/programme.ts";
import type { PageCtx } from "../../context.ts";
import { formatDate, formatTime } from "../../../lib/format.ts";
import { pick } from "../../i18n/domain.ts";
import { PROGRAMME_WORDS } from "../../i18n/programme.ts";
import { tokyoParts } from "../../../lib/time.ts";


type Props = { ctx: PageCtx; eventId: string; rooms: RoomRow[]; sessions: SessionRow[] };

const dayKey = (d: Date) => {
  const p = tokyoParts(d);
  return `${p.year}-${p.month}-${p.day}`;
};

function Session(props: { ctx: PageCtx; session: SessionRow; roomName: string | null }) {
  const { lang } = props.ctx;
  const t = PROGRAMME_WORDS[lang];
  const s = props.session;
  return (
    <article class="session" data-session={s.id}>
      <p class="meta">
        <span class="when">
          <time datetime={s.startsAt.toISOString()}>{formatTime(s.startsAt, lang)}</time>–
          <time datetime={s.endsAt.toISOString()}>{formatTime(s.endsAt, lang)}</time>
        </span>
        {props.roomName ? <span class="room">{props.roomName}</span> : null}
      </p>
      <h4 lang={lang === "en" && !s.titleEn ? "ja" : undefined}>{pick(lang, s.titleJa, s.titleEn)}</h4>
      {s.chairJa ? <p class="muted">{t.chair(s.chairJa)}</p> : null}
      {s.talks.length ? (
        <ul class="talks">
          {s.talks.map((talk) => (
            <li>
              <span class="talk-title" lang={lang === "en" && !talk.titleEn ? "ja" : undefined}>
                {talk.startsAt ? `${formatTime(new Date(talk.startsAt), lang)} ` : ""}
                {pick(lang, talk.titleJa, talk.titleEn)}
              </span>
              {talk.speakers.length ? (
                <span class="speakers">
                  {talk.speakers.map((sp) => (sp.affiliation ? `${sp.name}（${sp.affiliation}）` : sp.name)).join("、")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function ProgrammeSection(props: Props) {
  const { ctx, rooms, sessions } = props;
  const { lang } = ctx;
  const t = PROGRAMME_WORDS[lang];
  if (sessions.length === 0) return null;
  const roomName = (id: string | null) => {
    const r = id ? rooms.find((x) => x.id === id) : undefined;
    return r ? pick(lang, r.nameJa, r.nameEn) : null;
  };
  const days = [...new Set(sessions.map((s) => dayKey(s.startsAt)))];
  const unroomed = sessions.some((s) => s.roomId === null);
  const columns: { id: string | null; name: string }[] = [
    ...(unroomed ? [{ id: null, name: t.allRooms }] : []),
    ...rooms
      .filter((r) => sessions.some((s) => s.roomId === r.id))
      .map((r) => ({ id: r.id, name: pick(lang, r.nameJa, r.nameEn) })),
  ];
  return (
    <section id="programme" aria-labelledby="programme-title" class="programme">
      <h2 id="programme-title">{t.heading}</h2>
      {days.map((day) => {
        const today = sessions.filter((s) => dayKey(s.startsAt) === day);
        return (
          <div class="programme-day">
            {days.length > 1 ? <h3>{formatDate(today[0]!.startsAt, lang)}</h3> : null}
            <div class="tt-grid" style={`--rooms: ${columns.length}`}>
              {columns.map((col) => (
                <div class="tt-room">
                  <h4 class="tt-room-name">{col.name}</h4>
                  {today
                    .filter((s) => s.roomId === col.id)
                    .map((s) => (
                      <Session ctx={ctx} session={s} roomName={null} />
                    ))}
                </div>
              ))}
            </div>
            <div class="tt-list">
              {today.map((s) => (
                <Session ctx={ctx} session={s} roomName={roomName(s.roomId)} />
              ))}
            </div>
          </div>
        );
      })}
      <p>
        <a
          class="button secondary small"
          href={`/calendar/events/${props.eventId}/programme.ics${lang === "en" ? "?lang=en" : ""}`}
        >
          {t.subscribe}
        </a>
      </p>
    </section>
  );
}
