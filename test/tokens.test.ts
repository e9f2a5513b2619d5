/** Tokens and sealing: what was sealed with WebCrypto (before node:crypto) still opens, and the reverse. */
import { describe, expect, it } from "vitest";
import { createSealer, newToken, sha256Hex, TOKEN_PATTERN } from "../api/lib/tokens.ts";

const enc = new TextEncoder();
const secret = "a-secret-key-of-more-than-32-characters";

async function webCryptoKey() {
  const material = await crypto.subtle.digest("SHA-256", enc.encode(`cluster-events/seal/v1:${secret}`));
  return crypto.subtle.importKey("raw", material, "AES-GCM", false, ["encrypt", "decrypt"]);
}

describe("tokens", () => {
  it("are 43 base64url characters, hashed as lowercase hex SHA-256", async () => {
    const t = newToken();
    expect(t).toMatch(TOKEN_PATTERN);
    const web = Buffer.from(await crypto.subtle.digest("SHA-256", enc.encode(t))).toString("hex");
    expect(await sha256Hex(t)).toBe(web);
  });

  it("never repeat, across the random pool's refills (10,000 tokens, 128 to a pool)", () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newToken()));
    expect(seen.size).toBe(10_000);
    for (const t of seen) expect(t).toMatch(TOKEN_PATTERN);
  });

  it("open what WebCrypto sealed, and seal what WebCrypto opens; a changed byte does not open", async () => {
    const key = await webCryptoKey();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, enc.encode("トークン token")));
    const old = `v1.${Buffer.from(iv).toString("base64url")}.${Buffer.from(ct).toString("base64url")}`;
    const sealer = await createSealer(secret);
    expect(await sealer.open(old)).toBe("トークン token");

    const sealed = await sealer.seal("new token");
    const [, niv, nct] = sealed.split(".");
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: Buffer.from(niv!, "base64url") }, key, Buffer.from(nct!, "base64url"));
    expect(new TextDecoder().decode(plain)).toBe("new token");

    const bytes = Buffer.from(nct!, "base64url");
    bytes[0]! ^= 1;
    await expect(sealer.open(`v1.${niv}.${bytes.toString("base64url")}`)).rejects.toThrow();
    await expect((await createSealer(`${secret}-other`)).open(sealed)).rejects.toThrow();
    await expect(sealer.open("v2.x.y")).rejects.toThrow();
  });

  it("a mac that only the secret recomputes: the same for the same text, another under another secret, not a plain hash", async () => {
    const sealer = await createSealer(secret);
    const other = await createSealer(`${secret}-other`);
    const text = "register-ip:192.0.2.1";
    expect(sealer.mac(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(sealer.mac(text)).toBe(sealer.mac(text));
    expect(other.mac(text)).not.toBe(sealer.mac(text));
    expect(sealer.mac(text)).not.toBe(await sha256Hex(text));
  });
});
