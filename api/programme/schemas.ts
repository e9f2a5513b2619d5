import { z } from "@hono/zod-openapi";
import { instantInput } from "../events/schemas.ts";
import { line } from "../lib/text.ts";

const MAX_ROOMS = 20;
const MAX_SESSIONS = 100;
const MAX_TALKS = 30;
const MAX_SPEAKERS = 20;

const roomId = z
  .string()
  .regex(/^[A-Za-z0-9][\w-]{0,31}$/, "must be a short id of letters, digits, - or _ (such as A or main-hall)");

const Room = z
  .strictObject({ id: roomId, nameJa: line(100), nameEn: line(100).nullish() })
  .openapi("ProgrammeRoom", { example: { id: "A", nameJa: "メインホール", nameEn: "Main hall" } });

const Speaker = z.strictObject({ name: line(100), affiliation: line(200).nullish() }).openapi("ProgrammeSpeaker");

const Talk = z
  .strictObject({
    titleJa: line(200),
    titleEn: line(200).nullish(),
    speakers: z.array(Speaker).max(MAX_SPEAKERS),
    startsAt: instantInput.nullish(),
    endsAt: instantInput.nullish(),
  })
  .openapi("ProgrammeTalk");

const SessionInput = z
  .strictObject({
    id: z.string().uuid("must be the id of a session of this programme").optional(),
    titleJa: line(200),
    titleEn: line(200).nullish(),
    startsAt: instantInput,
    endsAt: instantInput,
    room: roomId.nullish(),
    chairJa: line(200).nullish(),
    talks: z.array(Talk).max(MAX_TALKS).optional(),
  })
  .openapi("ProgrammeSessionInput");

export const ProgrammeInput = z
  .strictObject({
    rooms: z.array(Room).max(MAX_ROOMS).optional(),
    sessions: z.array(SessionInput).max(MAX_SESSIONS),
  })
  .openapi("ProgrammeInput", {
    example: {
      rooms: [
        { id: "A", nameJa: "メインホール", nameEn: "Main hall" },
        { id: "B", nameJa: "会議室B", nameEn: "Room B" },
      ],
      sessions: [
        {
          titleJa: "基調講演",
          titleEn: "Keynote",
          startsAt: "2026-12-02T10:00:00+09:00",
          endsAt: "2026-12-02T11:00:00+09:00",
          room: "A",
          talks: [{ titleJa: "地域クラスターのこれから", speakers: [{ name: "山田 花子", affiliation: "文部科学省" }] }],
        },
      ],
    },
  });
export type ProgrammeInputValue = z.infer<typeof ProgrammeInput>;

const TalkOut = z.object({
  titleJa: z.string(),
  titleEn: z.string().nullable(),
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string().nullable() })),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
});

export const Programme = z
  .object({
    eventId: z.string().uuid(),
    rooms: z.array(z.object({ id: z.string(), nameJa: z.string(), nameEn: z.string().nullable() })),
    sessions: z.array(
      z.object({
        id: z.string().uuid(),
        titleJa: z.string(),
        titleEn: z.string().nullable(),
        startsAt: z.string(),
        endsAt: z.string(),
        room: z.string().nullable(),
        chairJa: z.string().nullable(),
        talks: z.array(TalkOut),
        sequence: z.number().int(),
      }),
    ),
    calendarUrl: z.string().openapi({ description: "The programme as an iCalendar feed, one entry per session" }),
  })
  .openapi("Programme");
