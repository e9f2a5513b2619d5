import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * An .eml file as text to search in: the raw bytes plus every base64 block, quoted-printable body
 * and RFC 2047 encoded word decoded, so a name in a Japanese subject or body is found whatever
 * transfer encoding nodemailer chose.
 */
export function searchableMail(raw: string): string {
  const decoded: string[] = [raw];
  const utf8 = (b: Buffer) => b.toString("utf8");
  // Encoded words in headers: =?UTF-8?B?…?= and =?UTF-8?Q?…?=
  for (const m of raw.matchAll(/=\?([\w-]+)\?([BbQq])\?([^?]*)\?=/g)) {
    const [, , enc, text] = m;
    decoded.push(
      enc!.toUpperCase() === "B" ? utf8(Buffer.from(text!, "base64")) : utf8(Buffer.from(qpBytes(text!.replace(/_/g, " ")))),
    );
  }
  // Header folding joins encoded words too: decode the unfolded headers once more.
  const unfolded = raw.replace(/\?=\r?\n[ \t]+=\?[\w-]+\?[BbQq]\?/g, "");
  for (const m of unfolded.matchAll(/=\?[\w-]+\?[Bb]\?([^?]*)\?=/g)) decoded.push(utf8(Buffer.from(m[1]!, "base64")));
  // Base64 bodies: runs of base64-only lines.
  for (const m of raw.matchAll(/(?:^[A-Za-z0-9+/]{4,}={0,2}\r?\n)+/gm))
    decoded.push(utf8(Buffer.from(m[0].replace(/\s+/g, ""), "base64")));
  // Quoted-printable bodies.
  decoded.push(utf8(Buffer.from(qpBytes(raw.replace(/=\r?\n/g, "")))));
  return decoded.join("\n");
}

function qpBytes(s: string): number[] {
  const out: number[] = [];
  const bytes = Buffer.from(s, "utf8");
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString("latin1");
    if (bytes[i] === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return out;
}

/** Every file under a folder (recursively), with its searchable text. */
export async function mailFolder(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.push({ file: path, text: searchableMail(await readFile(path, "utf8")) });
  }
  return out;
}
