/** Add-to-calendar links for one event. */
import { placeLine } from "../lib/place.ts";
import type { EventRow } from "../db/schema/index.ts";
import { tokyoParts } from "../lib/time.ts";
import { pick } from "./i18n/domain.ts";
import type { Lang } from "../lib/format.ts";

const compactUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
const compactDate = (d: Date) => {
  const p = tokyoParts(d);
  return `${p.year}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}`;
};

/** The event's own .ics file (downloaded, then opened by the calendar app). */
export function icsUrl(eventId: string, lang: Lang): string {
  return `/calendar/events/${eventId}.ics${lang === "en" ? "?lang=en" : ""}`;
}

/** Google Calendar's "create event" template, prefilled; all-day events use dates with an exclusive end. */
export function googleTemplateUrl(event: EventRow, lang: Lang, publicUrl: string): string {
  const dates =
    event.datePrecision === "month"
      ? // Known only to the month: one day on the 1st, as in the feeds (the title names the month there).
        `${compactDate(event.startsAt)}/${compactDate(new Date(event.startsAt.getTime() + 86_400_000))}`
      : event.allDay
        ? `${compactDate(event.startsAt)}/${compactDate(event.endsAt)}`
        : `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`;
  const description = pick(lang, event.descriptionJa ?? "", event.descriptionEn);
  const page = `${publicUrl}/events/${event.id}`;
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: pick(lang, event.titleJa, event.titleEn),
    dates,
    ctz: "Asia/Tokyo",
    details: description ? `${description}\n\n${page}` : page,
  });
  const location = placeLine(event, lang);
  if (location) params.set("location", location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
