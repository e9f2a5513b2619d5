/** The booth page's two lists: every booth with its holder and buttons, every exhibitor with its application. */
import type { PageCtx } from "../../context.ts";
import { Csrf } from "../../ui/field.tsx";
import { SubLine, Table, type Column } from "../../ui/table.tsx";
import type { Booth, Exhibitor } from "./shared.tsx";

const preferenceText = (x: Exhibitor) => (x.preferences.length ? x.preferences.join(" › ") : "—");

export function BoothTable(props: { ctx: PageCtx; booths: Booth[]; base: string }) {
  const { ctx, booths, base } = props;
  const { m } = ctx;
  const columns: Column<Booth>[] = [
    { head: m.booth, rowHeader: true, cell: (b) => b.code },
    { head: m.sizeClass, cell: (b) => b.sizeClass },
    { head: m.zone, cell: (b) => b.zone },
    {
      head: m.exhibitorName,
      cell: (b) =>
        b.assignment ? (
          <>
            {b.assignment.name}
            <SubLine>
              {b.assignment.exhibitor} · {b.assignment.organization}
            </SubLine>
          </>
        ) : (
          <span class="muted">{m.freeBooth}</span>
        ),
    },
    { head: m.pinnedCol, cell: (b) => (b.assignment?.pinned ? <span class="badge info">{m.pinnedMark}</span> : null) },
    { head: m.actions, label: false, cell: (b) => (b.assignment ? <BoothActions ctx={ctx} base={base} booth={b} /> : null) },
  ];
  return (
    <section aria-labelledby="booths-title">
      <h2 id="booths-title">{m.boothsTable}</h2>
      <Table stack columns={columns} rows={booths} rowAttrs={(b) => ({ "data-booth-row": b.code })} />
    </section>
  );
}

/** Pin or unpin a booth's holder, or clear the booth. */
function BoothActions(props: { ctx: PageCtx; base: string; booth: Booth }) {
  const { ctx, base } = props;
  const { m } = ctx;
  const b = props.booth;
  const held = b.assignment!;
  const action = (what: string) => `${base}/${encodeURIComponent(b.code)}/${what}`;
  return (
    <span class="meta">
      <form method="post" action={action("pin")} class="inline">
        <Csrf ctx={ctx} />
        <input type="hidden" name="exhibitor" value={held.exhibitor} />
        <input type="hidden" name="pinned" value={held.pinned ? "0" : "1"} />
        <button type="submit" class="secondary small" aria-label={`${held.pinned ? m.unpin : m.pin}: ${b.code}`}>
          {held.pinned ? m.unpin : m.pin}
        </button>
      </form>
      <form method="post" action={action("clear")} class="inline">
        <Csrf ctx={ctx} />
        <input type="hidden" name="exhibitor" value={held.exhibitor} />
        <button type="submit" class="secondary small" aria-label={`${m.clearBooth}: ${b.code}`}>
          {m.clearBooth}
        </button>
      </form>
    </span>
  );
}

const statusTone = (x: Exhibitor) =>
  x.status === "assigned" ? "ok" : x.status === "unassigned" ? "warn" : x.status === "withdrawn" ? "" : "info";

export function ExhibitorTable(props: { ctx: PageCtx; exhibitors: Exhibitor[] }) {
  const { exhibitors } = props;
  const { m } = props.ctx;
  const byRef = new Map(exhibitors.map((x) => [x.ref, x]));
  const rank = (x: Exhibitor) => (x.booth ? x.preferences.indexOf(x.booth) + 1 : 0);
  const rivals = (x: Exhibitor) => x.competitors.map((r) => byRef.get(r)?.name ?? r);
  const columns: Column<Exhibitor>[] = [
    { head: m.exhibitorRef, rowHeader: true, cell: (x) => x.ref },
    {
      head: m.exhibitorName,
      cell: (x) => (
        <>
          {x.name}
          <SubLine>{x.organization}</SubLine>
          <SubLine>{rivals(x).length ? `${m.competitors}: ${rivals(x).join("、")}` : null}</SubLine>
        </>
      ),
    },
    {
      head: `${m.cluster} / ${m.field}`,
      cell: (x) => (
        <>
          {x.cluster}
          <br />
          <span class="muted">{x.field}</span>
        </>
      ),
    },
    { head: m.sizeClass, cell: (x) => x.size },
    { head: m.priority, class: "num", cell: (x) => x.priority },
    { head: m.preferences, cell: preferenceText },
    {
      head: m.statusCol,
      cell: (x) => (
        <>
          <span class={`badge ${statusTone(x)}`}>{m.exhibitorStatus[x.status]}</span>
          <SubLine>{x.reason ? (m.unassignedReason[x.reason] ?? x.reason) : null}</SubLine>
        </>
      ),
    },
    {
      head: m.booth,
      cell: (x) => (
        <>
          {x.booth ?? "—"}
          {x.pinned ? ` (${m.pinnedMark})` : ""}
          <SubLine>{rank(x) ? m.choiceRank(rank(x)) : null}</SubLine>
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="exhibitors-title">
      <h2 id="exhibitors-title">{m.exhibitorsTable}</h2>
      {exhibitors.length === 0 ? (
        <p>{m.noExhibitors}</p>
      ) : (
        <Table stack columns={columns} rows={exhibitors} rowAttrs={(x) => ({ "data-exhibitor": x.ref })} />
      )}
    </section>
  );
}
