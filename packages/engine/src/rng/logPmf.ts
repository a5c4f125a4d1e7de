import { log, log1p } from '../math/portableMath.js';
import { HALF_LOG_TWO_PI, stirlingError } from './logFactorial.js';

/** Above this |x − m| / (x + m) the deviance is computed directly; below it, by its series. */
const SERIES_LIMIT = 0.1;

/**
 * The deviance term x·log(x/m) + m − x for x ≥ 0 and m > 0 (Loader's saddle-point "bd0"). When x is
 * close to m it sums the series in v = (x − m)/(x + m), avoiding the cancellation of the direct
 * formula, so log-probabilities stay accurate for means up to 1e9 and beyond.
 */
export function devianceTerm(x: number, m: number): number {
  if (x === 0) return m;
  const difference = x - m;
  if (Math.abs(difference) >= SERIES_LIMIT * (x + m)) {
    return x * log(x / m) - difference;
  }
  // x·log(x/m) = 2x·(v + v³/3 + v⁵/5 + …) and m − x = −v·(x + m), whose leading terms sum to v·(x − m).
  const v = difference / (x + m);
  const vSquared = v * v;
  let sum = difference * v;
  let power = 2 * x * v;
  for (let j = 1; j < 1000; j++) {
    power *= vSquared;
    const next = sum + power / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}

/** log P(K = k) for K ~ Poisson(mean), for an integer k ≥ 0 and a finite mean ≥ 0. */
export function logPoissonPmf(k: number, mean: number): number {
  if (mean === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -mean;
  return -stirlingError(k) - devianceTerm(k, mean) - 0.5 * log(k) - HALF_LOG_TWO_PI;
}

/** log P(K = k) for K ~ Binomial(n, p), for integers 0 ≤ k ≤ n and p in [0, 1]. */
export function logBinomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  if (k === 0) return n * log1p(-p);
  if (k === n) return n * log(p);
  const q = 1 - p;
  return (
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    devianceTerm(k, n * p) -
    devianceTerm(n - k, n * q) +
    0.5 * log(n / (k * (n - k))) -
    HALF_LOG_TWO_PI
  );
}
