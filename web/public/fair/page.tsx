/** The public floor map of a fair and its exhibitors, searchable by name, field and cluster without script. */
import type { EventRow } from "../../../db/schema/index.ts";
import type { listBooths } from "../../../api/booths/service/floor-plan.ts";
import { searchKey } from "../../../api/lib/kana.ts";
import type { PageCtx } from "../../context.ts";
import { Layout } from "../../ui/layout.tsx";
import { eventTitle, type BlockNames } from "../../ui/event.tsx";
import { EventFacts } from "../event/page.tsx";
import { boothAnchor, FairMap, FieldLegend, type FairBooth } from "./map.tsx";
import { ExhibitorCall } from "../apply/call.tsx";
import { filterFields } from "../../ui/field.tsx";

type Booth = Awaited<ReturnType<typeof listBooths>>[number];
export type FairQuery = { q: string; field: string; cluster: string };
type Taken = FairBooth & { assignment: NonNullable<FairBooth["assignment"]> };

/** Only what the public may see of a booth: no pinning, no exhibitor refs. */
const publicBooth = (b: Booth): FairBooth => ({
  code: b.code,
  x: b.x,
  y: b.y,
  w: b.w,
  h: b.h,
  zone: b.zone,
  assignment: b.assignment
    ? {
        name: b.assignment.name,
        organization: b.assignment.organization,
        cluster: b.assignment.cluster,
        field: b.assignment.field,
      }
    : null,
});

/** Every word of q in the booth's code, exhibitor or organisation (kana, width, case and spaces alike), field and cluster exact. */
function matches(b: Taken, query: FairQuery): boolean {
  if (query.field && b.assignment.field !== query.field) return false;
  if (query.cluster && b.assignment.cluster !== query.cluster) return false;
  const hay = searchKey(
    [b.code, b.assignment.name, b.assignment.organization, b.assignment.cluster, b.assignment.field, b.zone].join(" "),
  );
  return query.q
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .every((w) => hay.includes(searchKey(w)));
}

const sorted = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, "ja"));

const asOption = (v: string) => ({ value: v, label: v });

export function FairPage(props: {
  ctx: PageCtx;
  event: EventRow;
  booths: Booth[];
  blocks: BlockNames;
  query: FairQuery;
  now?: Date;
}) {
  const { ctx, event: e, query } = props;
  const { m, lang } = ctx;
  const title = eventTitle(e, lang);
  const booths = props.booths.map(publicBooth);
  const assigned = booths
    .filter((b): b is Taken => b.assignment !== null)
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  const searching = Boolean(query.q || query.field || query.cluster);
  const shown = searching ? assigned.filter((b) => matches(b, query)) : assigned;
  const hits = searching ? new Set(shown.map((b) => b.code)) : null;
  const fields = sorted(assigned.map((b) => b.assignment.field));
  const clusters = sorted(assigned.map((b) => b.assignment.cluster));
  const Q = filterFields(ctx, query);
  return (
    <Layout ctx={ctx} title={`${m.fair} — ${title}`} section="events">
      <p>
        <a href={`/events/${e.id}`}>{title}</a>
      </p>
      <h1>{m.fair}</h1>
      <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
      {props.now ? <ExhibitorCall ctx={ctx} event={e} now={props.now} /> : null}
      {assigned.length ? (
        <form method="get" action={`/fair/${e.id}`} class="panel fair-search" role="search" aria-labelledby="fair-search-title">
          <h2 id="fair-search-title">{m.fairSearchTitle}</h2>
          <Q as="input" type="search" name="q" label={m.fairSearchLabel} hint={m.fairSearchHint} />
          <Q name="field" label={m.field} all={m.fairFieldAll} options={fields.map(asOption)} />
          <Q name="cluster" label={m.cluster} all={m.fairClusterAll} options={clusters.map(asOption)} />
          <div class="actions">
            <button type="submit">{m.fairSearchButton}</button>
            {searching ? <a href={`/fair/${e.id}`}>{m.fairSearchClear}</a> : null}
          </div>
        </form>
      ) : null}
      <div class="fair-layout">
        <section aria-labelledby="map" class="floor">
          <h2 id="map">{m.floorMap}</h2>
          {booths.length ? (
            <>
              <p class="hint">{m.fairMapHint}</p>
              <FairMap ctx={ctx} booths={booths} hits={hits} title={m.floorMapAlt(title)} />
              <FieldLegend booths={booths} />
            </>
          ) : (
            <p>{m.noFloorPlan}</p>
          )}
        </section>
        <section aria-labelledby="ex" class="fair-list">
          <h2 id="ex">{m.exhibitors}</h2>
          {searching ? (
            <p role="status" data-testid="fair-found">
              {m.fairFound(shown.length, assigned.length)}
            </p>
          ) : null}
          {shown.length ? (
            <ul class="exhibitor-cards" data-testid="fair-exhibitors">
              {shown.map((b) => (
                <li id={boothAnchor(b.code)} data-booth={b.code}>
                  <strong class="code">{b.code}</strong> <span class="name">{b.assignment.name}</span>
                  <br />
                  <span class="muted">
                    {b.assignment.organization} · {b.assignment.cluster} · {b.assignment.field} · {m.zone} {b.zone}
                  </span>
                  <br />
                  <a href="#map">{m.fairOnMap}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{searching ? m.fairNone : m.noExhibitors}</p>
          )}
        </section>
      </div>
    </Layout>
  );
}
