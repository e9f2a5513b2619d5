import { asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { blocks, organisers, prefectures } from "../../db/schema/index.ts";
import { audit } from "../audit/service.ts";
import type { Ctx } from "../deps.ts";
import { coversBlock, staff } from "../auth/scope.ts";
import { Forbidden, NotFound, ValidationFailed } from "../errors.ts";

export async function listBlocks({ db }: Pick<Ctx, "db">) {
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

export type BlockPatch = {
  nameJa?: string;
  nameEn?: string;
  councilCadence?: 1 | 2;
  contactEmail?: string | null;
  /** Prefecture codes ("01".."47") that belong to this block; they move here from wherever they were. */
  prefectures?: string[];
};

/**
 * Organisers edit their blocks: names, council cadence, the secretariat's address, prefectures.
 * Blocks are public, so another organiser's block is refused (403) rather than hidden.
 */
export async function updateBlock({ db, who }: Pick<Ctx, "db" | "who">, { code, patch }: { code: string; patch: BlockPatch }) {
  staff(who.actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(blocks).where(eq(blocks.code, code)).for("update");
    if (!before) throw new NotFound("block");
    if (!coversBlock(who.actor, code)) throw new Forbidden("Only the organisers of this block may change it.");
    const [after] = await tx
      .update(blocks)
      .set({
        nameJa: patch.nameJa ?? before.nameJa,
        nameEn: patch.nameEn ?? before.nameEn,
        councilCadence: patch.councilCadence ?? before.councilCadence,
        contactEmail: patch.contactEmail === undefined ? before.contactEmail : patch.contactEmail,
      })
      .where(eq(blocks.code, code))
      .returning();
    let movedPrefectures: string[] = [];
    if (patch.prefectures) {
      const known = await tx
        .select({ code: prefectures.code })
        .from(prefectures)
        .where(inArray(prefectures.code, patch.prefectures));
      const unknown = patch.prefectures.filter((p) => !known.some((k) => k.code === p));
      if (unknown.length)
        throw new ValidationFailed([
          { field: "prefectures", code: "unknown", message: `unknown prefecture codes: ${unknown.join(", ")}` },
        ]);
      // Taking a prefecture empties it out of its current block: that block must be the caller's too.
      const current = await tx
        .select({ code: prefectures.code, blockCode: prefectures.blockCode })
        .from(prefectures)
        .where(inArray(prefectures.code, patch.prefectures))
        .for("update");
      const foreign = current.filter((p) => p.blockCode !== null && p.blockCode !== code && !coversBlock(who.actor, p.blockCode));
      if (foreign.length) {
        throw new Forbidden(
          `Prefectures ${foreign.map((p) => `${p.code} (${p.blockCode})`).join(", ")} belong to blocks you do not organise.`,
        );
      }
      movedPrefectures = patch.prefectures;
      if (patch.prefectures.length)
        await tx.update(prefectures).set({ blockCode: code }).where(inArray(prefectures.code, patch.prefectures));
    }
    await audit(tx, who, {
      action: "block.update",
      entity: "block",
      entityId: code,
      before,
      after: { ...after, prefectures: movedPrefectures },
    });
    return after!;
  });
}

/**
 * Who hears about a block's councils: its secretariat's address and every active organiser whose
 * scope covers the block.
 */
export async function blockRecipients(db: Db, code: string): Promise<string[]> {
  const [block] = await db.select({ contactEmail: blocks.contactEmail }).from(blocks).where(eq(blocks.code, code));
  const people = await db
    .select({ email: organisers.email, scopes: organisers.scopes })
    .from(organisers)
    .where(isNull(organisers.disabledAt));
  const out = new Set<string>();
  if (block?.contactEmail) out.add(block.contactEmail);
  for (const p of people) if (p.scopes.blocks.includes(code)) out.add(p.email);
  return [...out].sort();
}
