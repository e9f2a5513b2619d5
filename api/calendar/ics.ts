import { placeLine } from "../../lib/place.ts";
import { TZDate } from "@date-fns/tz";
import ical, { escape, ICalEvent, ICalEventStatus, type ICalCalendar, type ICalEventData } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { MONTH_NAMES_EN } from "../../lib/calendar-words.ts";
import { TOKYO_OFFSET_MS } from "../../lib/time.ts";

/**
 * The one iCalendar builder behind every feed, download and e-mail attachment.
 * Pure: the output is a function of the arguments only (never of the clock or of process.env.TZ),
 * and it runs on Workers (the VTIMEZONE comes from timezones-ical-library, not from zone files).
 *
 * ical-generator serialises each VEVENT (dates, escaping, status); this module writes the calendar
 * envelope and folds the lines itself. ICalCalendar#toString() is not used because its folding
 * allocates a TextEncoder and a string per character: about 95% of the time of a 10,000-event feed
 * (seconds). Its calendar-level time zone is avoided too: setting one turns DTSTAMP, CREATED and
 * LAST-MODIFIED into process-local times without "Z".
 */

export type FeedEvent = {
  id: string;
  kind: string;
  status: "planned" | "scheduled" | "cancelled";
  titleJa: string;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  venue: string | null;
  /** English feeds show it in LOCATION where there is one. */
  venueEn?: string | null;
  prefecture: string | null;
  /** The street address (ja/en); LOCATION shows it instead of the prefecture where given. */
  address?: string | null;
  addressEn?: string | null;
  /** "month": known only to the month; the feed has one all-day entry on the 1st, the month in its title. */
  datePrecision?: "day" | "month";
  startsAt: Date;
  /** Exclusive. For all-day events: Tokyo midnight of the day after the last day. */
  endsAt: Date;
  allDay: boolean;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  /** The reader's registration is waitlisted: shown as TENTATIVE. */
  tentative?: boolean;
  /** Where the entry links to; default the event's page. (A programme session links to its event.) */
  url?: string;
};

export type BuildCalendarOptions = {
  events: FeedEvent[];
  lang: "ja" | "en";
  name: string;
  description?: string;
  publicUrl: string;
  /** Accepted for the callers' convenience and deliberately unused (callers filter), so the output depends on the data only. */
  now: Date;
  /** Whole minutes; default 60. */
  refreshMinutes?: number;
};

const TZID = "Asia/Tokyo";
const UID_DOMAIN = "cluster-events";
const PRODID = "-//cluster-events//Regional cluster events";
const LINK_LABEL = { ja: "詳細・参加登録", en: "Details and registration" } as const;
const DAY_MS = 86_400_000;
const CRLF = "\r\n";

/** The same UID for an event in every feed, download and attachment, so clients update instead of duplicating. */
export function eventUid(id: string): string {
  return `${id}@${UID_DOMAIN}`;
}

/** Loaded once per isolate. */
const TOKYO_VTIMEZONE = loadVtimezone(TZID);

function loadVtimezone(tz: string): string {
  const block = tzlib_get_ical_block(tz);
  const text = Array.isArray(block) ? block[0] : undefined;
  if (!text?.startsWith("BEGIN:VTIMEZONE")) throw new Error(`timezones-ical-library has no VTIMEZONE for ${tz}`);
  return text.replace(/\r?\n/g, CRLF).trim() + CRLF;
}

/**
 * Text as it can travel in iCalendar: lone surrogates become U+FFFD, CR, CRLF and the Unicode line and
 * paragraph separators become "\n" (parsers split lines on them), and the other control characters,
 * which TEXT forbids (RFC 5545 §3.3.11), are dropped; HTAB stays.
 */
const UNSAFE = /\r\n?|[\u2028\u2029]|[\u0000-\u0008\u000B-\u001F\u007F]/g;
export function cleanText(s: string): string {
  const w = s.isWellFormed() ? s : s.toWellFormed();
  return w.replace(UNSAFE, (m) => (m.length === 1 && m !== "\r" && m !== "\u2028" && m !== "\u2029" ? "" : "\n"));
}

const text = (s: string) => escape(cleanText(s), false);

function nonBlank(s: string | null | undefined): s is string {
  return s != null && s.trim() !== "";
}

/** Days since 1970-01-01 in Tokyo, and back to a Date whose UTC calendar date is that Tokyo date. */
const tokyoDay = (ms: number) => Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS);
const dateOfDay = (day: number) => new Date(day * DAY_MS);

function statusOf(e: FeedEvent): ICalEventStatus {
  if (e.status === "cancelled") return ICalEventStatus.CANCELLED;
  if (e.status === "planned" || e.tentative) return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

/** " (March 2004; day not recorded)" / "（2004年3月・日付不詳）" for an event known only to the month. */
function monthNote(e: FeedEvent, lang: "ja" | "en"): string {
  if (e.datePrecision !== "month") return "";
  const d = new Date(e.startsAt.getTime() + TOKYO_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return lang === "en" ? ` (${MONTH_NAMES_EN[m]} ${y}; day not recorded)` : `（${y}年${m + 1}月・日付不詳）`;
}

function eventData(e: FeedEvent, lang: "ja" | "en", base: string): ICalEventData {
  const link = e.url ?? `${base}/events/${encodeURIComponent(e.id)}`;
  const title = (lang === "en" && nonBlank(e.titleEn) ? e.titleEn : e.titleJa) + monthNote(e, lang);
  const body = lang === "en" && nonBlank(e.descriptionEn) ? e.descriptionEn : e.descriptionJa;
  const linkLine = `${LINK_LABEL[lang]}: ${link}`;
  const location = placeLine(e, lang);

  return {
    id: eventUid(e.id),
    sequence: e.sequence,
    stamp: e.updatedAt,
    created: e.createdAt,
    lastModified: e.updatedAt,
    ...when(e),
    summary: cleanText(title),
    description: nonBlank(body) ? `${cleanText(body)}\n\n${linkLine}` : linkLine,
    location: location ? cleanText(location) : null,
    url: link,
    status: statusOf(e),
  };
}

function when(e: FeedEvent): Pick<ICalEventData, "start" | "end" | "allDay" | "timezone"> {
  if (e.datePrecision === "month") {
    // One all-day entry on the 1st, not a month-long block: the title says which month.
    const first = tokyoDay(e.startsAt.getTime());
    return { allDay: true, start: dateOfDay(first), end: dateOfDay(first + 1) };
  }
  if (e.allDay) {
    // DATE values are formatted in UTC when the event has no zone: pass the Tokyo dates as UTC midnights.
    const first = tokyoDay(e.startsAt.getTime());
    const after = Math.max(first + 1, tokyoDay(e.endsAt.getTime() - 1) + 1);
    return { allDay: true, start: dateOfDay(first), end: dateOfDay(after) };
  }
  // Zoned values: a plain Date would be read in the process's time zone.
  return { timezone: TZID, start: new TZDate(e.startsAt.getTime(), TZID), end: new TZDate(e.endsAt.getTime(), TZID) };
}

/** ical-generator backslash-escapes ",;\" inside URL values; keep them out of the base. */
function safeBase(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, "").replace(/[\\;,\s]/g, (c) => encodeURIComponent(c));
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}`;
}

const LINE_OCTETS = 75;

/**
 * Appends the content lines of `block` (CRLF-separated, unfolded) to `out`, folded at 75 octets of UTF-8
 * (RFC 5545 §3.1) and only between code points: a surrogate pair is one 4-octet unit. Greedy, so a
 * combining sequence is split only when the limit forces it. Lone surrogates count as U+FFFD (3 octets),
 * which is what encoding produces. Linear, no allocation per character.
 */
function foldInto(out: string[], block: string): void {
  let from = 0;
  while (from < block.length) {
    let to = block.indexOf(CRLF, from);
    if (to < 0) to = block.length;
    if ((to - from) * 3 <= LINE_OCTETS) {
      out.push(block.slice(from, to), CRLF);
    } else {
      let start = from;
      let octets = 0;
      let budget = LINE_OCTETS;
      for (let i = from; i < to;) {
        const c = block.charCodeAt(i);
        let size = 3;
        let units = 1;
        if (c < 0x80) size = 1;
        else if (c < 0x800) size = 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (block.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          size = 4;
          units = 2;
        }
        if (octets + size > budget) {
          out.push(block.slice(start, i), "\r\n ");
          start = i;
          octets = 0;
          budget = LINE_OCTETS - 1; // the leading space of a continuation line counts
        }
        octets += size;
        i += units;
      }
      out.push(block.slice(start, to), CRLF);
    }
    from = to + 2;
  }
}

export function buildCalendar(opts: BuildCalendarOptions): string {
  const { events, lang, name, description, publicUrl, refreshMinutes = 60 } = opts;
  if (!Number.isInteger(refreshMinutes) || refreshMinutes <= 0)
    throw new RangeError("refreshMinutes must be a positive whole number");
  const base = safeBase(publicUrl);
  const ttl = duration(refreshMinutes);

  const head = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}//${lang.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${text(name)}`,
    `X-WR-CALNAME:${text(name)}`,
    ...(nonBlank(description) ? [`X-WR-CALDESC:${text(description)}`] : []),
    `X-WR-TIMEZONE:${TZID}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ttl}`,
    `X-PUBLISHED-TTL:${ttl}`,
  ].join(CRLF);

  const out: string[] = [];
  foldInto(out, head);
  out.push(TOKYO_VTIMEZONE);
  // No time zone on the calendar: DTSTAMP, CREATED and LAST-MODIFIED stay in UTC with "Z".
  const cal: ICalCalendar = ical();
  for (const e of events) {
    const vevent = new ICalEvent(eventData(e, lang, base), cal).toString(); // unfolded, ends with CRLF
    foldInto(out, vevent.slice(0, -2));
  }
  out.push("END:VCALENDAR", CRLF);
  return out.join("");
}

/** A strong ETag: the quoted hex SHA-256 of the parts (JSON-encoded, so ["a,b"] and ["a","b"] differ). */
export async function etagFor(parts: string[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return `"${hex}"`;
}
