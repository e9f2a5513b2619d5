/**
 * bench/allocation: allocate() on generated halls (~290 booths / 270 exhibitors) against
 *   (a) the exact optimum of the objective without the cluster term (HiGHS MILP, same
 *       cardinality-first objective via a bonus per placed exhibitor, competitor rules as rows),
 *   (b) the full objective (cluster term linearised: y_{ij,c} ≤ Σ_{e∈c} x_{e,i}, same for j),
 *       by HiGHS with a long time limit (best solution and proven dual bound) on a few seeds,
 *       and by allocate() itself with a long budget ("long search").
 *
 * Run: npx tsx bench/allocation/run.ts
 * Env: BENCH_SEEDS (20)            seeds 1..N
 *      BENCH_LONG_SECONDS (60)     HiGHS time limit for the full model
 *      BENCH_LONG_SEEDS (3)        how many seeds get the long HiGHS run on the full model
 *      BENCH_LONG_EFFORT (25)      effort multiplier of the own long search
 *      BENCH_EXACT_SECONDS (300)   time limit for the exact model without cluster term
 *      BENCH_HIGHS_WARM (0)        1: start HiGHS (b) from the long-search solution
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import highsLoader from "highs";
import {
  allocate,
  checkRules,
  scoreAssignment,
  DEFAULT_WEIGHTS,
  type Assignment,
  type Weights,
} from "../../api/booths/allocate.ts";
import { adjacencyLists, sizeClass, normalizeSize } from "../../api/booths/geometry.ts";
import { generate, type Instance } from "./generate.ts";

const SEEDS = Number(process.env.BENCH_SEEDS ?? 20);
const LONG_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 60);
const LONG_SEEDS = Number(process.env.BENCH_LONG_SEEDS ?? 3);
const LONG_EFFORT = Number(process.env.BENCH_LONG_EFFORT ?? 25);
const EXACT_SECONDS = Number(process.env.BENCH_EXACT_SECONDS ?? 300);
const HIGHS_WARM = process.env.BENCH_HIGHS_WARM === "1";

// ---------------------------------------------------------------------------------------------
// Memory probe: a child process with a young generation large enough that no GC runs during one
// allocate() call, so heapUsed after − heapUsed before = every byte allocated by the call
// (an upper bound on its peak live heap).

if (process.argv.includes("--memprobe")) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const seeds = process.argv.slice(process.argv.indexOf("--memprobe") + 1).map(Number);
  allocate({ ...generate(999), timeLimitMs: 10_000 }); // warm-up (JIT)
  const out: { seed: number; allocatedMb: number; rssDeltaMb: number }[] = [];
  for (const seed of seeds) {
    const inst = generate(seed);
    gc?.();
    const before = process.memoryUsage();
    allocate({ booths: inst.booths, exhibitors: inst.exhibitors });
    const after = process.memoryUsage();
    out.push({
      seed,
      allocatedMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
      rssDeltaMb: (after.rss - before.rss) / 2 ** 20,
    });
  }
  process.send!(out);
  process.exit(0);
}

async function memProbe(seeds: number[]): Promise<Map<number, { allocatedMb: number; rssDeltaMb: number }>> {
  const child = fork(fileURLToPath(import.meta.url), ["--memprobe", ...seeds.map(String)], {
    execArgv: [...process.execArgv, "--expose-gc", "--max-semi-space-size=256"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const res = await new Promise<{ seed: number; allocatedMb: number; rssDeltaMb: number }[]>((resolve, reject) => {
    child.on("message", (m) => resolve(m as never));
    child.on("exit", (code) => (code ? reject(new Error(`memprobe exited ${code}`)) : undefined));
  });
  return new Map(res.map((r) => [r.seed, r]));
}

// ---------------------------------------------------------------------------------------------
// MILP models

type Highs = Awaited<ReturnType<typeof highsLoader>>;

interface Lp {
  text: string;
  xs: { name: string; e: number; b: number }[];
  M: number;
}

function valueOf(inst: Instance, w: Weights, e: number, b: number): number {
  const ex = inst.exhibitors[e]!;
  const booth = inst.booths[b]!;
  const mult = w.priorityBase + ex.priority;
  const k = ex.preferences.indexOf(booth.code);
  return mult * ((k >= 0 ? (w.preferences[k] ?? 0) : 0) + (ex.homeZone != null && ex.homeZone === booth.zone ? w.homeZone : 0));
}

function buildLp(inst: Instance, w: Weights, withCluster: boolean): Lp {
  const { booths, exhibitors } = inst;
  const adj = adjacencyLists(booths);
  const cls = booths.map((b) => sizeClass(b));
  const exCls = exhibitors.map((e) => normalizeSize(e.size));
  const byClass = new Map<string, number[]>();
  cls.forEach((c, b) => {
    let l = byClass.get(c);
    if (!l) byClass.set(c, (l = []));
    l.push(b);
  });
  let maxScore = 0;
  const xs: Lp["xs"] = [];
  const xName = (e: number, b: number) => `x${e}_${b}`;
  const xAt = new Map<string, number>();
  exhibitors.forEach((_, e) => {
    let best = 0;
    for (const b of byClass.get(exCls[e]!) ?? []) {
      best = Math.max(best, valueOf(inst, w, e, b));
      xAt.set(`${e},${b}`, xs.length);
      xs.push({ name: xName(e, b), e, b });
    }
    maxScore += best;
  });
  const pairs: [number, number][] = [];
  adj.forEach((l, i) => l.forEach((j) => i < j && pairs.push([i, j])));
  const clusters = [...new Set(exhibitors.map((e) => e.cluster))].sort();
  if (withCluster) maxScore += w.sameClusterAdjacent * pairs.length;
  const M = maxScore + 1;

  const lines: string[] = [];
  const emit = (prefix: string, terms: string[], suffix: string) => {
    // LP format allows a row to continue over several lines.
    lines.push(prefix);
    for (let k = 0; k < terms.length; k += 12) lines.push("  " + terms.slice(k, k + 12).join(" "));
    lines.push("  " + suffix);
  };
  const obj = xs.map((x) => `+ ${M + valueOf(inst, w, x.e, x.b)} ${x.name}`);
  const ys: { name: string; i: number; j: number; c: string }[] = [];
  if (withCluster) {
    pairs.forEach(([i, j], p) => {
      clusters.forEach((c, ci) => {
        // only clusters that have exhibitors fitting both booths
        const fitsI = exhibitors.some((e, k) => e.cluster === c && exCls[k] === cls[i]);
        const fitsJ = exhibitors.some((e, k) => e.cluster === c && exCls[k] === cls[j]);
        if (fitsI && fitsJ) ys.push({ name: `y${p}_${ci}`, i, j, c });
      });
    });
    for (const y of ys) obj.push(`+ ${w.sameClusterAdjacent} ${y.name}`);
  }
  lines.push("Maximize");
  emit(" obj:", obj, "");
  lines.push("Subject To");
  exhibitors.forEach((_, e) => {
    const t = (byClass.get(exCls[e]!) ?? []).map((b) => `+ ${xName(e, b)}`);
    if (t.length) emit(` ex${e}:`, t, "<= 1");
  });
  booths.forEach((_, b) => {
    const t: string[] = [];
    exhibitors.forEach((__, e) => {
      if (exCls[e] === cls[b]) t.push(`+ ${xName(e, b)}`);
    });
    if (t.length) emit(` bo${b}:`, t, "<= 1");
  });
  // Competitors: for each pair {a, b} and booth i of a: x_{a,i} + Σ_{j ∈ N(i)} x_{b,j} ≤ 1.
  const refIdx = new Map(exhibitors.map((e, i) => [e.ref, i]));
  const compPairs = new Set<string>();
  exhibitors.forEach((e, a) => {
    for (const r of e.competitors) {
      const b = refIdx.get(r);
      if (b === undefined || b === a) continue;
      compPairs.add(a < b ? `${a},${b}` : `${b},${a}`);
    }
  });
  let cr = 0;
  for (const key of [...compPairs].sort()) {
    const [a, b] = key.split(",").map(Number) as [number, number];
    for (const i of byClass.get(exCls[a]!) ?? []) {
      const nbs = adj[i]!.filter((j) => cls[j] === exCls[b]);
      if (!nbs.length) continue;
      emit(` cp${cr++}:`, [`+ ${xName(a, i)}`, ...nbs.map((j) => `+ ${xName(b, j)}`)], "<= 1");
    }
  }
  if (withCluster) {
    let yr = 0;
    for (const y of ys) {
      for (const booth of [y.i, y.j]) {
        const t = [`+ ${y.name}`];
        exhibitors.forEach((e, k) => {
          if (e.cluster === y.c && exCls[k] === cls[booth]) t.push(`- ${xName(k, booth)}`);
        });
        emit(` cl${yr++}:`, t, "<= 0");
      }
    }
  }
  lines.push("Bounds");
  for (const y of ys) lines.push(` 0 <= ${y.name} <= 1`);
  lines.push("Binary");
  for (let k = 0; k < xs.length; k += 12) lines.push("  " + xs.slice(k, k + 12).map((x) => x.name).join(" "));
  lines.push("End");
  return { text: lines.join("\n"), xs, M };
}

interface MipOutcome {
  status: string;
  assignments: Assignment[];
  objective: number;
  dualBound: number;
  seconds: number;
}

function solveMip(highs: Highs, lp: Lp, inst: Instance, seconds: number, start?: Assignment[]): MipOutcome {
  const t0 = performance.now();
  const model = highs.createModel({ format: "lp", data: lp.text });
  try {
    model.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0, mip_abs_gap: 0.5, random_seed: 1 });
    const dims = model.getDimensions();
    const index = new Map<string, number>();
    for (let k = 0; k < dims.numCols; k++) index.set(model.getColName(k), k);
    if (start) {
      const col = new Float64Array(dims.numCols);
      const codeIdx = new Map(inst.booths.map((b, i) => [b.code, i]));
      const refIdx = new Map(inst.exhibitors.map((e, i) => [e.ref, i]));
      for (const a of start) {
        const k = index.get(`x${refIdx.get(a.exhibitor)}_${codeIdx.get(a.booth)}`);
        if (k !== undefined) col[k] = 1;
      }
      // y values follow from x; let HiGHS complete them.
      model.setSolution({ colValue: col });
    }
    model.run();
    const status = String(model.getModelStatus());
    const sol = model.getSolution();
    const assignments: Assignment[] = [];
    for (const x of lp.xs) {
      const k = index.get(x.name)!;
      if ((sol.colValue[k] ?? 0) > 0.5) assignments.push({ booth: inst.booths[x.b]!.code, exhibitor: inst.exhibitors[x.e]!.ref });
    }
    let dualBound = NaN;
    try {
      dualBound = Number(model.info.get("mip_dual_bound"));
    } catch {
      /* not available */
    }
    return { status, assignments, objective: model.getObjectiveValue(), dualBound, seconds: (performance.now() - t0) / 1000 };
  } finally {
    model.dispose();
  }
}

// ---------------------------------------------------------------------------------------------

interface Row {
  seed: number;
  booths: number;
  exhibitors: number;
  placed: number;
  // without cluster term
  linScore: number;
  linOpt: number;
  linOptPlaced: number;
  linGapPct: number;
  linMs: number;
  linProven: boolean;
  exactSeconds: number;
  // full objective
  score: number;
  ms: number;
  cpuMs: number;
  longScore: number;
  longMs: number;
  highsScore: number | null;
  highsBound: number | null;
  highsStatus: string | null;
  bestKnown: number;
  gapBestPct: number;
  gapBoundPct: number | null;
  violations: number;
  allocatedMb: number;
  rssDeltaMb: number;
  heapDeltaMb: number;
}

function pct(a: number, b: number) {
  return b === 0 ? 0 : ((b - a) / Math.abs(b)) * 100;
}

async function main() {
  const highs = await highsLoader();
  console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.availableParallelism?.() ?? os.cpus().length}, node ${process.version}`);
  console.log(`seeds 1..${SEEDS}; exact model time limit ${EXACT_SECONDS}s; long HiGHS ${LONG_SECONDS}s on ${LONG_SEEDS} seeds; own long search effort ×${LONG_EFFORT}`);
  const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
  const mem = await memProbe(seeds);
  // warm-up
  allocate({ ...generate(999) });
  const rows: Row[] = [];
  const W0: Weights = { ...DEFAULT_WEIGHTS, preferences: [...DEFAULT_WEIGHTS.preferences], sameClusterAdjacent: 0 };
  const W: Weights = { ...DEFAULT_WEIGHTS, preferences: [...DEFAULT_WEIGHTS.preferences] };
  for (const seed of seeds) {
    const inst = generate(seed);
    const base = { booths: inst.booths, exhibitors: inst.exhibitors };

    // Without the cluster term.
    const r0 = allocate({ ...base, weights: W0 });
    const v0 = checkRules(base, r0.assignments).length;
    const lpA = buildLp(inst, W0, false);
    const exact = solveMip(highs, lpA, inst, EXACT_SECONDS);
    const exactViol = checkRules(base, exact.assignments).length;
    if (exactViol) console.warn(`seed ${seed}: HiGHS exact solution breaks ${exactViol} rules?`);
    const linOpt = scoreAssignment({ ...base, weights: W0 }, exact.assignments).total;

    // Full objective.
    const heapBefore = process.memoryUsage();
    const cpu0 = process.cpuUsage();
    const r = allocate({ ...base, weights: W });
    const cpu1 = process.cpuUsage(cpu0);
    const heapAfter = process.memoryUsage();
    const v = checkRules(base, r.assignments).length;
    const long = allocate({ ...base, weights: W, effort: LONG_EFFORT, timeLimitMs: 600_000 });
    const vl = checkRules(base, long.assignments).length;
    let highsScore: number | null = null;
    let highsBound: number | null = null;
    let highsStatus: string | null = null;
    if (seed <= LONG_SEEDS) {
      const lpB = buildLp(inst, W, true);
      const out = solveMip(highs, lpB, inst, LONG_SECONDS, HIGHS_WARM ? long.assignments : undefined);
      highsStatus = `${out.status} ${out.seconds.toFixed(0)}s`;
      if (out.assignments.length > 0 && checkRules(base, out.assignments).length === 0) {
        const placed = out.assignments.length;
        if (placed === r.assignments.length) highsScore = scoreAssignment({ ...base, weights: W }, out.assignments).total;
        else highsStatus += ` (placed ${placed})`;
      }
      // Bound on the score of any max-cardinality solution.
      if (Number.isFinite(out.dualBound)) highsBound = out.dualBound - lpB.M * exact.assignments.length;
    }
    const bestKnown = Math.max(long.score.total, highsScore ?? -Infinity, r.score.total);
    const row: Row = {
      seed,
      booths: inst.booths.length,
      exhibitors: inst.exhibitors.length,
      placed: r.assignments.length,
      linScore: r0.score.total,
      linOpt,
      linOptPlaced: exact.assignments.length,
      linGapPct: r0.assignments.length < exact.assignments.length ? 100 : pct(r0.score.total, linOpt),
      linMs: r0.elapsedMs,
      linProven: r0.stats.linearOptimal,
      exactSeconds: exact.seconds,
      score: r.score.total,
      ms: r.elapsedMs,
      cpuMs: (cpu1.user + cpu1.system) / 1000,
      longScore: long.score.total,
      longMs: long.elapsedMs,
      highsScore,
      highsBound,
      highsStatus,
      bestKnown,
      gapBestPct: pct(r.score.total, bestKnown),
      gapBoundPct: highsBound === null ? null : pct(r.score.total, highsBound),
      violations: v0 + v + vl,
      allocatedMb: mem.get(seed)?.allocatedMb ?? NaN,
      rssDeltaMb: mem.get(seed)?.rssDeltaMb ?? NaN,
      heapDeltaMb: (heapAfter.heapUsed - heapBefore.heapUsed) / 2 ** 20,
    };
    rows.push(row);
    console.log(
      `seed ${seed}: lin ${row.linScore}/${row.linOpt}${row.linScore === row.linOpt ? " =" : ` (-${row.linGapPct.toFixed(3)}%)`}` +
        ` placed ${row.placed}/${row.linOptPlaced}  full ${row.score} long ${row.longScore} highs ${row.highsScore ?? "-"}` +
        ` bound ${row.highsBound?.toFixed(0) ?? "-"}  ${row.ms.toFixed(0)}ms  viol ${row.violations}  (exact ${row.exactSeconds.toFixed(1)}s, ${highsStatus ?? ""})`,
    );
  }

  const f = (n: number | null, d = 0) => (n === null || Number.isNaN(n) ? "-" : n.toFixed(d));
  console.log("\n| seed | booths | exh. | placed | lin. ours | lin. optimum | lin. gap % | full ours | long search | HiGHS long | HiGHS bound | gap to best % | gap to bound % | ms | CPU ms | alloc MB | rss Δ MB | viol. |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.seed} | ${r.booths} | ${r.exhibitors} | ${r.placed} | ${r.linScore} | ${r.linOpt} | ${f(r.linGapPct, 3)} | ${r.score} | ${r.longScore} | ${f(r.highsScore)} | ${f(r.highsBound)} | ${f(r.gapBestPct, 3)} | ${f(r.gapBoundPct, 2)} | ${f(r.ms)} | ${f(r.cpuMs)} | ${f(r.allocatedMb, 1)} | ${f(r.rssDeltaMb, 1)} | ${r.violations} |`,
    );
  }
  const eq = rows.filter((r) => r.linScore === r.linOpt && r.placed >= r.linOptPlaced).length;
  const worstLin = Math.max(...rows.map((r) => r.linGapPct));
  const worstBest = Math.max(...rows.map((r) => r.gapBestPct));
  const meanBest = rows.reduce((s, r) => s + r.gapBestPct, 0) / rows.length;
  const bounds = rows.filter((r) => r.gapBoundPct !== null);
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const linMs = rows.map((r) => r.linMs).sort((a, b) => a - b);
  const summary = {
    seeds: rows.length,
    linEqualOptimum: `${eq}/${rows.length} (${((eq / rows.length) * 100).toFixed(0)}%)`,
    linWorstGapPct: worstLin.toFixed(4),
    linProvenByCore: rows.filter((r) => r.linProven).length,
    fullWorstGapToBestPct: worstBest.toFixed(3),
    fullMeanGapToBestPct: meanBest.toFixed(3),
    ownBeatsOrTiesLong: rows.filter((r) => r.score >= r.longScore).length,
    fullGapToHighsBoundPct: bounds.map((r) => `${r.seed}: ${f(r.gapBoundPct, 2)}`).join(", ") || "-",
    highsLongBeatsOwnLong: rows.filter((r) => r.highsScore !== null && r.highsScore > r.longScore).length,
    msFullMedian: f(ms[Math.floor(ms.length / 2)]!, 0),
    msFullMax: f(ms[ms.length - 1]!, 0),
    cpuMsFullMax: f(Math.max(...rows.map((r) => r.cpuMs)), 0),
    msLinMax: f(linMs[linMs.length - 1]!, 0),
    allocatedMbMax: f(Math.max(...rows.map((r) => r.allocatedMb)), 1),
    rssDeltaMbMax: f(Math.max(...rows.map((r) => r.rssDeltaMb)), 1),
    violations: rows.reduce((s, r) => s + r.violations, 0),
  };
  console.log("\nsummary", JSON.stringify(summary, null, 2));
  const ok =
    eq / rows.length >= 0.95 && worstLin <= 0.05 && worstBest <= 0.5 && ms[ms.length - 1]! < 2000 && summary.violations === 0 &&
    Math.max(...rows.map((r) => r.allocatedMb)) < 64;
  console.log(ok ? "TARGETS MET" : "TARGETS NOT MET");
}

await main();
