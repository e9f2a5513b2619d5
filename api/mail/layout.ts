import { escapeHtml } from "../lib/html.ts";

/** Text, a link, or a part that has its own HTML (built by us, e.g. a QR code; never user text unescaped). */
export type Paragraph = string | { label: string; href: string } | { text: string; html: string };

/** One message in plain text and HTML from the same parts; every string is escaped in HTML. */
export function renderMail(parts: { greeting: string; paragraphs: Paragraph[]; footer: string }) {
  const text = [
    parts.greeting,
    "",
    ...parts.paragraphs.map((p) => (typeof p === "string" ? p : "html" in p ? p.text : `${p.label}: ${p.href}`)),
    "",
    "--",
    parts.footer,
    "",
  ].join("\n");
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">',
    `<p>${escapeHtml(parts.greeting)}</p>`,
    ...parts.paragraphs.map((p) =>
      typeof p === "string"
        ? `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`
        : "html" in p
          ? p.html
          : `<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.label)}</a></p>`,
    ),
    `<hr><p style="color:#555;font-size:small">${escapeHtml(parts.footer).replace(/\n/g, "<br>")}</p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}
