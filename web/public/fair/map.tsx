/**
 * The public floor map drawn inline: each booth a link to its exhibitor in the list below
 * (#booth-CODE), coloured by field, the search's matches outlined. Nothing an organiser marks
 * (pinned booths) is drawn. The map keeps a minimum size and scrolls sideways in its own box, so
 * 270 booths stay large enough to tap on a phone while the page itself never gets wider.
 */
import { PALETTE } from "../../../api/booths/svg.ts";
import type { PageCtx } from "../../context.ts";

export type FairBooth = {
  code: string;
  x: number;
  y: number;
  w: number;
  h: number;
  zone: string;
  assignment: { name: string; organization: string; cluster: string; field: string } | null;
};

const CELL = 40;
/** A grid unit is never drawn smaller than this on screen (CSS px): a fingertip's booth. */
const MIN_PX = 30;

export const boothAnchor = (code: string) => `booth-${code}`;

export function FairMap(props: { ctx: PageCtx; booths: FairBooth[]; hits: Set<string> | null; title: string }) {
  const { ctx, booths, hits } = props;
  const { m } = ctx;
  const fields = [...new Set(booths.flatMap((b) => (b.assignment ? [b.assignment.field] : [])))].sort();
  const colour = (f: string) => PALETTE[fields.indexOf(f) % PALETTE.length]!;
  const minX = Math.min(...booths.map((b) => b.x));
  const minY = Math.min(...booths.map((b) => b.y));
  const cols = Math.max(...booths.map((b) => b.x + b.w)) - minX;
  const rows = Math.max(...booths.map((b) => b.y + b.h)) - minY;
  const width = cols * CELL + 2;
  const height = rows * CELL + 2;
  return (
    <div class="fairmap-wrap">
      <svg
        class="fairmap"
        viewBox={`0 0 ${width} ${height}`}
        style={`min-width:${cols * MIN_PX}px`}
        role="group"
        aria-label={props.title}
        xmlns="http://www.w3.org/2000/svg"
      >
        {booths.map((b) => {
          const x = (b.x - minX) * CELL + 1;
          const y = (b.y - minY) * CELL + 1;
          const label = b.assignment ? m.fairBoothLink(b.code, b.assignment.name) : m.fairFreeBooth(b.code);
          const cls = ["booth", b.assignment ? "taken" : "free", hits && b.assignment && hits.has(b.code) ? "hit" : "", hits && !hits.has(b.code) ? "dim" : ""]
            .filter(Boolean)
            .join(" ");
          const shape = (
            <>
              <title>{label}</title>
              <rect x={x} y={y} width={b.w * CELL} height={b.h * CELL} fill={b.assignment ? colour(b.assignment.field) : "#ffffff"} />
              <text x={x + 3} y={y + 14}>
                {b.code}
              </text>
            </>
          );
          return b.assignment ? (
            <a href={`#${boothAnchor(b.code)}`} class={cls} data-booth={b.code} aria-label={label}>
              {shape}
            </a>
          ) : (
            <g class={cls} data-booth={b.code}>
              {shape}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function FieldLegend(props: { booths: FairBooth[] }) {
  const fields = [...new Set(props.booths.flatMap((b) => (b.assignment ? [b.assignment.field] : [])))].sort();
  return (
    <ul class="legend">
      {fields.map((f, i) => (
        <li>
          <span class="swatch" style={`background:${PALETTE[i % PALETTE.length]}`}></span>
          {f}
        </li>
      ))}
    </ul>
  );
}
