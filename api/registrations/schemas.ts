import { z } from "@hono/zod-openapi";
import { LOCALES, REGISTRATION_STATUSES, SECTORS } from "../../db/schema/registrations.ts";
import { emailField, kanaField, line } from "../lib/text.ts";
import { Event } from "../events/schemas.ts";
import { AnswersInput, Question } from "../questions/schemas.ts";

const Sector = z.enum(SECTORS).openapi("Sector");
const Locale = z.enum(LOCALES).openapi("Locale");

export const RegistrationCreate = z
  .strictObject({
    name: line(100).openapi({ example: "山田 太郎" }),
    nameKana: z
      .union([kanaField, z.literal("").transform(() => undefined)])
      .nullish()
      .openapi({ type: "string", example: "ヤマダ タロウ" }),
    email: emailField.openapi({ type: "string", example: "taro@example.jp" }),
    organization: line(200).openapi({ example: "北海道大学" }),
    sector: Sector,
    locale: Locale.optional(),
    consent: z.boolean().optional().openapi({
      description: "Agreement to the event's privacy notice; required (true) where the event's consentRequired is set",
    }),
    answers: AnswersInput.optional(),
    walkIn: z.boolean().optional().openapi({
      description:
        "Organisers in scope only: someone registering at the desk on the day. Confirmed and checked in at once, also after registration has closed.",
    }),
    overCapacity: z
      .boolean()
      .optional()
      .openapi({ description: "With `walkIn`: admit the person even when the event is full." }),
  })
  .openapi("RegistrationCreate");
export type RegistrationCreateInput = z.infer<typeof RegistrationCreate>;

const CheckInCode = z
  .string()
  .openapi({ description: "受付番号: shown on the confirmation page and e-mail (with a QR code), scanned or typed at the desk.", example: "K7MCRWA" });

export const RegistrationCreated = z
  .object({
    id: z.string().uuid(),
    eventId: z.string().uuid(),
    status: z.enum(["confirmed", "waitlisted"]),
    waitlistPosition: z.number().int().optional(),
    checkInCode: CheckInCode,
    checkedInAt: z.string().optional().openapi({ description: "Walk-ins: when they were checked in (at once)." }),
    manageToken: z.string(),
    manageUrl: z.string(),
    eventCalendarUrl: z.string().openapi({ description: "The event's public .ics (not the personal feed, which is only e-mailed)" }),
  })
  .openapi("RegistrationCreated");

export const Registration = z
  .object({
    id: z.string().uuid(),
    eventId: z.string().uuid(),
    status: z.enum(REGISTRATION_STATUSES),
    waitlistPosition: z.number().int().optional(),
    name: z.string(),
    nameKana: z.string().nullable(),
    email: z.string(),
    organization: z.string(),
    sector: Sector,
    locale: Locale,
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    checkInCode: CheckInCode,
    checkedInAt: z.string().nullable(),
    checkedInBy: z.string().nullable(),
    answers: AnswersInput.openapi({ description: "Answers to the event's questions, by question id" }),
  })
  .openapi("Registration");

export const CheckInByCode = z
  .strictObject({ code: z.string().min(1).max(32).openapi({ example: "K7MCRWA" }) })
  .openapi("CheckInByCode");

export const CheckInResult = Registration.extend({
  alreadyCheckedIn: z.boolean().openapi({ description: "true when this code had been checked in before (a second scan)." }),
}).openapi("CheckInResult");

export const ManagedRegistration = Registration.extend({
  manageUrl: z.string(),
  eventCalendarUrl: z.string().openapi({ description: "The event's public .ics (not the personal feed, which is only e-mailed)" }),
  event: Event,
}).openapi("ManagedRegistration");

export const RegistrationList = z
  .object({
    items: z.array(Registration),
    counts: z.object({
      confirmed: z.number().int(),
      waitlisted: z.number().int(),
      cancelled: z.number().int(),
      checkedIn: z.number().int(),
    }),
    bySector: z.object({
      industry: z.number().int(),
      academia: z.number().int(),
      government: z.number().int(),
      other: z.number().int(),
    }),
    questions: z.array(Question),
    answerCounts: z
      .array(
        z.object({
          id: z.string(),
          kind: z.string(),
          labelJa: z.string(),
          labelEn: z.string().nullable(),
          answered: z.number().int(),
          options: z.array(
            z.object({ value: z.string(), labelJa: z.string(), labelEn: z.string().nullable(), count: z.number().int() }),
          ),
        }),
      )
      .openapi({ description: "Per question, among confirmed registrations: how many answered, and per option (a checkbox: true/false) how many chose it" }),
  })
  .openapi("RegistrationList");

export const TokenParam = z.object({
  manageToken: z.string().min(1).max(200),
});
