/** The event editor's form mapping: an event to the form's text, the form's text to the API's event input. */
import type { EventRow } from "../../../db/schema/index.ts";
import { toTokyoIso } from "../../../lib/time.ts";
import { PLACE_FORM_FIELDS, placeFormValues, placeInput } from "../events/place-fields.tsx";
import { CALL_FORM_FIELDS, callFormValues, callInput } from "../events/call-fields.tsx";
import { type EventFormValues } from "../events/page.tsx";

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const DAY_MS = 86_400_000;

/** A Tokyo wall-clock "YYYY-MM-DDTHH:mm" for a datetime-local field. */
function localValue(d: Date | null): string {
  if (!d) return "";
  return toTokyoIso(d).slice(0, 16);
}

export function formValues(e: EventRow): EventFormValues {
  return {
    kind: e.kind,
    status: e.status === "planned" ? "planned" : "scheduled",
    titleJa: e.titleJa,
    titleEn: e.titleEn ?? "",
    descriptionJa: e.descriptionJa ?? "",
    descriptionEn: e.descriptionEn ?? "",
    block: e.blockCode ?? "",
    venue: e.venue ?? "",
    venueEn: e.venueEn ?? "",
    prefecture: e.prefecture ?? "",
    startsAt: localValue(e.startsAt),
    // An all-day event's end is the exclusive midnight; the form shows its last day.
    endsAt: e.allDay ? localValue(new Date(Math.max(e.startsAt.getTime(), e.endsAt.getTime() - DAY_MS))) : localValue(e.endsAt),
    allDay: e.allDay ? "1" : "",
    capacity: e.capacity === null ? "" : String(e.capacity),
    registrationOpensAt: localValue(e.registrationOpensAt),
    registrationClosesAt: localValue(e.registrationClosesAt),
    ...placeFormValues(e),
    ...callFormValues(e),
  };
}

/** Form text to the API's event input: Tokyo wall-clock times get +09:00, empty optional fields become null. */
export function eventInput(v: EventFormValues): Record<string, unknown> {
  const allDay = v.allDay === "1";
  const instant = (s: string | undefined, dateOnly: boolean) => {
    const t = (s ?? "").normalize("NFKC").trim();
    if (!t) return undefined;
    if (dateOnly) return t.slice(0, 10);
    if (LOCAL_DATETIME.test(t)) return `${t.length === 16 ? `${t}:00` : t}+09:00`;
    return t;
  };
  const text = (s: string | undefined) => (s && s.trim() ? s : null);
  const capacity = (v.capacity ?? "").normalize("NFKC").trim();
  return {
    kind: v.kind,
    status: v.status || "scheduled",
    titleJa: v.titleJa ?? "",
    titleEn: text(v.titleEn),
    descriptionJa: text(v.descriptionJa),
    descriptionEn: text(v.descriptionEn),
    block: text(v.block),
    venue: text(v.venue),
    venueEn: text(v.venueEn),
    prefecture: text(v.prefecture),
    startsAt: instant(v.startsAt, allDay),
    endsAt: instant(v.endsAt, allDay),
    allDay,
    // Digits are a number; anything else ("abc", "-5", "1.5") stays text, and is refused as not a whole number.
    capacity: capacity === "" ? null : /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    registrationOpensAt: instant(v.registrationOpensAt, false) ?? null,
    registrationClosesAt: instant(v.registrationClosesAt, false) ?? null,
    ...placeInput(v),
    ...callInput(v),
  };
}

export const EVENT_FIELDS = [
  "kind",
  "status",
  "titleJa",
  "titleEn",
  "descriptionJa",
  "descriptionEn",
  "block",
  "venue",
  "venueEn",
  "prefecture",
  "startsAt",
  "endsAt",
  "allDay",
  "capacity",
  "registrationOpensAt",
  "registrationClosesAt",
  ...PLACE_FORM_FIELDS,
  ...CALL_FORM_FIELDS,
] as const;
