import { escapeHtml } from "../lib/html.ts";
import type { Booth } from "./geometry.ts";

export type MapBooth = Booth & {
  assignment: { exhibitor: string; name: string; field: string; pinned?: boolean } | null;
};

/** Colour-blind-safe palette (Okabe–Ito), assigned to fields in sorted order. */
export const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];
const CELL = 40;

/**
 * The floor map, booths to scale, coloured by field, labelled with code and exhibitor; pinned
 * booths bold only for organisers. Text is escaped. `highlight` outlines one booth in bold (an
 * exhibitor's own, on their private page).
 */
export function floorPlanSvg(booths: MapBooth[], opts: { title: string; showPinned?: boolean; highlight?: string }): string {
  const fields = [...new Set(booths.flatMap((b) => (b.assignment ? [b.assignment.field] : [])))].sort();
  const colour = (f: string) => PALETTE[fields.indexOf(f) % PALETTE.length]!;
  const width = Math.max(1, ...booths.map((b) => b.x + b.w)) * CELL;
  const height = Math.max(1, ...booths.map((b) => b.y + b.h)) * CELL;
  const legendH = 24 * Math.ceil((fields.length + 1) / 3) + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width + 2} ${height + legendH + 2}" width="${width + 2}" height="${height + legendH + 2}" role="img" aria-labelledby="t">`,
    `<title id="t">${escapeHtml(opts.title)}</title>`,
    `<style>text{font-family:sans-serif;fill:#111}.c{font-size:11px;font-weight:bold}.n{font-size:9px}</style>`,
  ];
  for (const b of booths) {
    const x = b.x * CELL + 1;
    const y = b.y * CELL + 1;
    const w = b.w * CELL;
    const h = b.h * CELL;
    const fill = b.assignment ? colour(b.assignment.field) : "#ffffff";
    const label = b.assignment ? `${b.code}: ${b.assignment.name}` : `${b.code} (${b.zone})`;
    const mine = b.code === opts.highlight;
    out.push(
      `<g data-booth="${escapeHtml(b.code)}"${b.assignment ? ` data-exhibitor="${escapeHtml(b.assignment.exhibitor)}"` : ""}${mine ? ' data-highlight="true"' : ""}>`,
      `<title>${escapeHtml(label)}</title>`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="#333" stroke-width="${opts.showPinned && b.assignment?.pinned ? 3 : 1}"/>`,
      `<text class="c" x="${x + 3}" y="${y + 12}">${escapeHtml(b.code)}</text>`,
    );
    if (mine) {
      out.push(
        `<rect x="${x + 3}" y="${y + 3}" width="${Math.max(1, w - 6)}" height="${Math.max(1, h - 6)}" fill="none" stroke="#000" stroke-width="4" stroke-dasharray="8 3"/>`,
      );
    }
    if (b.assignment) {
      const max = Math.max(2, Math.floor(w / 9));
      const name = b.assignment.name.length > max ? `${b.assignment.name.slice(0, max - 1)}…` : b.assignment.name;
      out.push(`<text class="n" x="${x + 3}" y="${y + 24}">${escapeHtml(name)}</text>`);
    }
    out.push("</g>");
  }
  fields.forEach((f, i) => {
    const lx = (i % 3) * (width / 3) + 4;
    const ly = height + 10 + Math.floor(i / 3) * 24;
    out.push(
      `<rect x="${lx}" y="${ly}" width="14" height="14" fill="${colour(f)}" stroke="#333"/>`,
      `<text class="n" x="${lx + 20}" y="${ly + 11}">${escapeHtml(f)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n");
}
