/** The automatic allocation's proposal: its score, the booths it changes, who stays without one, its map. */
import type { PageCtx } from "../../context.ts";
import { eventTitle } from "../../components.tsx";
import type { EventRow } from "../../../db/schema/index.ts";
import { Csrf, Layout } from "../../layout.tsx";
import { BoothMap, MapLegend, type MapBooth } from "./map.tsx";
import { boothsPath, EventHeading, named, type Allocation, type Booth, type Exhibitor } from "./shared.tsx";

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Booth by booth, who holds it now and who would hold it after the allocation, where they differ. */
export function allocationChanges(booths: Booth[], result: Allocation) {
  const proposed = new Map(result.assignments.map((a) => [a.booth, a.exhibitor]));
  return booths
    .map((b) => ({ booth: b.code, before: b.assignment?.exhibitor ?? null, after: proposed.get(b.code) ?? null }))
    .filter((row) => row.before !== row.after);
}

export function AllocationPreviewPage(props: {
  ctx: PageCtx;
  event: EventRow;
  booths: Booth[];
  exhibitors: Exhibitor[];
  result: Allocation;
  basis: string;
  stale?: boolean;
}) {
  const { ctx, event: e, booths, exhibitors, result } = props;
  const { m } = ctx;
  const base = boothsPath(e.id);
  const byRef = new Map(exhibitors.map((x) => [x.ref, x]));
  const who = (ref: string | null) => {
    if (!ref) return <span class="muted">{m.freeBooth}</span>;
    const x = byRef.get(ref);
    return x ? named(ctx, x) : ref;
  };
  const changes = allocationChanges(booths, result);
  const proposed = new Map(result.assignments.map((a) => [a.booth, a.exhibitor]));
  const pinned = new Set(booths.filter((b) => b.assignment?.pinned).map((b) => b.code));
  const active = exhibitors.filter((x) => x.status !== "withdrawn").length;
  const mapBooths: MapBooth[] = booths.map((b) => {
    const ref = proposed.get(b.code);
    const x = ref ? byRef.get(ref) : undefined;
    return { ...b, holder: ref ? { ref, name: x?.name ?? ref, pinned: pinned.has(b.code) } : null };
  });
  const s = result.score;
  return (
    <Layout ctx={ctx} title={`${m.previewTitle} — ${eventTitle(e, ctx.lang)}`} section="admin-events">
      <EventHeading ctx={ctx} event={e} title={m.previewTitle} />
      {props.stale ? (
        <div class="alert" role="alert" tabindex={-1} data-error-summary>
          <p>{m.stalePreview}</p>
        </div>
      ) : null}
      <p class="notice warn">{m.previewLead}</p>
      <section aria-labelledby="score-title">
        <h2 id="score-title">{m.score}</h2>
        <dl class="facts" data-testid="score">
          <dt>{m.scoreTotal}</dt>
          <dd data-score="total">{number(s.total)}</dd>
          <dt>{m.firstChoice}</dt>
          <dd data-score="first-choice">{m.exhibitorCount(s.firstChoice)}</dd>
          <dt>{m.top3}</dt>
          <dd data-score="top3">{m.exhibitorCount(s.top3)}</dd>
          <dt>{m.sameCluster}</dt>
          <dd data-score="same-cluster">{m.pairCount(s.sameClusterAdjacent)}</dd>
          <dt>{m.countAssigned}</dt>
          <dd data-score="placed">{m.placedOf(result.assignments.length, active)}</dd>
          <dt>{m.elapsed}</dt>
          <dd data-score="elapsed">{m.ms(Math.round(result.elapsedMs))}</dd>
        </dl>
      </section>
      <form method="post" action={`${base}/apply`} class="actions" data-once>
        <Csrf ctx={ctx} />
        <input type="hidden" name="basis" value={props.basis} />
        <button type="submit">{m.applyButton}</button>
        <a class="button secondary" href={base}>
          {m.backToBooths}
        </a>
      </form>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{m.changesTitle}</h2>
        {changes.length === 0 ? (
          <p>{m.noChanges}</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="changes">
              <thead>
                <tr>
                  <th scope="col">{m.booth}</th>
                  <th scope="col">{m.before}</th>
                  <th scope="col" aria-hidden="true"></th>
                  <th scope="col">{m.after}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((row) => (
                  <tr data-change={row.booth}>
                    <th scope="row">{row.booth}</th>
                    <td>{who(row.before)}</td>
                    <td aria-hidden="true">→</td>
                    <td>{who(row.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="muted">{m.unchangedCount(booths.length - changes.length)}</p>
      </section>
      <section aria-labelledby="unassigned-title">
        <h2 id="unassigned-title">{m.unassignedTitle}</h2>
        {result.unassigned.length === 0 ? (
          <p>{m.noneUnassigned}</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="unassigned">
              <thead>
                <tr>
                  <th scope="col">{m.exhibitorName}</th>
                  <th scope="col">{m.sizeClass}</th>
                  <th scope="col">{m.reason}</th>
                </tr>
              </thead>
              <tbody>
                {result.unassigned.map((u) => (
                  <tr data-unassigned={u.exhibitor}>
                    <th scope="row">{who(u.exhibitor)}</th>
                    <td>{byRef.get(u.exhibitor)?.size ?? ""}</td>
                    <td>{m.unassignedReason[u.reason] ?? u.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="proposed-title">
        <h2 id="proposed-title">{m.proposedMap}</h2>
        <BoothMap ctx={ctx} label={m.proposedMap} booths={mapBooths} marked={changes.map((c) => c.booth)} markAs="changed" />
        <MapLegend ctx={ctx} changes />
      </section>
    </Layout>
  );
}
