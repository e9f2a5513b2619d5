/**
 * Techno-fair booth allocation: pure core (no I/O, no WASM; runs on Cloudflare Workers).
 *
 * Objective, lexicographic:
 *   1. place as many exhibitors as possible (cardinality; booth size class must match),
 *   2. then maximise the score
 *        Σ_placed (priorityBase + priority) × (preferences[k] if the booth is the (k+1)-th
 *                 preference, else 0;  + homeZone if the booth's zone is the home zone)
 *      + sameClusterAdjacent × #(adjacent booth pairs held by two exhibitors of one cluster)
 * subject to: one booth per exhibitor, one exhibitor per booth, competitors never adjacent,
 * pinned assignments kept.
 *
 * Method.
 *   Phase 1 (exact for the objective without the cluster term): per size class an assignment
 *   problem (max weight, with a bonus M per placed exhibitor that dominates every score, so
 *   cardinality comes first) solved by the Hungarian method (successive shortest paths with
 *   potentials). Competitor rules are enforced by best-first branch and bound on violated
 *   rules: a conflict "a at booth i, competitor b next to i" branches into "a not at i" /
 *   "b at no neighbour of i"; each child is re-optimised incrementally (one augmenting path
 *   from the kept duals), so a node costs O(N²). Without the cluster term the result is the
 *   proven optimum unless the node budget runs out.
 *   Phase 2 (cluster term): rounds of simulated annealing with a seeded PRNG (moves, swaps,
 *   replacements and 3-rotations inside a size class, insertions that eject a competitor of
 *   another size), each followed by an exact polish: the exhibitors on a random maximal
 *   independent set of booths are re-assigned optimally by the Hungarian method (no two of those
 *   booths touch, so the cluster term and competitor rule are linear there). No step breaks a
 *   hard rule or lowers the number placed; the best solution seen is kept.
 *
 * Determinism: the input is canonicalised (booths by code, exhibitors by ref), the PRNG seed is
 * a hash of that canonical form, and work is bounded by iteration/node budgets. `timeLimitMs`
 * is only a safety cap (note: Workers freeze clocks during synchronous CPU work, so the
 * budgets are what bounds the run there).
 */
import { adjacencyLists, normalizeSize, sizeClass, validateBooths, type Booth } from "./geometry.ts";

export type { Booth } from "./geometry.ts";

export interface Exhibitor {
  ref: string;
  cluster: string;
  field: string;
  /** Size class `"{long}x{short}"`, e.g. "1x1", "2x1", "3x3" ("1x2" is read as "2x1"). */
  size: string;
  /** 0–10. */
  priority: number;
  /** Up to 3 booth codes, best first. */
  preferences: string[];
  homeZone?: string | null;
  /** Refs of competitors; the relation is symmetric (either list suffices). */
  competitors: string[];
}

export interface Weights {
  priorityBase: number;
  preferences: number[];
  homeZone: number;
  sameClusterAdjacent: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  priorityBase: 10,
  preferences: [10, 7, 4],
  homeZone: 3,
  sameClusterAdjacent: 20,
});

export interface Assignment {
  booth: string;
  exhibitor: string;
}

export type UnassignedReason = "no-booth-of-size" | "capacity" | "competitor-conflict";

export interface AllocationScore {
  total: number;
  /** Exhibitors at their first preference. */
  firstChoice: number;
  /** Exhibitors at any of their (first three) preferences. */
  top3: number;
  /** Adjacent booth pairs held by two exhibitors of the same cluster. */
  sameClusterAdjacent: number;
}

export interface AllocateInput {
  booths: readonly Booth[];
  exhibitors: readonly Exhibitor[];
  pinned?: readonly Assignment[];
  weights?: Partial<Weights>;
  /** Safety cap on wall time (default 2000 ms). Results are budget-driven, not time-driven. */
  timeLimitMs?: number;
  /** Clock in ms used for the safety cap and `elapsedMs` (default `performance.now`). */
  now?: () => number;
  /** Multiplier on the search budgets (default 1). The benchmark's long search uses more. */
  effort?: number;
  /** Overrides the seed derived from the input. */
  seed?: number;
  /** Advanced search parameters (benchmarks). */
  tuning?: Partial<Tuning>;
}

export interface AllocateStats {
  /** Phase 1 proved optimality of the objective without the cluster term. */
  linearOptimal: boolean;
  /** Upper bound on the score without the cluster term (only meaningful with linearOptimal or as a bound). */
  linearBound: number;
  bbNodes: number;
  annealIterations: number;
  /** Improving exact independent-set re-assignments. */
  lnsSteps: number;
  /** The time cap cut a phase short (the result then depends on timing). */
  timeCapped: boolean;
  seed: number;
}

export interface AllocateResult {
  assignments: Assignment[];
  unassigned: { exhibitor: string; reason: UnassignedReason }[];
  score: AllocationScore;
  elapsedMs: number;
  stats: AllocateStats;
}

export class AllocationInputError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid allocation input: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ""}`);
    this.name = "AllocationInputError";
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Model

function resolveWeights(w?: Partial<Weights>): Weights {
  return {
    priorityBase: w?.priorityBase ?? DEFAULT_WEIGHTS.priorityBase,
    preferences: [...(w?.preferences ?? DEFAULT_WEIGHTS.preferences)],
    homeZone: w?.homeZone ?? DEFAULT_WEIGHTS.homeZone,
    sameClusterAdjacent: w?.sameClusterAdjacent ?? DEFAULT_WEIGHTS.sameClusterAdjacent,
  };
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Model {
  booths: Booth[];
  exs: Exhibitor[];
  boothIdx: Map<string, number>;
  exIdx: Map<string, number>;
  adj: Int32Array[];
  boothClass: Int32Array;
  exClass: Int32Array;
  classSizes: string[];
  classBooths: number[][];
  boothLocal: Int32Array;
  /** val[e][local booth index in e's class] = score of e at that booth (without cluster term). */
  val: Float64Array[];
  /** The same values in one array: valFlat[valOff[e] + local booth index]. */
  valFlat: Float64Array;
  valOff: Int32Array;
  cluster: Int32Array;
  clusterMembers: number[][];
  comp: Int32Array[];
  weights: Weights;
  W: number;
}

function buildModel(booths: readonly Booth[], exhibitors: readonly Exhibitor[], weightsIn?: Partial<Weights>): Model {
  const weights = resolveWeights(weightsIn);
  const B = [...booths].sort((a, b) => cmpStr(a.code, b.code));
  const X = [...exhibitors].sort((a, b) => cmpStr(a.ref, b.ref));
  const boothIdx = new Map<string, number>();
  B.forEach((b, i) => {
    if (!boothIdx.has(b.code)) boothIdx.set(b.code, i);
  });
  const exIdx = new Map<string, number>();
  X.forEach((e, i) => {
    if (!exIdx.has(e.ref)) exIdx.set(e.ref, i);
  });
  const adj = adjacencyLists(B).map((l) => Int32Array.from(l));
  const classOf = new Map<string, number>();
  const classSizes: string[] = [];
  const boothClass = new Int32Array(B.length);
  const sizes = [...new Set(B.map((b) => sizeClass(b)))].sort(cmpStr);
  for (const s of sizes) {
    classOf.set(s, classSizes.length);
    classSizes.push(s);
  }
  const classBooths: number[][] = classSizes.map(() => []);
  const boothLocal = new Int32Array(B.length);
  B.forEach((b, i) => {
    const c = classOf.get(sizeClass(b))!;
    boothClass[i] = c;
    boothLocal[i] = classBooths[c]!.length;
    classBooths[c]!.push(i);
  });
  const exClass = new Int32Array(X.length);
  const clusterIds = new Map<string, number>();
  const clusterNames = [...new Set(X.map((e) => String(e.cluster ?? "")))].sort(cmpStr);
  clusterNames.forEach((c, i) => clusterIds.set(c, i));
  const cluster = new Int32Array(X.length);
  const clusterMembers: number[][] = clusterNames.map(() => []);
  const compSets: Set<number>[] = X.map(() => new Set<number>());
  const val: Float64Array[] = [];
  const prefW = weights.preferences;
  X.forEach((e, i) => {
    const c = classOf.get(normalizeSize(String(e.size ?? ""))) ?? -1;
    exClass[i] = c;
    const cl = clusterIds.get(String(e.cluster ?? ""))!;
    cluster[i] = cl;
    clusterMembers[cl]!.push(i);
    for (const r of e.competitors ?? []) {
      const j = exIdx.get(r);
      if (j !== undefined && j !== i) {
        compSets[i]!.add(j);
        compSets[j]!.add(i);
      }
    }
    if (c < 0) {
      val.push(new Float64Array(0));
      return;
    }
    const cb = classBooths[c]!;
    const v = new Float64Array(cb.length);
    const mult = weights.priorityBase + (Number(e.priority) || 0);
    const home = e.homeZone ?? null;
    if (home !== null && weights.homeZone !== 0) {
      for (let k = 0; k < cb.length; k++) if (B[cb[k]!]!.zone === home) v[k] = mult * weights.homeZone;
    }
    const seen = new Set<string>();
    (e.preferences ?? []).forEach((code, k) => {
      if (seen.has(code)) return;
      seen.add(code);
      const b = boothIdx.get(code);
      if (b === undefined || boothClass[b] !== c) return;
      const l = boothLocal[b]!;
      v[l] = v[l]! + mult * (prefW[k] ?? 0);
    });
    val.push(v);
  });
  const comp = compSets.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
  const valOff = new Int32Array(X.length);
  let total = 0;
  val.forEach((v, i) => {
    valOff[i] = total;
    total += v.length;
  });
  const valFlat = new Float64Array(total);
  val.forEach((v, i) => valFlat.set(v, valOff[i]!));
  return {
    valFlat,
    valOff,
    booths: B,
    exs: X,
    boothIdx,
    exIdx,
    adj,
    boothClass,
    exClass,
    classSizes,
    classBooths,
    boothLocal,
    val,
    cluster,
    clusterMembers,
    comp,
    weights,
    W: weights.sameClusterAdjacent,
  };
}

function valueAt(m: Model, e: number, b: number): number {
  return m.val[e]![m.boothLocal[b]!] ?? 0;
}

function isCompetitor(m: Model, e: number, f: number): boolean {
  const l = m.comp[e]!;
  for (let k = 0; k < l.length; k++) if (l[k] === f) return true;
  return false;
}

/** Score breakdown of an occupancy vector (booth index → exhibitor index or -1). */
function scoreOcc(m: Model, occ: Int32Array): AllocationScore {
  let total = 0;
  let firstChoice = 0;
  let top3 = 0;
  let pairs = 0;
  for (let b = 0; b < occ.length; b++) {
    const e = occ[b]!;
    if (e < 0) continue;
    if (m.exClass[e] === m.boothClass[b]) total += valueAt(m, e, b);
    const prefs = m.exs[e]!.preferences ?? [];
    const code = m.booths[b]!.code;
    if (prefs[0] === code) firstChoice++;
    if (prefs.slice(0, 3).includes(code)) top3++;
    const ce = m.cluster[e]!;
    for (const nb of m.adj[b]!) {
      if (nb <= b) continue;
      const f = occ[nb]!;
      if (f >= 0 && m.cluster[f] === ce) pairs++;
    }
  }
  total += pairs * m.W;
  return { total, firstChoice, top3, sameClusterAdjacent: pairs };
}

// ---------------------------------------------------------------------------------------------
// Public helpers for tests and the API

/** Score of a given assignment (unknown codes/refs are ignored). */
export function scoreAssignment(
  input: { booths: readonly Booth[]; exhibitors: readonly Exhibitor[]; weights?: Partial<Weights> },
  assignments: readonly Assignment[],
): AllocationScore {
  const m = buildModel(input.booths, input.exhibitors, input.weights);
  const occ = new Int32Array(m.booths.length).fill(-1);
  for (const a of assignments) {
    const b = m.boothIdx.get(a.booth);
    const e = m.exIdx.get(a.exhibitor);
    if (b !== undefined && e !== undefined && occ[b] === -1) occ[b] = e;
  }
  return scoreOcc(m, occ);
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
  for (const b of input.booths) if (!booths.has(b.code)) booths.set(b.code, b);
  const exs = new Map<string, Exhibitor>();
  for (const e of input.exhibitors) if (!exs.has(e.ref)) exs.set(e.ref, e);
  const byBooth = new Map<string, string>();
  const byEx = new Map<string, string>();
  for (const a of assignments) {
    const b = booths.get(a.booth);
    const e = exs.get(a.exhibitor);
    if (!b) out.push({ rule: "unknown-booth", booth: a.booth, exhibitor: a.exhibitor, detail: `booth "${a.booth}" does not exist` });
    if (!e) out.push({ rule: "unknown-exhibitor", booth: a.booth, exhibitor: a.exhibitor, detail: `exhibitor "${a.exhibitor}" does not exist` });
    if (b && e && sizeClass(b) !== normalizeSize(String(e.size ?? ""))) {
      out.push({
        rule: "size-mismatch",
        booth: a.booth,
        exhibitor: a.exhibitor,
        detail: `booth "${a.booth}" is ${sizeClass(b)}, exhibitor "${a.exhibitor}" needs ${e.size}`,
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
  const adj = adjacencyLists(list);
  const comp = new Map<string, Set<string>>();
  const addComp = (x: string, y: string) => {
    let s = comp.get(x);
    if (!s) comp.set(x, (s = new Set()));
    s.add(y);
  };
  for (const e of exs.values()) for (const r of e.competitors ?? []) if (r !== e.ref) (addComp(e.ref, r), addComp(r, e.ref));
  list.forEach((b, i) => {
    const x = byBooth.get(b.code);
    if (x === undefined) return;
    const cs = comp.get(x);
    if (!cs) return;
    for (const j of adj[i]!) {
      const nb = list[j]!;
      if (nb.code <= b.code) continue;
      const y = byBooth.get(nb.code);
      if (y !== undefined && cs.has(y)) {
        out.push({
          rule: "competitors-adjacent",
          booth: b.code,
          exhibitor: x,
          detail: `competitors "${x}" (booth ${b.code}) and "${y}" (booth ${nb.code}) are adjacent`,
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

// ---------------------------------------------------------------------------------------------
// Seeded PRNG and hashing

function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** xoshiro128** */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    // splitmix32 to expand the seed
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }
  u32(): number {
    const r = Math.imul(this.rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = this.rotl(this.d, 11);
    return r;
  }
  private rotl(x: number, k: number): number {
    return (x << k) | (x >>> (32 - k));
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function canonicalSeed(m: Model, pinned: readonly Assignment[]): number {
  let h = 0x811c9dc5;
  for (const b of m.booths) h = fnv1a(`${b.code}|${b.x}|${b.y}|${b.w}|${b.h}|${b.zone};`, h);
  for (const e of m.exs) {
    const comps = [...(e.competitors ?? [])].sort(cmpStr).join(",");
    h = fnv1a(
      `${e.ref}|${e.cluster}|${e.field}|${e.size}|${e.priority}|${(e.preferences ?? []).join(",")}|${e.homeZone ?? ""}|${comps};`,
      h,
    );
  }
  const pins = pinned.map((p) => `${p.booth}=${p.exhibitor}`).sort(cmpStr);
  for (const p of pins) h = fnv1a(p + ";", h);
  const w = m.weights;
  h = fnv1a(`${w.priorityBase}|${w.preferences.join(",")}|${w.homeZone}|${w.sameClusterAdjacent}`, h);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Phase 1: Hungarian + branch and bound on competitor conflicts

const INF = 1e15;

/** One size class as a square assignment problem: rows = n exhibitors + m "empty booth" rows,
 * columns = m booths + n "unassigned" columns; cost(exhibitor, booth) = -(M + value), every
 * other cost 0. Square, so after unmatching one row exactly one column is free and one
 * shortest augmenting path restores optimality with the kept duals. */
interface ClassInst {
  c: number;
  exs: number[];
  bs: number[];
  n: number;
  m: number;
  N: number;
  base: Float64Array;
  work: Float64Array;
  spc: Float64Array;
  path: Int32Array;
  remaining: Int32Array;
  sr: Int32Array;
  sc: Uint8Array;
  scList: Int32Array;
}

interface ClassState {
  u: Float64Array;
  v: Float64Array;
  row4col: Int32Array;
  col4row: Int32Array;
  value: number;
}

/**
 * Shortest augmenting path from the free row `row` (Dijkstra on reduced costs, ties broken in
 * favour of free columns), then dual update and augmentation — the successive-shortest-path
 * form of the Hungarian method (as in Crouse 2016 / scipy's linear_sum_assignment).
 */
function augment(inst: ClassInst, st: ClassState, row: number): void {
  const { n, m, N, work, spc, path, remaining, sr, sc, scList } = inst;
  const { u, v, row4col, col4row } = st;
  let num = N;
  for (let j = 0; j < N; j++) {
    remaining[j] = N - 1 - j;
    spc[j] = Infinity;
  }
  let nsr = 0;
  let nsc = 0;
  let minVal = 0;
  let i = row;
  let sink = -1;
  while (sink === -1) {
    sr[nsr++] = i;
    let index = -1;
    let lowest = Infinity;
    const ui = u[i]!;
    const base = minVal - ui;
    if (i < n) {
      const off = i * m;
      for (let it = 0; it < num; it++) {
        const j = remaining[it]!;
        const r = base + (j < m ? work[off + j]! : 0) - v[j]!;
        if (r < spc[j]!) {
          path[j] = i;
          spc[j] = r;
        }
        const sj = spc[j]!;
        if (sj < lowest || (sj === lowest && row4col[j] === -1)) {
          lowest = sj;
          index = it;
        }
      }
    } else {
      for (let it = 0; it < num; it++) {
        const j = remaining[it]!;
        const r = base - v[j]!;
        if (r < spc[j]!) {
          path[j] = i;
          spc[j] = r;
        }
        const sj = spc[j]!;
        if (sj < lowest || (sj === lowest && row4col[j] === -1)) {
          lowest = sj;
          index = it;
        }
      }
    }
    minVal = lowest;
    const j = remaining[index]!;
    if (row4col[j] === -1) sink = j;
    else i = row4col[j]!;
    sc[j] = 1;
    scList[nsc++] = j;
    remaining[index] = remaining[--num]!;
  }
  u[row] = u[row]! + minVal;
  for (let k = 1; k < nsr; k++) {
    const r = sr[k]!;
    u[r] = u[r]! + minVal - spc[col4row[r]!]!;
  }
  for (let k = 0; k < nsc; k++) {
    const j = scList[k]!;
    v[j] = v[j]! - (minVal - spc[j]!);
    sc[j] = 0;
  }
  let j = sink;
  for (;;) {
    const r = path[j]!;
    row4col[j] = r;
    const prev = col4row[r]!;
    col4row[r] = j;
    if (r === row) break;
    j = prev;
  }
}

function classValue(inst: ClassInst, st: ClassState): number {
  let s = 0;
  for (let r = 0; r < inst.n; r++) {
    const j = st.col4row[r]!;
    if (j >= 0 && j < inst.m) s -= inst.base[r * inst.m + j]!;
  }
  return s;
}

interface Forb {
  row: number;
  col: number;
  next: Forb | null;
}

interface BBNode {
  bound: number;
  depth: number;
  id: number;
  states: ClassState[];
  forb: (Forb | null)[];
}

class Heap<T> {
  private a: T[] = [];
  constructor(private readonly better: (x: T, y: T) => boolean) {}
  get size() {
    return this.a.length;
  }
  peek(): T | undefined {
    return this.a[0];
  }
  push(x: T) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let b = i;
        if (l < a.length && this.better(a[l]!, a[b]!)) b = l;
        if (r < a.length && this.better(a[r]!, a[b]!)) b = r;
        if (b === i) break;
        [a[i], a[b]] = [a[b]!, a[i]!];
        i = b;
      }
    }
    return top;
  }
}

interface Solution {
  /** booth → exhibitor or -1 */
  occ: Int32Array;
  /** exhibitor → booth or -1 */
  at: Int32Array;
}

interface Phase1Result {
  sol: Solution;
  /** Linear objective (M × placed + Σ value) of sol. */
  value: number;
  bound: number;
  optimal: boolean;
  nodes: number;
  timeCapped: boolean;
}

interface Ctx {
  m: Model;
  M: number;
  pinnedEx: Int32Array; // exhibitor → booth or -1
  pinnedBooth: Int32Array; // booth → exhibitor or -1
  compPairs: [number, number][];
  now: () => number;
  deadline: number;
}

function phase1(ctx: Ctx, maxNodes: number): Phase1Result {
  const { m, M, pinnedEx, pinnedBooth } = ctx;
  const nb = m.booths.length;
  const ne = m.exs.length;
  // Build class instances over free exhibitors / free booths.
  const insts: ClassInst[] = [];
  const instOfClass = new Int32Array(m.classSizes.length).fill(-1);
  const rowOf = new Int32Array(ne).fill(-1);
  const colOf = new Int32Array(nb).fill(-1);
  for (let c = 0; c < m.classSizes.length; c++) {
    const bs = m.classBooths[c]!.filter((b) => pinnedBooth[b]! < 0);
    const exs: number[] = [];
    for (let e = 0; e < ne; e++) if (m.exClass[e] === c && pinnedEx[e]! < 0) exs.push(e);
    if (bs.length === 0 || exs.length === 0) continue;
    const n = exs.length;
    const mm = bs.length;
    const base = new Float64Array(n * mm);
    exs.forEach((e, r) => {
      rowOf[e] = r;
      const vals = m.val[e]!;
      for (let k = 0; k < mm; k++) {
        const b = bs[k]!;
        let forbidden = false;
        // Never next to a pinned competitor.
        for (const x of m.adj[b]!) {
          const f = pinnedBooth[x]!;
          if (f >= 0 && isCompetitor(m, e, f)) {
            forbidden = true;
            break;
          }
        }
        base[r * mm + k] = forbidden ? INF : -(M + vals[m.boothLocal[b]!]!);
      }
    });
    bs.forEach((b, k) => (colOf[b] = k));
    const N = n + mm;
    instOfClass[c] = insts.length;
    insts.push({
      c,
      exs,
      bs,
      n,
      m: mm,
      N,
      base,
      work: Float64Array.from(base),
      spc: new Float64Array(N),
      path: new Int32Array(N),
      remaining: new Int32Array(N),
      sr: new Int32Array(N),
      sc: new Uint8Array(N),
      scList: new Int32Array(N),
    });
  }

  const rootStates: ClassState[] = insts.map((inst) => {
    const st: ClassState = {
      u: new Float64Array(inst.N),
      v: new Float64Array(inst.N),
      row4col: new Int32Array(inst.N).fill(-1),
      col4row: new Int32Array(inst.N).fill(-1),
      value: 0,
    };
    // Exhibitor rows by shortest augmenting paths (rectangular n × N: free columns keep v = 0) ...
    for (let r = 0; r < inst.n; r++) augment(inst, st, r);
    // ... then the "empty booth" rows take the free columns with u = 0: every reduced cost
    // -v[j] is ≥ 0 and those edges are tight, so the square solution is optimal as is.
    let d = inst.n;
    for (let j = 0; j < inst.N; j++) {
      if (st.row4col[j] === -1) {
        st.row4col[j] = d;
        st.col4row[d] = j;
        d++;
      }
    }
    st.value = classValue(inst, st);
    return st;
  });

  const occ = new Int32Array(nb);
  const fillOcc = (states: ClassState[]) => {
    for (let b = 0; b < nb; b++) occ[b] = pinnedBooth[b]!;
    insts.forEach((inst, k) => {
      const c4r = states[k]!.col4row;
      for (let r = 0; r < inst.n; r++) {
        const j = c4r[r]!;
        if (j >= 0 && j < inst.m) occ[inst.bs[j]!] = inst.exs[r]!;
      }
    });
  };
  const at = new Int32Array(ne);
  const fillAt = () => {
    at.fill(-1);
    for (let b = 0; b < nb; b++) if (occ[b]! >= 0) at[occ[b]!] = b;
  };
  const firstConflict = (): [number, number, number, number] | null => {
    for (const [a, b] of ctx.compPairs) {
      const ba = at[a]!;
      const bb = at[b]!;
      if (ba < 0 || bb < 0) continue;
      const l = m.adj[ba]!;
      for (let k = 0; k < l.length; k++) if (l[k] === bb) return [a, ba, b, bb];
    }
    return null;
  };
  const linearValue = (o: Int32Array) => {
    let s = 0;
    for (let b = 0; b < nb; b++) {
      const e = o[b]!;
      if (e >= 0) s += M + valueAt(m, e, b);
    }
    return s;
  };

  const maxVal = m.val.map((v) => v.reduce((a, b) => Math.max(a, b), 0));
  // Greedy repair of a relaxed solution into a feasible one (incumbent heuristic).
  const repair = (): Solution => {
    const o = Int32Array.from(occ);
    const t = Int32Array.from(at);
    const conflicted = (e: number, b: number) => {
      for (const x of m.adj[b]!) {
        const f = o[x]!;
        if (f >= 0 && f !== e && isCompetitor(m, e, f)) return true;
      }
      return false;
    };
    for (const [a, b] of ctx.compPairs) {
      const ba = t[a]!;
      const bb = t[b]!;
      if (ba < 0 || bb < 0 || !m.adj[ba]!.includes(bb)) continue;
      // Drop the free one with the lower value at its booth.
      let drop = a;
      if (pinnedEx[a]! >= 0) drop = b;
      else if (pinnedEx[b]! < 0 && valueAt(m, b, bb) < valueAt(m, a, ba)) drop = b;
      o[t[drop]!] = -1;
      t[drop] = -1;
    }
    const free: number[] = [];
    for (let e = 0; e < ne; e++) if (t[e]! < 0 && m.exClass[e]! >= 0) free.push(e);
    free.sort((x, y) => maxVal[y]! - maxVal[x]! || x - y);
    for (const e of free) {
      let best = -1;
      let bestV = -Infinity;
      for (const b of m.classBooths[m.exClass[e]!]!) {
        if (o[b]! >= 0) continue;
        const v = valueAt(m, e, b);
        if (v > bestV && !conflicted(e, b)) {
          bestV = v;
          best = b;
        }
      }
      if (best >= 0) {
        o[best] = e;
        t[e] = best;
      }
    }
    return { occ: o, at: t };
  };

  const total = (states: ClassState[]) => {
    let s = 0;
    for (let b = 0; b < nb; b++) {
      const e = pinnedBooth[b]!;
      if (e >= 0) s += M + valueAt(m, e, b);
    }
    for (const st of states) s += st.value;
    return s;
  };

  let nextId = 0;
  const root: BBNode = { bound: total(rootStates), depth: 0, id: nextId++, states: rootStates, forb: insts.map(() => null) };
  const heap = new Heap<BBNode>((x, y) => x.bound > y.bound || (x.bound === y.bound && (x.depth > y.depth || (x.depth === y.depth && x.id < y.id))));
  heap.push(root);
  let incumbent: Solution | null = null;
  let incValue = -Infinity;
  let nodes = 0;
  let optimal = false;
  let timeCapped = false;
  let bestBound = root.bound;
  const eps = 1e-6;

  const makeChild = (parent: BBNode, k: number, edges: [number, number][]): BBNode => {
    const inst = insts[k]!;
    const ps = parent.states[k]!;
    const st: ClassState = {
      u: Float64Array.from(ps.u),
      v: Float64Array.from(ps.v),
      row4col: Int32Array.from(ps.row4col),
      col4row: Int32Array.from(ps.col4row),
      value: 0,
    };
    let list = parent.forb[k]!;
    for (const [r, col] of edges) list = { row: r, col, next: list };
    for (let f: Forb | null = list; f; f = f.next) inst.work[f.row * inst.m + f.col] = INF;
    const toAug: number[] = [];
    for (const [r, col] of edges) {
      if (st.col4row[r] === col) {
        st.col4row[r] = -1;
        st.row4col[col] = -1;
        toAug.push(r);
      }
    }
    for (const r of toAug) augment(inst, st, r);
    for (let f: Forb | null = list; f; f = f.next) inst.work[f.row * inst.m + f.col] = inst.base[f.row * inst.m + f.col]!;
    st.value = classValue(inst, st);
    const states = parent.states.slice();
    states[k] = st;
    const forb = parent.forb.slice();
    forb[k] = list;
    return { bound: total(states), depth: parent.depth + 1, id: nextId++, states, forb };
  };

  let stopped = false;
  while (heap.size > 0) {
    const node = heap.pop()!;
    bestBound = node.bound;
    if (node.bound <= incValue + eps) {
      optimal = true;
      break;
    }
    if (nodes >= maxNodes || ctx.now() > ctx.deadline) {
      timeCapped = nodes < maxNodes;
      stopped = true;
      break;
    }
    nodes++;
    fillOcc(node.states);
    fillAt();
    const conflict = firstConflict();
    if (!conflict) {
      // Relaxation feasible: its value is the node's optimum.
      if (node.bound > incValue) {
        incValue = node.bound;
        incumbent = { occ: Int32Array.from(occ), at: Int32Array.from(at) };
      }
      continue;
    }
    const cand = repair();
    const cv = linearValue(cand.occ);
    if (cv > incValue) {
      incValue = cv;
      incumbent = cand;
    }
    const [a, ia, b] = conflict;
    const ka = instOfClass[m.exClass[a]!]!;
    const kb = instOfClass[m.exClass[b]!]!;
    const child1 = makeChild(node, ka, [[rowOf[a]!, colOf[ia]!]]);
    const edges2: [number, number][] = [];
    for (const x of m.adj[ia]!) if (m.boothClass[x] === m.exClass[b] && pinnedBooth[x]! < 0) edges2.push([rowOf[b]!, colOf[x]!]);
    const child2 = makeChild(node, kb, edges2);
    if (child1.bound > incValue + eps) heap.push(child1);
    if (child2.bound > incValue + eps) heap.push(child2);
  }
  if (!stopped && !optimal) {
    // every node was resolved or pruned
    optimal = true;
    bestBound = incValue;
  } else if (!optimal) {
    bestBound = Math.max(bestBound, heap.peek()?.bound ?? -Infinity);
  }
  if (!incumbent) {
    fillOcc(rootStates);
    fillAt();
    incumbent = repair();
    incValue = linearValue(incumbent.occ);
  }
  return { sol: incumbent, value: incValue, bound: optimal ? incValue : bestBound, optimal, nodes, timeCapped };
}

// ---------------------------------------------------------------------------------------------
// Phase 2: full objective — simulated annealing + exact independent-set neighbourhoods

/** Min-cost assignment of every row (rows ≤ cols + rows thanks to "unassigned" columns).
 * Returns col4row: column index < nCols, or ≥ nCols when the row stays unassigned. */
function solveRect(nRows: number, nCols: number, cost: Float64Array, nDummy = nRows): Int32Array {
  const N = nCols + nDummy;
  const inst: ClassInst = {
    c: -1,
    exs: [],
    bs: [],
    n: nRows,
    m: nCols,
    N,
    base: cost,
    work: cost,
    spc: new Float64Array(N),
    path: new Int32Array(N),
    remaining: new Int32Array(N),
    sr: new Int32Array(N),
    sc: new Uint8Array(N),
    scList: new Int32Array(N),
  };
  const st: ClassState = {
    u: new Float64Array(N),
    v: new Float64Array(N),
    row4col: new Int32Array(N).fill(-1),
    col4row: new Int32Array(N).fill(-1),
    value: 0,
  };
  for (let r = 0; r < nRows; r++) augment(inst, st, r);
  return st.col4row;
}

export interface Tuning {
  /** Annealing moves (default min(1 M, 4000 × exhibitors) × effort). */
  annealIterations: number;
  /** Annealing restarts from the best solution (default 8 × √effort). */
  rounds: number;
  /** Start / end temperature as a multiple of sameClusterAdjacent (or of priorityBase when 0). */
  t0: number;
  t1: number;
  /** Start temperature of later rounds, relative to t0. */
  reheat: number;
  /** Independent annealing chains from the phase-1 solution (best one wins). */
  chains: number;
  /** Share of annealing moves that target a booth in the exhibitor's home zone. */
  pZone: number;
  /** Consecutive non-improving independent-set neighbourhoods before the polish stops. */
  lnsFails: number;
  /** Branch-and-bound node budget (default 800 × effort). */
  maxNodes: number;
}

class Search {
  readonly occ: Int32Array;
  readonly at: Int32Array;
  readonly bestOcc: Int32Array;
  readonly bestAt: Int32Array;
  current: number;
  best: number;
  iterations = 0;
  lnsSteps = 0;
  timeCapped = false;
  private readonly freeBooths: number[][];
  private readonly movable: number[];
  private readonly movableOfClass: number[][];
  private readonly prefBooths: number[][];
  private readonly stamp: Int32Array;
  private readonly colOf: Int32Array;
  private readonly zoneBooths: number[][];
  private epoch = 0;

  constructor(
    private readonly ctx: Ctx,
    sol: Solution,
    private readonly rng: Rng,
  ) {
    const { m, pinnedBooth, pinnedEx } = ctx;
    this.occ = Int32Array.from(sol.occ);
    this.at = Int32Array.from(sol.at);
    this.bestOcc = Int32Array.from(sol.occ);
    this.bestAt = Int32Array.from(sol.at);
    this.freeBooths = m.classBooths.map((l) => l.filter((b) => pinnedBooth[b]! < 0));
    this.movable = [];
    this.movableOfClass = m.classSizes.map(() => []);
    for (let e = 0; e < m.exs.length; e++) {
      const c = m.exClass[e]!;
      if (c >= 0 && pinnedEx[e]! < 0 && this.freeBooths[c]!.length > 0) {
        this.movable.push(e);
        this.movableOfClass[c]!.push(e);
      }
    }
    this.prefBooths = m.exs.map((e, i) =>
      (e.preferences ?? [])
        .map((code) => m.boothIdx.get(code))
        .filter((b): b is number => b !== undefined && m.boothClass[b] === m.exClass[i] && pinnedBooth[b]! < 0),
    );
    this.stamp = new Int32Array(m.booths.length);
    this.colOf = new Int32Array(m.booths.length).fill(-1);
    // free booths of the exhibitor's class in its home zone
    const byZone = new Map<string, number[]>();
    for (let b = 0; b < m.booths.length; b++) {
      if (pinnedBooth[b]! >= 0) continue;
      const key = `${m.boothClass[b]}|${m.booths[b]!.zone}`;
      let l = byZone.get(key);
      if (!l) byZone.set(key, (l = []));
      l.push(b);
    }
    this.zoneBooths = m.exs.map((e, i) => (e.homeZone != null ? (byZone.get(`${m.exClass[i]}|${e.homeZone}`) ?? []) : []));
    this.current = this.objective(this.occ);
    this.best = this.current;
  }

  /** M × placed + Σ value + W × same-cluster adjacent pairs. */
  objective(occ: Int32Array): number {
    const { m, M } = this.ctx;
    let s = 0;
    for (let b = 0; b < occ.length; b++) {
      const e = occ[b]!;
      if (e < 0) continue;
      s += M + valueAt(m, e, b);
      if (m.W !== 0) {
        const ce = m.cluster[e]!;
        for (const x of m.adj[b]!) if (x > b && occ[x]! >= 0 && m.cluster[occ[x]!] === ce) s += m.W;
      }
    }
    return s;
  }

  private saveIfBest() {
    if (this.current > this.best + 1e-9) {
      this.best = this.current;
      this.bestOcc.set(this.occ);
      this.bestAt.set(this.at);
    }
  }

  restoreBest() {
    this.occ.set(this.bestOcc);
    this.at.set(this.bestAt);
    this.current = this.best;
  }

  private timeUp(): boolean {
    if (this.ctx.now() > this.ctx.deadline) this.timeCapped = true;
    return this.timeCapped;
  }

  /** Simulated annealing from the current solution; geometric cooling T0 → T1. */
  anneal(iterations: number, T0: number, T1: number, pZone: number): void {
    const { m, M, pinnedBooth, pinnedEx } = this.ctx;
    const { occ, at, rng, movable, freeBooths, prefBooths } = this;
    if (movable.length === 0 || iterations <= 0) return;
    const { valFlat, valOff, boothLocal } = m;
    const W = m.W;
    const S = new Int32Array(12);
    let sLen = 0;
    const inS = (b: number) => {
      for (let k = 0; k < sLen; k++) if (S[k] === b) return true;
      return false;
    };
    const local = () => {
      let s = 0;
      for (let k = 0; k < sLen; k++) {
        const b = S[k]!;
        const e = occ[b]!;
        if (e < 0) continue;
        s += M + valFlat[valOff[e]! + boothLocal[b]!]!;
        if (W !== 0) {
          const ce = m.cluster[e]!;
          const l = m.adj[b]!;
          for (let q = 0; q < l.length; q++) {
            const x = l[q]!;
            const f = occ[x]!;
            if (f >= 0 && m.cluster[f] === ce && (x > b || !inS(x))) s += W;
          }
        }
      }
      return s;
    };
    const feasible = () => {
      for (let k = 0; k < sLen; k++) {
        const b = S[k]!;
        const e = occ[b]!;
        if (e < 0) continue;
        const ce = m.comp[e]!;
        if (ce.length === 0) continue;
        const l = m.adj[b]!;
        for (let q = 0; q < l.length; q++) {
          const f = occ[l[q]!]!;
          if (f >= 0) for (let r = 0; r < ce.length; r++) if (ce[r] === f) return false;
        }
      }
      return true;
    };
    const oldOcc = new Int32Array(12);
    const newOcc = new Int32Array(12);
    const apply = () => {
      for (let k = 0; k < sLen; k++) {
        oldOcc[k] = occ[S[k]!]!;
        if (oldOcc[k]! >= 0) at[oldOcc[k]!] = -1;
      }
      for (let k = 0; k < sLen; k++) {
        occ[S[k]!] = newOcc[k]!;
        if (newOcc[k]! >= 0) at[newOcc[k]!] = S[k]!;
      }
    };
    const undo = () => {
      for (let k = 0; k < sLen; k++) if (newOcc[k]! >= 0) at[newOcc[k]!] = -1;
      for (let k = 0; k < sLen; k++) {
        occ[S[k]!] = oldOcc[k]!;
        if (oldOcc[k]! >= 0) at[oldOcc[k]!] = S[k]!;
      }
    };
    const zoneBooths = this.zoneBooths;
    const pickTarget = (e: number, c: number): number => {
      const r = rng.next();
      if (r < pZone) {
        const zb = zoneBooths[e]!;
        if (zb.length > 0) return zb[rng.int(zb.length)]!;
      } else if (W > 0 && r < pZone + 0.4) {
        const mem = m.clusterMembers[m.cluster[e]!]!;
        const f = mem[rng.int(mem.length)]!;
        const bf = at[f]!;
        if (bf >= 0) {
          const l = m.adj[bf]!;
          const x = l[rng.int(l.length)];
          if (x !== undefined && m.boothClass[x] === c && pinnedBooth[x]! < 0) return x;
        }
      } else if (r < pZone + 0.5) {
        const pb = prefBooths[e]!;
        if (pb.length > 0) return pb[rng.int(pb.length)]!;
      }
      const fb = freeBooths[c]!;
      return fb[rng.int(fb.length)]!;
    };
    const ratio = T1 / T0;
    let T = T0;
    for (let i = 0; i < iterations; i++) {
      if ((i & 1023) === 0) {
        if ((i & 4095) === 0 && this.timeUp()) break;
        T = T0 * Math.pow(ratio, i / iterations);
      }
      this.iterations++;
      const e1 = movable[rng.int(movable.length)]!;
      const c = m.exClass[e1]!;
      const b1 = at[e1]!;
      const b2 = pickTarget(e1, c);
      if (b2 === b1) continue;
      const e2 = occ[b2]!;
      if (b1 >= 0) {
        if (e2 >= 0 && rng.next() < 0.2 && freeBooths[c]!.length > 2) {
          // 3-rotation / ejection chain: e1 → b2, e2 → b3, (e3 → b1)
          const b3 = freeBooths[c]![rng.int(freeBooths[c]!.length)]!;
          if (b3 === b1 || b3 === b2) continue;
          S[0] = b1;
          S[1] = b2;
          S[2] = b3;
          sLen = 3;
          newOcc[0] = occ[b3]!;
          newOcc[1] = e1;
          newOcc[2] = e2;
        } else {
          S[0] = b1;
          S[1] = b2;
          sLen = 2;
          newOcc[0] = e2;
          newOcc[1] = e1;
        }
      } else {
        // unplaced: insert into an empty booth or replace its occupant, ejecting competitors next
        // door (ejecting one competitor of another size keeps the count: a cross-class trade)
        S[0] = b2;
        sLen = 1;
        newOcc[0] = e1;
        const k1 = m.comp[e1]!;
        if (k1.length) {
          const l = m.adj[b2]!;
          for (let q = 0; q < l.length && sLen < S.length; q++) {
            const f = occ[l[q]!]!;
            if (f < 0 || pinnedEx[f]! >= 0) continue;
            for (let r = 0; r < k1.length; r++) {
              if (k1[r] === f) {
                S[sLen] = l[q]!;
                newOcc[sLen++] = -1;
                break;
              }
            }
          }
        }
      }
      // Cheap reject: linear change plus the largest possible cluster gain still hopeless.
      {
        let dlin = 0;
        let deg = 0;
        for (let k = 0; k < sLen; k++) {
          const b = S[k]!;
          const eo = occ[b]!;
          const en = newOcc[k]!;
          const lb = boothLocal[b]!;
          if (eo >= 0) dlin -= M + valFlat[valOff[eo]! + lb]!;
          if (en >= 0) dlin += M + valFlat[valOff[en]! + lb]!;
          deg += m.adj[b]!.length;
        }
        if (dlin + W * deg < -12 * T) continue;
        if (sLen === 2 && b1 >= 0) {
          // Fast path for a move / swap: delta and rules without touching the state.
          // e1: b1 → b2, e2 (or none): b2 → b1. The b1–b2 edge keeps the same pair either way.
          const c1 = m.cluster[e1]!;
          const c2 = e2 >= 0 ? m.cluster[e2]! : -1;
          let dcl = 0;
          const l2 = m.adj[b2]!;
          for (let q = 0; q < l2.length; q++) {
            const x = l2[q]!;
            if (x === b1) continue;
            const f = occ[x]!;
            if (f < 0) continue;
            const cf = m.cluster[f]!;
            if (cf === c1) dcl++;
            if (cf === c2) dcl--;
          }
          const l1 = m.adj[b1]!;
          for (let q = 0; q < l1.length; q++) {
            const x = l1[q]!;
            if (x === b2) continue;
            const f = occ[x]!;
            if (f < 0) continue;
            const cf = m.cluster[f]!;
            if (cf === c1) dcl--;
            if (cf === c2) dcl++;
          }
          const delta = dlin + W * dcl;
          if (delta < 0 && !(rng.next() < Math.exp(delta / T))) continue;
          // hard rule: no competitor next to the new places
          const k1 = m.comp[e1]!;
          if (k1.length) {
            let bad = false;
            for (let q = 0; q < l2.length && !bad; q++) {
              const x = l2[q]!;
              const f = x === b1 ? e2 : occ[x]!;
              if (f >= 0) for (let r = 0; r < k1.length; r++) if (k1[r] === f) bad = true;
            }
            if (bad) continue;
          }
          if (e2 >= 0) {
            const k2 = m.comp[e2]!;
            if (k2.length) {
              let bad = false;
              for (let q = 0; q < l1.length && !bad; q++) {
                const x = l1[q]!;
                if (x === b2) continue; // the e1–e2 pair was checked above
                const f = occ[x]!;
                if (f >= 0) for (let r = 0; r < k2.length; r++) if (k2[r] === f) bad = true;
              }
              if (bad) continue;
            }
          }
          occ[b1] = e2;
          occ[b2] = e1;
          at[e1] = b2;
          if (e2 >= 0) at[e2] = b1;
          this.current += delta;
          if (this.current > this.best + 1e-9) {
            this.best = this.current;
            this.bestOcc.set(occ);
            this.bestAt.set(at);
          }
          continue;
        }
      }
      const before = local();
      apply();
      if (!feasible()) {
        undo();
        continue;
      }
      const delta = local() - before;
      if (delta >= 0 || rng.next() < Math.exp(delta / T)) {
        this.current += delta;
        if (this.current > this.best + 1e-9) {
          this.best = this.current;
          this.bestOcc.set(occ);
          this.bestAt.set(at);
        }
      } else undo();
    }
  }

  /**
   * Exact re-assignment on a random maximal independent set of booths of one size class: the
   * exhibitors on those booths (and the unplaced ones of the class) are re-assigned optimally
   * among them by the Hungarian method. As no two chosen booths touch, the cluster term and the
   * competitor rule of every (exhibitor, booth) pair depend only on fixed neighbours, so the
   * sub-problem is a plain assignment problem and its optimum never lowers the objective.
   * Returns the gain.
   */
  lnsStep(c: number): number {
    const { m, M } = this.ctx;
    const { occ, at, rng, stamp } = this;
    const fb = this.freeBooths[c]!;
    if (fb.length < 2) return 0;
    const order = fb.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const ep = ++this.epoch;
    const I: number[] = [];
    const stampIsChosen = (b: number) => {
      const k = this.colOf[b]!;
      return k >= 0 && k < I.length && I[k] === b;
    };
    for (const b of order) {
      if (stamp[b] === ep) continue;
      I.push(b);
      stamp[b] = ep;
      for (const x of m.adj[b]!) stamp[x] = ep;
    }
    const rows: number[] = [];
    for (const b of I) if (occ[b]! >= 0) rows.push(occ[b]!);
    const placedRows = rows.length;
    for (const e of this.movableOfClass[c]!) if (at[e]! < 0) rows.push(e);
    if (rows.length === 0) return 0;
    const nR = rows.length;
    const nC = I.length;
    const W = m.W;
    const ncl = m.clusterMembers.length;
    // same-cluster neighbour counts per chosen booth (neighbours are never chosen themselves)
    const counts = W !== 0 ? new Int32Array(nC * ncl) : null;
    const colOf = this.colOf;
    for (let k = 0; k < nC; k++) {
      const b = I[k]!;
      colOf[b] = k;
      if (counts) {
        for (const x of m.adj[b]!) {
          const f = occ[x]!;
          if (f >= 0) counts[k * ncl + m.cluster[f]!]!++;
        }
      }
    }
    const cost = new Float64Array(nR * nC);
    for (let r = 0; r < nR; r++) {
      const e = rows[r]!;
      const ce = m.cluster[e]!;
      const vals = m.val[e]!;
      const off = r * nC;
      for (let k = 0; k < nC; k++) {
        cost[off + k] = -(M + vals[m.boothLocal[I[k]!]!]! + (counts ? W * counts[k * ncl + ce]! : 0));
      }
      // never next to a competitor that stays where it is
      const comp = m.comp[e]!;
      for (let q = 0; q < comp.length; q++) {
        const bf = at[comp[q]!]!;
        if (bf < 0 || stampIsChosen(bf)) continue;
        for (const x of m.adj[bf]!) {
          const k = colOf[x]!;
          if (k >= 0 && k < nC && I[k] === x) cost[off + k] = INF;
        }
      }
    }
    let before = 0;
    for (let r = 0; r < placedRows; r++) before -= cost[r * nC + colOf[at[rows[r]!]!]!]!;
    const c4r = solveRect(nR, nC, cost, nR - placedRows);
    let after = 0;
    for (let r = 0; r < nR; r++) {
      const k = c4r[r]!;
      if (k >= 0 && k < nC) {
        const v = cost[r * nC + k]!;
        if (v >= INF / 2) return 0; // cannot happen (the current placement is feasible)
        after -= v;
      }
    }
    if (after < before - 1e-9) return 0;
    for (const b of I) occ[b] = -1;
    for (let r = 0; r < nR; r++) at[rows[r]!] = -1;
    for (let r = 0; r < nR; r++) {
      const k = c4r[r]!;
      if (k >= 0 && k < nC) {
        occ[I[k]!] = rows[r]!;
        at[rows[r]!] = I[k]!;
      }
    }
    this.current += after - before;
    this.lnsSteps++;
    return after - before;
  }

  /** Independent-set neighbourhoods over all classes until `maxFails` in a row bring nothing. */
  polish(maxFails: number): void {
    const classes: number[] = [];
    for (let c = 0; c < this.freeBooths.length; c++) if (this.freeBooths[c]!.length >= 2) classes.push(c);
    if (classes.length === 0) return;
    // weight classes by size so the big class gets most attempts
    const weights = classes.map((c) => this.freeBooths[c]!.length);
    const total = weights.reduce((a, b) => a + b, 0);
    let fails = 0;
    while (fails < maxFails && !this.timeUp()) {
      let r = this.rng.next() * total;
      let c = classes[classes.length - 1]!;
      for (let k = 0; k < classes.length; k++) {
        r -= weights[k]!;
        if (r < 0) {
          c = classes[k]!;
          break;
        }
      }
      const gain = this.lnsStep(c);
      if (gain > 1e-9) fails = 0;
      else fails++;
    }
    this.saveIfBest();
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

const defaultNow = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function allocate(input: AllocateInput): AllocateResult {
  const now = input.now ?? defaultNow;
  const t0 = now();
  const timeLimitMs = input.timeLimitMs ?? 2000;
  const effort = input.effort ?? 1;

  // Validation
  const problems: string[] = validateBooths(input.booths, { checkOverlaps: false }).map((p) => p.detail);
  const refs = new Set<string>();
  input.exhibitors.forEach((e, i) => {
    if (typeof e.ref !== "string" || e.ref === "") problems.push(`exhibitor #${i} has no ref`);
    else if (refs.has(e.ref)) problems.push(`exhibitor ref "${e.ref}" is duplicated`);
    refs.add(e.ref);
    if (typeof e.priority !== "number" || !Number.isFinite(e.priority)) problems.push(`exhibitor "${e.ref}" has an invalid priority`);
  });
  if (problems.length) throw new AllocationInputError(problems);

  const m = buildModel(input.booths, input.exhibitors, input.weights);
  const nb = m.booths.length;
  const ne = m.exs.length;
  const pinnedEx = new Int32Array(ne).fill(-1);
  const pinnedBooth = new Int32Array(nb).fill(-1);
  const pins = input.pinned ?? [];
  for (const p of pins) {
    const b = m.boothIdx.get(p.booth);
    const e = m.exIdx.get(p.exhibitor);
    if (b === undefined) problems.push(`pinned booth "${p.booth}" does not exist`);
    if (e === undefined) problems.push(`pinned exhibitor "${p.exhibitor}" does not exist`);
    if (b === undefined || e === undefined) continue;
    if (pinnedEx[e] === b && pinnedBooth[b] === e) continue; // exact duplicate
    if (pinnedEx[e]! >= 0) problems.push(`exhibitor "${p.exhibitor}" is pinned twice`);
    else if (pinnedBooth[b]! >= 0) problems.push(`booth "${p.booth}" is pinned twice`);
    else if (m.exClass[e] !== m.boothClass[b]) {
      problems.push(`pinned exhibitor "${p.exhibitor}" (size ${m.exs[e]!.size}) does not fit booth "${p.booth}" (${m.classSizes[m.boothClass[b]!]})`);
    } else {
      pinnedEx[e] = b;
      pinnedBooth[b] = e;
    }
  }
  for (let b = 0; b < nb; b++) {
    const e = pinnedBooth[b]!;
    if (e < 0) continue;
    for (const x of m.adj[b]!) {
      const f = pinnedBooth[x]!;
      if (x > b && f >= 0 && isCompetitor(m, e, f)) {
        problems.push(`pinned competitors "${m.exs[e]!.ref}" (${m.booths[b]!.code}) and "${m.exs[f]!.ref}" (${m.booths[x]!.code}) are adjacent`);
      }
    }
  }
  if (problems.length) throw new AllocationInputError(problems);

  // Bonus per placed exhibitor: larger than any possible difference in score, so one more
  // exhibitor placed always wins (lexicographic objective), whatever the signs of the weights.
  let maxScore = 0;
  for (let e = 0; e < ne; e++) {
    let best = 0;
    for (const v of m.val[e]!) if (Math.abs(v) > best) best = Math.abs(v);
    maxScore += best;
  }
  let adjPairs = 0;
  for (let b = 0; b < nb; b++) adjPairs += m.adj[b]!.length;
  maxScore += (Math.abs(m.W) * adjPairs) / 2;
  const M = 2 * Math.ceil(maxScore) + 1;

  const compPairs: [number, number][] = [];
  for (let a = 0; a < ne; a++) for (const b of m.comp[a]!) if (a < b) compPairs.push([a, b]);

  const seed = input.seed ?? canonicalSeed(m, pins);
  const rng = new Rng(seed);
  const ctx: Ctx = { m, M, pinnedEx, pinnedBooth, compPairs, now, deadline: t0 + timeLimitMs };

  const tuning: Tuning = {
    // ~4000 moves per exhibitor, at most 1 M (reached at 250 exhibitors)
    annealIterations: Math.round(Math.min(1_000_000, Math.max(20_000, 4000 * ne)) * effort),
    rounds: Math.max(1, Math.round(8 * Math.sqrt(effort))),
    t0: 2,
    t1: 0.02,
    reheat: 0.5,
    pZone: 0.25,
    chains: 1,
    lnsFails: 16,
    maxNodes: Math.round(800 * effort),
    ...input.tuning,
  };
  const p1 = phase1(ctx, tuning.maxNodes);
  let sol = p1.sol;
  let annealIterations = 0;
  let lnsSteps = 0;
  let timeCapped = p1.timeCapped;
  if (m.W !== 0 || !p1.optimal) {
    const scale = m.W > 0 ? m.W : Math.max(1, m.weights.priorityBase);
    const start = sol;
    let bestVal = -Infinity;
    const chains = Math.max(1, Math.round(tuning.chains));
    for (let ch = 0; ch < chains; ch++) {
      const search = new Search(ctx, start, new Rng(rng.u32()));
      search.polish(tuning.lnsFails);
      const per = Math.floor(tuning.annealIterations / chains / tuning.rounds);
      for (let r = 0; r < tuning.rounds && !search.timeCapped; r++) {
        search.restoreBest();
        search.anneal(per, scale * tuning.t0 * (r === 0 ? 1 : tuning.reheat), scale * tuning.t1, tuning.pZone);
        search.polish(tuning.lnsFails);
      }
      search.restoreBest();
      if (search.best > bestVal + 1e-9) {
        bestVal = search.best;
        sol = { occ: search.bestOcc, at: search.bestAt };
      }
      annealIterations += search.iterations;
      lnsSteps += search.lnsSteps;
      timeCapped ||= search.timeCapped;
      if (timeCapped) break;
    }
  }

  // Small instances are solved exactly, so the result there is provably optimal, cluster term included.
  const exact = exhaustive(ctx, 200_000);
  if (exact) sol = exact;

  const assignments: Assignment[] = [];
  const used = new Int32Array(m.classSizes.length);
  for (let b = 0; b < nb; b++) {
    const e = sol.occ[b]!;
    if (e >= 0) {
      assignments.push({ booth: m.booths[b]!.code, exhibitor: m.exs[e]!.ref });
      used[m.boothClass[b]!]!++;
    }
  }
  const unassigned: AllocateResult["unassigned"] = [];
  for (let e = 0; e < ne; e++) {
    if (sol.at[e]! >= 0) continue;
    const c = m.exClass[e]!;
    const reason: UnassignedReason =
      c < 0 || m.classBooths[c]!.length === 0 ? "no-booth-of-size" : used[c]! >= m.classBooths[c]!.length ? "capacity" : "competitor-conflict";
    unassigned.push({ exhibitor: m.exs[e]!.ref, reason });
  }
  const score = scoreOcc(m, sol.occ);
  return {
    assignments,
    unassigned,
    score,
    elapsedMs: now() - t0,
    stats: {
      linearOptimal: p1.optimal,
      linearBound: p1.bound - M * countPlaced(sol.occ),
      bbNodes: p1.nodes,
      annealIterations,
      lnsSteps,
      timeCapped,
      seed,
    },
  };
}

/**
 * Exhaustive search over every feasible assignment (pins kept, sizes matched, competitors apart),
 * maximising placed count first, then score. Only for instances whose search tree has at most
 * `maxLeaves` leaves (a bound computed up front); otherwise null.
 */
function exhaustive(ctx: Ctx, maxLeaves: number): Solution | null {
  const { m, M, pinnedEx, pinnedBooth } = ctx;
  const nb = m.booths.length;
  const ne = m.exs.length;
  let leaves = 1;
  for (let e = 0; e < ne; e++) {
    if (pinnedEx[e]! >= 0) continue;
    leaves *= (m.classBooths[m.exClass[e]!]?.length ?? 0) + 1;
    if (leaves > maxLeaves) return null;
  }
  const occ = new Int32Array(nb).fill(-1);
  for (let b = 0; b < nb; b++) if (pinnedBooth[b]! >= 0) occ[b] = pinnedBooth[b]!;
  let best = -Infinity;
  let bestOcc: Int32Array | null = null;
  const free = (e: number, b: number) => {
    if (occ[b]! >= 0) return false;
    for (const x of m.adj[b]!) {
      const f = occ[x]!;
      if (f >= 0 && isCompetitor(m, e, f)) return false;
    }
    return true;
  };
  const visit = (e: number, placed: number) => {
    if (e === ne) {
      const value = placed * M + scoreOcc(m, occ).total;
      if (value > best + 1e-9) {
        best = value;
        bestOcc = occ.slice();
      }
      return;
    }
    if (pinnedEx[e]! >= 0) return visit(e + 1, placed + 1);
    for (const b of m.classBooths[m.exClass[e]!] ?? []) {
      if (!free(e, b)) continue;
      occ[b] = e;
      visit(e + 1, placed + 1);
      occ[b] = -1;
    }
    visit(e + 1, placed);
  };
  visit(0, 0);
  if (!bestOcc) return null;
  const finalOcc: Int32Array = bestOcc;
  const at = new Int32Array(ne).fill(-1);
  for (let b = 0; b < nb; b++) if (finalOcc[b]! >= 0) at[finalOcc[b]!] = b;
  return { occ: finalOcc, at };
}

function countPlaced(occ: Int32Array): number {
  let n = 0;
  for (let b = 0; b < occ.length; b++) if (occ[b]! >= 0) n++;
  return n;
}
