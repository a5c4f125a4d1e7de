import type { Rng } from '@immunotwin/engine';

/**
 * The neighbour of `site` with most of `field`, scanning the 8 Moore directions from `start` round (the first of
 * equals wins, so ties go to a random direction); the neighbour at `start` where the field is 0 all round (−1
 * where that one is beyond the edge).
 */
export function steepestNeighbour(site: number, neighbours: Int32Array, field: Float32Array, start: number): number {
  let best = neighbours[8 * site + start];
  let most = 0;
  for (let j = 0; j < 8; j++) {
    const n = neighbours[8 * site + ((start + j) & 7)];
    if (n >= 0 && field[n] > most) {
      most = field[n];
      best = n;
    }
  }
  return best;
}

/**
 * One move of a cell at `site`: with probability `bias` to the neighbour with most of `field`, else to a random
 * neighbour; the site itself where the chosen neighbour is beyond the edge. Two draws when `bias` > 0, one otherwise.
 */
export function hop(site: number, neighbours: Int32Array, field: Float32Array, bias: number, rng: Rng): number {
  const to =
    bias > 0 && rng.uniform() < bias
      ? steepestNeighbour(site, neighbours, field, rng.integer(8))
      : neighbours[8 * site + rng.integer(8)];
  return to >= 0 ? to : site;
}

/** Whole moves in a step of mean `moves` moves: its integer part, plus one with probability its fraction. */
export function movesThisStep(moves: number, rng: Rng): number {
  const whole = Math.floor(moves);
  const fraction = moves - whole;
  return fraction > 0 && rng.uniform() < fraction ? whole + 1 : whole;
}
