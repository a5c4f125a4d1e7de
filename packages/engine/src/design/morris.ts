import { createRng } from '../rng/seeding.js';
import { rejectField, requireIntegerIn, requireUint32 } from './designArgumentError.js';

/** The number of levels of a Morris grid when a design gives none (SALib's default too). */
export const MORRIS_DEFAULT_LEVELS = 4;

/**
 * Checks the number of levels of a Morris grid: an even integer in [2, 1000000] (an even p makes every level reach
 * exactly one other level by the jump Δ = p / (2 (p − 1)), so all levels are equally likely).
 */
export function requireMorrisLevels(levels: number): void {
  if (!(Number.isInteger(levels) && levels >= 2 && levels <= 1_000_000 && levels % 2 === 0)) {
    rejectField('levels', levels, 'an even integer in [2, 1000000]');
  }
}

/**
 * Morris' one-at-a-time trajectories (M. D. Morris, "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33 (1991) 161–174) on the grid of `levels` values {0, 1/(p − 1), …, 1} per coordinate,
 * p = `levels` (even). Each of the `r` trajectories has `dimensions` + 1 rows: a random start, then each coordinate
 * moved once, in a random order, by the jump Δ = p / (2 (p − 1)) (up from the lower half of the levels, down from
 * the upper half). Trajectory t occupies rows t (d + 1) … t (d + 1) + d, so the design has r (d + 1) rows.
 *
 * The start of coordinate i is a base level b_i drawn uniformly from the lower p/2 levels, moved up by the jump with
 * probability 1/2 (Morris' x* and the signs D*), so every level is equally likely; the order of the moves is a
 * uniform permutation (P*). Trajectory t draws from its own stream `createRng(seed, t)` — for each coordinate
 * `integer(p/2)` then `integer(2)`, then a Fisher–Yates permutation (`integer(d − i)` for i = 0 … d − 2) — so the
 * first trajectories do not change when more are asked for.
 */
export function morrisTrajectories(r: number, dimensions: number, levels: number, seed: number): number[][] {
  requireIntegerIn('r', r, 1, 10_000_000);
  requireIntegerIn('dimensions', dimensions, 1, 100_000);
  requireMorrisLevels(levels);
  requireUint32('seed', seed);
  requireIntegerIn('r·(dimensions + 1) (the rows of the design)', r * (dimensions + 1), 1, 10_000_000);
  const jump = levels / 2;
  const top = levels - 1;
  const rows: number[][] = [];
  const level = new Array<number>(dimensions);
  const order = new Array<number>(dimensions);
  for (let t = 0; t < r; t++) {
    const rng = createRng(seed, t);
    for (let i = 0; i < dimensions; i++) {
      const base = rng.integer(jump);
      level[i] = rng.integer(2) === 0 ? base : base + jump;
      order[i] = i;
    }
    for (let i = 0; i < dimensions - 1; i++) {
      const j = i + rng.integer(dimensions - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    rows.push(level.map((l) => l / top));
    for (const i of order) {
      level[i] = level[i]! < jump ? level[i]! + jump : level[i]! - jump;
      rows.push(level.map((l) => l / top));
    }
  }
  return rows;
}
