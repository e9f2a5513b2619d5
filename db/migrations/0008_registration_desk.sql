-- 受付番号: a bijection of a global serial, written in an alphabet of 23 without look-alikes
-- (no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, 9). (n * m) mod 23^7 is one-to-one because m is not a
-- multiple of the prime 23, so codes are unique by construction (the index below only guards) and
-- never need a retry; a registration takes its code before the statement that takes its seat, so
-- the confirmation mail written in that statement can carry it. An identifier, not a secret.
CREATE SEQUENCE "registration_check_in_serial";
--> statement-breakpoint
CREATE FUNCTION "check_in_code"(serial bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  alphabet constant text := 'ACDEFGHJKMNPRTUVWXY3467';
  n constant bigint := 3404825447; -- 23^7
  v bigint := ((serial % n) * 2654435761) % n;
  code text := '';
BEGIN
  FOR i IN 1..7 LOOP
    code := substr(alphabet, (v % 23)::int + 1, 1) || code;
    v := v / 23;
  END LOOP;
  RETURN code;
END $$;
--> statement-breakpoint
CREATE FUNCTION "registrations_fill_check_in_code"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."check_in_code" IS NULL THEN
    NEW."check_in_code" := "check_in_code"(nextval('registration_check_in_serial'));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "check_in_code" text;--> statement-breakpoint
UPDATE "registrations" SET "check_in_code" = "check_in_code"(nextval('registration_check_in_serial'));--> statement-breakpoint
ALTER TABLE "registrations" ALTER COLUMN "check_in_code" SET NOT NULL;--> statement-breakpoint
CREATE TRIGGER "registrations_check_in_code" BEFORE INSERT ON "registrations"
  FOR EACH ROW EXECUTE FUNCTION "registrations_fill_check_in_code"();--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_code_uq" ON "registrations" USING btree ("event_id","check_in_code");--> statement-breakpoint
-- Name readings are stored in katakana from now on; convert the hiragana ones already stored.
UPDATE "registrations" SET "name_kana" = translate("name_kana", 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ', 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ')
  WHERE "name_kana" ~ '[ぁ-ゖゝゞ]';
