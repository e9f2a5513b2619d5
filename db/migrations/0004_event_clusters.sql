CREATE TABLE "event_clusters" (
	"event_id" uuid NOT NULL,
	"cluster_code" text NOT NULL,
	CONSTRAINT "event_clusters_event_id_cluster_code_pk" PRIMARY KEY("event_id","cluster_code")
);
--> statement-breakpoint
ALTER TABLE "event_clusters" ADD CONSTRAINT "event_clusters_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_clusters" ADD CONSTRAINT "event_clusters_cluster_code_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "public"."clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_clusters_cluster_idx" ON "event_clusters" USING btree ("cluster_code");