/** What the organiser pages share: the page context, field errors, the event in the caller's scope. */
import { coversEvent } from "../../api/auth/scope.ts";
import { NotFound } from "../../api/errors.ts";
import { getEvent } from "../../api/events/service.ts";
import type { EventRow } from "../../db/schema/index.ts";
import type { FieldError } from "../../api/errors.ts";
import { isUuid, pageCtx, type WebContext } from "../context.ts";
import { fieldMessage } from "../i18n/field-errors.ts";
import type { Errors } from "../ui/field.tsx";

export { NO_STORE } from "../cache.ts";

export const adminPage = (c: WebContext) => pageCtx(c, true);

export function errorsOf(fields: FieldError[], lang: "ja" | "en"): Errors {
  const out: Errors = {};
  for (const e of fields) {
    const f = e.field.split(".")[0]!;
    out[f] ??= fieldMessage(e, lang);
  }
  return out;
}

/** The event of the path's :id, if the organiser covers it; anything else is the admin pages' usual 404. */
export async function eventInScope(c: WebContext): Promise<EventRow> {
  const id = c.req.param("id");
  if (!isUuid(id)) throw new NotFound("event");
  const event = await getEvent(c.get("ctx"), { id });
  if (!coversEvent(c.get("actor"), event)) throw new NotFound("event");
  return event;
}
