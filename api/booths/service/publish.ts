import { and, eq, isNull } from "drizzle-orm";
import { allocationSettings, exhibitors } from "../../../db/schema/index.ts";
import { audit } from "../../audit/service.ts";
import { assertCoversEvent } from "../../auth/scope.ts";
import type { Ctx } from "../../deps.ts";
import { lockEvent } from "../../events/service.ts";
import { renderMail } from "../../mail/layout.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { listExhibitorsTx } from "./exhibitors.ts";

/** E-mails every exhibitor its booth (or that it has none); a re-publish only tells those whose booth changed. */
export async function publishAllocation(ctx: Pick<Ctx, "db" | "config" | "who">, { eventId }: { eventId: string }) {
  const { who } = ctx;
  return ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertCoversEvent(who.actor, event);
    const list = await listExhibitorsTx(tx, eventId);
    let queued = 0;
    let withoutEmail = 0;
    for (const x of list) {
      if (x.status === "withdrawn" || x.status === "declined") continue;
      if (!x.email) {
        withoutEmail++;
        continue;
      }
      const [row] = await tx
        .select()
        .from(exhibitors)
        .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.ref, x.ref), isNull(exhibitors.withdrawnAt)));
      const en = row?.locale === "en";
      const title = en ? (event.titleEn ?? event.titleJa) : event.titleJa;
      const { text, html } = renderMail({
        // An applicant's contact person; an imported exhibitor has only its name.
        greeting: en ? `Dear ${x.contactName ?? x.name} (${x.organization}),` : `${x.organization} ${x.contactName ?? x.name} 様`,
        paragraphs: [
          x.booth
            ? en
              ? `Your exhibit booth at ${title} is ${x.booth}.`
              : `${title} における貴団体の出展ブースは「${x.booth}」に決まりました。`
            : en
              ? `We could not allocate a booth to you at ${title}. The organisers will contact you.`
              : `${title} では、現時点でブースを割り当てることができませんでした。事務局よりご連絡いたします。`,
          { label: en ? "Floor map" : "会場図", href: `${ctx.config.PUBLIC_URL}/fair/${eventId}` },
        ],
        footer: en ? "Regional cluster events" : "地域クラスター催事システム",
      });
      await enqueueMail(tx, ctx.config.PUBLIC_URL, {
        dedupeKey: `booth:${eventId}:${x.ref}:${x.booth ?? "none"}`,
        kind: "booth.assignment",
        to: x.email,
        subject: en ? `Your booth: ${x.booth ?? "not allocated"} (${title})` : `【出展ブースのご案内】${title}`,
        text,
        html,
        now: who.now,
      });
      queued++;
    }
    await tx
      .insert(allocationSettings)
      .values({ eventId, publishedAt: who.now })
      .onConflictDoUpdate({ target: allocationSettings.eventId, set: { publishedAt: who.now } });
    await audit(tx, who, { action: "allocation.publish", entity: "event", entityId: eventId, after: { queued, withoutEmail } });
    return { queued, withoutEmail };
  });
}
