/**
 * A source of uniformly distributed doubles in [0, 1). The samplers only need this, so they can be
 * tested against any generator.
 */
export interface UniformSource {
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
}

/**
 * The engine's random number generator. Every random draw in a simulation comes from one of these,
 * seeded per run and derived per replicate, so results never depend on scheduling or platform.
 */
export interface Rng extends UniformSource {
  /** The next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform integer in [0, n) without modulo bias; `n` is a positive integer ≤ 2^32. */
  integer(n: number): number;
  /** A normal variate with the given mean and standard deviation (defaults 0 and 1). */
  normal(mean?: number, sd?: number): number;
  /** An exponential variate with the given rate (mean 1/rate); `rate` > 0. */
  exponential(rate: number): number;
  /** A Poisson variate with the given mean ≥ 0; exact for small and large means. */
  poisson(mean: number): number;
  /** A binomial variate: successes in `n` trials (integer ≥ 0) with probability `p` in [0, 1]. */
  binomial(n: number, p: number): number;
  /** A copy of the generator state, for snapshots. */
  getState(): Uint32Array;
  /** Restores a state taken with `getState()`. */
  setState(state: Uint32Array): void;
  /**
   * An independent generator derived from this one's seed and `index` (e.g. a replicate or agent
   * stream). The derivation depends only on (seed, path of indices), never on how many numbers were drawn.
   */
  stream(index: number): Rng;
}
