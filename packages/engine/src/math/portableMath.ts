/**
 * `exp`, `log` and `pow` that give the same bits on every JavaScript engine.
 *
 * `Math.exp`, `Math.log` and `Math.pow` are not specified to the bit (ECMA-262 calls them "implementation-
 * approximated"), and they differ: Node 20's V8 and Chromium 156's V8 disagree in the last bit for about one input
 * in ten (measured over 20 000 random inputs each; `ui-tests/tests/lessons.spec.ts` found it as ODE results that
 * differed between the headless and the in-browser kernel). These use only `+ − × ÷`, which IEEE 754 rounds
 * correctly everywhere, and exact bit operations, so a result that feeds a simulation's control flow (an adaptive step
 * size) or its numbers is the same in Node and in every browser. They are within a few units in the last place of the
 * true value (`test/math.portable.test.ts` measures it against `Math`), slower than `Math`'s, and meant for the
 * paths where determinism matters.
 */

const LN2_HI = 0.6931471803691238; // ln 2 rounded to 32 significant bits: k · LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.4426950408889634;
const SQRT2 = Math.SQRT2; // exact: √2 rounded, a constant, not a computation
const TWO_54 = 18014398509481984;

const bits = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [−1022, 1023], built from its bits. */
function powerOfTwo(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** x · 2^k for any integer k, exact unless the result leaves the normal range. */
function scaleByPowerOfTwo(x: number, k: number): number {
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

/** e^x. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  // x = k ln 2 + r with |r| ≤ ln 2 / 2; e^x = 2^k e^r.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // e^r by its Taylor series to r^16/16! (< 2^−60 for |r| ≤ 0.347), in Horner form.
  let sum = 1;
  for (let n = 16; n >= 1; n--) sum = 1 + (r / n) * sum;
  return scaleByPowerOfTwo(sum, k);
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
  bits.setFloat64(0, value);
  const high = bits.getUint32(0);
  k += ((high >>> 20) & 0x7ff) - 1023;
  bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000); // the mantissa m in [1, 2)
  let m = bits.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    k += 1;
  }
  // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716: 2s (1 + s²/3 + s⁴/5 + …) to s^24.
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let series = 0;
  for (let n = 12; n >= 1; n--) series = z * (1 / (2 * n + 1) + series);
  const logM = 2 * s + 2 * s * series;
  return k * LN2_HI + (k * LN2_LO + logM);
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
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.pow(x, y); // exact special cases
  if (x < 0) {
    if (!integer) return NaN;
    const magnitude = exp(y * log(-x));
    return y % 2 === 0 ? magnitude : -magnitude;
  }
  if (x === 1) return 1;
  return exp(y * log(x));
}
