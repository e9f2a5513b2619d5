/** The event editor's place, access, contact and privacy fields, and their form mapping. */
import type { EventRow } from "../../../db/schema/index.ts";
import type { PageCtx } from "../../context.ts";
import { placeWord } from "../../i18n/event-place.ts";
import { type Errors, formFields } from "../../ui/field.tsx";

const TEXT_KEYS = [
  "address",
  "addressEn",
  "access",
  "accessEn",
  "mapUrl",
  "contactName",
  "contactEmail",
  "contactPhone",
  "privacyNoticeJa",
  "privacyNoticeEn",
] as const;

export const PLACE_FORM_FIELDS = [...TEXT_KEYS, "consentRequired"] as const;

export function placeFormValues(e: EventRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of TEXT_KEYS) out[k] = e[k] ?? "";
  out.consentRequired = e.consentRequired ? "1" : "";
  return out;
}

/** Form text to the API's fields: empty means none (null); the consent box is on or off. */
export function placeInput(v: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) out[k] = v[k] && v[k]!.trim() ? v[k] : null;
  out.consentRequired = v.consentRequired === "1";
  return out;
}

export const placeLabels = (lang: PageCtx["lang"]) =>
  Object.fromEntries(PLACE_FORM_FIELDS.map((k) => [k, placeWord(k, lang)])) as Record<(typeof PLACE_FORM_FIELDS)[number], string>;

export function PlaceFields(props: { ctx: PageCtx; values: Record<string, string>; errors: Errors }) {
  const { ctx, values: v, errors } = props;
  const F = formFields(ctx, v, errors);
  const w = (k: Parameters<typeof placeWord>[0]) => placeWord(k, ctx.lang);
  const text = (
    name: (typeof TEXT_KEYS)[number],
    extra: { lang?: string; type?: string; inputmode?: "url" | "email" | "tel" } = {},
  ) => <F name={name} label={w(name)} {...extra} />;
  return (
    <>
      <fieldset class="group">
        <legend>{w("placeLegend")}</legend>
        {text("address", { lang: "ja" })}
        {text("addressEn", { lang: "en" })}
        <F as="textarea" name="access" label={w("access")} lang="ja" />
        <F as="textarea" name="accessEn" label={w("accessEn")} lang="en" />
        {text("mapUrl", { type: "url", inputmode: "url" })}
        {text("contactName")}
        <div class="row">
          {text("contactEmail", { type: "email", inputmode: "email" })}
          {text("contactPhone", { type: "tel", inputmode: "tel" })}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>{w("privacyLegend")}</legend>
        <F as="textarea" name="privacyNoticeJa" label={w("privacyNoticeJa")} lang="ja" />
        <F as="textarea" name="privacyNoticeEn" label={w("privacyNoticeEn")} lang="en" />
        <div class="field">
          <label class="check">
            <input type="checkbox" name="consentRequired" value="1" checked={v.consentRequired === "1"} />
            {w("consentRequired")}
          </label>
        </div>
      </fieldset>
    </>
  );
}
