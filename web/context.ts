/** What every page handler needs from a request: language, who is asking, CSRF and rendering. */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import type { Actor, AppDeps, AppEnv } from "../api/deps.ts";
import { Forbidden } from "../api/errors.ts";
import { sha256Hex } from "../api/lib/tokens.ts";
import { MESSAGES, type Messages } from "./i18n/messages.ts";
import type { Lang } from "../lib/format.ts";

export type WebEnv = { Variables: AppEnv["Variables"] & { lang: Lang } };
export type WebContext = Context<WebEnv>;

const LANG_COOKIE = "lang";
const YEAR_SECONDS = 365 * 86_400;

/** The first of ja/en in the Accept-Language header by preference weight, if any. */
function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: (tag ?? "").trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "ja" || primary === "en") return primary;
  }
  return undefined;
}

/** The visitor's language from ?lang=, the cookie, Accept-Language, else Japanese. */
function requestLang(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "ja" || q === "en") return q;
  const cookie = getCookie(c, LANG_COOKIE);
  return cookie === "ja" || cookie === "en" ? cookie : (langFromAcceptLanguage(c.req.header("Accept-Language")) ?? "ja");
}

/** ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else Japanese. */
export function languages(deps: AppDeps): MiddlewareHandler<WebEnv> {
  const secure = deps.config.PUBLIC_URL.startsWith("https:");
  return async (c, next) => {
    const q = c.req.query("lang");
    if (q === "ja" || q === "en") {
      setCookie(c, LANG_COOKIE, q, { path: "/", maxAge: YEAR_SECONDS, sameSite: "Lax", httpOnly: true, secure });
    }
    c.set("lang", requestLang(c));
    await next();
    c.res.headers.append("Vary", "Cookie, Accept-Language");
  };
}

export type PageCtx = {
  lang: Lang;
  m: Messages;
  url: URL;
  actor: Actor;
  csrf: string | undefined;
  admin: boolean;
};

export function pageCtx(c: WebContext, admin = false): PageCtx {
  // Unset when an error is rendered before the language middleware ran (a fault in identify).
  const lang = c.get("lang") ?? requestLang(c);
  return {
    lang,
    m: MESSAGES[lang],
    url: new URL(c.req.url),
    actor: c.get("actor") ?? { kind: "anonymous" },
    csrf: c.get("session")?.csrfToken,
    admin,
  };
}

/** Renders a page (a hono/jsx element) as a whole HTML document. */
export function render(c: Context, page: unknown, status = 200, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.html(html`<!DOCTYPE html>${page}`, status as 200);
}

/** The submitted form's text fields (files are ignored). */
export async function formOf(c: WebContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
  return out;
}

/** The session's CSRF token must come back in the form's _csrf field. */
export async function assertCsrf(c: WebContext, form: Record<string, string>) {
  const expected = c.get("session")?.csrfToken;
  const sent = form._csrf;
  if (!expected || !sent) throw new Forbidden("The form's CSRF token is missing.");
  // Comparing digests keeps the time taken independent of where the strings differ.
  const [a, b] = await Promise.all([sha256Hex(sent), sha256Hex(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  if (diff !== 0) throw new Forbidden("The form's CSRF token is not right.");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | undefined): s is string => !!s && UUID.test(s);

/** The same page in another language (other query parameters kept). */
export function withLang(url: URL, lang: Lang): string {
  const u = new URL(url);
  u.searchParams.set("lang", lang);
  return `${u.pathname}${u.search}`;
}

/** A local path only (no scheme, no host), for ?next= after login. */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/admin(\/|\?|$)/.test(next) && !next.startsWith("//") && !/[\\\r\n]/.test(next) ? next : fallback;
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}
