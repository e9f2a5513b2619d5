import type { Context } from "hono";

/** Whose word to take for the client's address (TRUST_PROXY). */
export type TrustProxy = "off" | "cloudflare" | "x-forwarded-for";

/** The TCP peer under Node (@hono/node-server passes the request as `env.incoming`). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * The caller's address for rate limiting. A header is only believed where something trustworthy
 * sets it: `cloudflare` takes CF-Connecting-IP (the Worker: Cloudflare's edge overwrites it);
 * `x-forwarded-for` takes the right-most address, the one our own proxy appended (everything to
 * its left came from the client); `off` (the default on Node) takes the socket's peer.
 */
export function clientAddress(c: Context, config: { TRUST_PROXY: TrustProxy }): string {
  if (config.TRUST_PROXY === "cloudflare") {
    const cf = c.req.header("CF-Connecting-IP")?.trim();
    if (cf) return cf;
  } else if (config.TRUST_PROXY === "x-forwarded-for") {
    // Several X-Forwarded-For headers arrive joined with ", "; the last entry is the proxy's.
    const last = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return socketAddress(c) ?? "unknown";
}
