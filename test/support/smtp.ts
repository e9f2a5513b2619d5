import { SMTPServer } from "smtp-server";
import type { AppDeps } from "../../api/deps.ts";
import { smtpMailer, type Mailer } from "../../api/mail/transport.ts";
import { deliverMail } from "../../jobs/deliver-mail.ts";
import { createTestApp } from "./app.ts";

// ---------------------------------------------------------------------------------------------
// A small MIME reader (mailparser is not installed): headers with RFC 2047 encoded-words,
// multipart bodies, base64 and quoted-printable.

type Part = { headers: Map<string, string>; body: string; parts: Part[] };

function splitHead(raw: string): [string, string] {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return [raw, ""];
  const sep = raw.slice(at).match(/^\r?\n\r?\n/)![0];
  return [raw.slice(0, at), raw.slice(at + sep.length)];
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function param(value: string | undefined, name: string): string | undefined {
  const m = value?.match(new RegExp(`;\\s*${name}="?([^";]+)"?`, "i"));
  return m?.[1];
}

function qpBytes(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes);
}

/** RFC 2047: adjacent encoded-words are joined (bytes first, so split characters survive). */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const out: string[] = [];
  let last = 0;
  let pending: Buffer[] = [];
  const flush = () => {
    if (pending.length) out.push(Buffer.concat(pending).toString("utf8"));
    pending = [];
  };
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(pending.length && /^\s*$/.test(between))) {
      flush();
      out.push(between);
    }
    const [, , enc, text] = m;
    pending.push(enc!.toUpperCase() === "B" ? Buffer.from(text!, "base64") : qpBytes(text!.replace(/_/g, " ")));
    last = m.index + m[0].length;
  }
  flush();
  out.push(value.slice(last));
  return out.join("");
}

function parseMime(raw: string): Part {
  const [head, body] = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /^multipart\//i.test(type) ? param(type, "boundary") : undefined;
  if (!boundary) {
    const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    const bytes =
      cte === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64")
        : cte === "quoted-printable"
          ? qpBytes(body)
          : Buffer.from(body);
    return { headers, body: bytes.toString("utf8"), parts: [] };
  }
  const chunks = body.split(`--${boundary}`);
  const parts = chunks
    .slice(1)
    .filter((c) => !c.startsWith("--"))
    .map((c) => parseMime(c.replace(/^\r?\n/, "").replace(/\r?\n$/, "")));
  return { headers, body: "", parts };
}

function leaves(p: Part): Part[] {
  return p.parts.length ? p.parts.flatMap(leaves) : [p];
}

export function readMail(raw: string) {
  const root = parseMime(raw);
  const all = leaves(root);
  const byType = (t: string) => all.find((p) => (p.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(t));
  return {
    raw,
    headers: root.headers,
    subject: decodeWords(root.headers.get("subject") ?? ""),
    to: root.headers.get("to") ?? "",
    messageId: root.headers.get("message-id") ?? "",
    text: byType("text/plain")?.body ?? "",
    html: byType("text/html")?.body ?? "",
    calendar: byType("text/calendar"),
  };
}


export type ReadMail = ReturnType<typeof readMail>;
export type Received = { envelopeTo: string[]; raw: string; mail: ReadMail };

/**
 * A real SMTP server on 127.0.0.1 (port chosen by the system) and a mailer that sends to it.
 * `onRcptTo` / `onData` may refuse (return an Error with a responseCode); everything accepted is
 * kept in `received`.
 */
export async function startSmtp(
  opts: {
    onRcptTo?: (address: string) => Error | null;
    onData?: (mail: ReadMail) => Error | null;
    from?: string;
  } = {},
) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      const refusal = opts.onRcptTo?.(address.address);
      cb(refusal ?? undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = readMail(raw);
        const refusal = opts.onData?.(mail);
        if (refusal) return cb(refusal);
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const mailer: Mailer = await smtpMailer(`smtp://127.0.0.1:${port}`, opts.from ?? "Cluster Events <no-reply@example.jp>");
  return {
    port,
    mailer,
    received,
    /** Messages delivered to this address, oldest first. */
    to: (email: string) => received.filter((r) => r.envelopeTo.includes(email)).map((r) => r.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

const FEED_URL = /https?:\/\/[^\s"<>]+\/calendar\/me\/[A-Za-z0-9_-]{43}\.ics/g;

/** Every personal feed URL in a message (text and HTML parts). */
export function feedUrlsIn(mail: ReadMail): string[] {
  return [...new Set([...mail.text.matchAll(FEED_URL), ...mail.html.matchAll(FEED_URL)].map((m) => m[0]))];
}

/**
 * Delivers the outbox over SMTP and returns the personal feed URL from the newest message to this
 * address: the only way the feed reaches anyone.
 */
export async function mailedFeedUrl(deps: Pick<AppDeps, "db" | "mailer" | "clock" | "sealer" | "config">, smtp: Smtp, email: string): Promise<string> {
  await deliverMail(deps);
  const mails = smtp.to(email);
  const urls = mails.length ? feedUrlsIn(mails[mails.length - 1]!) : [];
  if (urls.length !== 1) throw new Error(`expected one feed URL in the last mail to ${email}, found ${urls.length}`);
  return urls[0]!;
}

/** The test app on a fresh database, sending its mail to a real SMTP server of its own (t.close stops both). */
export async function createTestAppWithSmtp(opts: Omit<Parameters<typeof createTestApp>[0], "mailer"> = {}) {
  const smtp = await startSmtp();
  const t = await createTestApp({ ...opts, mailer: smtp.mailer });
  const close = async () => {
    await t.close();
    await smtp.close();
  };
  return { t: { ...t, close }, smtp };
}
