import { mooreNeighbour, mooreNeighbourAt, type Rng, type SiteBox } from '@immunotwin/engine';

/**
 * The neighbour of `site` (on a closed `width × height` section) with most of `field`, scanning the 8 Moore
 * directions from `start` round (the first of equals wins, so ties go to a random direction); the neighbour at
 * `start` where the field is 0 all round (−1 where that one is beyond the edge). Neighbours are computed, not
 * read from a table.
 */
export function steepestNeighbour(
  site: number,
  width: number,
  height: number,
  field: Float32Array,
  start: number,
): number {
  const y = (site / width) | 0;
  const x = site - y * width;
  let best = mooreNeighbourAt(x, y, start, width, height);
  let most = 0;
  for (let j = 0; j < 8; j++) {
    const n = mooreNeighbourAt(x, y, (start + j) & 7, width, height);
    if (n >= 0 && field[n] > most) {
      most = field[n];
      best = n;
    }
  }
  return best;
}

/**
 * A uniform Moore direction 0…7 from one draw: its top 3 bits, exactly what `rng.integer(8)` gives (Lemire's
 * method never rejects for a power of two, and its multiply-shift of x by 8 is x >>> 29), without that method's
 * checks and arithmetic in the hottest loops.
 */
export function direction(rng: Rng): number {
  return rng.nextUint32() >>> 29;
}

/**
 * One move of a cell at `site` of a closed `width × height` section: with probability `bias` to the neighbour
 * with most of `field`, else to a random neighbour; the site itself where the chosen neighbour is beyond the
 * edge. Two draws when `bias` > 0, one otherwise. With a `box` holding every site where `field` is not 0, a move
 * away from it does not read the field (0 all round): the same move results.
 */
export function hop(
  site: number,
  width: number,
  height: number,
  field: Float32Array,
  bias: number,
  rng: Rng,
  box?: Readonly<SiteBox>,
): number {
  let to: number;
  if (bias > 0 && rng.uniform() < bias) {
    const start = direction(rng);
    to =
      box !== undefined && awayFrom(box, site, width)
        ? mooreNeighbour(site, start, width, height)
        : steepestNeighbour(site, width, height, field, start);
  } else {
    to = mooreNeighbour(site, direction(rng), width, height);
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
