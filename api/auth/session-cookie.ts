import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Ctx } from "../deps.ts";
import { clientAddress } from "../lib/client-ip.ts";
import { checkLoginOrigin, sessionCookieName } from "./middleware.ts";
import { login, logout } from "./service.ts";

/**
 * Logs in and sets the session cookie (HttpOnly, SameSite=Lax, Secure and __Host- over https). A
 * session cookie from before is ended, never reused: the session is new at every login. Used by
 * the API and the organisers' login page alike.
 */
export async function startSession(
  c: Context,
  deps: Pick<Ctx, "db" | "config" | "who" | "sealer">,
  { email, password }: { email: string; password: string },
) {
  // No session yet, so no CSRF token: a cross-site login attempt is refused by its Origin (or Referer).
  checkLoginOrigin(c, deps.config.PUBLIC_URL);
  const address = clientAddress(c, deps.config);
  const name = sessionCookieName(deps.config.PUBLIC_URL);
  const old = getCookie(c, name);
  if (old) await logout(deps.db, old);
  const s = await login(deps, { email, password, address });
  setCookie(c, name, s.token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.config.PUBLIC_URL.startsWith("https:"),
    path: "/",
    expires: s.expiresAt,
  });
  return s;
}

export async function endSession(c: Context, deps: Pick<Ctx, "db" | "config">) {
  const name = sessionCookieName(deps.config.PUBLIC_URL);
  const token = getCookie(c, name);
  if (token) await logout(deps.db, token);
  deleteCookie(c, name, { path: "/", secure: deps.config.PUBLIC_URL.startsWith("https:") });
}
