/** The product's own registration statement, built by the product's code, for pgbench to run. */
import type { EventRow } from "../../api/events/service.ts";
import { renderRegistrationMail } from "../../api/mail/registration-mail.ts";
import { seatStatement } from "../../api/registrations/service.ts";
import { MARK } from "./pgbench.ts";

export function productSeatStatement(event: EventRow, publicUrl: string) {
  const input = {
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    email: `p${MARK.n}@example.jp`,
    organization: "福島大学",
    sector: "academia" as const,
  };
  const realUuid = crypto.randomUUID.bind(crypto);
  crypto.randomUUID = () => MARK.m as never; // the Message-ID the statement makes, per transaction
  try {
    const mailFor = (status: "confirmed" | "waitlisted") =>
      renderRegistrationMail(
        { PUBLIC_URL: publicUrl },
        {
          kind: status,
          event,
          registration: { id: MARK.id, name: input.name, email: input.email, locale: "ja", status },
          manageToken: "t".repeat(43),
          feedToken: "f".repeat(43),
          now: new Date(),
        },
      );
    return seatStatement(
      {
        id: MARK.id,
        eventId: MARK.event,
        key: input.email,
        input,
        manageTokenHash: `h${MARK.n}`,
        manageTokenSealed: "v1.sealed",
        now: new Date(),
      },
      { confirmed: mailFor("confirmed"), waitlisted: mailFor("waitlisted") },
      publicUrl,
    );
  } finally {
    crypto.randomUUID = realUuid;
  }
}
