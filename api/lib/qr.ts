import { renderSVG } from "uqr";

/**
 * A QR code as an SVG document (uqr: no dependencies, runs on Node and on Workers). The text is
 * a 受付番号, so the symbol is small; a quiet zone of 4 modules keeps phone cameras happy.
 * `size` (CSS pixels) is written on the element for mail clients that ignore the viewBox.
 */
export function qrSvg(text: string, opts: { size?: number; label?: string } = {}): string {
  const svg = renderSVG(text, { ecc: "M", border: 4, pixelSize: 8 });
  const size = opts.size ?? 160;
  const label = (opts.label ?? text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace("<svg ", `<svg width="${size}" height="${size}" role="img" aria-label="${label}" `);
}
