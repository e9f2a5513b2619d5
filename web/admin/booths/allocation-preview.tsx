/** The automatic allocation's proposal: its score, the booths it changes, who stays without one, its map. */
import type { PageCtx } from "../../context.ts";
import { eventTitle } from "../../ui/event.tsx";
import type { EventRow } from "../../../db/schema/index.ts";
import { Layout } from "../../ui/layout.tsx";
import { Table } from "../../ui/table.tsx";
import { Csrf } from "../../ui/field.tsx";
import { BoothMap, MapLegend, type MapBooth } from "./map.tsx";
import { boothsPath, EventHeading, named, type Allocation, type Booth, type Exhibitor } from "./shared.tsx";
import { Notice } from "../../ui/notice.tsx";

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Booth by booth, who holds it now and who would hold it after the allocation, where they differ. */
function allocationChanges(booths: Booth[], result: Allocation) {
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
        <Notice tone="alert" block focus>
          <p>{m.stalePreview}</p>
        </Notice>
      ) : null}
      <Notice tone="warn">{m.previewLead}</Notice>
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
          <Table
            testid="changes"
            rows={changes}
            rowAttrs={(row) => ({ "data-change": row.booth })}
            columns={[
              { head: m.booth, rowHeader: true, cell: (row) => row.booth },
              { head: m.before, cell: (row) => who(row.before) },
              { head: "", hidden: true, cell: () => "→" },
              { head: m.after, cell: (row) => who(row.after) },
            ]}
          />
        )}
        <p class="muted">{m.unchangedCount(booths.length - changes.length)}</p>
      </section>
      <section aria-labelledby="unassigned-title">
        <h2 id="unassigned-title">{m.unassignedTitle}</h2>
        {result.unassigned.length === 0 ? (
          <p>{m.noneUnassigned}</p>
        ) : (
          <Table
            testid="unassigned"
            rows={result.unassigned}
            rowAttrs={(u) => ({ "data-unassigned": u.exhibitor })}
            columns={[
              { head: m.exhibitorName, rowHeader: true, cell: (u) => who(u.exhibitor) },
              { head: m.sizeClass, cell: (u) => byRef.get(u.exhibitor)?.size ?? "" },
              { head: m.reason, cell: (u) => m.unassignedReason[u.reason] ?? u.reason },
            ]}
          />
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
