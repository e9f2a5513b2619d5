/** The page frame: head, the site and organiser navigation, the language switch, main and footer. */
import type { Child } from "hono/jsx";
import { ASSET_URLS } from "../assets/index.ts";
import { withLang, type PageCtx } from "../context.ts";

type Section = "events" | "clusters" | "calendar" | "organisers" | "dashboard" | "admin-events" | "account" | undefined;

export function Layout(props: { ctx: PageCtx; title: string; section?: Section; children?: Child }) {
  const { ctx, title, section } = props;
  const { m, lang } = ctx;
  const other = lang === "ja" ? "en" : "ja";
  const staff = ctx.actor.kind !== "anonymous";
  const current = (s: Section) => (section === s ? { "aria-current": "page" } : {});
  const siteNav: [string, Section, string][] = [
    ["/", "events", m.navEvents],
    ["/clusters", "clusters", m.navClusters],
    ["/calendar", "calendar", m.navCalendar],
    ["/admin", "organisers", m.navOrganisers],
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{`${title} | ${m.siteName}`}</title>
        <link rel="stylesheet" href={ASSET_URLS.css} />
        <link rel="icon" href="/favicon.ico" sizes="16x16" />
        <script src={ASSET_URLS.js} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {m.skip}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              {m.siteName}
              <small>{m.siteTagline}</small>
            </a>
            <nav class="main" aria-label={m.mainNav}>
              <ul>
                {siteNav.map(([href, s, label]) => (
                  <li>
                    <a href={href} {...current(s)}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <a class="langswitch" href={withLang(ctx.url, other)} lang={other} hreflang={other} aria-label={m.switchLangLabel}>
              {m.switchLang}
            </a>
          </div>
        </header>
        {ctx.admin && staff ? (
          <div class="adminbar">
            <div class="wrap">
              <a href="/admin" {...current("dashboard")}>
                {m.navDashboard}
              </a>
              <a href="/admin/events" {...current("admin-events")}>
                {m.navAdminEvents}
              </a>
              <a href="/admin/account" {...current("account")}>
                {m.navAccount}
              </a>
              <span class="muted">{m.signedInAs(ctx.actor.kind === "anonymous" ? "" : ctx.actor.label)}</span>
              {ctx.csrf ? (
                <form method="post" action="/admin/logout">
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button type="submit" class="secondary small">
                    {m.logout}
                  </button>
                </form>
              ) : null}
            </div>
          </div>
        ) : null}
        <main id="main" tabindex={-1}>
          <div class="wrap">{props.children}</div>
        </main>
        <footer class="site">
          <div class="wrap">{m.footer}</div>
        </footer>
      </body>
    </html>
  );
}
