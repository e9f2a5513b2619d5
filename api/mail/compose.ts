import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { events, exhibitors, organisers, registrations, type OutboxRow } from "../../db/schema/index.ts";
import { calendarTokenFor } from "../calendar/tokens.ts";
import type { AppDeps } from "../deps.ts";
import { exhibitorMailKind, renderExhibitorMail } from "./exhibitor-mail.ts";
import type { OutgoingMail } from "./outbox.ts";
import { PASSWORD_LINK_KIND, renderPasswordLinkMail } from "./password-link-mail.ts";
import { registrationMailKind, renderRegistrationMail } from "./registration-mail.ts";

/** Why a message has nothing left to send (its registrant's data was purged, its organiser is gone). */
export class NothingToSend extends Error {}

/**
 * The message an outbox row stands for, as it is sent now. A registrant's message is rendered
 * from the registration and its event as they are at delivery, with the manage link opened from
 * its sealed token and the personal feed link looked up (or created); its Date and .ics DTSTAMP
 * are the row's creation time, so every attempt sends the same message.
 */
export async function composeOutboxMessage(
  deps: { db: Db } & Pick<AppDeps, "sealer" | "config">,
  row: OutboxRow,
): Promise<OutgoingMail> {
  const { db, sealer, config } = deps;
  const base = { id: row.id, messageId: row.messageId, kind: row.kind, to: row.toAddress, createdAt: row.createdAt };
  if (row.subject !== null) {
    return { ...base, subject: row.subject, text: row.textBody ?? "", html: row.htmlBody ?? "", attachments: row.attachments };
  }
  const kind = registrationMailKind(row);
  if (kind && row.registrationId) {
    const [found] = await db
      .select({ reg: registrations, event: events })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(eq(registrations.id, row.registrationId));
    if (!found || found.reg.purgedAt || !found.reg.manageTokenSealed) throw new NothingToSend("registration purged");
    const { reg, event } = found;
    const [manageToken, feedToken] = await Promise.all([
      sealer.open(reg.manageTokenSealed),
      calendarTokenFor(db, sealer, reg.emailKey),
    ]);
    // The .ics shows a waiting place as tentative, as it stood when the message was written.
    const status = kind === "waitlisted" ? "waitlisted" : kind === "event-cancelled" ? reg.status : "confirmed";
    const m = renderRegistrationMail(config, {
      kind,
      event,
      registration: { ...reg, locale: row.locale === "en" ? "en" : reg.locale, status },
      manageToken,
      feedToken,
      now: row.createdAt,
    });
    return { ...base, subject: m.subject, text: m.text, html: m.html, attachments: m.attachments ?? [] };
  }
  const exhibitorKind = exhibitorMailKind(row);
  if (exhibitorKind && row.payload?.exhibitorId) {
    const [found] = await db
      .select({ x: exhibitors, event: events })
      .from(exhibitors)
      .innerJoin(events, eq(events.id, exhibitors.eventId))
      .where(eq(exhibitors.id, row.payload.exhibitorId));
    if (!found || found.x.purgedAt || !found.x.manageTokenSealed) throw new NothingToSend("application purged");
    const token = await sealer.open(found.x.manageTokenSealed);
    const m = renderExhibitorMail(config, {
      kind: exhibitorKind,
      event: found.event,
      exhibitor: { ...found.x, locale: row.locale ?? found.x.locale },
      token,
    });
    return { ...base, ...m, attachments: [] };
  }
  if (row.kind === PASSWORD_LINK_KIND && row.payload?.organiserId && row.payload.sealedToken) {
    const [o] = await db.select().from(organisers).where(eq(organisers.id, row.payload.organiserId));
    if (!o) throw new NothingToSend("organiser gone");
    const token = await sealer.open(row.payload.sealedToken);
    return { ...base, ...renderPasswordLinkMail(config, { name: o.name, locale: row.locale, token }), attachments: [] };
  }
  throw new NothingToSend(`no renderer for ${row.kind}`);
}
