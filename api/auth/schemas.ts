import { z } from "@hono/zod-openapi";
import { dateTimeInput } from "../lib/date-input.ts";
import { emailField, line } from "../lib/text.ts";

const code = z.string().regex(/^[a-z]{2,20}$/, "must be a block code such as kanto");

const ScopesSchema = z
  .strictObject({
    blocks: z.array(code).max(10).default([]),
    events: z.array(z.string().uuid("must be an event id")).max(500).default([]),
  })
  .openapi("Scopes");

const password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters")
  .refine((s) => s.isWellFormed(), { message: "contains invalid Unicode", params: { reason: "invalid_unicode" } });

export const OrganiserCreate = z
  .strictObject({
    email: emailField,
    name: line(100),
    role: z.enum(["admin", "organiser"]),
    scopes: ScopesSchema.default({ blocks: [], events: [] }),
    password: password.optional(),
    locale: z.enum(["ja", "en"]).optional(),
  })
  .openapi("OrganiserCreate");
export type OrganiserCreateInput = z.infer<typeof OrganiserCreate>;

export const OrganiserPatch = z
  .strictObject({
    name: line(100).optional(),
    role: z.enum(["admin", "organiser"]).optional(),
    scopes: ScopesSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .openapi("OrganiserPatch");
export type OrganiserPatchInput = z.infer<typeof OrganiserPatch>;

export const Organiser = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["admin", "organiser"]),
    scopes: z.object({ blocks: z.array(z.string()), events: z.array(z.string()) }),
    hasPassword: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("Organiser");

export const LoginInput = z.strictObject({ email: emailField, password: z.string().min(1).max(200) }).openapi("Login");
export const PasswordSet = z.strictObject({ token: z.string().min(1).max(200), password }).openapi("PasswordSet");
export const ApiTokenCreate = z
  .strictObject({
    name: line(100),
    /** Optional; in the future. Without it the token is valid until revoked. */
    expiresAt: dateTimeInput
      .optional()
      .openapi({ description: "When the token stops working (ISO 8601 with offset, in the future); omitted: until revoked" }),
  })
  .openapi("ApiTokenCreate");
