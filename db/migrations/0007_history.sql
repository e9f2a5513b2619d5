ALTER TABLE "events" ADD COLUMN "venue_en" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "date_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "attendance" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "attendance_approx" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "counts_as_meeting" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_attendance_nonneg" CHECK ("events"."attendance" is null or "events"."attendance" >= 0);--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_date_precision" CHECK ("events"."date_precision" in ('day', 'month'));