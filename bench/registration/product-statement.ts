/** The product's own registration statement, built by the product's code, for pgbench to run. */
import { seatStatement } from "../../api/registrations/service.ts";
import { MARK } from "./pgbench.ts";

export function productSeatStatement(publicUrl: string) {
  const input = {
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    email: `p${MARK.n}@example.jp`,
    organization: "福島大学",
    sector: "academia" as const,
  };
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
    publicUrl,
  );
}
