CREATE TABLE "feed_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO "feed_state" ("id", "version", "changed_at") VALUES (1, 0, now());
--> statement-breakpoint
CREATE FUNCTION "bump_feed_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "feed_state" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "events_feed_state_ins_del" AFTER INSERT OR DELETE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION "bump_feed_state"();
--> statement-breakpoint
-- Registration counters (confirmed_count, waitlist_count, next_seq) are not in feeds: they do not bump it.
CREATE TRIGGER "events_feed_state_upd" AFTER UPDATE OF "kind", "status", "title_ja", "title_en", "description_ja", "description_en", "block_code", "venue", "prefecture", "starts_at", "ends_at", "all_day", "sequence", "cancelled_at", "updated_at" ON "events" FOR EACH STATEMENT EXECUTE FUNCTION "bump_feed_state"();
