import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  AllocationInputError,
  checkRules,
  DEFAULT_WEIGHTS,
  scoreAssignment,
  type AllocateInput,
  type AllocateResult,
  type Assignment,
  type Exhibitor,
  type Weights,
} from "../api/booths/allocate.ts";
import {
  adjacencyLists,
  areAdjacent,
  findOverlaps,
  normalizeSize,
  sizeClass,
  validateBooths,
  type Booth,
} from "../api/booths/geometry.ts";

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

function specArb(o: { booths: [number, number]; exhibitors: [number, number]; maxSide: number; pins: number }): fc.Arbitrary<Spec> {
  return fc.record({
    booths: fc.array(boothSpec(o.maxSide), { minLength: o.booths[0], maxLength: o.booths[1], size: "max" }),
    rowWidth: fc.integer({ min: 3, max: 8 }),
    aisles: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    exhibitors: fc.array(exSpec, { minLength: o.exhibitors[0], maxLength: o.exhibitors[1], size: "max" }),
    pins: fc.array(fc.record({ e: fc.nat({ max: 99 }), b: fc.nat({ max: 99 }) }), { maxLength: o.pins }),
  });
}

function build(spec: Spec, opts: { competitors?: boolean } = {}): AllocateInput & { pinned: Assignment[] } {
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
function run(input: AllocateInput): AllocateResult {
  return allocate({ ...input, now: () => 0 });
}

function comparable(r: AllocateResult) {
  return { assignments: r.assignments, unassigned: r.unassigned, score: r.score };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function placedBySize(input: AllocateInput, assignments: readonly Assignment[]): Map<string, number> {
  const size = new Map(input.exhibitors.map((e) => [e.ref, normalizeSize(e.size)]));
  const out = new Map<string, number>();
  for (const a of assignments) out.set(size.get(a.exhibitor)!, (out.get(size.get(a.exhibitor)!) ?? 0) + 1);
  return out;
}

/** Greedy: exhibitors in input order, first free booth of their size with no competitor next door. */
function greedyPlaced(input: AllocateInput & { pinned: Assignment[] }): number {
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
function bruteForce(input: AllocateInput & { pinned: Assignment[] }, w: Weights): { placed: number; score: number } {
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
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FC_RUNS_SCALE ?? 1)));

const W_FULL: Weights = { ...DEFAULT_WEIGHTS, preferences: [...DEFAULT_WEIGHTS.preferences] };
const W_LINEAR: Weights = { ...W_FULL, sameClusterAdjacent: 0 };

// ---------------------------------------------------------------------------------------------

describe("geometry", () => {
  it("size class is {long}x{short}", () => {
    expect(sizeClass({ w: 1, h: 2 })).toBe("2x1");
    expect(sizeClass({ w: 3, h: 3 })).toBe("3x3");
    expect(normalizeSize("1x2")).toBe("2x1");
    expect(normalizeSize(" 2 X 1 ")).toBe("2x1");
  });

  it("adjacency needs a shared edge of positive length, not a corner", () => {
    const a: Booth = { code: "a", x: 0, y: 0, w: 1, h: 1, zone: "Z" };
    expect(areAdjacent(a, { ...a, code: "b", x: 1 })).toBe(true);
    expect(areAdjacent(a, { ...a, code: "b", x: 1, y: 1 })).toBe(false);
    expect(areAdjacent(a, { ...a, code: "b", x: 2 })).toBe(false);
    expect(areAdjacent(a, { ...a, code: "b", y: -1, x: 0.5 })).toBe(true);
  });

  it("indexed adjacency equals the pairwise definition", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 8 }), y: fc.integer({ min: 0, max: 8 }), w: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 3 }) }),
          { maxLength: 30 },
        ),
        (rects) => {
          const booths = rects.map((r, i) => ({ ...r, code: `b${i}`, zone: "Z" }));
          const lists = adjacencyLists(booths);
          booths.forEach((a, i) => {
            const expected = booths.map((b, j) => (j !== i && areAdjacent(a, b) ? j : -1)).filter((j) => j >= 0);
            expect(lists[i]).toEqual(expected);
          });
          const overlaps = findOverlaps(booths).map((o) => `${o.a}|${o.b}`);
          const expectedOverlaps: string[] = [];
          booths.forEach((a, i) =>
            booths.forEach((b, j) => {
              if (j <= i) return;
              const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
              const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
              if (ox > 0 && oy > 0) expectedOverlaps.push(a.code < b.code ? `${a.code}|${b.code}` : `${b.code}|${a.code}`);
            }),
          );
          expect(overlaps.sort()).toEqual(expectedOverlaps.sort());
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("validation names the wrong booth", () => {
    const problems = validateBooths([
      { code: "A1", x: 0, y: 0, w: 1, h: 1, zone: "Z" },
      { code: "A1", x: 1, y: 0, w: 1, h: 1, zone: "Z" },
      { code: "A2", x: 2, y: 0, w: 0, h: 1, zone: "Z" },
      { code: "A3", x: 0, y: 5, w: 2, h: 1, zone: "Z" },
      { code: "A4", x: 1, y: 5, w: 1, h: 2, zone: "Z" },
    ]);
    expect(problems.map((p) => [p.code, p.index, p.problem])).toEqual([
      ["A1", 1, "duplicate-code"],
      ["A2", 2, "non-positive-size"],
      ["A3", 3, "overlap"],
    ]);
    expect(problems[2]!.detail).toContain("A4");
  });

  it("allocate rejects inconsistent input", () => {
    const booths: Booth[] = [{ code: "A1", x: 0, y: 0, w: 1, h: 1, zone: "Z" }];
    const ex = (ref: string, size = "1x1"): Exhibitor => ({ ref, cluster: "c", field: "f", size, priority: 0, preferences: [], competitors: [] });
    expect(() => allocate({ booths: [...booths, booths[0]!], exhibitors: [] })).toThrow(AllocationInputError);
    expect(() => allocate({ booths, exhibitors: [ex("x"), ex("x")] })).toThrow(AllocationInputError);
    expect(() => allocate({ booths, exhibitors: [ex("x", "2x1")], pinned: [{ booth: "A1", exhibitor: "x" }] })).toThrow(/does not fit/);
    expect(() => allocate({ booths, exhibitors: [ex("x")], pinned: [{ booth: "Z9", exhibitor: "x" }] })).toThrow(/does not exist/);
  });
});

describe("allocate: hard rules and cardinality", () => {
  it("never breaks a hard rule, keeps pins, and reports consistent scores and reasons", () => {
    fc.assert(
      fc.property(specArb({ booths: [1, 40], exhibitors: [0, 40], maxSide: 2, pins: 3 }), (spec) => {
        const input = build(spec);
        const r = run(input);
        expect(checkRules(input, r.assignments)).toEqual([]);
        for (const p of input.pinned) expect(r.assignments).toContainEqual(p);
        expect(r.assignments.length + r.unassigned.length).toBe(input.exhibitors.length);
        expect(r.score).toEqual(scoreAssignment(input, r.assignments));
        const supply = new Map<string, number>();
        for (const b of input.booths) supply.set(sizeClass(b), (supply.get(sizeClass(b)) ?? 0) + 1);
        const placed = placedBySize(input, r.assignments);
        const size = new Map(input.exhibitors.map((e) => [e.ref, normalizeSize(e.size)]));
        for (const u of r.unassigned) {
          const s = size.get(u.exhibitor)!;
          if (!supply.has(s)) expect(u.reason).toBe("no-booth-of-size");
          else if ((placed.get(s) ?? 0) >= supply.get(s)!) expect(u.reason).toBe("capacity");
          else expect(u.reason).toBe("competitor-conflict");
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it("without competitors every size class is filled to min(supply, demand)", () => {
    fc.assert(
      fc.property(specArb({ booths: [1, 40], exhibitors: [0, 45], maxSide: 2, pins: 3 }), (spec) => {
        const input = build(spec, { competitors: false });
        const r = run(input);
        expect(checkRules(input, r.assignments)).toEqual([]);
        const placed = placedBySize(input, r.assignments);
        const supply = new Map<string, number>();
        for (const b of input.booths) supply.set(sizeClass(b), (supply.get(sizeClass(b)) ?? 0) + 1);
        const demand = new Map<string, number>();
        for (const e of input.exhibitors) demand.set(normalizeSize(e.size), (demand.get(normalizeSize(e.size)) ?? 0) + 1);
        for (const [s, d] of demand) expect(placed.get(s) ?? 0).toBe(Math.min(d, supply.get(s) ?? 0));
      }),
      { numRuns: runs(60) },
    );
  });

  it("with competitors places at least as many as a greedy pass", () => {
    fc.assert(
      fc.property(specArb({ booths: [1, 30], exhibitors: [0, 35], maxSide: 2, pins: 2 }), (spec) => {
        const input = build(spec);
        const r = run(input);
        expect(r.assignments.length).toBeGreaterThanOrEqual(greedyPlaced(input));
      }),
      { numRuns: runs(60) },
    );
  });
});

describe("allocate: determinism", () => {
  it("same result on re-run and on shuffled input order", () => {
    fc.assert(
      fc.property(specArb({ booths: [1, 30], exhibitors: [0, 30], maxSide: 2, pins: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (spec, seed) => {
        const input = build(spec);
        const a = run(input);
        const b = run(input);
        expect(comparable(b)).toEqual(comparable(a));
        const shuffledInput: AllocateInput = {
          booths: shuffled(input.booths, seed),
          exhibitors: shuffled(input.exhibitors, seed + 1).map((e) => ({ ...e, competitors: shuffled(e.competitors, seed + 2) })),
          pinned: shuffled(input.pinned, seed + 3),
        };
        expect(comparable(run(shuffledInput))).toEqual(comparable(a));
      }),
      { numRuns: runs(25) },
    );
  });
});

describe("allocate: optimality on tiny instances", () => {
  it("trades an exhibitor of one size for a competitor of another size when that scores more", () => {
    // B01 (2×2) touches both 2×1 booths; X1 (2×1) and Y (2×2) are competitors. Either Y or X1 is
    // placed (same count); the linear part prefers X1 (home zone), the cluster pair Y–X0 wins.
    const booths: Booth[] = [
      { code: "B00", x: 0, y: 0, w: 2, h: 1, zone: "A" },
      { code: "B01", x: 0, y: 1, w: 2, h: 2, zone: "A" },
      { code: "B02", x: 0, y: 3, w: 2, h: 1, zone: "A" },
    ];
    const ex = (ref: string, size: string, homeZone: string | null, competitors: string[]): Exhibitor => ({
      ref,
      cluster: "c1",
      field: "f",
      size,
      priority: 0,
      preferences: [],
      homeZone,
      competitors,
    });
    const input = { booths, exhibitors: [ex("X0", "2x1", null, []), ex("X1", "2x1", "A", ["Y"]), ex("Y", "2x2", null, [])] };
    const heavy: Weights = { ...W_FULL, sameClusterAdjacent: 400 };
    const r = run({ ...input, weights: heavy });
    expect(r.score.total).toBe(400);
    expect(r.unassigned).toEqual([{ exhibitor: "X1", reason: "competitor-conflict" }]);
    expect(bruteForce({ ...input, pinned: [] }, heavy)).toEqual({ placed: 2, score: 400 });
  });


  const tiny = specArb({ booths: [1, 7], exhibitors: [1, 5], maxSide: 2, pins: 1 });

  it("equals the brute-force optimum without the cluster term (exact phase)", () => {
    fc.assert(
      fc.property(tiny, (spec) => {
        const input = build(spec);
        const r = run({ ...input, weights: W_LINEAR });
        const best = bruteForce(input, W_LINEAR);
        expect(r.assignments.length).toBe(best.placed);
        expect(r.score.total).toBe(best.score);
        expect(r.stats.linearOptimal).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  });

  it("equals the brute-force optimum with the cluster term", () => {
    fc.assert(
      fc.property(tiny, (spec) => {
        const input = build(spec);
        const r = run({ ...input, weights: W_FULL });
        const best = bruteForce(input, W_FULL);
        expect(r.assignments.length).toBe(best.placed);
        expect(r.score.total).toBe(best.score);
      }),
      { numRuns: runs(100) },
    );
  });

  it("equals the brute-force optimum with a dominant cluster term", () => {
    const heavy: Weights = { ...W_FULL, sameClusterAdjacent: 400 };
    fc.assert(
      fc.property(tiny, (spec) => {
        const input = build(spec);
        const r = run({ ...input, weights: heavy });
        const best = bruteForce(input, heavy);
        expect(r.assignments.length).toBe(best.placed);
        expect(r.score.total).toBe(best.score);
      }),
      { numRuns: runs(60) },
    );
  });
});
