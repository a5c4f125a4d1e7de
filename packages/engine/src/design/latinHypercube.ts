import { createRng } from '../rng/seeding.js';
import { requireIntegerIn, requireUint32 } from './designArgumentError.js';
import { openUniform } from './distribution.js';

/** Options of {@link latinHypercube}. */
export interface LatinHypercubeOptions {
  /** Put each point at the centre of its stratum instead of uniformly within it (default false). */
  centered?: boolean;
}

/**
 * A Latin hypercube of `n` points in `dimensions` dimensions: in every dimension each of the n strata
 * [k/n, (k+1)/n) holds exactly one point. Column d comes from its own stream `createRng(seed, d)`: a Fisher–Yates
 * permutation of the strata (draws `integer(n − i)` for i = 0 … n − 2), then, unless centred, n uniforms in (0, 1)
 * placing each point inside its stratum. So the first columns do not change when dimensions are added.
 */
export function latinHypercube(
  n: number,
  dimensions: number,
  seed: number,
  options: LatinHypercubeOptions = {},
): number[][] {
  requireIntegerIn('n', n, 1, 10_000_000);
  requireIntegerIn('dimensions', dimensions, 1, 100_000);
  requireUint32('seed', seed);
  const points = Array.from({ length: n }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const rng = createRng(seed, d);
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n - 1; i++) {
      const j = i + rng.integer(n - i);
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let i = 0; i < n; i++) {
      const offset = options.centered ? 0.5 : openUniform(rng);
      points[i]![d] = (strata[i]! + offset) / n;
    }
  }
  return points;
}
