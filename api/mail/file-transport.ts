import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Mailer } from "./transport.ts";
import { toNodemailerMessage } from "./transport.ts";

/** Without SMTP_URL (the embedded default), each message is written as an .eml file under the data folder. */
export async function fileMailer(dir: string, from: string): Promise<Mailer> {
  const nodemailer = (await import("nodemailer")).default;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  await mkdir(dir, { recursive: true });
  return {
    async send(m) {
      const info = await transport.sendMail(toNodemailerMessage(m, from));
      const name = `${m.createdAt.toISOString().replace(/[:.]/g, "-")}-${m.id}.eml`;
      await writeFile(join(dir, name), info.message as Buffer);
    },
    async forget(ids) {
      // Files are named <written>-<outbox id>.eml.
      const wanted = new Set(ids);
      for (const file of await readdir(dir)) {
        const id = /-([0-9a-f-]{36})\.eml$/.exec(file)?.[1];
        if (id && wanted.has(id)) await rm(join(dir, file), { force: true });
      }
    },
  };
}
