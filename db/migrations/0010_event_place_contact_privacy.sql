ALTER TABLE "events" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "address_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "access" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "access_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "map_url" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "privacy_notice_ja" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "privacy_notice_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "consent_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_map_url_https" CHECK ("events"."map_url" is null or "events"."map_url" like 'https://%');