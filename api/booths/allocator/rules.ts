/** Scoring and rule checks of any assignment, for tests, the benchmark and the API. */
import { adjacencyLists, normalizeSize, sizeClass } from "../geometry.ts";
import { buildModel, scoreOccupancy } from "./model.ts";
import type { AllocationScore, Assignment, Booth, Exhibitor, Weights } from "./types.ts";

/** Score of a given assignment (unknown codes/refs are ignored). */
export function scoreAssignment(
  input: { booths: readonly Booth[]; exhibitors: readonly Exhibitor[]; weights?: Partial<Weights> },
  assignments: readonly Assignment[],
): AllocationScore {
  const model = buildModel(input.booths, input.exhibitors, input.weights);
  const exhibitorAt = new Int32Array(model.booths.length).fill(-1);
  for (const a of assignments) {
    const booth = model.boothIndex.get(a.booth);
    const exhibitor = model.exhibitorIndex.get(a.exhibitor);
    if (booth !== undefined && exhibitor !== undefined && exhibitorAt[booth] === -1) exhibitorAt[booth] = exhibitor;
  }
  return scoreOccupancy(model, exhibitorAt);
}

export type RuleViolationCode =
  | "unknown-booth"
  | "unknown-exhibitor"
  | "size-mismatch"
  | "exhibitor-twice"
  | "booth-twice"
  | "competitors-adjacent"
  | "pinned-moved";

export interface RuleViolation {
  rule: RuleViolationCode;
  booth?: string;
  exhibitor?: string;
  detail: string;
}

/** Every hard-rule violation in `assignments` (empty list = valid). */
export function checkRules(
  input: { booths: readonly Booth[]; exhibitors: readonly Exhibitor[]; pinned?: readonly Assignment[] },
  assignments: readonly Assignment[],
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const booths = new Map<string, Booth>();
  for (const booth of input.booths) if (!booths.has(booth.code)) booths.set(booth.code, booth);
  const exs = new Map<string, Exhibitor>();
  for (const exhibitor of input.exhibitors) if (!exs.has(exhibitor.ref)) exs.set(exhibitor.ref, exhibitor);
  const byBooth = new Map<string, string>();
  const byEx = new Map<string, string>();
  for (const a of assignments) {
    const booth = booths.get(a.booth);
    const exhibitor = exs.get(a.exhibitor);
    if (!booth) out.push({ rule: "unknown-booth", booth: a.booth, exhibitor: a.exhibitor, detail: `booth "${a.booth}" does not exist` });
    if (!exhibitor) out.push({ rule: "unknown-exhibitor", booth: a.booth, exhibitor: a.exhibitor, detail: `exhibitor "${a.exhibitor}" does not exist` });
    if (booth && exhibitor && sizeClass(booth) !== normalizeSize(String(exhibitor.size ?? ""))) {
      out.push({
        rule: "size-mismatch",
        booth: a.booth,
        exhibitor: a.exhibitor,
        detail: `booth "${a.booth}" is ${sizeClass(booth)}, exhibitor "${a.exhibitor}" needs ${exhibitor.size}`,
      });
    }
    if (byBooth.has(a.booth)) {
      out.push({ rule: "booth-twice", booth: a.booth, exhibitor: a.exhibitor, detail: `booth "${a.booth}" also given to "${byBooth.get(a.booth)}"` });
    } else byBooth.set(a.booth, a.exhibitor);
    if (byEx.has(a.exhibitor)) {
      out.push({ rule: "exhibitor-twice", booth: a.booth, exhibitor: a.exhibitor, detail: `exhibitor "${a.exhibitor}" also at "${byEx.get(a.exhibitor)}"` });
    } else byEx.set(a.exhibitor, a.booth);
  }
  const list = [...booths.values()];
  const adjacent = adjacencyLists(list);
  const competitorsOf = new Map<string, Set<string>>();
  const addCompetitor = (ref: string, competitor: string) => {
    let set = competitorsOf.get(ref);
    if (!set) competitorsOf.set(ref, (set = new Set()));
    set.add(competitor);
  };
  for (const exhibitor of exs.values()) {
    for (const ref of exhibitor.competitors ?? []) if (ref !== exhibitor.ref) (addCompetitor(exhibitor.ref, ref), addCompetitor(ref, exhibitor.ref));
  }
  list.forEach((booth, i) => {
    const holder = byBooth.get(booth.code);
    if (holder === undefined) return;
    const competitors = competitorsOf.get(holder);
    if (!competitors) return;
    for (const j of adjacent[i]!) {
      const nextBooth = list[j]!;
      if (nextBooth.code <= booth.code) continue;
      const neighbour = byBooth.get(nextBooth.code);
      if (neighbour !== undefined && competitors.has(neighbour)) {
        out.push({
          rule: "competitors-adjacent",
          booth: booth.code,
          exhibitor: holder,
          detail: `competitors "${holder}" (booth ${booth.code}) and "${neighbour}" (booth ${nextBooth.code}) are adjacent`,
        });
      }
    }
  });
  for (const p of input.pinned ?? []) {
    if (byEx.get(p.exhibitor) !== p.booth || byBooth.get(p.booth) !== p.exhibitor) {
      out.push({ rule: "pinned-moved", booth: p.booth, exhibitor: p.exhibitor, detail: `pinned "${p.exhibitor}" at "${p.booth}" not kept` });
    }
  }
  return out;
}
