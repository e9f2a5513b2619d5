/**
 * The organisers' booth page of a fair: the floor map, manual assignment, pinning, and the
 * automatic allocation's preview. Every control is a plain form; app.js only adds map clicks.
 */
import type { runAllocation } from "../../api/booths/service/allocation.ts";
import type { listExhibitors } from "../../api/booths/service/exhibitors.ts";
import type { listBooths } from "../../api/booths/service/floor-plan.ts";
import type { EventRow } from "../../db/schema/index.ts";
import type { PageCtx } from "../context.ts";
import { eventTitle, eventWhen } from "../components.tsx";
import { Csrf, ErrorSummary, Layout, type Errors } from "../layout.tsx";

export type Booth = Awaited<ReturnType<typeof listBooths>>[number];
export type Exhibitor = Awaited<ReturnType<typeof listExhibitors>>[number];
export type Allocation = Awaited<ReturnType<typeof runAllocation>>;
export type AssignValues = { exhibitor: string; booth: string; pinned: boolean };

type Holder = { ref: string; name: string; pinned: boolean };
type MapBooth = Pick<Booth, "code" | "x" | "y" | "w" | "h" | "sizeClass"> & { holder: Holder | null };

const boothsPath = (eventId: string) => `/admin/events/${eventId}/booths`;
const named = (ctx: PageCtx, x: { name: string; ref: string }) => ctx.m.exhibitorNamed(x.name, x.ref);
const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const holderOf = (b: Booth): Holder | null =>
  b.assignment ? { ref: b.assignment.exhibitor, name: b.assignment.name, pinned: b.assignment.pinned } : null;

/**
 * The hall drawn as a CSS grid, one element per booth placed and sized by its grid units. On the
 * main page each booth is a link that preselects it in the assignment form (app.js does the same
 * without a reload); on the preview it is plain text.
 */
function BoothMap(props: {
  ctx: PageCtx;
  booths: MapBooth[];
  label: string;
  linkTo?: string;
  selected?: string;
  /** Booths to outline: those in a conflict, or those the proposal changes. */
  marked?: string[];
  markAs?: "conflict" | "changed";
}) {
  const { ctx, booths } = props;
  const { m } = ctx;
  const minX = Math.min(...booths.map((b) => b.x));
  const minY = Math.min(...booths.map((b) => b.y));
  const cols = Math.max(...booths.map((b) => b.x + b.w)) - minX;
  const rows = Math.max(...booths.map((b) => b.y + b.h)) - minY;
  const marked = new Set(props.marked ?? []);
  const markAs = props.markAs ?? "conflict";
  return (
    <div class="boothmap-wrap">
      <div
        class="boothmap"
        role="group"
        aria-label={props.label}
        style={`grid-template-columns:repeat(${cols},var(--cell));grid-template-rows:repeat(${rows},var(--cell))`}
      >
        {booths.map((b) => {
          const cls = ["booth", b.holder ? "taken" : "free", b.holder?.pinned ? "pinned" : "", marked.has(b.code) ? markAs : ""]
            .filter(Boolean)
            .join(" ");
          const style = `grid-column:${b.x - minX + 1} / span ${b.w};grid-row:${b.y - minY + 1} / span ${b.h}`;
          const title = b.holder
            ? `${b.code} (${b.sizeClass}): ${b.holder.name} (${b.holder.ref})`
            : `${b.code} (${b.sizeClass}): ${m.freeBooth}`;
          const body = (
            <>
              <span class="code">{b.code}</span>
              <span class="who">{b.holder ? b.holder.name : m.freeBooth}</span>
              {b.holder?.pinned ? <span class="pin">{m.pinnedMark}</span> : null}
              {marked.has(b.code) ? (
                <span class="visually-hidden">{markAs === "conflict" ? m.conflictMark : m.changedMark}</span>
              ) : null}
            </>
          );
          return props.linkTo ? (
            <a
              class={cls}
              style={style}
              title={title}
              href={`${props.linkTo}?booth=${encodeURIComponent(b.code)}#assign`}
              data-booth={b.code}
              aria-current={props.selected === b.code ? "true" : undefined}
            >
              {body}
            </a>
          ) : (
            <div class={cls} style={style} title={title} data-booth={b.code}>
              {body}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function MapLegend(props: { ctx: PageCtx; selectable?: boolean; changes?: boolean }) {
  const { m } = props.ctx;
  return (
    <ul class="legend" aria-hidden="true">
      <li>
        <span class="swatch booth-free"></span>
        {m.freeBooth}
      </li>
      <li>
        <span class="swatch booth-taken"></span>
        {m.countAssigned}
      </li>
      <li>
        <span class="swatch booth-pinned"></span>
        {m.pinnedMark}
      </li>
      {props.changes ? (
        <li>
          <span class="swatch booth-changed"></span>
          {m.changedMark}
        </li>
      ) : null}
      {props.selectable ? (
        <li>
          <span class="swatch booth-selected"></span>
          {m.selectedMark}
        </li>
      ) : null}
    </ul>
  );
}

function EventHeading(props: { ctx: PageCtx; event: EventRow; title: string }) {
  const { ctx, event: e } = props;
  return (
    <>
      <p>
        <a href="/admin/events">{ctx.m.eventsAdminTitle}</a>
      </p>
      <h1>{props.title}</h1>
      <p>
        <strong>{eventTitle(e, ctx.lang)}</strong>
        <br />
        {eventWhen(e, ctx.lang)}
        <br />
        <a href={`/fair/${e.id}`}>{ctx.m.publicFairPage}</a>
      </p>
    </>
  );
}

const preferenceText = (x: Exhibitor) => (x.preferences.length ? x.preferences.join(" › ") : "—");

export function BoothsPage(props: {
  ctx: PageCtx;
  event: EventRow;
  booths: Booth[];
  exhibitors: Exhibitor[];
  form: AssignValues;
  errors?: Errors;
  notice?: string;
  alert?: string;
  marked?: string[];
}) {
  const { ctx, event: e, booths, exhibitors, form } = props;
  const { m } = ctx;
  const base = boothsPath(e.id);
  const active = exhibitors.filter((x) => x.status !== "withdrawn");
  const assigned = booths.filter((b) => b.assignment).length;
  const byRef = new Map(exhibitors.map((x) => [x.ref, x]));
  return (
    <Layout ctx={ctx} title={`${m.boothsTitle} — ${eventTitle(e, ctx.lang)}`} section="admin-events">
      <EventHeading ctx={ctx} event={e} title={m.boothsTitle} />
      {props.notice ? (
        <p class="notice ok" role="status" id="status">
          {props.notice}
        </p>
      ) : null}
      {props.alert ? (
        <div class="alert" role="alert" tabindex={-1} data-error-summary id="conflict">
          <h2>{m.conflictTitle}</h2>
          <p>{props.alert}</p>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} labels={{ exhibitor: m.exhibitorSelect, booth: m.boothSelect }} />
      <ul class="counts">
        <li>
          {m.countBooths}
          <strong>{booths.length}</strong>
        </li>
        <li>
          {m.countAssigned}
          <strong data-testid="assigned-count">{assigned}</strong>
        </li>
        <li>
          {m.countFree}
          <strong>{booths.length - assigned}</strong>
        </li>
        <li>
          {m.countExhibitors}
          <strong>{active.length}</strong>
        </li>
        <li>
          {m.countUnplaced}
          <strong>{active.filter((x) => !x.booth).length}</strong>
        </li>
      </ul>

      {booths.length === 0 ? (
        <p class="notice">{m.noBooths}</p>
      ) : (
        <div class="booth-layout">
          <section class="form-col" id="assign" aria-labelledby="assign-title">
            <h2 id="assign-title">{m.assignTitle}</h2>
            <form method="post" action={`${base}/assign`} class="panel" data-once>
              <Csrf ctx={ctx} />
              <p class="hint">{m.assignHint}</p>
              <div class="field">
                <label for="f-exhibitor">{m.exhibitorSelect}</label>
                {props.errors?.exhibitor ? (
                  <span class="error-text" id="f-exhibitor-error">
                    {props.errors.exhibitor}
                  </span>
                ) : null}
                <select
                  id="f-exhibitor"
                  name="exhibitor"
                  aria-invalid={props.errors?.exhibitor ? "true" : undefined}
                  aria-describedby={props.errors?.exhibitor ? "f-exhibitor-error" : undefined}
                >
                  <option value="" selected={!form.exhibitor}>
                    {m.choose}
                  </option>
                  {active.map((x) => (
                    <option value={x.ref} selected={x.ref === form.exhibitor}>
                      {`${x.ref} — ${x.name} — ${x.size}${x.booth ? ` (${m.current(x.booth)})` : ""}`}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="f-booth">{m.boothSelect}</label>
                {props.errors?.booth ? (
                  <span class="error-text" id="f-booth-error">
                    {props.errors.booth}
                  </span>
                ) : null}
                <select
                  id="f-booth"
                  name="booth"
                  data-booth-select
                  aria-invalid={props.errors?.booth ? "true" : undefined}
                  aria-describedby={props.errors?.booth ? "f-booth-error" : undefined}
                >
                  <option value="" selected={!form.booth}>
                    {m.choose}
                  </option>
                  {booths.map((b) => (
                    <option value={b.code} selected={b.code === form.booth}>
                      {`${b.code} — ${b.sizeClass} — ${b.assignment ? `${b.assignment.name} (${b.assignment.exhibitor})` : m.freeBooth}`}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label class="check">
                  <input type="checkbox" name="pinned" value="1" checked={form.pinned} />
                  {m.pinLabel}
                </label>
              </div>
              <div class="actions">
                <button type="submit">{m.assignButton}</button>
              </div>
            </form>
          </section>
          <section class="map-col" id="map" aria-labelledby="map-title">
            <h2 id="map-title">{m.boothMap}</h2>
            <p class="hint">{m.boothMapHint}</p>
            <BoothMap
              ctx={ctx}
              label={m.boothMap}
              booths={booths.map((b) => ({ ...b, holder: holderOf(b) }))}
              linkTo={base}
              selected={form.booth}
              marked={props.marked}
            />
            <MapLegend ctx={ctx} selectable />
          </section>
        </div>
      )}

      {booths.length ? (
        <section aria-labelledby="booths-title">
          <h2 id="booths-title">{m.boothsTable}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.booth}</th>
                  <th scope="col">{m.sizeClass}</th>
                  <th scope="col">{m.zone}</th>
                  <th scope="col">{m.exhibitorName}</th>
                  <th scope="col">{m.pinnedCol}</th>
                  <th scope="col">{m.actions}</th>
                </tr>
              </thead>
              <tbody>
                {booths.map((b) => (
                  <tr data-booth-row={b.code}>
                    <th scope="row">{b.code}</th>
                    <td>{b.sizeClass}</td>
                    <td>{b.zone}</td>
                    <td>
                      {b.assignment ? (
                        <>
                          {b.assignment.name}
                          <br />
                          <span class="muted">
                            {b.assignment.exhibitor} · {b.assignment.organization}
                          </span>
                        </>
                      ) : (
                        <span class="muted">{m.freeBooth}</span>
                      )}
                    </td>
                    <td>{b.assignment?.pinned ? <span class="badge info">{m.pinnedMark}</span> : null}</td>
                    <td>
                      {b.assignment ? (
                        <span class="meta">
                          <form method="post" action={`${base}/${encodeURIComponent(b.code)}/pin`} class="inline">
                            <Csrf ctx={ctx} />
                            <input type="hidden" name="exhibitor" value={b.assignment.exhibitor} />
                            <input type="hidden" name="pinned" value={b.assignment.pinned ? "0" : "1"} />
                            <button
                              type="submit"
                              class="secondary small"
                              aria-label={`${b.assignment.pinned ? m.unpin : m.pin}: ${b.code}`}
                            >
                              {b.assignment.pinned ? m.unpin : m.pin}
                            </button>
                          </form>
                          <form method="post" action={`${base}/${encodeURIComponent(b.code)}/clear`} class="inline">
                            <Csrf ctx={ctx} />
                            <input type="hidden" name="exhibitor" value={b.assignment.exhibitor} />
                            <button type="submit" class="secondary small" aria-label={`${m.clearBooth}: ${b.code}`}>
                              {m.clearBooth}
                            </button>
                          </form>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="exhibitors-title">
        <h2 id="exhibitors-title">{m.exhibitorsTable}</h2>
        {exhibitors.length === 0 ? (
          <p>{m.noExhibitors}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.exhibitorRef}</th>
                  <th scope="col">{m.exhibitorName}</th>
                  <th scope="col">
                    {m.cluster} / {m.field}
                  </th>
                  <th scope="col">{m.sizeClass}</th>
                  <th scope="col" class="num">
                    {m.priority}
                  </th>
                  <th scope="col">{m.preferences}</th>
                  <th scope="col">{m.statusCol}</th>
                  <th scope="col">{m.booth}</th>
                </tr>
              </thead>
              <tbody>
                {exhibitors.map((x) => {
                  const rank = x.booth ? x.preferences.indexOf(x.booth) + 1 : 0;
                  const rivals = x.competitors.map((r) => byRef.get(r)?.name ?? r);
                  return (
                    <tr data-exhibitor={x.ref}>
                      <th scope="row">{x.ref}</th>
                      <td>
                        {x.name}
                        <br />
                        <span class="muted">{x.organization}</span>
                        {rivals.length ? (
                          <>
                            <br />
                            <span class="muted">
                              {m.competitors}: {rivals.join("、")}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {x.cluster}
                        <br />
                        <span class="muted">{x.field}</span>
                      </td>
                      <td>{x.size}</td>
                      <td class="num">{x.priority}</td>
                      <td>{preferenceText(x)}</td>
                      <td>
                        <span
                          class={`badge ${x.status === "assigned" ? "ok" : x.status === "unassigned" ? "warn" : x.status === "withdrawn" ? "" : "info"}`}
                        >
                          {m.exhibitorStatus[x.status]}
                        </span>
                        {x.reason ? (
                          <>
                            <br />
                            <span class="muted">{m.unassignedReason[x.reason] ?? x.reason}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {x.booth ?? "—"}
                        {x.pinned ? ` (${m.pinnedMark})` : ""}
                        {rank ? (
                          <>
                            <br />
                            <span class="muted">{m.choiceRank(rank)}</span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {booths.length ? (
        <section aria-labelledby="allocation-title" class="panel">
          <h2 id="allocation-title">{m.allocationTitle}</h2>
          <p>{m.allocationLead}</p>
          <form method="post" action={`${base}/preview`} class="actions" data-once>
            <Csrf ctx={ctx} />
            <button type="submit">{m.previewButton}</button>
          </form>
          <h3>{m.publishTitle}</h3>
          <p>{m.publishLead}</p>
          <form method="post" action={`${base}/publish`} class="actions" data-once>
            <Csrf ctx={ctx} />
            <button type="submit" class="secondary">
              {m.publishButton}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

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

/**
 * A refused assignment in the page's words: who holds the booth, which sizes differ, which
 * competitor is next door. The state is read after the refusal, so it is the state that refused.
 */
export function explainConflict(
  ctx: PageCtx,
  slug: string,
  values: AssignValues,
  booths: Booth[],
  exhibitors: Exhibitor[],
): { message: string; marked: string[] } | null {
  const { m } = ctx;
  const booth = booths.find((b) => b.code === values.booth);
  const ex = exhibitors.find((x) => x.ref === values.exhibitor);
  if (!booth || !ex) return null;
  if (slug === "booth-taken" && booth.assignment) {
    const holder = { name: booth.assignment.name, ref: booth.assignment.exhibitor };
    return { message: m.conflictTaken(booth.code, named(ctx, holder)), marked: [booth.code] };
  }
  if (slug === "size-mismatch") {
    return { message: m.conflictSize(booth.code, booth.sizeClass, named(ctx, ex), ex.size), marked: [booth.code] };
  }
  if (slug === "competitor-adjacent") {
    for (const code of booth.adjacent) {
      const nb = booths.find((b) => b.code === code)?.assignment;
      if (!nb || nb.exhibitor === ex.ref) continue;
      const other = exhibitors.find((x) => x.ref === nb.exhibitor);
      if (!other || !(ex.competitors.includes(other.ref) || other.competitors.includes(ex.ref))) continue;
      return {
        message: m.conflictCompetitor(booth.code, named(ctx, ex), named(ctx, other), code),
        marked: [booth.code, code],
      };
    }
  }
  return null;
}
