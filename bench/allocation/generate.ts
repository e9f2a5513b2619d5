/**
 * Seeded generator of realistic techno-fair halls for the allocation benchmark.
 *
 * Hall (grid units, y = 0 is the entrance side):
 *   - two bands of 3×3 islands near the entrance, islands in touching pairs, aisles between pairs;
 *   - a main aisle, then 5 double rows of 1×1 booths back to back, each cut by cross aisles into
 *     3 segments of 10 booths; some segment ends become 2×1 booths (corner booths along the row,
 *     or end caps spanning both rows of the double row); a few cells are lost to pillars;
 *   - 6 zones: 3 columns (segments) × front/back.
 * Exhibitors: 5 fields, 8 clusters (each with a home zone), priority 0–10 skewed low,
 * three ranked preferences biased to the home zone and to prime booths (islands, corners,
 * front rows), 40 competitor pairs (mostly in the same cluster), demand for 1×1 about 97%
 * of supply, islands oversubscribed by 2, the rest 2×1.
 */
import type { Booth } from "../../api/booths/geometry.ts";
import { sizeClass } from "../../api/booths/geometry.ts";
import type { Exhibitor } from "../../api/booths/allocate.ts";

export interface Instance {
  seed: number;
  booths: Booth[];
  exhibitors: Exhibitor[];
  meta: { supply: Record<string, number>; demand: Record<string, number>; competitorPairs: number };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  exhibitors?: number;
  competitorPairs?: number;
  /** Demand for 1×1 booths as a fraction of supply. */
  smallDemand?: number;
}

const ZONES = ["A", "B", "C", "D", "E", "F"];

export function generate(seed: number, opts: GenerateOptions = {}): Instance {
  const rnd = mulberry32(seed * 2654435761 + 12345);
  const int = (n: number) => Math.floor(rnd() * n);
  const nEx = opts.exhibitors ?? 270;
  const nComp = opts.competitorPairs ?? 40;
  const smallDemand = opts.smallDemand ?? 0.97;

  const segStarts = [2, 14, 26];
  const segLen = 10;
  const zoneOf = (x: number, y: number) => {
    const col = x < 13 ? 0 : x < 25 ? 1 : 2;
    const back = y >= 21;
    return ZONES[col + (back ? 3 : 0)]!;
  };
  const booths: Booth[] = [];
  const prime = new Set<string>();

  // Islands: two bands, 5 pairs of 3×3 per band (6×3 blocks) with 2-unit aisles; occasionally a
  // block is a single island.
  let isl = 0;
  for (const y of [2, 7]) {
    for (let k = 0; k < 5; k++) {
      const x0 = 1 + k * 8;
      const count = rnd() < 0.1 ? 1 : 2;
      for (let q = 0; q < count; q++) {
        const x = x0 + q * 3;
        const code = `I${String(++isl).padStart(2, "0")}`;
        booths.push({ code, x, y, w: 3, h: 3, zone: zoneOf(Math.min(x + 1, 36), 0) });
        prime.add(code);
      }
    }
  }

  // Double rows of 1×1 booths.
  let rowNo = 0;
  for (let d = 0; d < 5; d++) {
    const y0 = 13 + 4 * d;
    for (let s = 0; s < segStarts.length; s++) {
      const xs = segStarts[s]!;
      // cells[r][i] true when free to place a 1×1
      const cells = [Array(segLen).fill(true), Array(segLen).fill(true)] as boolean[][];
      const rowLabel = [`R${rowNo + 1}`, `R${rowNo + 2}`];
      let serial = [0, 0];
      const add = (r: number, code: string, b: Omit<Booth, "code">, isPrime: boolean) => {
        booths.push({ code, ...b });
        if (isPrime) prime.add(code);
        void r;
      };
      // Segment ends: end cap (vertical 2×1 spanning the double row) or horizontal corners.
      for (const end of [0, segLen - 1]) {
        const u = rnd();
        if (u < 0.3) {
          cells[0]![end] = false;
          cells[1]![end] = false;
          add(0, `${rowLabel[0]}-${s + 1}E${end === 0 ? "a" : "b"}`, { x: xs + end, y: y0, w: 1, h: 2, zone: zoneOf(xs + end, y0) }, true);
        } else if (u < 0.75) {
          const r = int(2);
          const i0 = end === 0 ? 0 : segLen - 2;
          cells[r]![i0] = false;
          cells[r]![i0 + 1] = false;
          add(r, `${rowLabel[r]}-${s + 1}C${end === 0 ? "a" : "b"}`, { x: xs + i0, y: y0 + r, w: 2, h: 1, zone: zoneOf(xs + i0, y0) }, true);
        }
      }
      // Occasionally a 2×1 in the middle of a row.
      for (let r = 0; r < 2; r++) {
        if (rnd() < 0.2) {
          const i0 = 3 + int(segLen - 7);
          if (cells[r]![i0] && cells[r]![i0 + 1]) {
            cells[r]![i0] = false;
            cells[r]![i0 + 1] = false;
            add(r, `${rowLabel[r]}-${s + 1}M`, { x: xs + i0, y: y0 + r, w: 2, h: 1, zone: zoneOf(xs + i0, y0) }, false);
          }
        }
      }
      for (let r = 0; r < 2; r++) {
        for (let i = 0; i < segLen; i++) {
          if (!cells[r]![i]) continue;
          if (rnd() < 0.012) continue; // pillar
          const code = `${rowLabel[r]}-${s + 1}${String(++serial[r]!).padStart(2, "0")}`;
          const corner = i === 0 || i === segLen - 1;
          add(r, code, { x: xs + i, y: y0 + r, w: 1, h: 1, zone: zoneOf(xs + i, y0) }, corner || (d === 0 && r === 0));
        }
      }
      serial = [0, 0];
    }
    rowNo += 2;
  }

  // Supply and demand.
  const supply: Record<string, number> = {};
  for (const b of booths) supply[sizeClass(b)] = (supply[sizeClass(b)] ?? 0) + 1;
  const d11 = Math.round((supply["1x1"] ?? 0) * smallDemand);
  const d33 = (supply["3x3"] ?? 0) + 2;
  const d21 = Math.max(0, nEx - d11 - d33);
  const sizes: string[] = [...Array(d11).fill("1x1"), ...Array(d21).fill("2x1"), ...Array(d33).fill("3x3")];
  // shuffle sizes
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  const demand: Record<string, number> = {};
  for (const s of sizes) demand[s] = (demand[s] ?? 0) + 1;

  const clusters = Array.from({ length: 8 }, (_, i) => ({
    name: `C${i + 1}`,
    field: `F${(i % 5) + 1}`,
    zone: ZONES[(i * 5 + int(2)) % 6]!,
  }));

  const byClass = new Map<string, Booth[]>();
  for (const b of booths) {
    const c = sizeClass(b);
    let l = byClass.get(c);
    if (!l) byClass.set(c, (l = []));
    l.push(b);
  }
  const pick = (pool: Booth[], taken: Set<string>): Booth | undefined => {
    let total = 0;
    for (const b of pool) if (!taken.has(b.code)) total += prime.has(b.code) ? 4 : 1;
    if (total === 0) return undefined;
    let r = rnd() * total;
    for (const b of pool) {
      if (taken.has(b.code)) continue;
      r -= prime.has(b.code) ? 4 : 1;
      if (r <= 0) return b;
    }
    return pool.find((b) => !taken.has(b.code));
  };

  const exhibitors: Exhibitor[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const cl = clusters[int(clusters.length)]!;
    const u = rnd();
    const homeZone = u < 0.82 ? cl.zone : u < 0.95 ? ZONES[int(6)]! : null;
    const size = sizes[i]!;
    const pool = byClass.get(size) ?? [];
    const homePool = homeZone ? pool.filter((b) => b.zone === homeZone) : [];
    const taken = new Set<string>();
    const prefs: string[] = [];
    const nPrefs = rnd() < 0.08 ? int(3) : 3;
    for (let k = 0; k < nPrefs; k++) {
      const b = pick(rnd() < 0.65 && homePool.length > 0 ? homePool : pool, taken);
      if (!b) break;
      taken.add(b.code);
      prefs.push(b.code);
    }
    exhibitors.push({
      ref: `EX${String(i + 1).padStart(3, "0")}`,
      cluster: cl.name,
      field: rnd() < 0.85 ? cl.field : `F${int(5) + 1}`,
      size,
      priority: Math.min(10, Math.floor(11 * rnd() * rnd())),
      preferences: prefs,
      homeZone,
      competitors: [],
    });
  }
  // Competitor pairs: mostly within a cluster, else within a field.
  const pairs = new Set<string>();
  let guard = 0;
  while (pairs.size < nComp && guard++ < 100_000) {
    const a = exhibitors[int(exhibitors.length)]!;
    const same = rnd() < 0.7;
    const cands = exhibitors.filter((e) => e !== a && (same ? e.cluster === a.cluster : e.field === a.field));
    if (cands.length === 0) continue;
    const b = cands[int(cands.length)]!;
    const key = a.ref < b.ref ? `${a.ref}|${b.ref}` : `${b.ref}|${a.ref}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    // listed on one side only, sometimes both: the rule is symmetric either way
    a.competitors.push(b.ref);
    if (rnd() < 0.3) b.competitors.push(a.ref);
  }
  return { seed, booths, exhibitors, meta: { supply, demand, competitorPairs: pairs.size } };
}
