CREATE TABLE "blocks" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	"council_cadence" integer DEFAULT 2 NOT NULL,
	"contact_email" text
);
--> statement-breakpoint
CREATE TABLE "bureaus" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text,
	"block_code" text
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"code" text PRIMARY KEY NOT NULL,
	"programme" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text,
	"region_ja" text,
	"region_en" text,
	"block_code" text,
	"bureau_code" text,
	"field_ja" text,
	"field_en" text,
	"companies" integer,
	"universities" integer,
	"area_type" text,
	"fiscal_year_from" integer,
	"fiscal_year_to" integer,
	"theme_ja" text,
	"extra" jsonb
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text,
	"region_ja" text,
	"block_code" text,
	"members_ja" text
);
--> statement-breakpoint
CREATE TABLE "prefectures" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"block_code" text NOT NULL,
	CONSTRAINT "prefectures_name_ja_unique" UNIQUE("name_ja")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text,
	"description_ja" text,
	"description_en" text,
	"block_code" text,
	"venue" text,
	"prefecture" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"fiscal_year" integer NOT NULL,
	"capacity" integer,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"next_seq" bigint DEFAULT 1 NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slug_unique" UNIQUE("slug"),
	CONSTRAINT "events_time_order" CHECK ("events"."ends_at" >= "events"."starts_at"),
	CONSTRAINT "events_capacity_nonneg" CHECK ("events"."capacity" is null or "events"."capacity" >= 0),
	CONSTRAINT "events_counts_nonneg" CHECK ("events"."confirmed_count" >= 0 and "events"."waitlist_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"sealed_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigint NOT NULL,
	"name" text NOT NULL,
	"name_kana" text,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"organization" text NOT NULL,
	"sector" text NOT NULL,
	"locale" text DEFAULT 'ja' NOT NULL,
	"manage_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"purged_at" timestamp with time zone,
	CONSTRAINT "registrations_manage_token_hash_unique" UNIQUE("manage_token_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"message_id" text NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "outbox_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_key" text NOT NULL,
	"token_hash" text NOT NULL,
	"sealed_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	CONSTRAINT "calendar_tokens_email_key_unique" UNIQUE("email_key"),
	CONSTRAINT "calendar_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bureaus" ADD CONSTRAINT "bureaus_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_bureau_code_bureaus_code_fk" FOREIGN KEY ("bureau_code") REFERENCES "public"."bureaus"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefectures" ADD CONSTRAINT "prefectures_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_block_code_blocks_code_fk" FOREIGN KEY ("block_code") REFERENCES "public"."blocks"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_block_fy_idx" ON "events" USING btree ("block_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "events_updated_idx" ON "events" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_pk" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_email_uq" ON "registrations" USING btree ("event_id","email_key") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_seq_uq" ON "registrations" USING btree ("event_id","seq");--> statement-breakpoint
CREATE INDEX "registrations_event_status_idx" ON "registrations" USING btree ("event_id","status","seq");--> statement-breakpoint
CREATE INDEX "registrations_email_idx" ON "registrations" USING btree ("email_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");