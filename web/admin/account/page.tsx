/** The organiser's own account: their API tokens (with expiry) and "log out everywhere". */
import type { PageCtx } from "../../context.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { Layout } from "../../ui/layout.tsx";
import { Table, type Column } from "../../ui/table.tsx";
import { Csrf } from "../../ui/field.tsx";

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
  const columns: Column<TokenItem>[] = [
    { head: m.tokenName, rowHeader: true, cell: (t) => t.name },
    { head: m.tokenPrefix, cell: (t) => <code>{t.prefix}…</code> },
    { head: m.tokenCreated, cell: (t) => when(t.createdAt) },
    { head: m.tokenLastUsed, cell: (t) => when(t.lastUsedAt) },
    { head: m.tokenExpires, cell: (t) => (t.expiresAt ? when(t.expiresAt) : m.tokenNoExpiry) },
    {
      head: m.statusCol,
      cell: (t) => (
        <span class={`badge ${t.revoked || t.expired ? "bad" : "ok"}`}>
          {t.revoked ? m.tokenRevoked : t.expired ? m.tokenExpired : m.tokenActive}
        </span>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={m.accountTitle} section="account">
      <h1>{m.accountTitle}</h1>
      <section class="panel">
        <h2>{m.apiTokensTitle}</h2>
        {props.tokens.length === 0 ? <p>{m.noApiTokens}</p> : <Table columns={columns} rows={props.tokens} />}
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
