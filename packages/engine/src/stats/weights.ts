import { exp, log } from '../math/portableMath.js';

/**
 * Weighted-sample arithmetic shared by ABC-SMC and the particle filter: log-weights to normalised weights,
 * the effective sample size, weighted moments and quantiles, and drawing an index by its weight.
 */

/** log Σ exp(values[i]), without overflow; −∞ for an empty list or when every value is −∞. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === Number.NEGATIVE_INFINITY) return max;
  if (max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += exp(values[i] - max);
  return max + log(sum);
}

/**
 * Normalised weights (summing to 1) from log-weights, written into `out`, and log of the mean of the unnormalised
 * weights (log (1/n) Σ exp(logWeights)), the particle filter's incremental log-likelihood. Returns −∞ (and leaves
 * `out` uniform) when every weight is zero.
 */
export function normalizeLogWeights(logWeights: ArrayLike<number>, out: Float64Array): number {
  const n = logWeights.length;
  const total = logSumExp(logWeights);
  if (total === Number.NEGATIVE_INFINITY || Number.isNaN(total)) {
    out.fill(1 / n);
    return Number.NEGATIVE_INFINITY;
  }
  for (let i = 0; i < n; i++) out[i] = exp(logWeights[i] - total);
  return total - log(n);
}

/** Kish's effective sample size (Σw)² / Σw² of non-negative weights (n for equal weights, 1 for one non-zero). */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    squares += weights[i] * weights[i];
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * The weighted q-quantile of `values`: the smallest value whose cumulative normalised weight (values in ascending
 * order) reaches q. With equal weights it is the order statistic ⌈q·n⌉ (Hyndman & Fan type 1).
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] / total;
    if (cumulative >= q * (1 - 1e-12)) return values[i];
  }
  return values[order[n - 1]];
}

/**
 * Weighted mean (length d) and covariance (d × d, row-major, divided by Σw — the plug-in estimate) of n points
 * stored row-major (`points[i·d + k]`), with weights summing to anything positive.
 */
export function weightedMoments(
  points: ArrayLike<number>,
  n: number,
  d: number,
  weights: ArrayLike<number>,
): { mean: Float64Array; covariance: Float64Array } {
  const mean = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights[i];
    for (let k = 0; k < d; k++) mean[k] += weights[i] * points[i * d + k];
  }
  for (let k = 0; k < d; k++) mean[k] /= total;
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const w = weights[i] / total;
    for (let a = 0; a < d; a++) {
      const da = points[i * d + a] - mean[a];
      for (let b = 0; b <= a; b++) covariance[a * d + b] += w * da * (points[i * d + b] - mean[b]);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) covariance[b * d + a] = covariance[a * d + b];
  return { mean, covariance };
}

/**
 * The index i with cumulative[i − 1] ≤ u·total < cumulative[i] (binary search), where `cumulative` holds running
 * sums of non-negative weights and total is its last entry: an index drawn with probability proportional to its
 * weight when u is uniform in [0, 1).
 */
export function indexOfCumulative(cumulative: ArrayLike<number>, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of `weights` (a fresh array). */
export function cumulativeSums(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}
