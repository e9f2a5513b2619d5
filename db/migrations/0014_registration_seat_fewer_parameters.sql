-- register_seat() with fewer bytes per call (api/registrations/seat.ts): the outbox's dedupe key
-- is derived here ('reg:<id>:seat' for a seat, 'reg:<id>:waitlisted' for a waiting place, as
-- registrationDedupeKey() in api/mail/registration-mail.ts writes them) instead of being sent
-- twice per call, and p_key (the address's comparison key) is NULL when it is the address itself.
-- Every parameter travels in each registration's Bind message; under a burst postgres.js writes
-- those to the socket, and the write calls are the largest cost of a registration in the server.
DROP FUNCTION "register_seat"(uuid, timestamptz, uuid, text, text, text, text, text, text, text, boolean, jsonb, text, text, text, text, text);
--> statement-breakpoint
CREATE FUNCTION "register_seat"(
  p_event_id uuid, p_now timestamptz, p_id uuid, p_key text, p_name text, p_name_kana text, p_email text,
  p_organization text, p_sector text, p_locale text, p_consent boolean, p_answers jsonb,
  p_manage_token_hash text, p_manage_token_sealed text, p_message_id_host text
) RETURNS TABLE (seq bigint, confirmed boolean, waiting integer, check_in_code text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH cur AS (
    SELECT e.id, e.capacity, e.confirmed_count, e.waitlist_count, e.next_seq FROM "events" e
    WHERE e.id = p_event_id AND e.status = 'scheduled' AND e.ends_at > p_now
      AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= p_now)
      AND coalesce(e.registration_closes_at, e.starts_at) > p_now
      AND (NOT e.consent_required OR p_consent)
      AND NOT EXISTS (
        SELECT 1 FROM "event_questions" q WHERE q.event_id = p_event_id AND q.required AND NOT (p_answers ? q.id)
      )
      AND NOT EXISTS (
        SELECT 1 FROM "registrations" r WHERE r.event_id = p_event_id AND r.email_key = coalesce(p_key, p_email) AND r.status <> 'cancelled'
      )
    FOR UPDATE
  ), upd AS (
    UPDATE "events" e SET
      next_seq = cur.next_seq + 1,
      confirmed_count = cur.confirmed_count + CASE WHEN cur.capacity IS NULL OR cur.confirmed_count < cur.capacity THEN 1 ELSE 0 END,
      waitlist_count = cur.waitlist_count + CASE WHEN cur.capacity IS NULL OR cur.confirmed_count < cur.capacity THEN 0 ELSE 1 END
    FROM cur WHERE e.id = cur.id
    RETURNING e.id
  ), seat AS (
    SELECT cur.next_seq AS seq, (cur.capacity IS NULL OR cur.confirmed_count < cur.capacity) AS confirmed, cur.waitlist_count AS waiting
    FROM cur JOIN upd ON upd.id = cur.id
  ), reg AS (
    INSERT INTO "registrations" (id, event_id, status, seq, name, name_kana, email, email_key, organization, sector, locale,
      manage_token_hash, manage_token_sealed, created_at, confirmed_at, consented_at)
    SELECT p_id, p_event_id, CASE WHEN seat.confirmed THEN 'confirmed' ELSE 'waitlisted' END, seat.seq,
      p_name, p_name_kana, p_email, coalesce(p_key, p_email), p_organization, p_sector, p_locale,
      p_manage_token_hash, p_manage_token_sealed, p_now, CASE WHEN seat.confirmed THEN p_now END,
      CASE WHEN p_consent THEN p_now END
    FROM seat
    RETURNING id, check_in_code
  ), answers AS (
    INSERT INTO "registration_answers" (registration_id, event_id, question_id, value, updated_at)
    SELECT reg.id, p_event_id, a.key, a.value, p_now
    FROM reg, jsonb_each(p_answers) AS a(key, value)
    WHERE EXISTS (SELECT 1 FROM "event_questions" q WHERE q.event_id = p_event_id AND q.id = a.key)
    RETURNING 1
  ), mail AS (
    INSERT INTO "outbox" (dedupe_key, message_id, kind, to_address, registration_id, locale, created_at, next_attempt_at)
    SELECT 'reg:' || p_id::text || CASE WHEN seat.confirmed THEN ':seat' ELSE ':waitlisted' END,
      '<' || gen_random_uuid() || p_message_id_host,
      CASE WHEN seat.confirmed THEN 'registration.confirmed' ELSE 'registration.waitlisted' END,
      p_email, p_id, p_locale, p_now, p_now
    FROM seat
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id
  )
  SELECT seat.seq::bigint, seat.confirmed, seat.waiting::integer, (SELECT reg.check_in_code FROM reg) FROM seat;
END $$;
