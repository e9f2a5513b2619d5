import { asc } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { blocks, prefectures } from "../../db/schema/index.ts";

export async function listBlocks(db: Db) {
  const [bs, ps] = await Promise.all([
    db.select().from(blocks).orderBy(asc(blocks.sortOrder)),
    db.select().from(prefectures).orderBy(asc(prefectures.code)),
  ]);
  return bs.map((b) => ({
    code: b.code,
    nameJa: b.nameJa,
    nameEn: b.nameEn,
    councilCadence: b.councilCadence,
    prefectures: ps.filter((p) => p.blockCode === b.code).map((p) => ({ code: p.code, nameJa: p.nameJa, nameEn: p.nameEn })),
  }));
}
