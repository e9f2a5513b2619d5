import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, AllocationInputError, type Exhibitor } from "../api/booths/allocate.ts";
import {
  adjacencyLists,
  areAdjacent,
  findOverlaps,
  normalizeSize,
  sizeClass,
  validateBooths,
  type Booth,
} from "../api/booths/geometry.ts";
import { runs } from "./support/allocation-instances.ts";

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
