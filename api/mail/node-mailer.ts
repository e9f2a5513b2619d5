import { join } from "node:path";
import type { Config } from "../config.ts";
import { fileMailer } from "./file-transport.ts";
import { smtpMailer, type Mailer } from "./transport.ts";

/** Under Node: SMTP when SMTP_URL is set, otherwise .eml files in DATA_DIR/mail. */
export async function buildMailer(config: Config): Promise<Mailer> {
  if (config.SMTP_URL) return smtpMailer(config.SMTP_URL, config.MAIL_FROM);
  return fileMailer(join(config.DATA_DIR, "mail"), config.MAIL_FROM);
}
