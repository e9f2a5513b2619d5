/**
 * Loads the reference data the product ships with: blocks, prefectures, METI bureaus, councils,
 * clusters and past events (db/seed/data/*). Idempotent: every row has a natural key (code, or slug
 * for events) and is inserted with ON CONFLICT DO NOTHING, so running it again adds nothing and
 * never overwrites what organisers have edited since. A database seeded by an older version gets
 * the corrections of the newer ones (corrections.ts), each only where the row still holds what the
 * older version wrote.
 */
import { fiscalYearOf, tokyoInstant } from "../../lib/time.ts";
import type { Db } from "../client.ts";
import { eq, inArray } from "drizzle-orm";
import { blocks, bureaus, clusters, councils, eventClusters, events, prefectures, settings } from "../schema/index.ts";
import { seedBlocks, seedPrefectures } from "./data/blocks.ts";
import { seedEventClusters } from "./data/event-clusters.ts";
import { seedEvents, type SeedEvent } from "./data/events.ts";
import { seedBureaus, seedClusters, seedCouncils } from "./data/reference.ts";
import { applyCorrections } from "./corrections.ts";

function parseDay(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`seed: bad date ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A seed event as an events row: all-day, [first day, day after the last day) in Asia/Tokyo. */
function seedEventRow(e: SeedEvent): typeof events.$inferInsert {
  const [sy, sm, sd] = parseDay(e.startDate);
  const [ly, lm, ld] = parseDay(e.lastDate);
  const startsAt = tokyoInstant(sy, sm, sd);
  const endsAt = tokyoInstant(ly, lm, ld + 1); // Date.UTC rolls over month and year ends
  if (endsAt <= startsAt) throw new Error(`seed: event ${e.slug} ends before it starts`);
  return {
    slug: e.slug,
    kind: e.kind,
    status: "scheduled",
    titleJa: e.titleJa,
    titleEn: e.titleEn,
    descriptionJa: e.descriptionJa,
    descriptionEn: e.descriptionEn,
    blockCode: e.blockCode,
    venue: e.venue,
    venueEn: e.venueEn,
    prefecture: e.prefecture,
    startsAt,
    endsAt,
    allDay: true,
    datePrecision: e.precision,
    fiscalYear: fiscalYearOf(startsAt),
    capacity: e.capacity,
    attendance: e.attendance,
    attendanceApprox: e.attendanceApprox,
    source: e.source,
    countsAsMeeting: e.countsAsMeeting ?? true,
  };
}

/**
 * Bump when the seed data changes, so existing databases receive the new rows (still never
 * duplicated) and the corrections of the new version (corrections.ts). 2: events tied to their
 * clusters. 3: the history corrections (attendance, date precision, venueEn, sources, the Kanto launch, the
 * 2006-02-15 block, the Kinki council's name).
 */
export const SEED_VERSION = "3";

export async function seedDatabase(db: Db): Promise<{ inserted: number; corrected?: number }> {
  const eventRows = seedEvents.map(seedEventRow);
  return db.transaction(async (tx) => {
    // Already seeded with this version: nothing to do at start-up (and no write that would, for
    // instance, move the feeds' version and make every calendar client download again).
    const [done] = await tx.select().from(settings).where(eq(settings.key, "seed_version"));
    if (done?.value === SEED_VERSION) return { inserted: 0, corrected: 0 };
    let inserted = 0;
    // Parents before children (foreign keys): blocks → prefectures, bureaus, councils → clusters → events.
    inserted += (await tx.insert(blocks).values(seedBlocks).onConflictDoNothing().returning({ code: blocks.code })).length;
    inserted += (await tx.insert(prefectures).values(seedPrefectures).onConflictDoNothing().returning({ code: prefectures.code }))
      .length;
    inserted += (await tx.insert(bureaus).values(seedBureaus).onConflictDoNothing().returning({ code: bureaus.code })).length;
    const councilRows = seedCouncils.map(({ nameSource: _nameSource, ...c }) => c);
    inserted += (await tx.insert(councils).values(councilRows).onConflictDoNothing().returning({ code: councils.code })).length;
    inserted += (await tx.insert(clusters).values(seedClusters).onConflictDoNothing().returning({ code: clusters.code })).length;
    inserted += (await tx.insert(events).values(eventRows).onConflictDoNothing().returning({ id: events.id })).length;
    const slugs = Object.keys(seedEventClusters);
    const ids = await tx.select({ id: events.id, slug: events.slug }).from(events).where(inArray(events.slug, slugs));
    const links = ids.flatMap((e) => (seedEventClusters[e.slug!] ?? []).map((clusterCode) => ({ eventId: e.id, clusterCode })));
    if (links.length) await tx.insert(eventClusters).values(links).onConflictDoNothing();
    // Seeded before by an older version: bring its rows up to date.
    const corrected = done ? await applyCorrections(tx, Number(done.value) || 0) : 0;
    await tx
      .insert(settings)
      .values({ key: "seed_version", value: SEED_VERSION })
      .onConflictDoUpdate({ target: settings.key, set: { value: SEED_VERSION } });
    return { inserted, corrected };
  });
}
