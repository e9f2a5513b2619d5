/**
 * What the phase-2 moves work on: the current and best assignment, the free booths per size class,
 * who may move, preferred and home-zone booths, and the objective. The moves (./anneal.ts,
 * ./independent-set.ts) take this state; ./search.ts drives them.
 */
import type { SolverContext, Solution } from "./context.ts";
import { valueAt } from "./model.ts";
import type { Random } from "./random.ts";

export class SearchState {
  readonly exhibitorAt: Int32Array;
  readonly boothOf: Int32Array;
  readonly bestExhibitorAt: Int32Array;
  readonly bestBoothOf: Int32Array;
  current: number;
  best: number;
  iterations = 0;
  lnsSteps = 0;
  timeCapped = false;
  readonly freeBooths: number[][];
  readonly movable: number[];
  readonly movableOfClass: number[][];
  readonly prefBooths: number[][];
  readonly stamp: Int32Array;
  readonly colOf: Int32Array;
  readonly zoneBooths: number[][];
  epoch = 0;

  constructor(
    readonly ctx: SolverContext,
    solution: Solution,
    readonly rng: Random,
  ) {
    const { model, pinnedExhibitorAt, pinnedBoothOf } = ctx;
    this.exhibitorAt = Int32Array.from(solution.exhibitorAt);
    this.boothOf = Int32Array.from(solution.boothOf);
    this.bestExhibitorAt = Int32Array.from(solution.exhibitorAt);
    this.bestBoothOf = Int32Array.from(solution.boothOf);
    this.freeBooths = model.classBooths.map((list) => list.filter((booth) => pinnedExhibitorAt[booth]! < 0));
    this.movable = [];
    this.movableOfClass = model.classSizes.map(() => []);
    for (let exhibitor = 0; exhibitor < model.exhibitors.length; exhibitor++) {
      const classIndex = model.exhibitorClass[exhibitor]!;
      if (classIndex >= 0 && pinnedBoothOf[exhibitor]! < 0 && this.freeBooths[classIndex]!.length > 0) {
        this.movable.push(exhibitor);
        this.movableOfClass[classIndex]!.push(exhibitor);
      }
    }
    this.prefBooths = model.exhibitors.map((exhibitor, i) =>
      (exhibitor.preferences ?? [])
        .map((code) => model.boothIndex.get(code))
        .filter((booth): booth is number => booth !== undefined && model.boothClass[booth] === model.exhibitorClass[i] && pinnedExhibitorAt[booth]! < 0),
    );
    this.stamp = new Int32Array(model.booths.length);
    this.colOf = new Int32Array(model.booths.length).fill(-1);
    // free booths of the exhibitor's class in its home zone
    const byZone = new Map<string, number[]>();
    for (let booth = 0; booth < model.booths.length; booth++) {
      if (pinnedExhibitorAt[booth]! >= 0) continue;
      const key = `${model.boothClass[booth]}|${model.booths[booth]!.zone}`;
      let list = byZone.get(key);
      if (!list) byZone.set(key, (list = []));
      list.push(booth);
    }
    this.zoneBooths = model.exhibitors.map((exhibitor, i) => (exhibitor.homeZone != null ? (byZone.get(`${model.exhibitorClass[i]}|${exhibitor.homeZone}`) ?? []) : []));
    this.current = this.objective(this.exhibitorAt);
    this.best = this.current;
  }

  /** bonus × placed + Σ value + clusterWeight × same-cluster adjacent pairs. */
  objective(exhibitorAt: Int32Array): number {
    const { model, bonus } = this.ctx;
    let sum = 0;
    for (let booth = 0; booth < exhibitorAt.length; booth++) {
      const exhibitor = exhibitorAt[booth]!;
      if (exhibitor < 0) continue;
      sum += bonus + valueAt(model, exhibitor, booth);
      if (model.clusterWeight !== 0) {
        const cluster = model.clusterOf[exhibitor]!;
        for (const neighbour of model.adjacent[booth]!) if (neighbour > booth && exhibitorAt[neighbour]! >= 0 && model.clusterOf[exhibitorAt[neighbour]!] === cluster) sum += model.clusterWeight;
      }
    }
    return sum;
  }

  saveIfBest() {
    if (this.current > this.best + 1e-9) {
      this.best = this.current;
      this.bestExhibitorAt.set(this.exhibitorAt);
      this.bestBoothOf.set(this.boothOf);
    }
  }

  restoreBest() {
    this.exhibitorAt.set(this.bestExhibitorAt);
    this.boothOf.set(this.bestBoothOf);
    this.current = this.best;
  }

  timeUp(): boolean {
    if (this.ctx.now() > this.ctx.deadline) this.timeCapped = true;
    return this.timeCapped;
  }
}
