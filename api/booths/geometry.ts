/**
 * Booth geometry: size classes, adjacency, overlaps and structural validation.
 * Pure functions, no I/O; safe to run on Cloudflare Workers.
 *
 * A booth is an axis-aligned rectangle `[x, x + w] × [y, y + h]` in grid units.
 * Two booths are adjacent when their rectangles share an edge of positive length
 * (touching only at a corner is not adjacency).
 */

import type { z } from "zod";
import type { BoothInput } from "./schemas.ts";

/** A booth on the floor plan: its code, rectangle in grid units and zone. */
export type Booth = z.infer<typeof BoothInput>;

/** Tolerance for comparing coordinates (grid units are normally integers). */
const EPS = 1e-9;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** Size class `"{long}x{short}"` of a booth: a 1×2 booth and a 2×1 booth are both `"2x1"`. */
export function sizeClass(booth: Pick<Booth, "w" | "h">): string {
  const long = Math.max(booth.w, booth.h);
  const short = Math.min(booth.w, booth.h);
  return `${fmt(long)}x${fmt(short)}`;
}

/**
 * Normalises a size string written by a person ("1x2", "2 X 1", "3×3") to the canonical
 * `"{long}x{short}"` form; returns the input trimmed when it is not of the form `AxB`.
 */
export function normalizeSize(size: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*$/.exec(size);
  if (!m) return size.trim();
  const a = Number(m[1]);
  const b = Number(m[2]);
  return sizeClass({ w: a, h: b });
}

/** Length of the overlap of the open intervals (a0, a1) and (b0, b1), 0 when disjoint. */
function overlapLen(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** True when the two rectangles share an edge of positive length. */
export function areAdjacent(a: Booth, b: Booth): boolean {
  const vertical =
    (Math.abs(a.x + a.w - b.x) <= EPS || Math.abs(b.x + b.w - a.x) <= EPS) && overlapLen(a.y, a.y + a.h, b.y, b.y + b.h) > EPS;
  if (vertical) return true;
  return (
    (Math.abs(a.y + a.h - b.y) <= EPS || Math.abs(b.y + b.h - a.y) <= EPS) && overlapLen(a.x, a.x + a.w, b.x, b.x + b.w) > EPS
  );
}

/** Key for an edge coordinate, robust to tiny floating-point noise. */
function coordKey(v: number): number {
  return Math.round(v * 1e6);
}

/**
 * Adjacency lists by index into `booths`: `result[i]` lists the indices of booths sharing an
 * edge of positive length with booth `i`, in increasing order. Edges are found through a hash
 * index on edge coordinates (left edges by x, bottom edges by y), so the cost is about linear
 * in the number of booths for grid-like halls.
 */
export function adjacencyLists(booths: readonly Booth[]): number[][] {
  const n = booths.length;
  const byLeft = new Map<number, number[]>();
  const byBottom = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const b = booths[i]!;
    const kx = coordKey(b.x);
    const ky = coordKey(b.y);
    let l = byLeft.get(kx);
    if (!l) byLeft.set(kx, (l = []));
    l.push(i);
    let d = byBottom.get(ky);
    if (!d) byBottom.set(ky, (d = []));
    d.push(i);
  }
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let i = 0; i < n; i++) {
    const a = booths[i]!;
    // Booths whose left edge lies on a's right edge.
    for (const j of byLeft.get(coordKey(a.x + a.w)) ?? []) {
      if (j === i) continue;
      const b = booths[j]!;
      if (overlapLen(a.y, a.y + a.h, b.y, b.y + b.h) > EPS) {
        adj[i]!.add(j);
        adj[j]!.add(i);
      }
    }
    // Booths whose bottom edge lies on a's top edge.
    for (const j of byBottom.get(coordKey(a.y + a.h)) ?? []) {
      if (j === i) continue;
      const b = booths[j]!;
      if (overlapLen(a.x, a.x + a.w, b.x, b.x + b.w) > EPS) {
        adj[i]!.add(j);
        adj[j]!.add(i);
      }
    }
  }
  return adj.map((s) => [...s].sort((p, q) => p - q));
}

/** Adjacency by booth code: code → codes of adjacent booths (sorted). */
export function adjacencyByCode(booths: readonly Booth[]): Map<string, string[]> {
  const lists = adjacencyLists(booths);
  const out = new Map<string, string[]>();
  booths.forEach((b, i) => {
    out.set(b.code, lists[i]!.map((j) => booths[j]!.code).sort());
  });
  return out;
}

export interface Overlap {
  a: string;
  b: string;
  /** Area of the intersection, in square grid units. */
  area: number;
}

/**
 * Pairs of booths whose interiors intersect (positive area). Sweep over x: booths sorted by
 * left edge, each compared only with booths whose x-range is still open.
 */
export function findOverlaps(booths: readonly Booth[]): Overlap[] {
  const order = booths
    .map((_, i) => i)
    .filter((i) => {
      const b = booths[i]!;
      return b.w > 0 && b.h > 0 && [b.x, b.y, b.w, b.h].every(Number.isFinite);
    })
    .sort((p, q) => booths[p]!.x - booths[q]!.x || p - q);
  const out: Overlap[] = [];
  let active: number[] = [];
  for (const i of order) {
    const a = booths[i]!;
    active = active.filter((j) => booths[j]!.x + booths[j]!.w > a.x + EPS);
    for (const j of active) {
      const b = booths[j]!;
      const ox = overlapLen(a.x, a.x + a.w, b.x, b.x + b.w);
      const oy = overlapLen(a.y, a.y + a.h, b.y, b.y + b.h);
      if (ox > EPS && oy > EPS) {
        const [first, second] = a.code <= b.code ? [a.code, b.code] : [b.code, a.code];
        out.push({ a: first, b: second, area: ox * oy });
      }
    }
    active.push(i);
  }
  return out.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

export type BoothProblemCode = "duplicate-code" | "empty-code" | "non-positive-size" | "non-finite" | "overlap";

export interface BoothProblem {
  /** Code of the booth that is wrong (for an overlap: the first of the pair). */
  code: string;
  /** Position of that booth in the input array. */
  index: number;
  problem: BoothProblemCode;
  detail: string;
}

/**
 * Structural problems with a booth list: empty or duplicate codes (every occurrence after the
 * first is reported), non-finite coordinates, non-positive width or height, and — when
 * `checkOverlaps` is true (default) — overlapping booths.
 */
export function validateBooths(booths: readonly Booth[], opts: { checkOverlaps?: boolean } = {}): BoothProblem[] {
  const problems: BoothProblem[] = [];
  const seen = new Map<string, number>();
  booths.forEach((b, index) => {
    if (typeof b.code !== "string" || b.code.trim() === "") {
      problems.push({ code: String(b.code ?? ""), index, problem: "empty-code", detail: `booth #${index} has no code` });
    } else if (seen.has(b.code)) {
      problems.push({
        code: b.code,
        index,
        problem: "duplicate-code",
        detail: `booth code "${b.code}" also used by booth #${seen.get(b.code)}`,
      });
    } else seen.set(b.code, index);
    if (![b.x, b.y, b.w, b.h].every((v) => typeof v === "number" && Number.isFinite(v))) {
      problems.push({
        code: b.code,
        index,
        problem: "non-finite",
        detail: `booth "${b.code}" has a non-finite coordinate or size`,
      });
    } else if (!(b.w > 0) || !(b.h > 0)) {
      problems.push({
        code: b.code,
        index,
        problem: "non-positive-size",
        detail: `booth "${b.code}" has size ${b.w}×${b.h}; width and height must be positive`,
      });
    }
  });
  if (opts.checkOverlaps !== false) {
    const index = new Map<string, number>();
    booths.forEach((b, i) => {
      if (!index.has(b.code)) index.set(b.code, i);
    });
    for (const o of findOverlaps(booths)) {
      problems.push({
        code: o.a,
        index: index.get(o.a) ?? -1,
        problem: "overlap",
        detail: `booth "${o.a}" overlaps booth "${o.b}" (area ${fmt(o.area)})`,
      });
    }
  }
  return problems;
}
