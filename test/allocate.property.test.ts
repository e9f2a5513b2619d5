import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRules, scoreAssignment, type AllocateInput, type Exhibitor, type Weights } from "../api/booths/allocate.ts";
import { normalizeSize, sizeClass, type Booth } from "../api/booths/geometry.ts";
import {
  build,
  bruteForce,
  comparable,
  greedyPlaced,
  placedBySize,
  run,
  runs,
  shuffled,
  specArb,
  W_FULL,
  W_LINEAR,
} from "./support/allocation-instances.ts";

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
