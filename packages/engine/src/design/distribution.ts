import type { UniformSource } from '../rng/types.js';

/** The kinds of distribution a virtual cohort or a design can draw parameters from. */
export type DistributionKind = 'uniform' | 'log-uniform' | 'normal' | 'log-normal';

/**
 * A continuous distribution of one parameter. Designs map points of the unit cube through `quantile`, so the
 * same design works for every distribution; `sample` draws by inversion too, one uniform per draw.
 */
export interface Distribution {
  /** The distribution before any truncation. */
  readonly kind: DistributionKind;
  /** Whether it is truncated to [support[0], support[1]]. */
  readonly truncated: boolean;
  /** The smallest and largest values it can give (−∞ / +∞ for unbounded tails). */
  readonly support: readonly [number, number];
  /** Its mean, or undefined where it is not defined. */
  readonly mean: number | undefined;
  /** The natural logarithm of the density at x (−∞ outside the support): what a prior contributes to a posterior. */
  logDensity(x: number): number;
  /** The distribution function P(X ≤ x). */
  cdf(x: number): number;
  /** The survival function P(X > x), precise where it is small (the upper tail). */
  survival(x: number): number;
  /** The inverse distribution function for `u` in [0, 1] (`quantile(0)` and `quantile(1)` are the support's ends). */
  quantile(u: number): number;
  /** The value exceeded with probability `q`: quantile(1 − q), precise for small q (the upper tail). */
  upperQuantile(q: number): number;
  /** One draw by inversion of a uniform in (0, 1) from `rng` (a zero is drawn again). */
  sample(rng: UniformSource): number;
}

/** A uniform in the open interval (0, 1) from `rng`: zero (probability 2⁻⁵³) is drawn again. */
export function openUniform(rng: UniformSource): number {
  for (;;) {
    const u = rng.uniform();
    if (u > 0) return u;
  }
}
