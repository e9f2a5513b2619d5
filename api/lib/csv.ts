import { stringify } from "csv-stringify/sync";

/** Cells that a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Neutralises a cell against formula injection by prefixing an apostrophe (OWASP's advice). */
function safeCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * CSV that Excel opens correctly with Japanese text: UTF-8 with a BOM, CRLF, RFC 4180 quoting,
 * and every cell neutralised against formula injection.
 */
export function toExcelCsv(header: string[], rows: unknown[][]): string {
  return (
    "\uFEFF" +
    stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: "\r\n", quoted_match: /[",\r\n]/ })
  );
}
