/** The hall drawn as a CSS grid, and its legend. */
import type { PageCtx } from "../../context.ts";
import type { Booth } from "./shared.tsx";

export type Holder = { ref: string; name: string; pinned: boolean };
export type MapBooth = Pick<Booth, "code" | "x" | "y" | "w" | "h" | "sizeClass"> & { holder: Holder | null };

export const holderOf = (b: Booth): Holder | null =>
  b.assignment ? { ref: b.assignment.exhibitor, name: b.assignment.name, pinned: b.assignment.pinned === true } : null;

/**
 * The hall drawn as a CSS grid, one element per booth placed and sized by its grid units. On the
 * main page each booth is a link that preselects it in the assignment form (app.js does the same
 * without a reload); on the preview it is plain text.
 */
export function BoothMap(props: {
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

export function MapLegend(props: { ctx: PageCtx; selectable?: boolean; changes?: boolean }) {
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
