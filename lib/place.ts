/** Where an event is, as one line for calendars: the venue, then the address (or, without one, the prefecture). */
import { prefectureName } from "./prefectures.ts";

export type PlaceParts = {
  venue: string | null;
  venueEn?: string | null;
  prefecture: string | null;
  address?: string | null;
  addressEn?: string | null;
};

const given = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

export function placeLine(e: PlaceParts, lang: "ja" | "en"): string {
  const venue = lang === "en" && given(e.venueEn) ? e.venueEn : e.venue;
  const address = lang === "en" && given(e.addressEn) ? e.addressEn : e.address;
  return [venue, given(address) ? address : prefectureName(e.prefecture, lang)].filter(given).join(", ");
}
