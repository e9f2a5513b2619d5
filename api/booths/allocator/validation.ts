import { validateBooths } from "../geometry.ts";
import { isCompetitor, type Model } from "./model.ts";
import type { AllocateInput, Assignment } from "./types.ts";

export class AllocationInputError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid allocation input: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ""}`);
    this.name = "AllocationInputError";
    this.problems = problems;
  }
}

/** Structural problems of the booths and exhibitors (the floor plan's overlaps are the caller's). */
export function validateInput(input: AllocateInput): void {
  const problems: string[] = validateBooths(input.booths, { checkOverlaps: false }).map((p) => p.detail);
  const refs = new Set<string>();
  input.exhibitors.forEach((exhibitor, i) => {
    if (typeof exhibitor.ref !== "string" || exhibitor.ref === "") problems.push(`exhibitor #${i} has no ref`);
    else if (refs.has(exhibitor.ref)) problems.push(`exhibitor ref "${exhibitor.ref}" is duplicated`);
    refs.add(exhibitor.ref);
    if (typeof exhibitor.priority !== "number" || !Number.isFinite(exhibitor.priority)) problems.push(`exhibitor "${exhibitor.ref}" has an invalid priority`);
  });
  if (problems.length) throw new AllocationInputError(problems);
}

/** Pinned assignments by index (exhibitor → booth and booth → exhibitor, -1 when free), checked. */
export function resolvePins(model: Model, pins: readonly Assignment[]): { pinnedBoothOf: Int32Array; pinnedExhibitorAt: Int32Array } {
  const problems: string[] = [];
  const boothCount = model.booths.length;
  const exhibitorCount = model.exhibitors.length;
  const pinnedBoothOf = new Int32Array(exhibitorCount).fill(-1);
  const pinnedExhibitorAt = new Int32Array(boothCount).fill(-1);
  for (const p of pins) {
    const booth = model.boothIndex.get(p.booth);
    const exhibitor = model.exhibitorIndex.get(p.exhibitor);
    if (booth === undefined) problems.push(`pinned booth "${p.booth}" does not exist`);
    if (exhibitor === undefined) problems.push(`pinned exhibitor "${p.exhibitor}" does not exist`);
    if (booth === undefined || exhibitor === undefined) continue;
    if (pinnedBoothOf[exhibitor] === booth && pinnedExhibitorAt[booth] === exhibitor) continue; // exact duplicate
    if (pinnedBoothOf[exhibitor]! >= 0) problems.push(`exhibitor "${p.exhibitor}" is pinned twice`);
    else if (pinnedExhibitorAt[booth]! >= 0) problems.push(`booth "${p.booth}" is pinned twice`);
    else if (model.exhibitorClass[exhibitor] !== model.boothClass[booth]) {
      problems.push(`pinned exhibitor "${p.exhibitor}" (size ${model.exhibitors[exhibitor]!.size}) does not fit booth "${p.booth}" (${model.classSizes[model.boothClass[booth]!]})`);
    } else {
      pinnedBoothOf[exhibitor] = booth;
      pinnedExhibitorAt[booth] = exhibitor;
    }
  }
  for (let booth = 0; booth < boothCount; booth++) {
    const exhibitor = pinnedExhibitorAt[booth]!;
    if (exhibitor < 0) continue;
    for (const neighbour of model.adjacent[booth]!) {
      const other = pinnedExhibitorAt[neighbour]!;
      if (neighbour > booth && other >= 0 && isCompetitor(model, exhibitor, other)) {
        problems.push(`pinned competitors "${model.exhibitors[exhibitor]!.ref}" (${model.booths[booth]!.code}) and "${model.exhibitors[other]!.ref}" (${model.booths[neighbour]!.code}) are adjacent`);
      }
    }
  }
  if (problems.length) throw new AllocationInputError(problems);
  return { pinnedBoothOf, pinnedExhibitorAt };
}
