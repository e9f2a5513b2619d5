/** The domain's words as pages show them (kinds, sectors) and the choice between a record's ja and en text. */
import type { EventKind } from "../../db/schema/events.ts";
import type { Sector } from "../../db/schema/registrations.ts";
import { KIND_WORDS, SECTOR_WORDS } from "../../lib/domain-words.ts";
import type { Lang } from "../../lib/format.ts";

export const SECTOR_LABELS: Record<Lang, Record<Sector, string>> = SECTOR_WORDS;

export function kindLabel(kind: EventKind, lang: Lang): string {
  return KIND_WORDS[lang][kind];
}

/** Prefer the English text on English pages when there is one. */
export function pick(lang: Lang, ja: string, en: string | null | undefined): string {
  return lang === "en" && en ? en : ja;
}
