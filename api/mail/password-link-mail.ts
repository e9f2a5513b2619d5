import type { Db } from "../../db/client.ts";
import type { Config } from "../config.ts";
import type { Sealer } from "../lib/tokens.ts";
import { renderMail } from "./layout.ts";
import { enqueueToRender } from "./outbox.ts";

export const PASSWORD_LINK_KIND = "organiser.password-link";

/**
 * Writes an organiser's password link to the outbox: the token only sealed, rendered into the
 * message at delivery and cleared from the row once sent.
 */
export async function enqueuePasswordLink(
  tx: Db,
  deps: { config: Pick<Config, "PUBLIC_URL">; sealer: Sealer },
  m: { organiser: { id: string; email: string }; token: string; tokenHash: string; locale: "ja" | "en"; now: Date },
) {
  await enqueueToRender(tx, deps.config.PUBLIC_URL, {
    dedupeKey: `password-link:${m.tokenHash}`,
    kind: PASSWORD_LINK_KIND,
    to: m.organiser.email,
    locale: m.locale,
    payload: { organiserId: m.organiser.id, sealedToken: await deps.sealer.seal(m.token) },
    now: m.now,
  });
}

/** The password-link message in the organiser's language. Pure. */
export function renderPasswordLinkMail(
  config: Pick<Config, "PUBLIC_URL">,
  m: { name: string; locale: string | null; token: string },
) {
  const en = m.locale === "en";
  const href = `${config.PUBLIC_URL}/admin/password?token=${m.token}`;
  const { text, html } = renderMail({
    greeting: en ? `Dear ${m.name},` : `${m.name} 様`,
    paragraphs: [
      en
        ? "An organiser account has been set up for you. Choose your password with this link (valid for 72 hours, once):"
        : "主催者アカウントが作成されました。下記のリンクからパスワードを設定してください（72時間以内・1回限り有効）。",
      { label: en ? "Set your password" : "パスワードを設定する", href },
    ],
    footer: en ? "Regional cluster events" : "地域クラスター催事システム",
  });
  return { subject: en ? "Set your organiser password" : "【主催者アカウント】パスワード設定のご案内", text, html };
}
