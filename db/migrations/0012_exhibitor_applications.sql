ALTER TABLE "events" ADD COLUMN "exhibitor_call_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "exhibitor_call_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "exhibitor_booth_sizes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "source" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "organization_key" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "organization_kana" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "competitor_names" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "manage_token_hash" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "manage_token_sealed" text;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitors_event_application_org_uq" ON "exhibitors" USING btree ("event_id","organization_key") WHERE "exhibitors"."source" = 'application' and "exhibitors"."withdrawn_at" is null;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD CONSTRAINT "exhibitors_manage_token_hash_unique" UNIQUE("manage_token_hash");