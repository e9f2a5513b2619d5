import { z } from "@hono/zod-openapi";
import type { FieldReason } from "../errors.ts";
import { toKatakana } from "./kana.ts";

/** C0/C1 control characters other than tab, line feed and carriage return; never accepted. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Single-line fields also refuse line breaks, tabs and the Unicode line/paragraph separators. */
const LINE_BREAK = /[\t\r\n\u2028\u2029]/;
/** Invisible characters that only serve to spoof: bidi overrides, zero-width joiners at the edges, BOM. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\uFEFF]/;

function cleanText(multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const refuse = (reason: FieldReason, message: string) => ctx.addIssue({ code: "custom", message, params: { reason } });
    if (!value.isWellFormed()) refuse("invalid_unicode", "contains an unpaired surrogate (invalid Unicode)");
    else if (CONTROL.test(value)) refuse("control_character", "contains a control character");
    else if (!multiline && LINE_BREAK.test(value)) refuse("single_line", "must be a single line");
    else if (BIDI.test(value)) refuse("bidi", "contains a bidirectional override or BOM");
  };
}

const PATTERN_REASONS = new Map<string, FieldReason>();

/** A pattern whose failure pages explain by the product's reason (zod's issue names the pattern, as `String(regex)`). */
export function reasoned(pattern: RegExp, reason: FieldReason): RegExp {
  PATTERN_REASONS.set(String(pattern), reason);
  return pattern;
}
export const reasonOfPattern = (pattern: string): FieldReason | undefined => PATTERN_REASONS.get(pattern);

/** A person-facing single line of text: NFC-normalised, trimmed (full-width spaces too), 1..max characters. */
export function line(max: number) {
  return z
    .string()
    .superRefine(cleanText(false))
    .transform((s) => s.normalize("NFC").replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .pipe(z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`));
}

/** Multi-line text such as a description. */
export function paragraph(max: number) {
  return z
    .string()
    .superRefine(cleanText(true))
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`));
}

/** The identity of an e-mail address: NFKC (full-width to ASCII), trimmed, lower case. */
export function emailKey(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const EMAIL = reasoned(
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
  "email",
);

/** An e-mail address; full-width input (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ) is accepted and normalised. */
export const emailField = z
  .string()
  .superRefine(cleanText(false))
  .transform((s) => s.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      // An empty address is a missing one, and is told so (not "must be an e-mail address").
      .min(1, { message: "must not be empty", abort: true })
      .max(254, "must be at most 254 characters")
      .regex(EMAIL, "must be an e-mail address"),
  );

const KANA = reasoned(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・A-Za-z .'\-\u3000]+$/u, "kana");

/**
 * A name reading: kana (hiragana, katakana, half-width), Latin letters, spaces and a little
 * punctuation; stored in katakana whatever was typed, so the desk finds it either way.
 */
export const kanaField = line(100)
  .transform((s) => toKatakana(s.normalize("NFKC")))
  .pipe(z.string().regex(KANA, "must be written in kana (or Latin letters)"));
