/** The exhibitor application: what the public form and POST /api/events/{id}/exhibitor-applications take and answer. */
import { z } from "@hono/zod-openapi";
import { boothSize } from "../lib/booth-size.ts";
import { toKatakana } from "../lib/kana.ts";
import { emailField, line, paragraph, reasoned } from "../lib/text.ts";

/** A booth code as the floor plan has it; full-width input (Ａ－０１) is read as A-01. */
const boothCode = z
  .string()
  .max(40)
  .transform((s) => s.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(20, "must be at most 20 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be a booth code such as A-01"),
  );

/** An organisation's reading: kana (stored in katakana), Latin letters, digits and a little punctuation. */
const organizationKana = line(200)
  .transform((s) => toKatakana(s.normalize("NFKC")))
  .pipe(
    z
      .string()
      .regex(
        reasoned(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・A-Za-z0-9 .,'&()\-\u3000]+$/u, "kana"),
        "must be written in kana (or Latin letters)",
      ),
  );

const fields = {
  organization: line(200).openapi({ example: "株式会社北海道テクノ" }),
  organizationKana: organizationKana.nullish().openapi({ example: "ホッカイドウテクノ" }),
  contactName: line(100).openapi({ example: "山田 太郎" }),
  email: emailField.openapi({ example: "yamada@example.jp" }),
  cluster: line(100).nullish().openapi({ example: "札幌ITカロッツェリアクラスター" }),
  field: line(100).openapi({ example: "IT" }),
  boothSize: boothSize.openapi({ example: "2x1" }),
  preferences: z
    .array(boothCode)
    .max(3, "at most 3 ranked booth codes")
    .optional()
    .openapi({ example: ["A-01", "A-02"] }),
  competitors: z
    .array(line(200))
    .max(5, "at most 5 organisations")
    .optional()
    .openapi({ description: "Organisations you would rather not stand next to", example: ["株式会社サンプル"] }),
  note: paragraph(2000).nullish(),
  locale: z.enum(["ja", "en"]).optional(),
};

export const ApplicationCreate = z.strictObject(fields).openapi("ExhibitorApplicationCreate");
export type ApplicationCreateInput = z.infer<typeof ApplicationCreate>;

export const ApplicationPatch = z.strictObject(fields).partial().openapi("ExhibitorApplicationPatch");
export type ApplicationPatchInput = z.infer<typeof ApplicationPatch>;

export const ApplicationCreated = z
  .object({
    id: z.string().uuid(),
    status: z.literal("applied"),
    manageToken: z.string().openapi({ description: "The applicant's private token; keep it secret" }),
    manageUrl: z.string().openapi({ example: "https://events.example.jp/x/…" }),
  })
  .openapi("ExhibitorApplicationCreated");

const APPLICATION_STATUSES = ["applied", "accepted", "declined", "withdrawn", "assigned", "unassigned"] as const;

export const Application = z
  .object({
    id: z.string().uuid(),
    eventId: z.string().uuid(),
    status: z.enum(APPLICATION_STATUSES).openapi({
      description: "assigned / unassigned only once the allocation is published; declined with declineReason",
    }),
    organization: z.string(),
    organizationKana: z.string().nullable(),
    contactName: z.string(),
    email: z.string(),
    cluster: z.string().nullable(),
    field: z.string(),
    boothSize: z.string(),
    preferences: z.array(z.string()),
    competitors: z.array(z.string()),
    note: z.string().nullable(),
    locale: z.enum(["ja", "en"]),
    declineReason: z.string().nullable(),
    booth: z.string().nullable().openapi({ description: "The assigned booth, once the allocation is published" }),
    callOpen: z.boolean().openapi({ description: "Whether the application may still be edited" }),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
    manageUrl: z.string(),
  })
  .openapi("ExhibitorApplication");

export const ApplicationTokenParam = z.object({ token: z.string().min(1).max(200) });

/** An organiser's review of one exhibitor of the list (an application or an imported one). */
export const ExhibitorReview = z
  .strictObject({
    priority: z
      .number({ error: "must be an integer from 0 to 10" })
      .int("must be an integer from 0 to 10")
      .min(0, "must be an integer from 0 to 10")
      .max(10, "must be an integer from 0 to 10")
      .optional(),
    competitors: z
      .array(z.string().min(1).max(40))
      .max(50)
      .optional()
      .openapi({ description: "Refs of the exhibitors to keep apart (the named competitors, matched)" }),
    status: z
      .enum(["applied", "accepted", "declined"])
      .optional()
      .openapi({ description: "accepted or declined (declined needs declineReason); applied undoes either" }),
    declineReason: paragraph(1000).nullish(),
  })
  .openapi("ExhibitorReview");
export type ExhibitorReviewInput = z.infer<typeof ExhibitorReview>;

/** One exhibitor of the list as organisers see it (the fields beyond these are the application's answers). */
export const Exhibitor = z
  .object({
    ref: z.string(),
    name: z.string(),
    source: z
      .enum(["application", "import"])
      .openapi({ description: "application: through the public form; import: the organisers' list" }),
    status: z.enum(["applied", "accepted", "declined", "assigned", "unassigned", "withdrawn"]),
    booth: z.string().nullable(),
  })
  .passthrough()
  .openapi("Exhibitor");
