import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { AppError, ValidationFailed } from "../errors.ts";

/** Bodies read here: JSON and CSV (checked as UTF-8) and the two form encodings. */
const TEXT_BODY = /^(application\/([\w.-]+\+)?json|text\/csv)$/i;
const FORM_BODY = /^(application\/x-www-form-urlencoded|multipart\/form-data)$/i;
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
/** The methods that change something (CSRF and origin checks, body media types). */
export const WRITE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

class TooLarge extends Error {}

/** The 415 for a body the route does not take (`type` as sent, possibly empty). */
export function unsupportedMediaType(type: string): AppError {
  const essence = type.split(";")[0]!.trim();
  return new AppError(
    415,
    "unsupported-media-type",
    "Unsupported content type",
    `Send the body as application/json${essence ? `, not ${essence}` : ""}.`,
  );
}

/**
 * Reads the request body once, bounded, before any handler, and keeps it where Hono's body
 * readers (validators, parseBody) look first:
 * - past the route's limit (by Content-Length, or counted while reading) it is a 413, and the
 *   rest is left to the server to drain;
 * - JSON and CSV must be UTF-8: the platform's decoders replace a bad byte with U+FFFD and carry
 *   on, which would store a different text than was sent, so a bad byte is a 400 here, for every
 *   route; the text is kept beside the bytes, so that the JSON validator does not decode it again.
 * On Node the bytes come straight from the socket's IncomingMessage (@hono/node-server passes it
 * as c.env.incoming): building a fetch Request and its web stream only to read a small body costs
 * more CPU than the rest of a registration. Elsewhere (Workers, app.request) from the Request.
 * Other media types are left unread; where `onlyKnownTypes` says so (the API), a write that
 * carries one is a 415.
 */
export function requestBody(opts: {
  limitOf: (method: string, path: string) => number;
  /** Where a write with a body of another media type (or of none named) is a 415. */
  onlyKnownTypes: (path: string) => boolean;
}): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const max = opts.limitOf(c.req.method, c.req.path);
    const tooLarge = () =>
      new AppError(413, "body-too-large", "Body too large", `The request body must be at most ${max} bytes.`);
    const length = c.req.header("Content-Length");
    if (length !== undefined && Number(length) > max) throw tooLarge();
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim();
    const text = TEXT_BODY.test(type);
    if (!text && !FORM_BODY.test(type)) {
      const hasBody = type !== "" || (length !== undefined && length !== "0") || c.req.header("Transfer-Encoding") !== undefined;
      if (hasBody && WRITE_METHODS.has(c.req.method) && opts.onlyKnownTypes(c.req.path)) throw unsupportedMediaType(type);
      return next();
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await readBytes(c, max);
    } catch (e) {
      if (e instanceof TooLarge) throw tooLarge();
      throw new ValidationFailed([{ field: "body", code: "incomplete", message: "was not received in full" }]);
    }
    const cache = c.req.bodyCache as Record<string, unknown>;
    cache.arrayBuffer = Promise.resolve(bytes);
    if (text) {
      let decoded: string;
      try {
        decoded = STRICT_UTF8.decode(bytes);
      } catch {
        throw new ValidationFailed([{ field: "body", code: "invalid_utf8", message: "is not valid UTF-8" }]);
      }
      cache.text = Promise.resolve(decoded);
    }
    await next();
  };
}

function nodeIncoming(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming && typeof incoming.on === "function" && !incoming.readableEnded ? incoming : undefined;
}

async function readBytes(c: Context, max: number): Promise<ArrayBuffer> {
  const incoming = nodeIncoming(c);
  if (incoming) return readIncoming(incoming, max);
  const body = c.req.raw.body;
  if (!body) return new ArrayBuffer(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return join(chunks, size);
}

function readIncoming(incoming: IncomingMessage, max: number): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const done = (err?: Error) => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
      incoming.off("aborted", onAborted);
      if (err) reject(err);
      else resolve(join(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        // Stop here; the server drains (bounded) what the client still sends after the answer.
        incoming.pause();
        done(new TooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (e: Error) => done(e);
    const onAborted = () => done(new Error("aborted"));
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
    incoming.on("aborted", onAborted);
  });
}

/** One ArrayBuffer of its own (a Buffer may be a view into a shared pool). */
function join(chunks: Uint8Array[], size: number): ArrayBuffer {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}
