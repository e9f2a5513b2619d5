import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppDeps, AppEnv } from "../deps.ts";
import { AppError, Forbidden, Unauthorized } from "../errors.ts";
import { WRITE_METHODS } from "../lib/body.ts";
import { sha256Hex } from "../lib/tokens.ts";
import { actorFromApiToken, actorFromSession } from "./service.ts";

const SESSION_COOKIE = "ce_session";

async function sameSecret(a: string, b: string): Promise<boolean> {
  // Comparing digests keeps the comparison independent of where the strings differ.
  const [x, y] = await Promise.all([sha256Hex(a), sha256Hex(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}

export function sessionCookieName(publicUrl: string) {
  // The __Host- prefix pins the cookie to this origin, over https only.
  return publicUrl.startsWith("https:") ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/**
 * Identifies the caller: `Authorization: Bearer` with ADMIN_TOKEN or an API token, or the session
 * cookie. Writes made with the cookie must come from our own origin and carry the CSRF token
 * (header X-CSRF-Token for the API; the web pages check their form field).
 */
export function identify(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("actor", { kind: "anonymous" });
    const header = c.req.header("Authorization");
    if (header) {
      const m = header.match(/^Bearer\s+(\S+)$/i);
      if (!m) throw new Unauthorized("Send Authorization: Bearer <token>.");
      const token = m[1]!;
      if (deps.config.ADMIN_TOKEN && (await sameSecret(token, deps.config.ADMIN_TOKEN))) {
        c.set("actor", { kind: "admin", id: "admin-token", label: "ADMIN_TOKEN", via: "admin-token" });
      } else {
        const actor = await actorFromApiToken(deps.db, token, deps.clock.now());
        if (!actor) throw new Unauthorized("This token is not valid (unknown, revoked or expired).");
        c.set("actor", actor);
      }
      return next();
    }
    const cookie = getCookie(c, sessionCookieName(deps.config.PUBLIC_URL));
    if (cookie) {
      const found = await actorFromSession(deps.db, cookie, deps.clock.now());
      if (found) {
        c.set("actor", found.actor);
        c.set("session", found.session);
        if (WRITE_METHODS.has(c.req.method)) checkSameOrigin(c, deps.config.PUBLIC_URL);
        if (WRITE_METHODS.has(c.req.method) && c.req.path.startsWith("/api/") && c.req.path !== "/api/auth/logout") {
          const sent = c.req.header("X-CSRF-Token");
          if (!sent || !(await sameSecret(sent, found.session.csrfToken))) {
            throw new Forbidden("Writes with a session cookie need the X-CSRF-Token header (from /api/auth/me).");
          }
        }
      }
    }
    return next();
  };
}

/**
 * The login form has no session, hence no CSRF token, to check: its origin must be ours. Every
 * browser sends Origin on a form POST, so a cross-site login carries a foreign Origin, or `null`
 * (from a sandboxed frame, a data: page, a redirect): both refused. Without Origin, a Referer from
 * another site is refused too; with neither it is not a browser, and nothing can be forged for it.
 */
export function checkLoginOrigin(c: Context, publicUrl: string) {
  const origin = c.req.header("Origin");
  const own = new Set([new URL(publicUrl).origin, new URL(c.req.url).origin]);
  if (origin !== undefined) {
    if (!own.has(origin)) throw new Forbidden("Cross-site request refused.");
    return;
  }
  const referer = c.req.header("Referer");
  if (referer === undefined) return;
  let from: string | undefined;
  try {
    from = new URL(referer).origin;
  } catch {
    from = undefined;
  }
  if (!from || !own.has(from)) throw new Forbidden("Cross-site request refused.");
}

/** Refuses a request whose Origin is neither PUBLIC_URL's nor the request's own. */
function checkSameOrigin(c: Context, publicUrl: string) {
  const origin = c.req.header("Origin");
  if (!origin || origin === "null") return;
  const own = new Set([new URL(publicUrl).origin, new URL(c.req.url).origin]);
  if (!own.has(origin)) throw new Forbidden("Cross-site request refused.");
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get("actor");
  if (actor.kind === "anonymous") throw new Unauthorized();
  if (actor.kind !== "admin") throw new AppError(403, "forbidden", "Forbidden", "This needs an administrator.");
  await next();
};

export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("actor").kind === "anonymous") throw new Unauthorized();
  await next();
};
