/**
 * Instances for the allocator's property tests (fast-check arbitraries of halls and exhibitors)
 * and the slow reference answers they are held against: a greedy pass and a brute-force optimum.
 */
import fc from "fast-check";
import {
  allocate,
  DEFAULT_WEIGHTS,
  type AllocateInput,
  type AllocateResult,
  type Assignment,
  type Exhibitor,
  type Weights,
} from "../../api/booths/allocate.ts";
import { adjacencyLists, areAdjacent, normalizeSize, sizeClass, type Booth } from "../../api/booths/geometry.ts";

// ---------------------------------------------------------------------------------------------
// Instance arbitraries

const ZONES = ["A", "B", "C"] as const;
const CLUSTERS = ["c1", "c2", "c3"] as const;

interface BoothSpec {
  w: number;
  h: number;
  gap: boolean;
  zone: string;
}

/** Booths laid out left to right in rows of width `rowWidth`; a row starts right above the
 * tallest booth of the previous one (so rows touch) unless the row spec asks for an aisle. */
function layout(specs: BoothSpec[], rowWidth: number, aisles: boolean[]): Booth[] {
  const booths: Booth[] = [];
  let x = 0;
  let y = 0;
  let rowH = 0;
  let row = 0;
  for (const s of specs) {
    if (s.gap) x += 1;
    if (x + s.w > rowWidth) {
      y += rowH + (aisles[row % Math.max(1, aisles.length)] ? 1 : 0);
      row++;
      x = 0;
      rowH = 0;
    }
    booths.push({ code: `B${String(booths.length).padStart(2, "0")}`, x, y, w: s.w, h: s.h, zone: s.zone });
    x += s.w;
    rowH = Math.max(rowH, s.h);
  }
  return booths;
}

interface ExSpec {
  size: number;
  cluster: string;
  priority: number;
  prefs: number[];
  home: string | null;
  comps: number[];
}

interface Spec {
  booths: BoothSpec[];
  rowWidth: number;
  aisles: boolean[];
  exhibitors: ExSpec[];
  pins: { e: number; b: number }[];
}

const boothSpec = (maxSide: number) =>
  fc.record({
    w: fc.integer({ min: 1, max: maxSide }),
    h: fc.integer({ min: 1, max: maxSide }),
    gap: fc.boolean(),
    zone: fc.constantFrom(...ZONES),
  });

const exSpec = fc.record({
  size: fc.nat({ max: 20 }),
  cluster: fc.constantFrom(...CLUSTERS),
  priority: fc.integer({ min: 0, max: 10 }),
  prefs: fc.array(fc.nat({ max: 99 }), { maxLength: 3 }),
  home: fc.option(fc.constantFrom(...ZONES), { nil: null }),
  comps: fc.array(fc.nat({ max: 99 }), { maxLength: 2 }),
});

export function specArb(o: { booths: [number, number]; exhibitors: [number, number]; maxSide: number; pins: number }): fc.Arbitrary<Spec> {
  return fc.record({
    booths: fc.array(boothSpec(o.maxSide), { minLength: o.booths[0], maxLength: o.booths[1], size: "max" }),
    rowWidth: fc.integer({ min: 3, max: 8 }),
    aisles: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    exhibitors: fc.array(exSpec, { minLength: o.exhibitors[0], maxLength: o.exhibitors[1], size: "max" }),
    pins: fc.array(fc.record({ e: fc.nat({ max: 99 }), b: fc.nat({ max: 99 }) }), { maxLength: o.pins }),
  });
}

export function build(spec: Spec, opts: { competitors?: boolean } = {}): AllocateInput & { pinned: Assignment[] } {
  const booths = layout(spec.booths, spec.rowWidth, spec.aisles);
  const sizes = [...new Set(booths.map((b) => sizeClass(b)))].sort();
  const exhibitors: Exhibitor[] = spec.exhibitors.map((x, i) => ({
    ref: `E${String(i).padStart(2, "0")}`,
    cluster: x.cluster,
    field: "f",
    // mostly sizes that exist; sometimes one with no booth at all
    size: x.size % 7 === 6 ? "9x9" : (sizes[x.size % sizes.length] ?? "1x1"),
    priority: x.priority,
    preferences: x.prefs.map((p) => booths[p % booths.length]!.code),
    homeZone: x.home,
    competitors: [],
  }));
  if (opts.competitors !== false) {
    spec.exhibitors.forEach((x, i) => {
      for (const c of x.comps) {
        const j = c % exhibitors.length;
        if (j !== i) exhibitors[i]!.competitors.push(exhibitors[j]!.ref);
      }
    });
  }
  // Valid pins only: size fits, booth and exhibitor unused, no pinned competitor next door.
  const pinned: Assignment[] = [];
  const adj = adjacencyLists(booths);
  const comp = (a: Exhibitor, b: Exhibitor) => a.competitors.includes(b.ref) || b.competitors.includes(a.ref);
  for (const p of exhibitors.length > 0 ? spec.pins : []) {
    const e = exhibitors[p.e % exhibitors.length]!;
    if (pinned.some((q) => q.exhibitor === e.ref)) continue;
    for (let k = 0; k < booths.length; k++) {
      const bi = (p.b + k) % booths.length;
      const b = booths[bi]!;
      if (sizeClass(b) !== e.size || pinned.some((q) => q.booth === b.code)) continue;
      const clash = adj[bi]!.some((j) => {
        const q = pinned.find((x) => x.booth === booths[j]!.code);
        return q !== undefined && comp(e, exhibitors.find((x) => x.ref === q.exhibitor)!);
      });
      if (clash) continue;
      pinned.push({ booth: b.code, exhibitor: e.ref });
      break;
    }
  }
  return { booths, exhibitors, pinned };
}

/** allocate() with a frozen clock, so that only the budgets bound the search. */
export function run(input: AllocateInput): AllocateResult {
  return allocate({ ...input, now: () => 0 });
}

export function comparable(r: AllocateResult) {
  return { assignments: r.assignments, unassigned: r.unassigned, score: r.score };
}

export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function placedBySize(input: AllocateInput, assignments: readonly Assignment[]): Map<string, number> {
  const size = new Map(input.exhibitors.map((e) => [e.ref, normalizeSize(e.size)]));
  const out = new Map<string, number>();
  for (const a of assignments) out.set(size.get(a.exhibitor)!, (out.get(size.get(a.exhibitor)!) ?? 0) + 1);
  return out;
}

/** Greedy: exhibitors in input order, first free booth of their size with no competitor next door. */
export function greedyPlaced(input: AllocateInput & { pinned: Assignment[] }): number {
  const adj = adjacencyLists(input.booths);
  const occ = new Map<string, string>();
  for (const p of input.pinned) occ.set(p.booth, p.exhibitor);
  const done = new Set(input.pinned.map((p) => p.exhibitor));
  const comp = new Map<string, Set<string>>();
  for (const e of input.exhibitors) {
    for (const r of e.competitors) {
      if (!comp.has(e.ref)) comp.set(e.ref, new Set());
      if (!comp.has(r)) comp.set(r, new Set());
      comp.get(e.ref)!.add(r);
      comp.get(r)!.add(e.ref);
    }
  }
  let n = done.size;
  for (const e of input.exhibitors) {
    if (done.has(e.ref)) continue;
    for (let i = 0; i < input.booths.length; i++) {
      const b = input.booths[i]!;
      if (occ.has(b.code) || sizeClass(b) !== normalizeSize(e.size)) continue;
      if (adj[i]!.some((j) => comp.get(e.ref)?.has(occ.get(input.booths[j]!.code) ?? "") ?? false)) continue;
      occ.set(b.code, e.ref);
      n++;
      break;
    }
  }
  return n;
}

/** Exhaustive optimum (placed count first, then score) by an independent implementation. */
export function bruteForce(input: AllocateInput & { pinned: Assignment[] }, w: Weights): { placed: number; score: number } {
  const { booths, exhibitors } = input;
  const nb = booths.length;
  const adjacent = booths.map((a) => booths.map((b) => a !== b && areAdjacent(a, b)));
  const value = (e: Exhibitor, b: Booth) => {
    const k = e.preferences.indexOf(b.code);
    const pref = k >= 0 ? (w.preferences[k] ?? 0) : 0;
    const home = e.homeZone != null && e.homeZone === b.zone ? w.homeZone : 0;
    return (w.priorityBase + e.priority) * (pref + home);
  };
  const isComp = (a: Exhibitor, b: Exhibitor) => a.competitors.includes(b.ref) || b.competitors.includes(a.ref);
  const pinOf = new Map(input.pinned.map((p) => [p.exhibitor, booths.findIndex((b) => b.code === p.booth)]));
  const at: number[] = Array(exhibitors.length).fill(-1);
  const occ: number[] = Array(nb).fill(-1);
  let best = { placed: -1, score: -Infinity };
  const rec = (i: number, placed: number, score: number) => {
    if (i === exhibitors.length) {
      let pairs = 0;
      for (let a = 0; a < nb; a++)
        for (let b = a + 1; b < nb; b++)
          if (adjacent[a]![b] && occ[a]! >= 0 && occ[b]! >= 0 && exhibitors[occ[a]!]!.cluster === exhibitors[occ[b]!]!.cluster) pairs++;
      const total = score + pairs * w.sameClusterAdjacent;
      if (placed > best.placed || (placed === best.placed && total > best.score)) best = { placed, score: total };
      return;
    }
    const e = exhibitors[i]!;
    const options = pinOf.has(e.ref) ? [pinOf.get(e.ref)!] : [-1, ...booths.map((_, b) => b)];
    for (const b of options) {
      if (b === -1) {
        rec(i + 1, placed, score);
        continue;
      }
      const booth = booths[b]!;
      if (occ[b] !== -1 || sizeClass(booth) !== normalizeSize(e.size)) continue;
      if (booths.some((_, x) => adjacent[b]![x] && occ[x]! >= 0 && isComp(e, exhibitors[occ[x]!]!))) continue;
      occ[b] = i;
      at[i] = b;
      rec(i + 1, placed + 1, score + value(e, booth));
      occ[b] = -1;
      at[i] = -1;
    }
  };
  rec(0, 0, 0);
  return best;
}

/** FC_RUNS_SCALE=10 npx vitest run … for a longer soak. */
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FC_RUNS_SCALE ?? 1)));

export const W_FULL: Weights = { ...DEFAULT_WEIGHTS, preferences: [...DEFAULT_WEIGHTS.preferences] };
export const W_LINEAR: Weights = { ...W_FULL, sameClusterAdjacent: 0 };
