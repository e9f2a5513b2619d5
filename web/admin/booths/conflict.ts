import { problemData } from "../../../api/errors.ts";
import type { PageCtx } from "../../context.ts";
import { named, type Exhibitor } from "./shared.tsx";

/**
 * A refused assignment in the page's words, from the problem's typed data (who holds the booth,
 * which sizes differ, which competitor is next door and where), with the booths to outline.
 */
export function explainConflict(ctx: PageCtx, err: unknown, exhibitors: Exhibitor[]): { message: string; marked: string[] } | null {
  const { m } = ctx;
  const who = (ref: string) => named(ctx, { ref, name: exhibitors.find((x) => x.ref === ref)?.name ?? ref });
  const taken = problemData(err, "booth-taken");
  if (taken?.holder) return { message: m.conflictTaken(taken.booth, who(taken.holder)), marked: [taken.booth] };
  const size = problemData(err, "size-mismatch");
  if (size) return { message: m.conflictSize(size.booth, size.boothSize, who(size.exhibitor), size.exhibitorSize), marked: [size.booth] };
  const next = problemData(err, "competitor-adjacent");
  if (next) {
    return {
      message: m.conflictCompetitor(next.booth, who(next.exhibitor), who(next.competitor), next.competitorBooth),
      marked: [next.booth, next.competitorBooth],
    };
  }
  return null;
}
