import type { PageCtx } from "../../context.ts";
import { named, type AssignValues, type Booth, type Exhibitor } from "./shared.tsx";

/**
 * A refused assignment in the page's words: who holds the booth, which sizes differ, which
 * competitor is next door. The state is read after the refusal, so it is the state that refused.
 */
export function explainConflict(
  ctx: PageCtx,
  slug: string,
  values: AssignValues,
  booths: Booth[],
  exhibitors: Exhibitor[],
): { message: string; marked: string[] } | null {
  const { m } = ctx;
  const booth = booths.find((b) => b.code === values.booth);
  const ex = exhibitors.find((x) => x.ref === values.exhibitor);
  if (!booth || !ex) return null;
  if (slug === "booth-taken" && booth.assignment) {
    const holder = { name: booth.assignment.name, ref: booth.assignment.exhibitor };
    return { message: m.conflictTaken(booth.code, named(ctx, holder)), marked: [booth.code] };
  }
  if (slug === "size-mismatch") {
    return { message: m.conflictSize(booth.code, booth.sizeClass, named(ctx, ex), ex.size), marked: [booth.code] };
  }
  if (slug === "competitor-adjacent") {
    for (const code of booth.adjacent) {
      const nb = booths.find((b) => b.code === code)?.assignment;
      if (!nb || nb.exhibitor === ex.ref) continue;
      const other = exhibitors.find((x) => x.ref === nb.exhibitor);
      if (!other || !(ex.competitors.includes(other.ref) || other.competitors.includes(ex.ref))) continue;
      return {
        message: m.conflictCompetitor(booth.code, named(ctx, ex), named(ctx, other), code),
        marked: [booth.code, code],
      };
    }
  }
  return null;
}
