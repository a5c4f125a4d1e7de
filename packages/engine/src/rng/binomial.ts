import { exp, log, log1p } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';
import { logBinomialPmf } from './logPmf.js';
import type { UniformSource } from './types.js';

/** n·p below this uses inversion (about n·p + 1 steps); larger n·p uses BTRD. */
const INVERSION_LIMIT = 10;

/** |k − mode| up to this is checked by multiplying pmf ratios; beyond it, through log-probabilities. */
const RECURSION_LIMIT = 15;

/**
 * A binomial variate: the number of successes in `n` trials (an integer in [0, 2^53 − 1]) with success
 * probability `p` in [0, 1]. Exact (up to floating-point rounding) for every n and p: p > ½ is mapped
 * to n − Binomial(n, 1 − p); then n·p < 10 uses sequential-search inversion and larger n·p Hörmann's
 * BTRD (transformed rejection with decomposition, 1993), whose cost does not grow with n.
 */
export function sampleBinomial(source: UniformSource, n: number, p: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    rejectArgument('n', n, `an integer in [0, ${Number.MAX_SAFE_INTEGER}]`);
  }
  if (!(Number.isFinite(p) && p >= 0 && p <= 1)) rejectArgument('p', p, 'a number in [0, 1]');
  if (p > 0.5) return n - sampleBinomialAtMostHalf(source, n, 1 - p);
  return sampleBinomialAtMostHalf(source, n, p);
}

function sampleBinomialAtMostHalf(source: UniformSource, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  return n * p < INVERSION_LIMIT ? binomialByInversion(source, n, p) : binomialByTransformedRejection(source, n, p);
}

/** Inversion by sequential search from 0 using P(k)/P(k − 1) = ((n + 1)/k − 1)·p/q; needs p ≤ ½. */
function binomialByInversion(source: UniformSource, n: number, p: number): number {
  const odds = p / (1 - p);
  const scaledOdds = (n + 1) * odds;
  const probabilityOfZero = exp(n * log1p(-p));
  for (;;) {
    let u = source.uniform();
    let k = 0;
    let probability = probabilityOfZero;
    while (u >= probability) {
      u -= probability;
      k++;
      probability *= scaledOdds / k - odds;
      // Only rounding can leave u above the remaining mass; then we run past n or underflow, and redraw.
      if (k > n || !(probability > 0)) break;
    }
    if (k <= n && probability > 0) return k;
  }
}

/**
 * Hörmann's BTRD for n·p ≥ 10 and p ≤ ½: most draws are accepted from the central part of the
 * transformed-rejection hat; the rest are checked against the exact ratio P(k)/P(mode), by recursion
 * near the mode, a squeeze, or stable log-probabilities (Loader's saddle-point form) far from it.
 */
function binomialByTransformedRejection(source: UniformSource, n: number, p: number): number {
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  const odds = p / q;
  const scaledOdds = (n + 1) * odds;
  const variance = n * p * q;
  const sd = Math.sqrt(variance);
  const b = 1.15 + 2.53 * sd;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * sd;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  let logPmfAtMode = NaN;

  for (;;) {
    let v = source.uniform();
    let u: number;
    if (v <= urvr) {
      // Central region: accept immediately.
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = source.uniform() - 0.5;
    } else {
      // The thin strip beside the central region: reuse v for u and draw a fresh v.
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = source.uniform() * vr;
    }

    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const distance = Math.abs(k - mode);

    if (distance <= RECURSION_LIMIT) {
      // Compare v with P(k)/P(mode), built from successive ratios.
      let ratio = 1;
      if (mode < k) {
        for (let i = mode + 1; i <= k; i++) ratio *= scaledOdds / i - odds;
      } else if (mode > k) {
        for (let i = k + 1; i <= mode; i++) v *= scaledOdds / i - odds;
      }
      if (v <= ratio) return k;
      continue;
    }

    // Squeeze: log(P(k)/P(mode)) lies within rho of t.
    const logV = log(v);
    const rho = (distance / variance) * (((distance / 3 + 0.625) * distance + 1 / 6) / variance + 0.5);
    const t = (-distance * distance) / (2 * variance);
    if (logV < t - rho) return k;
    if (logV > t + rho) continue;

    if (Number.isNaN(logPmfAtMode)) logPmfAtMode = logBinomialPmf(mode, n, p);
    if (logV <= logBinomialPmf(k, n, p) - logPmfAtMode) return k;
  }
}
