/**
 * The organisers' booth page of a fair: the floor map, manual assignment, pinning, the uploads and
 * the automatic allocation's preview. Every control is a plain form; app.js only adds map clicks.
 */
import type { EventRow } from "../../../db/schema/index.ts";
import type { PageCtx } from "../../context.ts";
import { eventTitle } from "../../ui/event.tsx";
import { Layout } from "../../ui/layout.tsx";
import { Csrf, type Errors, ErrorSummary, formFields } from "../../ui/field.tsx";
import { BoothMap, holderOf, MapLegend } from "./map.tsx";
import { boothsPath, EventHeading, type AssignValues, type Booth, type Exhibitor } from "./shared.tsx";
import { BoothTable, ExhibitorTable } from "./tables.tsx";
import { UploadForms } from "./uploads.tsx";
import { Notice } from "../../ui/notice.tsx";

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
  const F = formFields(ctx, { exhibitor: form.exhibitor, booth: form.booth }, props.errors ?? {});
  const choose = { value: "", label: m.choose };
  const exhibitorOptions = [
    choose,
    ...active.map((x) => ({
      value: x.ref,
      label: `${x.ref} — ${x.name} — ${x.size}${x.booth ? ` (${m.current(x.booth)})` : ""}`,
    })),
  ];
  const boothOptions = [
    choose,
    ...booths.map((b) => ({
      value: b.code,
      label: `${b.code} — ${b.sizeClass} — ${b.assignment ? `${b.assignment.name} (${b.assignment.exhibitor})` : m.freeBooth}`,
    })),
  ];
  return (
    <Layout ctx={ctx} title={`${m.boothsTitle} — ${eventTitle(e, ctx.lang)}`} section="admin-events">
      <EventHeading ctx={ctx} event={e} title={m.boothsTitle} />
      {props.notice ? (
        <Notice tone="ok" id="status">
          {props.notice}
        </Notice>
      ) : null}
      {props.alert ? (
        <Notice tone="alert" block focus id="conflict">
          <h2>{m.conflictTitle}</h2>
          <p>{props.alert}</p>
        </Notice>
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
        <Notice>{m.noBooths}</Notice>
      ) : (
        <div class="booth-layout">
          <section class="form-col" id="assign" aria-labelledby="assign-title">
            <h2 id="assign-title">{m.assignTitle}</h2>
            <form method="post" action={`${base}/assign`} class="panel" data-once>
              <Csrf ctx={ctx} />
              <p class="hint">{m.assignHint}</p>
              <F as="select" tag={false} name="exhibitor" label={m.exhibitorSelect} options={exhibitorOptions} />
              <F
                as="select"
                tag={false}
                name="booth"
                label={m.boothSelect}
                attrs={{ "data-booth-select": true }}
                options={boothOptions}
              />
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

      {booths.length ? <BoothTable ctx={ctx} booths={booths} base={base} /> : null}

      <ExhibitorTable ctx={ctx} exhibitors={exhibitors} />

      <UploadForms ctx={ctx} eventId={e.id} />

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
