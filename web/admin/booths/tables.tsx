/** The booth page's two lists: every booth with its holder and buttons, every exhibitor with its application. */
import type { PageCtx } from "../../context.ts";
import { Csrf } from "../../layout.tsx";
import type { Booth, Exhibitor } from "./shared.tsx";

const preferenceText = (x: Exhibitor) => (x.preferences.length ? x.preferences.join(" › ") : "—");

export function BoothTable(props: { ctx: PageCtx; booths: Booth[]; base: string }) {
  const { ctx, booths, base } = props;
  const { m } = ctx;
  return (
        <section aria-labelledby="booths-title">
          <h2 id="booths-title">{m.boothsTable}</h2>
          <div class="table-wrap">
            <table class="stack">
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
                    <td data-label={m.sizeClass}>{b.sizeClass}</td>
                    <td data-label={m.zone}>{b.zone}</td>
                    <td data-label={m.exhibitorName}>
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
                    <td data-label={m.pinnedCol}>{b.assignment?.pinned ? <span class="badge info">{m.pinnedMark}</span> : null}</td>
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
  );
}

export function ExhibitorTable(props: { ctx: PageCtx; exhibitors: Exhibitor[] }) {
  const { exhibitors } = props;
  const { m } = props.ctx;
  const byRef = new Map(exhibitors.map((x) => [x.ref, x]));
  return (
      <section aria-labelledby="exhibitors-title">
        <h2 id="exhibitors-title">{m.exhibitorsTable}</h2>
        {exhibitors.length === 0 ? (
          <p>{m.noExhibitors}</p>
        ) : (
          <div class="table-wrap">
            <table class="stack">
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
                      <td data-label={m.exhibitorName}>
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
                      <td data-label={`${m.cluster} / ${m.field}`}>
                        {x.cluster}
                        <br />
                        <span class="muted">{x.field}</span>
                      </td>
                      <td data-label={m.sizeClass}>{x.size}</td>
                      <td class="num" data-label={m.priority}>
                        {x.priority}
                      </td>
                      <td data-label={m.preferences}>{preferenceText(x)}</td>
                      <td data-label={m.statusCol}>
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
                      <td data-label={m.booth}>
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
  );
}
