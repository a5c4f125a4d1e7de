import { normalQuantile } from '../stats/standardNormal.js';

/**
 * The `level` quantile of the χ² distribution with one degree of freedom: z², z the (1 + level)/2 normal quantile
 * (χ²₁ is the square of a standard normal), e.g. 3.841458820694124 at 0.95.
 */
export function chiSquare1Quantile(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be a number in (0, 1); got ${String(level)}`);
  return normalQuantile((1 + level) / 2) ** 2;
}
