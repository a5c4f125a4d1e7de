import { exp, log, log1p } from '../math/portableMath.js';

/**
 * The standard normal distribution's density, distribution function and quantile function, written for this
 * engine (no library): Φ by its power series near zero and by the continued fraction of Mills' ratio in the
 * tails (both accurate to a few units in the last place of the lower-tail probability); Φ⁻¹ by Acklam's rational
 * approximation (relative error < 1.15e-9) refined by one step of Halley's method, which brings it to full
 * double precision.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_SQRT_2PI = 0.5 * log(2 * Math.PI);

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  return exp(-0.5 * x * x) / SQRT_2PI;
}

/** log φ(x) = −x²/2 − log √(2π), without underflow far in the tails. */
export function normalLogPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

/** Φ(x) for x ≤ 0, computed as a lower-tail probability so that it keeps its relative precision. */
function lowerTail(x: number): number {
  const z = -x;
  if (z < 1) {
    // Φ(−z) = 1/2 − φ(z) (z + z³/3 + z⁵/(3·5) + …): every term positive, so no cancellation in the sum, and
    // Φ(−z) > 0.15 here, so the final subtraction loses less than two bits.
    let term = z;
    let sum = z;
    for (let n = 1; n < 100 && term > 1e-17 * sum; n++) {
      term *= (z * z) / (2 * n + 1);
      sum += term;
    }
    return 0.5 - normalPdf(z) * sum;
  }
  if (z === Number.POSITIVE_INFINITY) return 0;
  return normalPdf(z) / millsDenominator(z);
}

/**
 * Φ(−z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))) for z ≥ 1: Laplace's continued fraction for Mills' ratio, evaluated
 * from the bottom up (stable); 50 + 1500/z² levels reach full double precision for z ≥ 1 (checked against 20000).
 * Returns the denominator.
 */
function millsDenominator(z: number): number {
  const depth = Math.ceil(50 + 1500 / (z * z));
  let t = z;
  for (let n = depth; n >= 1; n--) t = z + n / t;
  return t;
}

/**
 * log Φ(x), accurate in both tails: far in the lower tail (where Φ underflows, x < −38) from log φ(x) and Mills'
 * ratio, near 1 as log1p(−Φ(−x)). The log-likelihood of a value censored below a detection limit.
 */
export function logNormalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 0) {
    const value = log1p(-lowerTail(-x));
    return value === 0 ? 0 : value; // +0, not −0, where Φ rounds to 1
  }
  if (x > -1) return log(lowerTail(x));
  if (x === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return normalLogPdf(x) - log(millsDenominator(-x));
}

/** The standard normal distribution function Φ(x) = P(Z ≤ x); 0 at −∞ and 1 at +∞. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x <= 0 ? lowerTail(x) : 1 - lowerTail(-x);
}

/** The upper tail 1 − Φ(x), without the cancellation of computing 1 − Φ(x) for large x. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
// function", 2003): a rational function for the central region and one in √(−2 ln p) for the tails.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's approximation of Φ⁻¹(p) for 0 < p ≤ 1/2. */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/**
 * The standard normal quantile Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1), e.g. `normalQuantile(0.975)` =
 * 1.959963984540054. Upper-half probabilities are answered by symmetry from 1 − p (exact for p ≥ 1/2), so both
 * tails are as precise as the lower one. A p outside [0, 1] gives NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklamLower(p);
  // One Halley step on Φ(x) − p = 0.
  const e = lowerTail(x) - p;
  const u = e * SQRT_2PI * exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
