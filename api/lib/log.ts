/**
 * The product's own log lines. An error is described by what it is and where it happened, never by
 * the values it carried: a failed query's parameters, a database message quoting the offending value
 * ("Key (email_key)=(…) already exists", "invalid input syntax …: "…""), an SMTP reply naming the
 * recipient, or a mail body would put names, e-mail addresses and tokens into the log.
 */

const MAX_CHAIN = 6;
const MAX_FRAMES = 8;

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  cause?: unknown;
  query?: unknown;
  params?: unknown;
  severity?: unknown;
  routine?: unknown;
  // postgres.js spells them like this …
  constraint_name?: unknown;
  table_name?: unknown;
  column_name?: unknown;
  // … PGlite like this.
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  // nodemailer
  command?: unknown;
  responseCode?: unknown;
};

const isSqlState = (code: unknown): code is string => typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/** 32-bit FNV-1a, hex: a statement's name that is the same everywhere (no I/O, works on Workers). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * A statement's shape: its text with string and number literals masked and whitespace collapsed,
 * cut short, with a hash of the whole text so the statement can be found in the code. Drizzle
 * sends values as $n parameters; the masking covers the few literals written into the text.
 */
export function statementShape(query: string): string {
  const masked = query
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/\b\d+(\.\d+)?\b/g, (m, _f, offset: number, all: string) => (all[offset - 1] === "$" ? m : "?"))
    .replace(/\s+/g, " ")
    .trim();
  const short = masked.length > 160 ? `${masked.slice(0, 160)}…` : masked;
  return `sql#${fnv1a(query)} "${short}"`;
}

/** What a free-text message may keep: addresses, tokens and sealed tokens are masked. */
function redact(text: string): string {
  return text
    .replace(/v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, "<sealed>")
    .replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:]+/g, "<email>")
    .replace(/[A-Za-z0-9_-]{32,}/g, "<token>");
}

function frames(stack: unknown): string[] {
  if (typeof stack !== "string") return [];
  return stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => `  ${redact(l.trim())}`);
}

/** One error and its causes as log text that carries no value from the request or the database. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let stack: string[] = [];
  let x: unknown = err;
  for (let i = 0; x && i < MAX_CHAIN; i++, x = (x as ErrorLike).cause) {
    if (typeof x !== "object") {
      parts.push(`thrown ${typeof x}`);
      break;
    }
    const e = x as ErrorLike;
    if (isSqlState(e.code) && (str(e.severity) || str(e.routine))) {
      // A database error: its code and the names of what it concerns; its message and detail quote values.
      const where = [
        ["constraint", str(e.constraint_name) ?? str(e.constraint)],
        ["table", str(e.table_name) ?? str(e.table)],
        ["column", str(e.column_name) ?? str(e.column)],
        ["routine", str(e.routine)],
      ]
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${v}`);
      // PGlite puts the statement and its parameters on the error itself.
      if (typeof e.query === "string") where.push(`in ${statementShape(e.query)}`);
      parts.push(`database error ${e.code}${where.length ? ` ${where.join(" ")}` : ""}`);
    } else if (typeof e.query === "string") {
      // drizzle's DrizzleQueryError: its message is the query followed by every parameter.
      parts.push(`query failed: ${statementShape(e.query)}`);
      stack = frames(e.stack);
    } else {
      const name = str(e.name) === "Error" ? "" : (str(e.name) ?? "");
      const message = typeof e.message === "string" ? redact(e.message).slice(0, 300) : "";
      const codes = [str(e.code), e.responseCode !== undefined ? String(e.responseCode) : undefined, str(e.command)]
        .filter(Boolean)
        .join(" ");
      const head = [name, codes ? `[${codes}]` : ""].filter(Boolean).join(" ");
      parts.push(head && message ? `${head}: ${message}` : head || message || "error");
      if (stack.length === 0) stack = frames(e.stack);
    }
  }
  return [parts.join(" <- "), ...stack].join("\n");
}

/** An error worth an operator's attention: the context (request id, job name …) and the safe description. */
export function logError(context: string, err: unknown): void {
  console.error(`${context} ${describeError(err)}`);
}

export function logWarning(context: string, err: unknown): void {
  console.warn(`${context} ${describeError(err)}`);
}
