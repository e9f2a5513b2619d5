/** Secret tokens: 256 random bits, base64url; stored as SHA-256; sealed with AES-GCM when they must be shown again. */
import { Buffer } from "node:buffer";
import * as nodeCrypto from "node:crypto";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomFillSync } from "node:crypto";

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

function fromBase64url(s: string): Buffer {
  return Buffer.from(s, "base64url");
}

/**
 * Random bytes from the CSPRNG, drawn 4 KiB at a time (as crypto.randomUUID does): one call into
 * OpenSSL per 128 tokens instead of one per token. Each slice is handed out once, as a copy.
 */
const POOL = Buffer.alloc(4096);
let poolAt = POOL.length;
function randomBytes(n: number): Buffer {
  if (n > POOL.length) return randomFillSync(Buffer.alloc(n));
  if (poolAt + n > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const out = Buffer.from(POOL.subarray(poolAt, poolAt + n));
  POOL.fill(0, poolAt, poolAt + n);
  poolAt += n;
  return out;
}

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens we issue are 43 base64url characters; anything else cannot be one. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** node:crypto's one-shot `hash()` (Node ≥ 20.12), where the runtime has it. */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

/**
 * SHA-256 in hex, computed at once (node:crypto, on Workers through nodejs_compat): WebCrypto's
 * digest goes through a job queue and a promise, several times the cost on the registration path.
 * The one-shot `hash()` skips building a Hash stream object; elsewhere createHash does the same.
 */
export async function sha256Hex(input: string): Promise<string> {
  return typeof oneShotHash === "function" ? oneShotHash("sha256", input, "hex") : createHash("sha256").update(input).digest("hex");
}

export type Sealer = {
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
  /** HMAC-SHA256 in hex under a key derived from the secret: a value that cannot be recomputed without it. */
  mac(text: string): string;
};

/**
 * AES-256-GCM under a key derived from the secret; the sealed form is `v1.<iv>.<ciphertext and
 * tag>`, as WebCrypto writes it (values sealed before still open). node:crypto (on Workers through
 * nodejs_compat) does it at once, where WebCrypto's encrypt queues a job and a promise per call.
 */
export async function createSealer(secret: string): Promise<Sealer> {
  const key = createHash("sha256").update(`cluster-events/seal/v1:${secret}`).digest();
  const macKey = createHash("sha256").update(`cluster-events/mac/v1:${secret}`).digest();
  return {
    mac: (text) => createHmac("sha256", macKey).update(text).digest("hex"),
    async seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `v1.${base64url(iv)}.${base64url(ct)}`;
    },
    async open(sealed) {
      const [v, iv, ct] = sealed.split(".");
      if (v !== "v1" || !iv || !ct) throw new Error("unknown sealed format");
      const bytes = fromBase64url(ct);
      if (bytes.length < 16) throw new Error("sealed value too short");
      const decipher = createDecipheriv("aes-256-gcm", key, fromBase64url(iv));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    },
  };
}
