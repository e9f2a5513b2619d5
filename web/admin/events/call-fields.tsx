/** The event editor's call for exhibitors (techno-fairs): opening, closing and the booth sizes offered, and their form mapping. */
import type { EventRow } from "../../../db/schema/index.ts";
import { toTokyoIso } from "../../../lib/time.ts";
import type { PageCtx } from "../../context.ts";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";
import { type Errors, formFields } from "../../ui/field.tsx";

export const CALL_FORM_FIELDS = ["exhibitorCallOpensAt", "exhibitorCallClosesAt", "exhibitorBoothSizes"] as const;

const local = (d: Date | null) => (d ? toTokyoIso(d).slice(0, 16) : "");

export function callFormValues(e: EventRow): Record<string, string> {
  return {
    exhibitorCallOpensAt: local(e.exhibitorCallOpensAt),
    exhibitorCallClosesAt: local(e.exhibitorCallClosesAt),
    exhibitorBoothSizes: e.exhibitorBoothSizes.join(", "),
  };
}

/** Form text to the API's fields: Tokyo wall-clock times get +09:00, empty means none, sizes are a list. */
export function callInput(v: Record<string, string | undefined>): Record<string, unknown> {
  const instant = (s: string | undefined) => {
    const t = (s ?? "").normalize("NFKC").trim();
    if (!t) return null;
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t) ? `${t}:00+09:00` : t;
  };
  return {
    exhibitorCallOpensAt: instant(v.exhibitorCallOpensAt),
    exhibitorCallClosesAt: instant(v.exhibitorCallClosesAt),
    exhibitorBoothSizes: (v.exhibitorBoothSizes ?? "")
      .normalize("NFKC")
      .split(/[,、\s]+/)
      .filter(Boolean),
  };
}

export const callLabels = (lang: PageCtx["lang"]) => {
  const a = APPLY_MESSAGES[lang];
  return { exhibitorCallOpensAt: a.callOpensAt, exhibitorCallClosesAt: a.callClosesAt, exhibitorBoothSizes: a.callSizesField };
};

export function CallFields(props: { ctx: PageCtx; values: Record<string, string>; errors: Errors }) {
  const { ctx, values: v, errors } = props;
  const F = formFields(ctx, v, errors);
  const a = APPLY_MESSAGES[ctx.lang];
  return (
    <fieldset class="group">
      <legend>{a.callFields}</legend>
      <div class="row">
        <F type="datetime-local" name="exhibitorCallOpensAt" label={a.callOpensAt} />
        <F type="datetime-local" name="exhibitorCallClosesAt" label={a.callClosesAt} />
      </div>
      <F name="exhibitorBoothSizes" label={a.callSizesField} hint={a.callSizesHint} spellcheck={false} />
    </fieldset>
  );
}
