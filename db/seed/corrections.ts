/**
 * Corrections of rows that an older seed version wrote. The seed inserts only rows that are
 * missing, so a database seeded by an older version keeps what that version wrote until a
 * correction says otherwise. Each correction is a compare-and-set: it changes a row only where the
 * fields still hold exactly what the older version wrote (`from`), so an organiser's edit since is
 * never overwritten. Applied once, when the stored seed version is older than the correction's.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";
import { councils, events } from "../schema/index.ts";
import { seedCouncils } from "./data/reference.ts";
import { seedEvents } from "./data/events.ts";

type Value = string | number | boolean | null;
type Correction = {
  /** The seed version that brings it. */
  version: number;
  table: "events" | "councils";
  key: string;
  from: Record<string, Value>;
  to: Record<string, Value>;
};

const event = (slug: string) => {
  const e = seedEvents.find((x) => x.slug === slug);
  if (!e) throw new Error(`corrections: no seed event ${slug}`);
  return e;
};
const council = (code: string) => {
  const c = seedCouncils.find((x) => x.code === code);
  if (!c) throw new Error(`corrections: no seed council ${code}`);
  return c;
};

// ------------------------------------------------------------------ version 3 (the history corrections)
const V1_KANTO_LAUNCH_JA =
  "関東ブロックの地域科学技術振興協議会が、関東総合通信局、文部科学省、関東農政局、関東経済産業局、関東地方整備局、中部地方整備局、関東運輸局、関東地方環境事務所の8機関の長により発足。";
const V1_KANTO_LAUNCH_EN =
  "The Kanto block regional S&T promotion council was launched by the heads of 8 regional branch offices: Kanto Bureau of Telecommunications, MEXT, Kanto Regional Agricultural Administration Office, METI Kanto, Kanto and Chubu Regional Development Bureaus, Kanto District Transport Bureau and Kanto Regional Environment Office.";
const V1_JOINT_2006_JA = "産業クラスター・知的クラスター等の合同発表会。北陸ブロック地域科学技術振興協議会がブースを出展。";
const V1_JOINT_2006_EN =
  "Joint presentation of the Industrial Clusters, Knowledge Clusters and related programmes; the Hokuriku block regional S&T promotion council had an exhibition booth.";

const participants = (slug: string, v1Capacity: number): Correction => ({
  version: 3,
  table: "events",
  key: slug,
  from: { capacity: v1Capacity, attendance: null },
  to: { capacity: null, attendance: event(slug).attendance, attendanceApprox: event(slug).attendanceApprox },
});

const CORRECTIONS: Correction[] = [
  // Participant counts were stored as capacity.
  participants("regional-cluster-forum-1-2007", 200),
  participants("regional-cluster-forum-2-2008", 200),
  participants("cluster-japan-2007", 500),
  // Events known only to the month.
  ...seedEvents
    .filter((e) => e.precision === "month")
    .map((e): Correction => ({
      version: 3,
      table: "events",
      key: e.slug,
      from: { datePrecision: "day" },
      to: { datePrecision: "month" },
    })),
  // The venues' English names.
  ...seedEvents
    .filter((e) => e.venueEn)
    .map((e): Correction => ({
      version: 3,
      table: "events",
      key: e.slug,
      from: { venue: e.venue, venueEn: null },
      to: { venueEn: e.venueEn },
    })),
  // Where the facts come from.
  ...seedEvents
    .filter((e) => e.slug !== "kanto-block-council-launch-2005")
    .map((e): Correction => ({ version: 3, table: "events", key: e.slug, from: { source: null }, to: { source: e.source } })),
  // The Kanto launch is from the product brief, and is not a council meeting.
  {
    version: 3,
    table: "events",
    key: "kanto-block-council-launch-2005",
    from: { source: null, countsAsMeeting: true, descriptionJa: V1_KANTO_LAUNCH_JA, descriptionEn: V1_KANTO_LAUNCH_EN },
    to: {
      source: "product-brief",
      countsAsMeeting: false,
      descriptionJa: event("kanto-block-council-launch-2005").descriptionJa,
      descriptionEn: event("kanto-block-council-launch-2005").descriptionEn,
    },
  },
  // No document says where the 2006-02-15 joint presentation was held.
  {
    version: 3,
    table: "events",
    key: "industrial-knowledge-cluster-joint-presentation-2006-02-15",
    from: { blockCode: "hokuriku", descriptionJa: V1_JOINT_2006_JA, descriptionEn: V1_JOINT_2006_EN },
    to: {
      blockCode: null,
      descriptionJa: event("industrial-knowledge-cluster-joint-presentation-2006-02-15").descriptionJa,
      descriptionEn: event("industrial-knowledge-cluster-joint-presentation-2006-02-15").descriptionEn,
    },
  },
  // The Kinki block council under the name doc 001 prints.
  {
    version: 3,
    table: "councils",
    key: "block-council-kinki",
    from: {
      nameJa: "近畿ブロック地域科学技術振興協議会",
      nameEn: "Kinki Block Regional Science and Technology Promotion Council",
    },
    to: { nameJa: council("block-council-kinki").nameJa, nameEn: council("block-council-kinki").nameEn ?? null },
  },
];

/** The fields of events whose change calendars must see: a correction of one bumps SEQUENCE. */
const SEQUENCED = new Set([
  "titleJa",
  "titleEn",
  "descriptionJa",
  "descriptionEn",
  "venue",
  "venueEn",
  "datePrecision",
  "blockCode",
]);

function column(table: PgTable, field: string): PgColumn {
  const col = (table as unknown as Record<string, PgColumn | undefined>)[field];
  if (!col) throw new Error(`corrections: no column ${field}`);
  return col;
}

/** Applies the corrections of the versions after `fromVersion`, inside the seed's transaction. */
export async function applyCorrections(tx: Db, fromVersion: number): Promise<number> {
  let changed = 0;
  for (const c of CORRECTIONS) {
    if (c.version <= fromVersion) continue;
    const table = c.table === "events" ? events : councils;
    const conds: SQL[] = [c.table === "events" ? eq(events.slug, c.key) : eq(councils.code, c.key)];
    for (const [field, value] of Object.entries(c.from)) {
      conds.push(value === null ? isNull(column(table, field)) : eq(column(table, field), value));
    }
    const set: Record<string, unknown> = { ...c.to };
    if (c.table === "events") {
      set.updatedAt = sql`now()`;
      if (Object.keys(c.to).some((f) => SEQUENCED.has(f))) set.sequence = sql`${events.sequence} + 1`;
    }
    const rows = await tx
      .update(table)
      .set(set)
      .where(and(...conds))
      .returning();
    changed += rows.length;
  }
  return changed;
}
