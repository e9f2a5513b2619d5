/** The public floor map of a fair and its exhibitors. */
import type { EventRow } from "../../db/schema/index.ts";
import type { listBooths } from "../../api/booths/service/floor-plan.ts";
import type { PageCtx } from "../context.ts";
import { Layout } from "../layout.tsx";
import { eventTitle, type BlockNames } from "../components.tsx";
import { EventFacts } from "./event.tsx";

type Booth = Awaited<ReturnType<typeof listBooths>>[number];

export function FairPage(props: { ctx: PageCtx; event: EventRow; booths: Booth[]; blocks: BlockNames }) {
  const { ctx, event: e, booths } = props;
  const { m, lang } = ctx;
  const title = eventTitle(e, lang);
  const assigned = booths
    .filter((b): b is Booth & { assignment: NonNullable<Booth["assignment"]> } => b.assignment !== null)
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  return (
    <Layout ctx={ctx} title={`${m.fair} — ${title}`} section="events">
      <p>
        <a href={`/events/${e.id}`}>{title}</a>
      </p>
      <h1>{m.fair}</h1>
      <EventFacts ctx={ctx} event={e} blocks={props.blocks} />
      <section aria-labelledby="map" class="floor">
        <h2 id="map">{m.floorMap}</h2>
        {booths.length ? (
          <img src={`/api/events/${e.id}/floor-plan.svg`} alt={m.floorMapAlt(title)} loading="lazy" />
        ) : (
          <p>{m.noFloorPlan}</p>
        )}
      </section>
      <section aria-labelledby="ex">
        <h2 id="ex">{m.exhibitors}</h2>
        {assigned.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.booth}</th>
                  <th scope="col">{m.exhibitorName}</th>
                  <th scope="col">{m.organization}</th>
                  <th scope="col">{m.cluster}</th>
                  <th scope="col">{m.field}</th>
                  <th scope="col">{m.zone}</th>
                </tr>
              </thead>
              <tbody>
                {assigned.map((b) => (
                  <tr>
                    <th scope="row">{b.code}</th>
                    <td>{b.assignment.name}</td>
                    <td>{b.assignment.organization}</td>
                    <td>{b.assignment.cluster}</td>
                    <td>{b.assignment.field}</td>
                    <td>{b.zone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{m.noExhibitors}</p>
        )}
      </section>
    </Layout>
  );
}
