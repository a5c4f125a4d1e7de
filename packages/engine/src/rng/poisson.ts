import { exp, log } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';
import { logPoissonPmf } from './logPmf.js';
import type { UniformSource } from './types.js';

/**
 * Largest accepted Poisson mean, 2^52: up to it, the mean plus any plausible deviation stays an
 * exactly representable integer.
 */
export const MAX_POISSON_MEAN = 2 ** 52;

/** Means below this use inversion (about mean + 1 steps); larger means use PTRS. */
const INVERSION_LIMIT = 10;

/**
 * A Poisson variate with the given mean in [0, 2^52]. Exact (up to floating-point rounding) for every
 * mean: sequential-search inversion for means below 10, and Hörmann's transformed rejection with
 * squeeze (PTRS, 1993) above, whose cost does not grow with the mean.
 */
export function samplePoisson(source: UniformSource, mean: number): number {
  if (!(Number.isFinite(mean) && mean >= 0 && mean <= MAX_POISSON_MEAN)) {
    rejectArgument('mean', mean, `a finite number in [0, ${MAX_POISSON_MEAN}]`);
  }
  if (mean === 0) return 0;
  return mean < INVERSION_LIMIT ? poissonByInversion(source, mean) : poissonByTransformedRejection(source, mean);
}

/** Inversion by sequential search from 0, for small means. */
function poissonByInversion(source: UniformSource, mean: number): number {
  const probabilityOfZero = exp(-mean);
  for (;;) {
    let u = source.uniform();
    let k = 0;
    let probability = probabilityOfZero;
    while (u >= probability) {
      u -= probability;
      k++;
      probability *= mean / k;
      // Only rounding can leave u above the remaining mass; then the term underflows and we redraw.
      if (probability === 0) break;
    }
    if (probability > 0) return k;
  }
}

/**
 * Hörmann's PTRS: a transformed-rejection proposal k = ⌊(2a/us + b)·U + mean + 0.43⌋ with a cheap
 * acceptance region, a quick rejection of the far tails, and an exact test against log P(k) otherwise.
 */
function poissonByTransformedRejection(source: UniformSource, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4));
  const acceptanceLimit = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = source.uniform() - 0.5;
    const v = source.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptanceLimit) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const logHatRatio = log(v) + logInverseAlpha - log(a / (us * us) + b);
    if (logHatRatio <= logPoissonPmf(k, mean)) return k;
  }
}
