/** Pieces of event pages shared by the public and organiser sides. */
import type { EventRow } from "../../db/schema/index.ts";
import { registrationClosedReason } from "../../api/registrations/service.ts";
import type { PageCtx } from "../context.ts";
import { fiscalYearLabel, formatEventWhen, type Lang } from "../../lib/format.ts";
import { prefectureName } from "../../lib/prefectures.ts";
import { kindLabel, pick } from "../i18n/domain.ts";
import { Filter } from "./field.tsx";
import { EVENT_KINDS } from "../../db/schema/events.ts";
import { SITE_WORDS } from "../i18n/site.ts";

export type BlockInfo = { code: string; nameJa: string; nameEn: string };
export type BlockNames = Map<string, BlockInfo>;

export function blockNames(list: BlockInfo[]): BlockNames {
  return new Map(list.map((b) => [b.code, b]));
}

export function blockLabel(code: string | null, blocks: BlockNames, lang: Lang): string | null {
  if (!code) return null;
  const b = blocks.get(code);
  if (!b) return code;
  return SITE_WORDS[lang].blockName(pick(lang, b.nameJa, b.nameEn));
}

export const eventTitle = (e: EventRow, lang: Lang) => pick(lang, e.titleJa, e.titleEn);
/** The venue in the page's language: English pages show venueEn where there is one. */
export const eventVenue = (e: Pick<EventRow, "venue" | "venueEn">, lang: Lang) =>
  lang === "en" && e.venueEn ? e.venueEn : e.venue;
export const eventWhen = (e: EventRow, lang: Lang) => formatEventWhen(e, lang);

/** Status and seats as words (never colour alone). */
export function EventBadges(props: { ctx: PageCtx; event: EventRow; now: Date }) {
  const { m } = props.ctx;
  const e = props.event;
  if (e.status === "cancelled") return <span class="badge bad">{m.cancelledBadge}</span>;
  if (e.status === "planned") return <span class="badge info">{m.plannedBadge}</span>;
  if (props.now.getTime() >= e.endsAt.getTime()) return <span class="badge">{m.endedBadge}</span>;
  const closed = registrationClosedReason(e, props.now);
  if (closed?.slug === "registration-closed") return <span class="badge">{m.closedBadge}</span>;
  const notOpen = closed?.slug === "registration-not-open";
  const seats =
    e.capacity === null ? null : e.capacity - e.confirmedCount > 0 ? (
      <span class="badge ok">{m.seatsLeft(e.capacity - e.confirmedCount)}</span>
    ) : (
      <span class="badge warn">{m.fullBadge}</span>
    );
  return (
    <>
      {notOpen ? <span class="badge">{m.notOpenBadge}</span> : null}
      {seats}
    </>
  );
}

export function EventCard(props: { ctx: PageCtx; event: EventRow; now: Date; blocks: BlockNames }) {
  const { ctx, event: e } = props;
  const { lang } = ctx;
  const place = [e.venue, e.prefecture].filter(Boolean).join("（") + (e.venue && e.prefecture ? "）" : "");
  const placeEn = [eventVenue(e, "en"), prefectureName(e.prefecture, "en")].filter(Boolean).join(", ");
  return (
    <li class={`event-card${e.status === "cancelled" ? " cancelled" : ""}`}>
      <p class="meta">
        <span class="when">{eventWhen(e, lang)}</span>
        <EventBadges ctx={ctx} event={e} now={props.now} />
      </p>
      <h2>
        <a href={`/events/${e.id}`}>{eventTitle(e, lang)}</a>
      </h2>
      <p class="meta">
        <span>{kindLabel(e.kind, lang)}</span>
        {blockLabel(e.blockCode, props.blocks, lang) ? <span>{blockLabel(e.blockCode, props.blocks, lang)}</span> : null}
        {e.venue || e.prefecture ? <span>{lang === "en" ? placeEn : place}</span> : null}
        <span>{fiscalYearLabel(e.fiscalYear, lang)}</span>
      </p>
    </li>
  );
}

/** The blocks as a select's options, in the page's language. */
export const blockOptions = (blocks: BlockInfo[], lang: Lang) =>
  blocks.map((b) => ({ value: b.code, label: lang === "en" ? b.nameEn : b.nameJa }));

const kindOptions = (lang: Lang) => EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }));

/** The block filter of a list ("all blocks" or one), for the event lists and the cluster directory. */
export function BlockFilter(props: { ctx: PageCtx; blocks: BlockInfo[]; block?: string }) {
  const { ctx } = props;
  const { m, lang } = ctx;
  const options = blockOptions(props.blocks, lang);
  return <Filter ctx={ctx} name="block" label={m.block} value={props.block} all={m.allBlocks} options={options} />;
}

/** The block and kind filters of an event list, shared by the public list and the organisers' list. */
export function BlockKindFilters(props: { ctx: PageCtx; blocks: BlockInfo[]; block?: string; kind?: string }) {
  const { ctx } = props;
  const { m, lang } = ctx;
  return (
    <>
      <BlockFilter ctx={ctx} blocks={props.blocks} block={props.block} />
      <Filter ctx={ctx} name="kind" label={m.kind} value={props.kind} all={m.allKinds} options={kindOptions(lang)} />
    </>
  );
}

/** A fiscal year as the selector names it: 2026年度（2026） / FY2026. */
export const fyOption = (lang: PageCtx["lang"]) => (fy: number) => ({
  value: String(fy),
  label: lang === "ja" ? `${fiscalYearLabel(fy, "ja")}（${fy}）` : fiscalYearLabel(fy, "en"),
});
