import { z } from "@hono/zod-openapi";
import { WeightsSchema } from "../../lib/allocation-weights.ts";
import { boothSize } from "../lib/booth-size.ts";
import { emailField, line } from "../lib/text.ts";

const boothCode = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be letters, digits, '-', '_' or '.' (e.g. A-01)");
const coord = z.number().int("must be a whole number of grid units").min(0).max(10_000);

export const BoothInput = z
  .strictObject({
    code: boothCode,
    x: coord,
    y: coord,
    w: z.number().int().max(1000),
    h: z.number().int().max(1000),
    zone: line(40),
  })
  .openapi("BoothInput");

export const FloorPlanInput = z.strictObject({ booths: z.array(BoothInput).max(2000) }).openapi("FloorPlan");

const size = boothSize;

export const ExhibitorInput = z
  .strictObject({
    ref: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be letters, digits, '-', '_' or '.'"),
    name: line(200),
    organization: line(200),
    cluster: line(100),
    field: line(100),
    size,
    // A number, not something that coerces to one: "0x3", true and [] are refused, in JSON and CSV alike.
    priority: z
      .number({ error: "must be an integer from 0 to 10" })
      .int("must be an integer from 0 to 10")
      .min(0, "must be an integer from 0 to 10")
      .max(10, "must be an integer from 0 to 10")
      .default(0),
    preferences: z.array(boothCode).max(3, "at most 3 ranked booth codes").default([]),
    homeZone: line(40).nullish(),
    competitors: z.array(z.string().min(1).max(40)).max(50).default([]),
    email: emailField.nullish(),
    locale: z.enum(["ja", "en"]).optional(),
  })
  .openapi("ExhibitorInput");
export type ExhibitorInputT = z.infer<typeof ExhibitorInput>;

export const ExhibitorsInput = z.union([
  z.array(ExhibitorInput).max(2000),
  z.strictObject({ exhibitors: z.array(ExhibitorInput).max(2000) }),
]);

// A new object over the shared shape: schemas built before @hono/zod-openapi loads have no .openapi().
export const WeightsInput = z.strictObject(WeightsSchema.shape).openapi("AllocationWeights");

export const AllocationInput = z
  .strictObject({
    dryRun: z.boolean().optional(),
    timeLimitMs: z.number().int().min(50).max(20_000).optional(),
    weights: WeightsInput.optional(),
    basis: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: "The basis a dry run answered: applying refuses (409 allocation-changed) if the hall or the weights changed since" }),
  })
  .openapi("AllocationRequest");

export const AssignmentInput = z
  .strictObject({ exhibitor: z.string().min(1).max(40), pinned: z.boolean().optional() })
  .openapi("AssignmentInput");

/** A text/csv request body in the OpenAPI document: its columns in the description, a real sheet as the example. */
function csvBody(description: string, example: string) {
  return { "text/csv": { schema: z.string().openapi({ description, example }) } };
}

export const FloorPlanCsv = csvBody(
  "One booth a row under the header `code,x,y,w,h,zone`: code (letters, digits, '-', '_', '.'), x and y the top-left corner and w and h the size, in whole grid units, zone a name. UTF-8, a BOM is allowed. A problem names its row (the header is row 1) and column: `rows[3].w`. Up to 2 MiB.",
  "code,x,y,w,h,zone\r\nA-01,0,0,1,1,北ホール\r\nA-02,1,0,1,1,北ホール\r\nA-03,2,0,1,1,北ホール\r\nB-01,0,2,2,1,西ホール\r\nC-01,4,2,3,3,中央島\r\n",
);

export const ExhibitorsCsv = csvBody(
  "One exhibitor a row under a header naming its columns: ref, name, organization, cluster, field and size are required; priority (0–10), preferences (up to 3 booth codes), homeZone, competitors (refs), email and locale (ja or en) are optional. Lists in a cell are separated by ';' or '|'. UTF-8, a BOM is allowed. Replaces every application: refs not in the sheet are withdrawn. A problem names its row (the header is row 1) and column: `rows[2].size`. Up to 2 MiB.",
  "ref,name,organization,cluster,field,size,priority,preferences,homeZone,competitors,email,locale\r\n" +
    "E001,北海道大学 情報科学研究科,北海道大学,北海道ITイノベーション戦略,IT,1x1,5,A-01;A-02,北ホール,,sangaku@example.ac.jp,ja\r\n" +
    "E002,株式会社ノーステック,株式会社ノーステック,北海道ITイノベーション戦略,IT,1x1,3,A-02,北ホール,E001,info@example.co.jp,ja\r\n" +
    "E003,浜松ホトニクス 光技術展示,浜松地域クラスター推進協議会,浜松オプトロニクスクラスター,ものづくり,2x1,8,B-01,西ホール,,,en\r\n",
);
