import { log } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';

/** ½·log(2π). */
export const HALF_LOG_TWO_PI = 0.9189385332046728;

/** Below this size log k! comes from the table; at or above it, from the Stirling series. */
const TABLE_SIZE = 32;

/** log k! for k < TABLE_SIZE, from the floating-point factorials (relative error ≤ k·2^-53 each). */
const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const table = new Float64Array(TABLE_SIZE);
  let factorial = 1;
  for (let k = 1; k < TABLE_SIZE; k++) {
    factorial *= k;
    table[k] = log(factorial);
  }
  return table;
})();

function requireCount(k: number): void {
  if (!Number.isSafeInteger(k) || k < 0) {
    rejectArgument('k', k, `an integer in [0, ${Number.MAX_SAFE_INTEGER}]`);
  }
}

/**
 * The error of Stirling's formula, log k! − [(k + ½)·log k − k + ½·log(2π)], for an integer k ≥ 1
 * (it is about 1/(12k)). Exact to ~1e-14 absolute from the table for small k, and from the
 * asymptotic series 1/(12k) − 1/(360k³) + 1/(1260k⁵) − 1/(1680k⁷) + 1/(1188k⁹) for k ≥ 32.
 */
export function stirlingError(k: number): number {
  requireCount(k);
  if (k === 0) rejectArgument('k', k, 'an integer ≥ 1 (log 0 is undefined)');
  if (k < TABLE_SIZE) {
    return LOG_FACTORIAL_TABLE[k] - ((k + 0.5) * log(k) - k + HALF_LOG_TWO_PI);
  }
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  return (
    inverse *
    (1 / 12 -
      inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared * (1 / 1680 - inverseSquared / 1188))))
  );
}

/** log k! for an integer k ≥ 0: from a table for k < 32, from the Stirling series above. */
export function logFactorial(k: number): number {
  requireCount(k);
  if (k < TABLE_SIZE) return LOG_FACTORIAL_TABLE[k];
  return (k + 0.5) * log(k) - k + HALF_LOG_TWO_PI + stirlingError(k);
}
