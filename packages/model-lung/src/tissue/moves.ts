import { mooreNeighbour, type Rng, type SiteBox } from '@immunotwin/engine';

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

/** Where a move may skip reading memory: the lattice's size and a box holding every site where its field is not 0. */
export interface MoveRegion {
  /** Sites per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** Holds every site where the field the cell climbs is not 0. */
  readonly box: Readonly<SiteBox>;
}

/**
 * One move of a cell at `site`: with probability `bias` to the neighbour with most of `field`, else to a random
 * neighbour; the site itself where the chosen neighbour is beyond the edge. Two draws when `bias` > 0, one otherwise.
 * With a `region` (a closed lattice), a move away from the field's box reads neither the field (0 all round) nor
 * the neighbour table (computed): the same move results.
 */
export function hop(
  site: number,
  neighbours: Int32Array,
  field: Float32Array,
  bias: number,
  rng: Rng,
  region?: MoveRegion,
): number {
  let to: number;
  const away = region !== undefined && awayFrom(region.box, site, region.width);
  if (bias > 0 && rng.uniform() < bias) {
    const start = rng.integer(8);
    if (!away) to = steepestNeighbour(site, neighbours, field, start);
    else to = mooreNeighbour(site, start, region.width, region.height);
  } else {
    const k = rng.integer(8);
    to = away ? mooreNeighbour(site, k, region.width, region.height) : neighbours[8 * site + k];
  }
  return to >= 0 ? to : site;
}

/** Whether no Moore neighbour of `site` (on a lattice `width` wide) is in `box`. */
function awayFrom(box: Readonly<SiteBox>, site: number, width: number): boolean {
  if (box[0] > box[2] || box[1] > box[3]) return true;
  const y = (site / width) | 0;
  const x = site - y * width;
  return x < box[0] - 1 || x > box[2] + 1 || y < box[1] - 1 || y > box[3] + 1;
}

/** Whether `site` (on a lattice `width` wide) is in `box`. */
export function inBox(box: Readonly<SiteBox>, site: number, width: number): boolean {
  const y = (site / width) | 0;
  const x = site - y * width;
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Whole moves in a step of mean `moves` moves: its integer part, plus one with probability its fraction. */
export function movesThisStep(moves: number, rng: Rng): number {
  const whole = Math.floor(moves);
  const fraction = moves - whole;
  return fraction > 0 && rng.uniform() < fraction ? whole + 1 : whole;
}
