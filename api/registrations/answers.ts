/** A registrant changes their answers with their private link, until registration closes. */
import { eq } from "drizzle-orm";
import { events, registrations } from "../../db/schema/index.ts";
import type { Ctx } from "../deps.ts";
import { Conflict, NotFound } from "../errors.ts";
import { validatedAnswers, writeAnswers, type Answers } from "../questions/service.ts";
import { auditByRegistrant, getManagedRegistration, registrationByToken, registrationClosedReason } from "./service.ts";

/**
 * Replaces a registration's answers as a whole (questions left out are unanswered; required ones
 * must be there). Refused (409) once registration has closed or the registration is cancelled.
 */
export async function updateAnswers(ctx: Pick<Ctx, "db" | "clock" | "config">, { token, answers }: { token: string; answers: Answers }) {
  const { db, clock } = ctx;
  const found = await registrationByToken(db, token);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for("update");
    if (!reg || reg.purgedAt) throw new NotFound("registration");
    if (reg.status === "cancelled")
      throw new Conflict("registration-cancelled", "This registration has been cancelled.", "Registration cancelled");
    const [event] = await tx.select().from(events).where(eq(events.id, reg.eventId));
    const closed = registrationClosedReason(event!, now);
    if (closed) throw closed;
    const checked = await validatedAnswers(tx, reg.eventId, answers);
    const invalid = checked.fail();
    if (invalid) throw invalid;
    await writeAnswers(tx, reg, checked.answers, now);
    // Which questions were answered, not what was said.
    await auditByRegistrant(tx, now, reg.id, "registration.answers", { after: { answered: Object.keys(checked.answers) } });
  });
  return getManagedRegistration(ctx, { token });
}
