import { z } from "@hono/zod-openapi";
import { DATE_PRECISIONS, EVENT_KINDS, EVENT_STATUSES } from "../../db/schema/events.ts";
import { instantInput, MAX_YEAR, MIN_YEAR } from "../lib/date-input.ts";
import { boothSize } from "../lib/booth-size.ts";
import { emailField, line, paragraph } from "../lib/text.ts";

export { instantInput };

const EventKind = z.enum(EVENT_KINDS).openapi("EventKind");
/** "month": only the month is known (the range is that whole month; shown as 2004年3月 / March 2004). */
const DatePrecision = z.enum(DATE_PRECISIONS).openapi("DatePrecision");
const EventStatus = z.enum(EVENT_STATUSES).openapi("EventStatus");
const blockCode = z.string().regex(/^[a-z]{2,20}$/, "must be a block code such as kanto");

/** A map link: an absolute https URL (never javascript:, data: or plain http). */
const httpsUrl = line(2000).pipe(
  z.string().refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" && u.hostname !== "" && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "must be an https:// URL"),
);
const phone = line(30)
  .transform((s) => s.normalize("NFKC").replace(/[‐－―ー]/g, "-"))
  .pipe(z.string().regex(/^\+?[0-9()\- ]{6,30}$/, "must be a telephone number such as 03-1234-5678"));

/** Where the event is, how to get there and who to ask; the privacy notice registrants agree to. */
const EVENT_PLACE_FIELDS = {
  address: line(300).nullish().openapi({ example: "神奈川県横浜市西区みなとみらい1-1-1" }),
  addressEn: line(300).nullish().openapi({ example: "1-1-1 Minatomirai, Nishi-ku, Yokohama, Kanagawa" }),
  access: paragraph(1000).nullish().openapi({ description: "Nearest station and directions", example: "みなとみらい駅から徒歩5分" }),
  accessEn: paragraph(1000).nullish().openapi({ example: "5 minutes' walk from Minatomirai Station" }),
  mapUrl: httpsUrl.nullish().openapi({ example: "https://www.openstreetmap.org/?mlat=35.4576&mlon=139.6366" }),
  contactName: line(200).nullish().openapi({ example: "関東地域ブロック協議会 事務局" }),
  contactEmail: emailField.nullish().openapi({ type: "string", example: "office@example.jp" }),
  contactPhone: phone.nullish().openapi({ type: "string", example: "03-1234-5678" }),
  privacyNoticeJa: paragraph(5000).nullish().openapi({ description: "The event's privacy notice; null: the product's default notice" }),
  privacyNoticeEn: paragraph(5000).nullish(),
  consentRequired: z.boolean().optional().openapi({ description: "Registration needs consent: true (agreement to the privacy notice)" }),
};
export type EventPlaceField = keyof typeof EVENT_PLACE_FIELDS;
export const EVENT_PLACE_KEYS = Object.keys(EVENT_PLACE_FIELDS) as EventPlaceField[];

export const EventCreate = z
  .strictObject({
    kind: EventKind,
    titleJa: line(200),
    titleEn: line(200).nullish(),
    descriptionJa: paragraph(5000).nullish(),
    descriptionEn: paragraph(5000).nullish(),
    block: blockCode.nullish(),
    venue: line(200).nullish(),
    venueEn: line(200).nullish(),
    prefecture: line(10).nullish(),
    startsAt: instantInput,
    endsAt: instantInput,
    allDay: z.boolean().optional(),
    datePrecision: DatePrecision.optional(),
    capacity: z.number().int().min(0).max(1_000_000).nullish(),
    attendance: z.number().int().min(0).max(10_000_000).nullish(),
    attendanceApprox: z.boolean().optional(),
    registrationOpensAt: instantInput.nullish(),
    registrationClosesAt: instantInput.nullish(),
    status: z.enum(["planned", "scheduled"]).optional(),
    ...EVENT_PLACE_FIELDS,
    exhibitorCallOpensAt: instantInput
      .nullish()
      .openapi({ description: "techno_fair only: when the exhibitor application form opens" }),
    exhibitorCallClosesAt: instantInput.nullish().openapi({ description: "techno_fair only: when it closes" }),
    exhibitorBoothSizes: z
      .array(boothSize)
      .max(20)
      .optional()
      .openapi({ description: "techno_fair only: the booth sizes applicants may choose", example: ["1x1", "2x1", "2x2"] }),
  })
  .openapi("EventCreate");
export type EventCreateInput = z.infer<typeof EventCreate>;

export const EventPatch = EventCreate.partial().openapi("EventPatch");
export type EventPatchInput = z.infer<typeof EventPatch>;

export const Event = z
  .object({
    id: z.string().uuid(),
    kind: EventKind,
    status: EventStatus,
    titleJa: z.string(),
    titleEn: z.string().nullable(),
    descriptionJa: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    block: z.string().nullable(),
    venue: z.string().nullable(),
    venueEn: z.string().nullable().openapi({ example: "Pacifico Yokohama" }),
    prefecture: z.string().nullable(),
    address: z.string().nullable(),
    addressEn: z.string().nullable(),
    access: z.string().nullable(),
    accessEn: z.string().nullable(),
    mapUrl: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    privacyNoticeJa: z.string().nullable().openapi({ description: "null: the product's default notice applies (privacyNotice shows it)" }),
    privacyNoticeEn: z.string().nullable(),
    privacyNotice: z
      .object({ ja: z.string(), en: z.string() })
      .openapi({ description: "The notice registrants see: the event's own, or the product's default" }),
    consentRequired: z.boolean(),
    startsAt: z.string().openapi({ example: "2026-06-12T14:00:00+09:00" }),
    endsAt: z.string(),
    allDay: z.boolean(),
    datePrecision: DatePrecision,
    fiscalYear: z.number().int().openapi({ example: 2026 }),
    capacity: z.number().int().nullable(),
    attendance: z.number().int().nullable().openapi({ description: "How many took part (a past event's record)" }),
    attendanceApprox: z.boolean().openapi({ description: "attendance is approximate (約)" }),
    source: z
      .string()
      .nullable()
      .openapi({ description: "Where a seeded event's facts come from (a source document, or product-brief)" }),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    exhibitorCallOpensAt: z.string().nullable(),
    exhibitorCallClosesAt: z.string().nullable(),
    exhibitorBoothSizes: z.array(z.string()).openapi({ example: ["1x1", "2x1", "2x2"] }),
    confirmedCount: z.number().int(),
    waitlistCount: z.number().int(),
    seatsLeft: z.number().int().nullable(),
    sequence: z.number().int(),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Event");

export const EventList = z.object({ items: z.array(Event), nextCursor: z.string().nullable() }).openapi("EventList");

export const EventQuery = z.object({
  kind: EventKind.optional(),
  block: blockCode.optional(),
  fy: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
  status: EventStatus.optional(),
  q: z
    .string()
    .max(200, "must be at most 200 characters")
    .optional()
    .openapi({
      description: "Words that must all appear in the title, description, venue (ja or en) or prefecture (ja or en; kana- and width-blind)",
      example: "ふくしま セミナー",
    }),
  from: instantInput.optional(),
  to: instantInput.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventQueryInput = z.infer<typeof EventQuery>;

export const IdParam = z.object({ id: z.string().uuid("must be an event id (UUID)") });
