import { createRng } from '../rng/seeding.js';
import { requireIntegerIn, requireUint32 } from './designArgumentError.js';
import { openUniform } from './distribution.js';

/**
 * `n` independent uniform points in the open unit cube (simple Monte Carlo, e.g. a virtual cohort). Column d comes
 * from its own stream `createRng(seed, d)`, one uniform per point, so the first columns do not change when
 * dimensions are added.
 */
export function randomPoints(n: number, dimensions: number, seed: number): number[][] {
  requireIntegerIn('n', n, 0, 10_000_000);
  requireIntegerIn('dimensions', dimensions, 1, 100_000);
  requireUint32('seed', seed);
  const points = Array.from({ length: n }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const rng = createRng(seed, d);
    for (let i = 0; i < n; i++) points[i]![d] = openUniform(rng);
  }
  return points;
}
