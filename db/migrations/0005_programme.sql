CREATE TABLE "programme_rooms" (
	"event_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text,
	"sort_order" integer NOT NULL,
	CONSTRAINT "programme_rooms_event_id_id_pk" PRIMARY KEY("event_id","id")
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" text,
	"chair_ja" text,
	"talks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_sessions_time_order" CHECK ("programme_sessions"."ends_at" > "programme_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "programme_rooms" ADD CONSTRAINT "programme_rooms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_sessions_event_idx" ON "programme_sessions" USING btree ("event_id","starts_at");