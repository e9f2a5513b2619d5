import { createServer, type IncomingMessage, type Server as HttpNodeServer, type ServerResponse } from "node:http";
import { Server, type Socket } from "node:net";
import { getRequestListener } from "@hono/node-server";

/** A request body left unread by the answer (a 413, an early 401) is drained up to this many bytes… */
const DRAIN_LIMIT_BYTES = 1024 * 1024;
/** …or for this long; past either bound the connection is closed. */
const DRAIN_LIMIT_MS = 5000;

export type HttpServer = {
  server: HttpNodeServer;
  /** Requests accepted and not yet answered. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets the requests in flight finish and the open connections close
   * (up to graceMs), then closes what is left. Resolves with the number of requests that were still running when it gave up.
   */
  drain(graceMs: number): Promise<number>;
  /** Answers every request still waiting with this response (the database died under them). */
  failInFlight(status: number, body: object): void;
};

/**
 * The Node HTTP server around the app's fetch. What it adds to @hono/node-server: it tracks the
 * requests in flight for a graceful stop, and when an answer was written before the request body
 * was read, it reads and discards the rest (bounded) instead of destroying the socket, which would
 * reset the connection under clients that send the body without waiting (Node's fetch, browsers)
 * before they read the answer.
 */
export function startHttpServer(opts: {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  onListening: (port: number) => void;
}): HttpServer {
  const listener = getRequestListener(opts.fetch, { autoCleanupIncoming: false });
  const pending = new Set<ServerResponse>();
  let stopping = false;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    pending.add(res);
    if (stopping) res.setHeader("Connection", "close");
    res.on("close", () => pending.delete(res));
    res.on("finish", () => {
      if (!req.complete) drainBody(req);
    });
    if (parsed.push(() => void listener(req, res)) === 1) setImmediate(startParsed);
  });
  // The requests parsed in one turn of the event loop are started together, after its poll phase
  // (setImmediate), not each inside the read that parsed it. libuv accepts one connection per turn
  // (libuv/libuv#3696): started inside their reads, the requests of a burst made turns so long that
  // connections opened at its start waited in the kernel's queue for about a second before they
  // were accepted (bench/README.md, registration). Started after the poll phase, turns are shorter
  // and more frequent, and the burst is served faster too.
  let parsed: (() => void)[] = [];
  const startParsed = () => {
    const now = parsed;
    parsed = [];
    for (const start of now) start();
  };
  let accepted = 0;
  server.on("connection", (socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(opts.port, () => {
    const address = server.address();
    opts.onListening(typeof address === "object" && address ? address.port : opts.port);
  });

  return {
    server,
    inFlight: () => pending.size,
    async drain(graceMs) {
      stopping = true;
      // Connections the kernel has queued are accepted first: closing the listener would reset
      // them, and their clients have already sent a request. Accept until a quiet 50 ms (bounded).
      for (let i = 0, quiet = 0; i < 50 && quiet < 5; i++) {
        const seen = accepted;
        await new Promise((r) => setTimeout(r, 10));
        quiet = accepted === seen ? quiet + 1 : 0;
      }
      // net's close, not http's: http.Server#close also closes "idle" connections, and a connection
      // accepted while the main thread was busy (PGlite) looks idle until its request is parsed.
      Server.prototype.close.call(server);
      // Answers still to come end their connection. Once nothing is in flight, connections left
      // idle are closed; a connection accepted a moment ago may look idle until its request is
      // parsed, so idleness is checked twice, a few event-loop turns apart, before closing.
      for (const res of pending) if (!res.headersSent) res.setHeader("Connection", "close");
      const until = Date.now() + graceMs;
      let quietTurns = 0;
      while ((pending.size > 0 || sockets.size > 0) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
        // Decide from the check phase, after this turn's poll phase has read what the sockets
        // hold: decided in the timers phase (before the poll, and after the main thread may have
        // been busy for a while, as with PGlite), a request already sent on a kept-alive
        // connection was still unread, the connection looked idle, and closing it reset the request.
        await new Promise((r) => setImmediate(r));
        quietTurns = pending.size === 0 ? quietTurns + 1 : 0;
        if (quietTurns >= 2) server.closeIdleConnections();
      }
      const left = pending.size;
      server.closeAllConnections();
      return left;
    },
    failInFlight(status, body) {
      for (const res of pending) {
        if (res.headersSent) {
          res.destroy();
          continue;
        }
        res.writeHead(status, { "Content-Type": "application/problem+json; charset=utf-8", "Retry-After": "5", Connection: "close" });
        res.end(JSON.stringify(body));
      }
    },
  };
}

/** Reads and discards what is left of a request body; closes the connection past the bounds. */
function drainBody(req: IncomingMessage) {
  let seen = 0;
  const give = () => req.socket.destroy();
  const timer = setTimeout(give, DRAIN_LIMIT_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT_BYTES) {
      clearTimeout(timer);
      give();
    }
  });
  req.on("end", () => clearTimeout(timer));
  req.on("error", () => clearTimeout(timer));
  req.resume();
}
