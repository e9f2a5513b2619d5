/**
 * The raw baseline: the same registration transaction as plain SQL, with no HTTP, no framework
 * and no ORM: lock the event row, check the e-mail, count the seat, insert the registration,
 * the feed token and the outbox message, commit.
 */
import { randomBytes, createHash, randomUUID } from "node:crypto";

export type Exec = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
export type TxRunner = <T>(fn: (q: Exec) => Promise<T>) => Promise<T>;

const hash = (s: string) => createHash("sha256").update(s).digest("hex");

export async function rawRegister(
  tx: TxRunner,
  eventId: string,
  email: string,
): Promise<"confirmed" | "waitlisted" | "duplicate"> {
  return tx(async (q) => {
    const [ev] = await q("select capacity, confirmed_count, waitlist_count, next_seq from events where id = $1 for update", [
      eventId,
    ]);
    if (!ev) throw new Error("no event");
    const dup = await q("select 1 from registrations where event_id = $1 and email_key = $2 and status <> 'cancelled'", [
      eventId,
      email,
    ]);
    if (dup.length) return "duplicate";
    const capacity = ev.capacity as number | null;
    const confirmed = capacity === null || Number(ev.confirmed_count) < capacity;
    await q(
      confirmed
        ? "update events set next_seq = next_seq + 1, confirmed_count = confirmed_count + 1 where id = $1"
        : "update events set next_seq = next_seq + 1, waitlist_count = waitlist_count + 1 where id = $1",
      [eventId],
    );
    const token = randomBytes(32).toString("base64url");
    await q(
      `insert into registrations (event_id, status, seq, name, name_kana, email, email_key, organization, sector, locale, manage_token_hash, manage_token_sealed, confirmed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'academia', 'ja', $9, $10, now())`,
      [
        eventId,
        confirmed ? "confirmed" : "waitlisted",
        Number(ev.next_seq),
        "山田 太郎",
        "ヤマダ タロウ",
        email,
        email,
        "福島大学",
        hash(token),
        token,
      ],
    );
    await q(
      "insert into calendar_tokens (email_key, token_hash, sealed_token) values ($1, $2, $3) on conflict (email_key) do nothing",
      [email, hash(`c${token}`), token],
    );
    await q(
      `insert into outbox (dedupe_key, message_id, kind, to_address, subject, text_body, html_body)
       values ($1, $2, 'registration.confirmed', $3, 'subject', 'text', '<p>html</p>')`,
      [`raw:${randomUUID()}`, `<${randomUUID()}@bench>`, email],
    );
    return confirmed ? "confirmed" : "waitlisted";
  });
}
