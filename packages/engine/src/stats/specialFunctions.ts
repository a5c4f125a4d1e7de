import { exp, log, log1p, sin } from '../math/portableMath.js';
import { rejectArgument } from '../rng/argumentChecks.js';

/** Lanczos approximation (g = 7, 9 terms) coefficients for log Γ. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * log(2 * Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** log Γ(x) for x > 0 (Lanczos, about 15 significant digits); reflection for 0 < x < ½. */
export function logGamma(x: number): number {
  if (!(x > 0)) rejectArgument('x', x, 'a number > 0');
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return LOG_SQRT_2PI + (z + 0.5) * log(t) - t + log(sum);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** The continued fraction for I_x(a, b) (modified Lentz), valid and fast for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    let numerator = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + numerator * d;
    c = 1 + numerator / c;
    if (Math.abs(d) < TINY) d = TINY;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    numerator = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + numerator * d;
    c = 1 + numerator / c;
    if (Math.abs(d) < TINY) d = TINY;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b) for x in [0, 1], a, b > 0: by its
 * continued fraction, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) rejectArgument('x', x, 'a number in [0, 1]');
  if (!(a > 0 && Number.isFinite(a))) rejectArgument('a', a, 'a finite number > 0');
  if (!(b > 0 && Number.isFinite(b))) rejectArgument('b', b, 'a finite number > 0');
  if (x === 0 || x === 1) return x;
  const logFront = a * log(x) + b * log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The CDF of Student's t distribution with `df` > 0 degrees of freedom, through I_x(df/2, ½). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) rejectArgument('df', df, 'a finite number > 0');
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|) for T ~ t(df). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) rejectArgument('df', df, 'a finite number > 0');
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Regularized lower incomplete gamma P(a, x) for a > 0, x ≥ 0 (series below a + 1, continued fraction above). */
export function regularizedLowerGamma(a: number, x: number): number {
  if (!(a > 0 && Number.isFinite(a))) rejectArgument('a', a, 'a finite number > 0');
  if (!(x >= 0)) rejectArgument('x', x, 'a number ≥ 0');
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  const logFront = a * log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return sum * exp(logFront);
  }
  // Upper tail Q(a, x) by its continued fraction (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return 1 - exp(logFront) * h;
}
