import type { Context } from "hono";

/**
 * The caller's address for rate limiting: Cloudflare's CF-Connecting-IP on Workers, else the
 * socket's address under Node. X-Forwarded-For is not trusted (anyone can send it).
 */
export function clientAddress(c: Context): string {
  const cf = c.req.header("CF-Connecting-IP");
  if (cf) return cf;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}
