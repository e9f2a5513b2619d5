/** The call for exhibitors on the event and fair pages: open (with the link to the form), not yet, or closed. */
import { exhibitorCallEnd, exhibitorCallOpen } from "../../../api/booths/call.ts";
import type { EventRow } from "../../../db/schema/index.ts";
import { formatDateTime } from "../../../lib/format.ts";
import type { PageCtx } from "../../context.ts";
import { APPLY_MESSAGES } from "../../i18n/apply.ts";

export function ExhibitorCall(props: { ctx: PageCtx; event: EventRow; now: Date }) {
  const { ctx, event: e, now } = props;
  if (e.kind !== "techno_fair" || !e.exhibitorCallOpensAt || e.status !== "scheduled") return null;
  const a = APPLY_MESSAGES[ctx.lang];
  const open = exhibitorCallOpen(e, now);
  const text = open
    ? a.callOpen(formatDateTime(exhibitorCallEnd(e), ctx.lang))
    : now < e.exhibitorCallOpensAt
      ? a.callNotYet(formatDateTime(e.exhibitorCallOpensAt, ctx.lang))
      : a.callClosed;
  return (
    <section aria-labelledby="call" class="panel" data-testid="exhibitor-call">
      <h2 id="call">{a.callTitle}</h2>
      <p>{text}</p>
      {e.exhibitorBoothSizes.length ? <p class="muted">{a.callSizes(e.exhibitorBoothSizes.join(", "))}</p> : null}
      {open ? (
        <p>
          <a class="button" href={`/fair/${e.id}/apply`}>
            {a.applyLink}
          </a>
        </p>
      ) : null}
    </section>
  );
}
