/**
 * The booth page's uploads: a file or pasted text, checked and compared with what is stored before
 * anything is saved. Plain multipart forms, no script: the check page carries the text on to the
 * confirming form together with the basis it was compared with.
 */
import { sizeClass } from "../../../api/booths/geometry.ts";
import type { RowError } from "../../../api/booths/service/csv-sheet.ts";
import type { previewExhibitors, previewFloorPlan, UploadKind } from "../../../api/booths/service/uploads.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import type { PageCtx } from "../../context.ts";
import { eventTitle } from "../../ui/event.tsx";
import { fieldMessage } from "../../i18n/field-errors.ts";
import { Layout } from "../../ui/layout.tsx";
import { Csrf } from "../../ui/field.tsx";
import { BoothMap } from "./map.tsx";
import { boothsPath, EventHeading } from "./shared.tsx";
import { Notice } from "../../ui/notice.tsx";
import { SubLine, Table } from "../../ui/table.tsx";

export type FloorPlanPreview = Awaited<ReturnType<typeof previewFloorPlan>>;
export type ExhibitorsPreview = Awaited<ReturnType<typeof previewExhibitors>>;
export type UploadCheck =
  | { kind: "floor-plan"; format: string; rows: number; preview: FloorPlanPreview }
  | { kind: "exhibitors"; format: string; rows: number; preview: ExhibitorsPreview }
  | { kind: UploadKind; format: string; rows: number; errors: RowError[] };

const uploadPath = (eventId: string, kind: UploadKind) => `${boothsPath(eventId)}/upload/${kind}`;

function UploadForm(props: { ctx: PageCtx; eventId: string; kind: UploadKind; text?: string }) {
  const { ctx, kind } = props;
  const { m } = ctx;
  const id = `up-${kind}`;
  return (
    <form
      method="post"
      enctype="multipart/form-data"
      action={uploadPath(props.eventId, kind)}
      class="panel upload"
      data-upload={kind}
      aria-labelledby={`${id}-title`}
    >
      <Csrf ctx={ctx} />
      <h3 id={`${id}-title`}>{kind === "floor-plan" ? m.uploadFloorPlanTitle : m.uploadExhibitorsTitle}</h3>
      <p class="hint">{kind === "floor-plan" ? m.uploadFloorPlanLead : m.uploadExhibitorsLead}</p>
      <div class="field">
        <label for={`${id}-file`}>{m.uploadFile}</label>
        <input id={`${id}-file`} type="file" name="file" accept=".csv,.json,.txt,text/csv,application/json" />
      </div>
      <div class="field">
        <label for={`${id}-text`}>{m.uploadPaste}</label>
        <textarea id={`${id}-text`} name="text" rows={5} spellcheck={false} class="code">
          {props.text ?? ""}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit">{m.uploadCheck}</button>
      </div>
    </form>
  );
}

/** On the booth page: one form for the floor plan, one for the exhibitors. */
export function UploadForms(props: { ctx: PageCtx; eventId: string }) {
  const { ctx } = props;
  return (
    <section aria-labelledby="uploads-title" id="uploads">
      <h2 id="uploads-title">{ctx.m.uploadsTitle}</h2>
      <p>{ctx.m.uploadsLead}</p>
      <div class="upload-forms">
        {(["floor-plan", "exhibitors"] as const).map((kind) => (
          <UploadForm ctx={ctx} eventId={props.eventId} kind={kind} />
        ))}
      </div>
    </section>
  );
}

function RowErrors(props: { ctx: PageCtx; errors: RowError[] }) {
  const { ctx, errors } = props;
  const { m, lang } = ctx;
  const shown = errors.slice(0, 50);
  const say = (e: RowError) => {
    const known = m.rowProblem[e.code];
    if (known) return known;
    return fieldMessage({ field: e.column, code: e.code, message: e.message, params: e.params }, lang);
  };
  return (
    <Notice tone="alert" block focus id="upload-errors">
      <h2>{m.uploadErrorsTitle(errors.length)}</h2>
      <p>{m.uploadErrorsLead}</p>
      <Table
        stack
        testid="row-errors"
        rows={shown}
        rowAttrs={(e) => ({ "data-row": String(e.row), "data-column": e.column })}
        columns={[
          { head: m.uploadRow, rowHeader: true, label: m.uploadRow, cell: (e) => (e.row === 0 ? m.uploadWholeFile : e.row) },
          { head: m.uploadColumn, cell: (e) => <code>{e.column}</code> },
          {
            head: m.uploadProblem,
            cell: (e) => (
              <>
                {say(e)}
                <br />
                <span class="muted">{e.message}</span>
              </>
            ),
          },
        ]}
      />
      {errors.length > shown.length ? <p>{m.uploadErrorsMore(errors.length - shown.length)}</p> : null}
    </Notice>
  );
}

function Counts(props: { ctx: PageCtx; added: number; changed: number; removed: number; unchanged: number }) {
  const { m } = props.ctx;
  return (
    <ul class="counts" data-testid="upload-counts">
      <li>
        {m.uploadAdded}
        <strong data-count="added">{props.added}</strong>
      </li>
      <li>
        {m.uploadChanged}
        <strong data-count="changed">{props.changed}</strong>
      </li>
      <li>
        {m.uploadRemoved}
        <strong data-count="removed">{props.removed}</strong>
      </li>
      <li>
        {m.uploadUnchanged}
        <strong data-count="unchanged">{props.unchanged}</strong>
      </li>
    </ul>
  );
}

type Line = { key: string; what: "added" | "changed" | "removed"; main: string; sub?: string; note?: string };

function ChangeList(props: { ctx: PageCtx; lines: Line[]; keyLabel: string }) {
  const { m } = props.ctx;
  const label = { added: m.uploadAdded, changed: m.uploadChanged, removed: m.uploadRemoved };
  if (!props.lines.length) return <p>{m.uploadNoChange}</p>;
  return (
    <Table
      stack
      testid="upload-changes"
      rows={props.lines}
      rowAttrs={(l) => ({ "data-change": l.what, "data-key": l.key })}
      columns={[
        {
          head: props.keyLabel,
          rowHeader: true,
          label: props.keyLabel,
          cell: (l) => (
            <>
              {l.key}
              <SubLine>{l.sub}</SubLine>
            </>
          ),
        },
        {
          head: m.statusCol,
          cell: (l) => (
            <span class={`badge ${l.what === "added" ? "ok" : l.what === "removed" ? "warn" : "info"}`}>{label[l.what]}</span>
          ),
        },
        {
          head: m.uploadChangedFields,
          cell: (l) => (
            <>
              {l.main}
              {l.note ? (
                <>
                  <br />
                  <strong>{l.note}</strong>
                </>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function floorPlanLines(p: FloorPlanPreview): Line[] {
  return [
    ...p.added.map((b) => ({ key: b.code, what: "added" as const, main: `${b.x},${b.y} ${b.w}×${b.h}`, sub: b.zone })),
    ...p.changed.map((c) => ({ key: c.booth.code, what: "changed" as const, main: c.fields.join(", "), sub: c.booth.zone })),
    ...p.removed.map((b) => ({ key: b.code, what: "removed" as const, main: "—", sub: b.zone })),
  ];
}

function exhibitorLines(ctx: PageCtx, p: ExhibitorsPreview): Line[] {
  const { m } = ctx;
  return [
    ...p.added.map((x) => ({ key: x.ref, what: "added" as const, main: `${x.size} · ${x.cluster} / ${x.field}`, sub: x.name })),
    ...p.changed.map((c) => ({
      key: c.exhibitor.ref,
      what: "changed" as const,
      main: c.fields.join(", "),
      sub: c.exhibitor.name,
      note: c.losesBooth ? m.uploadLosesBooth(c.losesBooth) : undefined,
    })),
    ...p.removed.map((x) => ({
      key: x.ref,
      what: "removed" as const,
      main: m.uploadWithdrawn,
      sub: x.name,
      note: x.booth ? m.uploadLosesBooth(x.booth) : undefined,
    })),
  ];
}

/** The check of an upload: its errors by row, or what it would change with the button that saves it. */
export function UploadPreviewPage(props: { ctx: PageCtx; event: EventRow; check: UploadCheck; text: string; stale?: boolean }) {
  const { ctx, event: e, check } = props;
  const { m } = ctx;
  const title = m.uploadPreviewTitle[check.kind]!;
  const base = boothsPath(e.id);
  const preview = "preview" in check ? check.preview : null;
  const blocked = check.kind === "floor-plan" && preview && "inUse" in preview && preview.inUse;
  const lines =
    "preview" in check ? (check.kind === "floor-plan" ? floorPlanLines(check.preview) : exhibitorLines(ctx, check.preview)) : [];
  return (
    <Layout ctx={ctx} title={`${title} — ${eventTitle(e, ctx.lang)}`} section="admin-events">
      <EventHeading ctx={ctx} event={e} title={title} />
      <p class="muted" data-testid="upload-format">
        {m.uploadFormat(check.format)} · {m.uploadRows(check.rows)}
      </p>
      {"errors" in check ? (
        <>
          <RowErrors ctx={ctx} errors={check.errors} />
          <h2>{m.uploadTryAgain}</h2>
          <UploadForm ctx={ctx} eventId={e.id} kind={check.kind} text={props.text} />
          <p>
            <a href={base}>{m.uploadBack}</a>
          </p>
        </>
      ) : (
        <>
          {props.stale ? (
            <Notice tone="alert" block focus id="upload-stale">
              <p>{m.uploadStale}</p>
            </Notice>
          ) : null}
          {blocked ? (
            <Notice tone="alert" block focus id="upload-blocked">
              <p>{m.uploadInUse}</p>
            </Notice>
          ) : (
            <Notice tone="warn">{m.uploadPreviewLead}</Notice>
          )}
          <Counts
            ctx={ctx}
            added={preview!.added.length}
            changed={preview!.changed.length}
            removed={preview!.removed.length}
            unchanged={preview!.unchanged}
          />
          <form
            method="post"
            enctype="multipart/form-data"
            action={`${uploadPath(e.id, check.kind)}/confirm`}
            class="actions"
            data-once
          >
            <Csrf ctx={ctx} />
            <input type="hidden" name="basis" value={preview!.basis} />
            <input type="hidden" name="text" value={props.text} />
            {blocked ? null : <button type="submit">{m.uploadConfirm}</button>}
            <a class="button secondary" href={base}>
              {m.uploadBack}
            </a>
          </form>
          <section aria-labelledby="upload-changes-title">
            <h2 id="upload-changes-title">{m.uploadChangesTitle}</h2>
            <ChangeList ctx={ctx} lines={lines} keyLabel={check.kind === "floor-plan" ? m.booth : m.exhibitorRef} />
          </section>
          {check.kind === "floor-plan" && check.preview.booths.length ? (
            <section aria-labelledby="upload-map-title">
              <h2 id="upload-map-title">{m.boothMap}</h2>
              <BoothMap
                ctx={ctx}
                label={m.boothMap}
                booths={check.preview.booths.map((b) => ({ ...b, sizeClass: sizeClass(b), holder: null }))}
                marked={[...check.preview.added, ...check.preview.changed.map((c) => c.booth)].map((b) => b.code)}
                markAs="changed"
              />
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}
