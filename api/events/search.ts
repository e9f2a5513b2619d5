/**
 * Free-text search over events (`GET /api/events?q=`): every word must appear in the title,
 * description, venue or prefecture, in either language. Both sides are compared as searchKey
 * folds them (NFKC, katakana for hiragana, lower case, no spaces), the column side in SQL, so the
 * search combines with the other filters and the cursor.
 */
import { and, sql, type SQL } from "drizzle-orm";
import { events, prefectures } from "../../db/schema/index.ts";
import { searchKey } from "../lib/kana.ts";

/** At most this many words; more say nothing a person means. */
const MAX_SEARCH_WORDS = 8;

const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join("") + "\u309D\u309E";
const KATAKANA = [...HIRAGANA].map((c) => String.fromCharCode(c.charCodeAt(0) + 0x60)).join("");

/** The words of a query, each in its searchable form; blanks dropped. */
export function searchWords(q: string): string[] {
  return q
    .normalize("NFKC")
    .split(/\s+/)
    .map(searchKey)
    .filter((w) => w !== "")
    .slice(0, MAX_SEARCH_WORDS);
}

/** The event's searchable text, folded in SQL the way searchKey folds in JS (fields apart by "|"). */
const haystack = sql`regexp_replace(lower(translate(normalize(concat_ws('|', ${events.titleJa}, ${events.titleEn}, ${events.descriptionJa}, ${events.descriptionEn}, ${events.venue}, ${events.venueEn}, ${events.prefecture}, (select ${prefectures.nameEn} from ${prefectures} where ${prefectures.nameJa} = ${events.prefecture})), NFKC), ${HIRAGANA}, ${KATAKANA})), '\\s', '', 'g')`;

export function matchesWords(words: string[]): SQL | undefined {
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`strpos(${haystack}, ${w}) > 0`));
}
