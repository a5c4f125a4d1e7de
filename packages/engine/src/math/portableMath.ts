/**
 * Elementary functions that give the same bits on every JavaScript engine.
 *
 * `Math.exp`, `Math.log`, `Math.pow`, `Math.sin` and their kin are not specified to the bit (ECMA-262 calls them
 * "implementation-approximated"), and they differ: Node 20's V8 and Chromium 156's V8 disagree in the last bit for
 * about one input in ten (measured over 20 000 random inputs each; `ui-tests/tests/lessons.spec.ts` found it as
 * results that differed between the headless and the in-browser kernel). These use only `+ − × ÷`, which IEEE 754
 * rounds correctly everywhere, exact operations (`Math.round`, `Math.abs`, bit reads) and constants written as
 * literals, so a result that feeds a simulation's control flow or its numbers is the same in Node and in every
 * browser. They are within a few units in the last place of the true value (`test/math.portable.test.ts` measures
 * them against `Math`). Engine, model, kernel and worker code uses them instead of `Math`'s (a lint rule says so);
 * only display code (the widgets) may use `Math`'s.
 */

const LN2_HI = 0.6931471803691238; // ln 2 rounded to 32 significant bits: k · LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.4426950408889634;
const INV_LN10 = 0.4342944819032518;
const SQRT2 = Math.SQRT2; // exact: √2 rounded, a constant, not a computation
const TWO_54 = 18014398509481984;
const HALF_LN2 = 0.34657359027997264;
// π/2 as three parts: the first two have 33 significant bits, so k · part is exact for |k| < 2^20.
const PIO2_HI = 1.5707963267341256;
const PIO2_MID = 6.077100506303966e-11;
const PIO2_LO = 2.0222662487959506e-21;
const TWO_OVER_PI = 0.6366197723675814;

// One double and its two 32-bit words, for exact reads and writes of its bits (typed arrays are faster than a
// DataView here). HIGH is the index of the word with the sign and exponent, in the platform's byte order.
const wordsBuffer = new ArrayBuffer(8);
const asDouble = new Float64Array(wordsBuffer);
const asWords = new Uint32Array(wordsBuffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/** 2^k for an integer k in [−1022, 1023], built from its bits. */
function powerOfTwo(k: number): number {
  asWords[HIGH] = (k + 1023) << 20;
  asWords[LOW] = 0;
  return asDouble[0]!;
}

/** x · 2^k for any integer k, exact unless the result leaves the normal range. */
function scaleByPowerOfTwo(x: number, k: number): number {
  if (k <= 1023 && k >= -1022) return x * powerOfTwo(k);
  let scaled = x;
  let rest = k;
  while (rest > 1023) {
    scaled *= powerOfTwo(1023);
    rest -= 1023;
  }
  while (rest < -1022) {
    scaled *= powerOfTwo(-1022);
    rest += 1022;
    if (scaled === 0) return 0;
  }
  return scaled * powerOfTwo(rest);
}

/** e^r − 1 − r for |r| ≤ ln 2 / 2, by its Taylor series to r^13/13! (the rest is below 2^−58 of the sum). */
function expTail(r: number): number {
  let p = 1.6059043836821613e-10; // 1/13!
  p = p * r + 2.08767569878681e-9;
  p = p * r + 2.505210838544172e-8;
  p = p * r + 2.755731922398589e-7;
  p = p * r + 2.7557319223985893e-6;
  p = p * r + 2.48015873015873e-5;
  p = p * r + 1.984126984126984e-4;
  p = p * r + 1.388888888888889e-3;
  p = p * r + 8.333333333333333e-3;
  p = p * r + 4.1666666666666664e-2;
  p = p * r + 0.16666666666666666;
  p = p * r + 0.5;
  return p * r * r;
}

/** e^x. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  // x = k ln 2 + r with |r| ≤ ln 2 / 2; e^x = 2^k e^r.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  return scaleByPowerOfTwo(1 + (r + expTail(r)), k);
}

/** e^x − 1, accurate near 0 where `exp(x) − 1` loses digits. */
export function expm1(x: number): number {
  if (Number.isNaN(x) || x === 0) return x; // keeps −0
  if (x < HALF_LN2 && x > -HALF_LN2) return x + expTail(x);
  if (x > 709.782712893384) return Infinity;
  if (x < -40) return -1; // e^x < 2^−57: −1 is the nearest double
  // e^x − 1 = 2^k (e^r − 1) + (2^k − 1), with 2^k − 1 exact for these k: no digits are lost to cancellation.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  const scale = powerOfTwo(k);
  return scale * (r + expTail(r)) + (scale - 1);
}

/** The natural logarithm. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let value = x;
  if (value < 2.2250738585072014e-308) {
    value *= TWO_54; // subnormal: make it normal
    k -= 54;
  }
  asDouble[0] = value;
  const high = asWords[HIGH]!;
  k += ((high >>> 20) & 0x7ff) - 1023;
  asWords[HIGH] = (high & 0x000fffff) | 0x3ff00000; // the mantissa m in [1, 2)
  let m = asDouble[0]!;
  if (m > SQRT2) {
    m /= 2;
    k += 1;
  }
  // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716: 2s (1 + s²/3 + s⁴/5 + …) to s^22 (rest < 2^−60).
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let series = 0.043478260869565216; // 1/23
  series = series * z + 0.047619047619047616;
  series = series * z + 0.05263157894736842;
  series = series * z + 0.058823529411764705;
  series = series * z + 0.06666666666666667;
  series = series * z + 0.07692307692307693;
  series = series * z + 0.09090909090909091;
  series = series * z + 0.1111111111111111;
  series = series * z + 0.14285714285714285;
  series = series * z + 0.2;
  series = series * z + 0.3333333333333333;
  const logM = f - s * (f - z * series * 2);
  return k * LN2_HI + (k * LN2_LO + logM);
}

/** log(1 + x), accurate near 0 where `log(1 + x)` loses digits. */
export function log1p(x: number): number {
  if (Number.isNaN(x) || x < -1) return NaN;
  if (x === -1) return -Infinity;
  if (x === Infinity) return Infinity;
  const u = 1 + x;
  if (u === 1) return x; // keeps −0 and tiny x exactly
  // log(u) · x/(u − 1): the rounding of 1 + x cancels out to first order.
  return log(u) * (x / (u - 1));
}

/** The base-10 logarithm; exact powers of ten (as literals parse them, e.g. 1e-3) give exact integers. */
export function log10(x: number): number {
  const value = log(x) * INV_LN10;
  const n = Math.round(value);
  if (Math.abs(value - n) < 1e-9 && n >= -323 && n <= 308 && Number(`1e${n}`) === x) return n;
  return value;
}

/** x raised to the power y, with `Math.pow`'s special cases (ECMA-262 Number::exponentiate). */
export function pow(x: number, y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return NaN;
  if (y === 1) return x;
  const integer = Number.isInteger(y);
  if (integer && Math.abs(y) <= 64) {
    // Repeated squaring: exact where the powers are representable, and the same bits everywhere.
    let result = 1;
    let base = x;
    let n = Math.abs(y);
    while (n > 0) {
      if (n % 2 === 1) result *= base;
      base *= base;
      n = Math.floor(n / 2);
    }
    return y < 0 ? 1 / result : result;
  }
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return specialPower(x, y);
  if (x < 0) {
    if (!integer) return NaN;
    const magnitude = exp(y * log(-x));
    return y % 2 === 0 ? magnitude : -magnitude;
  }
  if (x === 1) return 1;
  return exp(y * log(x));
}

/** `pow` where x is ±0 or ±∞ or y is ±∞ (Number::exponentiate's table; every result is exact). */
function specialPower(x: number, y: number): number {
  if (!Number.isFinite(y)) {
    const size = Math.abs(x);
    if (size === 1) return NaN;
    return size > 1 === y > 0 ? Infinity : 0;
  }
  const oddInteger = Number.isInteger(y) && Math.abs(y % 2) === 1;
  const negative = Object.is(x, -0) || x === -Infinity;
  const large = x !== 0; // ±∞
  const magnitude = large === y > 0 ? Infinity : 0;
  return negative && oddInteger ? -magnitude : magnitude;
}

/** sin r and cos r for |r| ≤ π/4, by their Taylor series to r^19 and r^18. */
function sinNear(r: number): number {
  const z = r * r;
  let p = -8.22063524662433e-18;
  p = p * z + 2.8114572543455206e-15;
  p = p * z - 7.647163731819816e-13;
  p = p * z + 1.6059043836821613e-10;
  p = p * z - 2.505210838544172e-8;
  p = p * z + 2.7557319223985893e-6;
  p = p * z - 1.984126984126984e-4;
  p = p * z + 8.333333333333333e-3;
  p = p * z - 0.16666666666666666;
  return r + r * z * p;
}

function cosNear(r: number): number {
  const z = r * r;
  let p = -1.5619206968586225e-16;
  p = p * z + 4.779477332387385e-14;
  p = p * z - 1.1470745597729725e-11;
  p = p * z + 2.08767569878681e-9;
  p = p * z - 2.755731922398589e-7;
  p = p * z + 2.48015873015873e-5;
  p = p * z - 1.388888888888889e-3;
  p = p * z + 4.1666666666666664e-2;
  return 1 - 0.5 * z + z * z * p;
}

/** x reduced to r in [−π/4, π/4] and the quadrant k mod 4, with x = k π/2 + r (accurate for |x| < 2^20 π/2). */
function quadrant(x: number): { k: number; r: number } {
  const k = Math.round(x * TWO_OVER_PI);
  const r = x - k * PIO2_HI - k * PIO2_MID - k * PIO2_LO;
  return { k: ((k % 4) + 4) % 4, r };
}

/** The sine (x in radians; within a few ulp for |x| < 1.6 × 10^6, the same bits everywhere for any x). */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x;
  const { k, r } = quadrant(x);
  if (k === 0) return sinNear(r);
  if (k === 1) return cosNear(r);
  if (k === 2) return -sinNear(r);
  return -cosNear(r);
}

/** The cosine (x in radians; within a few ulp for |x| < 1.6 × 10^6, the same bits everywhere for any x). */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { k, r } = quadrant(x);
  if (k === 0) return cosNear(r);
  if (k === 1) return -sinNear(r);
  if (k === 2) return -cosNear(r);
  return sinNear(r);
}
