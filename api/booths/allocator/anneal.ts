/**
 * Simulated annealing on the full objective: moves, swaps and 3-rotations inside a size class,
 * insertions of an unplaced exhibitor that eject competitors next door. No move breaks a hard rule.
 */
import type { SearchState } from "./search-state.ts";

/** The booths a move touches and who is on them before and after. */
class Move {
  readonly booths = new Int32Array(12);
  readonly newOccupants = new Int32Array(12);
  readonly oldOccupants = new Int32Array(12);
  size = 0;

  includes(booth: number): boolean {
    for (let k = 0; k < this.size; k++) if (this.booths[k] === booth) return true;
    return false;
  }
}

/** Geometric cooling from `startTemperature` to `endTemperature` over `iterations` moves. */
export function anneal(search: SearchState, iterations: number, startTemperature: number, endTemperature: number, pZone: number): void {
  const { model, bonus } = search.ctx;
  const { exhibitorAt, boothOf, rng, movable } = search;
  if (movable.length === 0 || iterations <= 0) return;
  const { valuesFlat, valuesOffset, boothPlaceInClass, clusterWeight } = model;
  const move = new Move();
  const ratio = endTemperature / startTemperature;
  let temperature = startTemperature;
  for (let i = 0; i < iterations; i++) {
    if ((i & 1023) === 0) {
      if ((i & 4095) === 0 && search.timeUp()) break;
      temperature = startTemperature * Math.pow(ratio, i / iterations);
    }
    search.iterations++;
    const mover = movable[rng.int(movable.length)]!;
    const classIndex = model.exhibitorClass[mover]!;
    const fromBooth = boothOf[mover]!;
    const toBooth = pickTarget(search, mover, classIndex, pZone);
    if (toBooth === fromBooth) continue;
    const occupant = exhibitorAt[toBooth]!;
    if (!proposeMove(search, move, mover, classIndex, fromBooth, toBooth, occupant)) continue;
    // Cheap reject: linear change plus the largest possible cluster gain still hopeless.
    let linearDelta = 0;
    let degreeSum = 0;
    for (let k = 0; k < move.size; k++) {
      const booth = move.booths[k]!;
      const oldExhibitor = exhibitorAt[booth]!;
      const newExhibitor = move.newOccupants[k]!;
      const placeInClass = boothPlaceInClass[booth]!;
      if (oldExhibitor >= 0) linearDelta -= bonus + valuesFlat[valuesOffset[oldExhibitor]! + placeInClass]!;
      if (newExhibitor >= 0) linearDelta += bonus + valuesFlat[valuesOffset[newExhibitor]! + placeInClass]!;
      degreeSum += model.adjacent[booth]!.length;
    }
    if (linearDelta + clusterWeight * degreeSum < -12 * temperature) continue;
    if (move.size === 2 && fromBooth >= 0) {
      moveOrSwap(search, mover, fromBooth, toBooth, occupant, linearDelta, temperature);
      continue;
    }
    const before = localValue(search, move);
    applyMove(search, move);
    if (!breaksNoRule(search, move)) {
      undoMove(search, move);
      continue;
    }
    const delta = localValue(search, move) - before;
    if (delta >= 0 || rng.next() < Math.exp(delta / temperature)) {
      search.current += delta;
      search.saveIfBest();
    } else undoMove(search, move);
  }
}

/** A booth of the mover's class: in its home zone, next to its cluster, among its preferences, or any free one. */
function pickTarget(search: SearchState, exhibitor: number, classIndex: number, pZone: number): number {
  const { model, pinnedExhibitorAt } = search.ctx;
  const { rng } = search;
  const r = rng.next();
  if (r < pZone) {
    const homeZoneBooths = search.zoneBooths[exhibitor]!;
    if (homeZoneBooths.length > 0) return homeZoneBooths[rng.int(homeZoneBooths.length)]!;
  } else if (model.clusterWeight > 0 && r < pZone + 0.4) {
    const members = model.clusterMembers[model.clusterOf[exhibitor]!]!;
    const member = members[rng.int(members.length)]!;
    const boothOfMember = search.boothOf[member]!;
    if (boothOfMember >= 0) {
      const neighbours = model.adjacent[boothOfMember]!;
      const neighbour = neighbours[rng.int(neighbours.length)];
      if (neighbour !== undefined && model.boothClass[neighbour] === classIndex && pinnedExhibitorAt[neighbour]! < 0) return neighbour;
    }
  } else if (r < pZone + 0.5) {
    const preferredBooths = search.prefBooths[exhibitor]!;
    if (preferredBooths.length > 0) return preferredBooths[rng.int(preferredBooths.length)]!;
  }
  const freeOfClass = search.freeBooths[classIndex]!;
  return freeOfClass[rng.int(freeOfClass.length)]!;
}

/** Fills `move`; false when the drawn move is no move at all. */
function proposeMove(search: SearchState, move: Move, mover: number, classIndex: number, fromBooth: number, toBooth: number, occupant: number): boolean {
  const { model, pinnedBoothOf } = search.ctx;
  const { exhibitorAt, rng, freeBooths } = search;
  const { booths, newOccupants } = move;
  if (fromBooth >= 0) {
    if (occupant >= 0 && rng.next() < 0.2 && freeBooths[classIndex]!.length > 2) {
      // 3-rotation / ejection chain: mover → toBooth, occupant → thirdBooth, (its occupant → fromBooth)
      const thirdBooth = freeBooths[classIndex]![rng.int(freeBooths[classIndex]!.length)]!;
      if (thirdBooth === fromBooth || thirdBooth === toBooth) return false;
      booths[0] = fromBooth;
      booths[1] = toBooth;
      booths[2] = thirdBooth;
      move.size = 3;
      newOccupants[0] = exhibitorAt[thirdBooth]!;
      newOccupants[1] = mover;
      newOccupants[2] = occupant;
    } else {
      booths[0] = fromBooth;
      booths[1] = toBooth;
      move.size = 2;
      newOccupants[0] = occupant;
      newOccupants[1] = mover;
    }
    return true;
  }
  // unplaced: insert into an empty booth or replace its occupant, ejecting competitors next
  // door (ejecting one competitor of another size keeps the count: a cross-class trade)
  booths[0] = toBooth;
  move.size = 1;
  newOccupants[0] = mover;
  const competitorsOfMover = model.competitors[mover]!;
  if (competitorsOfMover.length) {
    const neighbours = model.adjacent[toBooth]!;
    for (let q = 0; q < neighbours.length && move.size < booths.length; q++) {
      const other = exhibitorAt[neighbours[q]!]!;
      if (other < 0 || pinnedBoothOf[other]! >= 0) continue;
      for (let r = 0; r < competitorsOfMover.length; r++) {
        if (competitorsOfMover[r] === other) {
          booths[move.size] = neighbours[q]!;
          newOccupants[move.size++] = -1;
          break;
        }
      }
    }
  }
  return true;
}

/**
 * The fast path for a move or swap: the mover goes fromBooth → toBooth, the occupant (or nobody)
 * toBooth → fromBooth; delta and rules are computed without touching the state. The edge between
 * the two booths keeps the same pair either way.
 */
function moveOrSwap(search: SearchState, mover: number, fromBooth: number, toBooth: number, occupant: number, linearDelta: number, temperature: number): void {
  const { model } = search.ctx;
  const { exhibitorAt, boothOf, rng } = search;
  const moverCluster = model.clusterOf[mover]!;
  const occupantCluster = occupant >= 0 ? model.clusterOf[occupant]! : -1;
  let clusterDelta = 0;
  const aroundTo = model.adjacent[toBooth]!;
  for (let q = 0; q < aroundTo.length; q++) {
    const neighbour = aroundTo[q]!;
    if (neighbour === fromBooth) continue;
    const other = exhibitorAt[neighbour]!;
    if (other < 0) continue;
    const clusterOfNeighbour = model.clusterOf[other]!;
    if (clusterOfNeighbour === moverCluster) clusterDelta++;
    if (clusterOfNeighbour === occupantCluster) clusterDelta--;
  }
  const aroundFrom = model.adjacent[fromBooth]!;
  for (let q = 0; q < aroundFrom.length; q++) {
    const neighbour = aroundFrom[q]!;
    if (neighbour === toBooth) continue;
    const other = exhibitorAt[neighbour]!;
    if (other < 0) continue;
    const clusterOfNeighbour = model.clusterOf[other]!;
    if (clusterOfNeighbour === moverCluster) clusterDelta--;
    if (clusterOfNeighbour === occupantCluster) clusterDelta++;
  }
  const delta = linearDelta + model.clusterWeight * clusterDelta;
  if (delta < 0 && !(rng.next() < Math.exp(delta / temperature))) return;
  // hard rule: no competitor next to the new places
  const competitorsOfMover = model.competitors[mover]!;
  if (competitorsOfMover.length) {
    for (let q = 0; q < aroundTo.length; q++) {
      const neighbour = aroundTo[q]!;
      const other = neighbour === fromBooth ? occupant : exhibitorAt[neighbour]!;
      if (other >= 0) for (let r = 0; r < competitorsOfMover.length; r++) if (competitorsOfMover[r] === other) return;
    }
  }
  if (occupant >= 0) {
    const competitorsOfOccupant = model.competitors[occupant]!;
    if (competitorsOfOccupant.length) {
      for (let q = 0; q < aroundFrom.length; q++) {
        const neighbour = aroundFrom[q]!;
        if (neighbour === toBooth) continue; // the mover–occupant pair was checked above
        const other = exhibitorAt[neighbour]!;
        if (other >= 0) for (let r = 0; r < competitorsOfOccupant.length; r++) if (competitorsOfOccupant[r] === other) return;
      }
    }
  }
  exhibitorAt[fromBooth] = occupant;
  exhibitorAt[toBooth] = mover;
  boothOf[mover] = toBooth;
  if (occupant >= 0) boothOf[occupant] = fromBooth;
  search.current += delta;
  search.saveIfBest();
}

/** The objective's share of the move's booths: placements, values and the cluster pairs they touch (each once). */
function localValue(search: SearchState, move: Move): number {
  const { model, bonus } = search.ctx;
  const { exhibitorAt } = search;
  const { valuesFlat, valuesOffset, boothPlaceInClass, clusterWeight } = model;
  let sum = 0;
  for (let k = 0; k < move.size; k++) {
    const booth = move.booths[k]!;
    const exhibitor = exhibitorAt[booth]!;
    if (exhibitor < 0) continue;
    sum += bonus + valuesFlat[valuesOffset[exhibitor]! + boothPlaceInClass[booth]!]!;
    if (clusterWeight !== 0) {
      const cluster = model.clusterOf[exhibitor]!;
      const neighbours = model.adjacent[booth]!;
      for (let q = 0; q < neighbours.length; q++) {
        const neighbour = neighbours[q]!;
        const other = exhibitorAt[neighbour]!;
        if (other >= 0 && model.clusterOf[other] === cluster && (neighbour > booth || !move.includes(neighbour))) sum += clusterWeight;
      }
    }
  }
  return sum;
}

/** No exhibitor on the move's booths has a competitor next door. */
function breaksNoRule(search: SearchState, move: Move): boolean {
  const { model } = search.ctx;
  const { exhibitorAt } = search;
  for (let k = 0; k < move.size; k++) {
    const booth = move.booths[k]!;
    const exhibitor = exhibitorAt[booth]!;
    if (exhibitor < 0) continue;
    const competitors = model.competitors[exhibitor]!;
    if (competitors.length === 0) continue;
    const neighbours = model.adjacent[booth]!;
    for (let q = 0; q < neighbours.length; q++) {
      const other = exhibitorAt[neighbours[q]!]!;
      if (other >= 0) for (let r = 0; r < competitors.length; r++) if (competitors[r] === other) return false;
    }
  }
  return true;
}

function applyMove(search: SearchState, move: Move): void {
  const { exhibitorAt, boothOf } = search;
  const { booths, newOccupants, oldOccupants } = move;
  for (let k = 0; k < move.size; k++) {
    oldOccupants[k] = exhibitorAt[booths[k]!]!;
    if (oldOccupants[k]! >= 0) boothOf[oldOccupants[k]!] = -1;
  }
  for (let k = 0; k < move.size; k++) {
    exhibitorAt[booths[k]!] = newOccupants[k]!;
    if (newOccupants[k]! >= 0) boothOf[newOccupants[k]!] = booths[k]!;
  }
}

function undoMove(search: SearchState, move: Move): void {
  const { exhibitorAt, boothOf } = search;
  const { booths, newOccupants, oldOccupants } = move;
  for (let k = 0; k < move.size; k++) if (newOccupants[k]! >= 0) boothOf[newOccupants[k]!] = -1;
  for (let k = 0; k < move.size; k++) {
    exhibitorAt[booths[k]!] = oldOccupants[k]!;
    if (oldOccupants[k]! >= 0) boothOf[oldOccupants[k]!] = booths[k]!;
  }
}
