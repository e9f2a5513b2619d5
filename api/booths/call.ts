/** Whether a fair takes exhibitor applications now. Pure. */
import type { events } from "../../db/schema/index.ts";
import { Conflict } from "../errors.ts";

type CallEvent = Pick<
  typeof events.$inferSelect,
  "kind" | "status" | "startsAt" | "exhibitorCallOpensAt" | "exhibitorCallClosesAt"
>;

/** The call runs from its opening to its closing (or, without one, to the fair's start). */
export function exhibitorCallEnd(e: CallEvent): Date {
  return e.exhibitorCallClosesAt ?? e.startsAt;
}

export function exhibitorCallOpen(e: CallEvent, now: Date): boolean {
  return (
    e.kind === "techno_fair" &&
    e.status === "scheduled" &&
    e.exhibitorCallOpensAt !== null &&
    now.getTime() >= e.exhibitorCallOpensAt.getTime() &&
    now.getTime() < exhibitorCallEnd(e).getTime()
  );
}

/** 409 exhibitor-call-closed, or null while the call is open. */
export function exhibitorCallClosed(e: CallEvent, now: Date): Conflict | null {
  if (exhibitorCallOpen(e, now)) return null;
  const detail =
    e.kind !== "techno_fair" || e.exhibitorCallOpensAt === null
      ? "This event takes no exhibitor applications."
      : now.getTime() < e.exhibitorCallOpensAt.getTime()
        ? "The call for exhibitors is not open yet."
        : "The call for exhibitors is closed.";
  return new Conflict("exhibitor-call-closed", detail, "Call for exhibitors closed");
}
