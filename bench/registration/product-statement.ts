/** The product's own registration statement, as the product builds it, for pgbench to run. */
import { fillPlaceholders } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { SEAT_STATEMENT, seatValues } from "../../api/registrations/seat.ts";
import { MARK } from "./pgbench.ts";

export function productSeatStatement(publicUrl: string): { text: string; params: unknown[] } {
  const input = {
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    email: `p${MARK.n}@example.jp`,
    organization: "福島大学",
    sector: "academia" as const,
  };
  const values = seatValues(
    {
      id: MARK.id,
      eventId: MARK.event,
      key: input.email,
      input,
      answers: {},
      manageTokenHash: `h${MARK.n}`,
      manageTokenSealed: "v1.sealed",
      now: new Date(),
    },
    publicUrl,
  );
  const q = new PgDialect().sqlToQuery(SEAT_STATEMENT);
  return { text: q.sql, params: fillPlaceholders(q.params, values) };
}
