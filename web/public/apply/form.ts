/** The application form's mapping: the form's text to the API's input and back, the API's field errors onto the form's boxes. */
import { type ApplicationView } from "../../../api/booths/service/applications.ts";
import { type FieldError } from "../../../api/errors.ts";
import { fieldMessage } from "../../i18n/field-errors.ts";
import type { Errors } from "../../ui/field.tsx";

export const FIELDS = [
  "organization",
  "organizationKana",
  "contactName",
  "email",
  "cluster",
  "field",
  "boothSize",
  "preference1",
  "preference2",
  "preference3",
  "competitors",
  "note",
  "locale",
] as const;
const OPTIONAL = new Set(["organizationKana", "cluster", "note"]);

/**
 * The form's text as the API's input: empty optional fields left out (a change sends them as
 * null, which clears them), the three preference boxes and the competitor lines as lists. Returns
 * which box each preference came from, so an error lands on the box it is about.
 */
export function candidateOf(values: Record<string, string>, change: boolean) {
  const out: Record<string, unknown> = {};
  for (const f of ["organization", "organizationKana", "contactName", "email", "cluster", "field", "boothSize", "note"]) {
    const v = values[f] ?? "";
    if (v.trim() === "" && OPTIONAL.has(f)) {
      if (change) out[f] = null;
    } else out[f] = v;
  }
  const boxes = [1, 2, 3].filter((i) => (values[`preference${i}`] ?? "").trim() !== "");
  out.preferences = boxes.map((i) => values[`preference${i}`]);
  out.competitors = (values.competitors ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (values.locale === "ja" || values.locale === "en") out.locale = values.locale;
  return { candidate: out, boxes };
}

/** Field errors of the API's input, on the form's own fields. */
export function formErrors(fields: FieldError[], boxes: number[], lang: "ja" | "en"): Errors {
  const errors: Errors = {};
  for (const e of fields) {
    const [head, index] = e.field.split(".");
    const key =
      head === "preferences" && index !== undefined && boxes[Number(index)] !== undefined
        ? `preference${boxes[Number(index)]}`
        : (head ?? e.field);
    errors[key || "organization"] ??= fieldMessage(e, lang);
  }
  return errors;
}

/** What the private page's change form starts from: the application as it stands. */
export function valuesOf(x: ApplicationView): Record<string, string> {
  return {
    organization: x.organization,
    organizationKana: x.organizationKana ?? "",
    contactName: x.contactName,
    email: x.email,
    cluster: x.cluster ?? "",
    field: x.field,
    boothSize: x.boothSize,
    preference1: x.preferences[0] ?? "",
    preference2: x.preferences[1] ?? "",
    preference3: x.preferences[2] ?? "",
    competitors: x.competitors.join("\n"),
    note: x.note ?? "",
    locale: x.locale,
  };
}
