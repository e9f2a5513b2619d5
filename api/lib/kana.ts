/**
 * Kana for search and storage. Hiragana and katakana are the same letters to a reader, and people
 * type a name reading in either (or in half-width katakana, or with a full-width space), so the
 * reading is stored in katakana and every search compares folded keys.
 */

/** Hiragana (ぁ..ゖ, ゝゞ) to the katakana at the same place in the other block. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/**
 * The form two strings are compared in: NFKC (half-width kana and full-width Latin folded),
 * katakana for hiragana, lower case, and no spaces of either width. たかはし, タカハシ and
 * ﾀｶﾊｼ have one key; so do 佐藤花子 and 佐藤　花子.
 */
export function searchKey(s: string): string {
  return toKatakana(s.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, "");
}
