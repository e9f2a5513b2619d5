/** The organiser's own account: their API tokens (with expiry) and "log out everywhere". */
import type { PageCtx } from "../context.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Csrf, Layout } from "../layout.tsx";

export type TokenItem = {
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  revoked: boolean;
};

export function AccountPage(props: { ctx: PageCtx; tokens: TokenItem[] }) {
  const { ctx } = props;
  const { m, lang } = ctx;
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), lang) : "—");
  return (
    <Layout ctx={ctx} title={m.accountTitle} section="account">
      <h1>{m.accountTitle}</h1>
      <section class="panel">
        <h2>{m.apiTokensTitle}</h2>
        {props.tokens.length === 0 ? (
          <p>{m.noApiTokens}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  {[m.tokenName, m.tokenPrefix, m.tokenCreated, m.tokenLastUsed, m.tokenExpires, m.statusCol].map((h) => (
                    <th scope="col">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.tokens.map((t) => (
                  <tr>
                    <th scope="row">{t.name}</th>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{when(t.createdAt)}</td>
                    <td>{when(t.lastUsedAt)}</td>
                    <td>{t.expiresAt ? when(t.expiresAt) : m.tokenNoExpiry}</td>
                    <td>
                      <span class={`badge ${t.revoked || t.expired ? "bad" : "ok"}`}>
                        {t.revoked ? m.tokenRevoked : t.expired ? m.tokenExpired : m.tokenActive}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="panel">
        <h2>{m.logoutAll}</h2>
        <p>{m.logoutAllHelp}</p>
        <form method="post" action="/admin/logout-all">
          <Csrf ctx={ctx} />
          <button type="submit" class="danger">
            {m.logoutAll}
          </button>
        </form>
      </section>
    </Layout>
  );
}
