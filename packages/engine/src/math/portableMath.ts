/**
 * Elementary functions that give the same bits on every JavaScript engine.
 *
 * `Math.exp`, `Math.log`, `Math.pow`, `Math.sin` and their kin are not specified to the bit (ECMA-262 calls them
 * "implementation-approximated"), and they differ: Node 20's V8 and Chromium 156's V8 disagree in the last bit for
 * about one input in ten (measured over 20 000 random inputs each; `ui-tests/tests/lessons.spec.ts` found it as
 * results that differed between the headless and the in-browser kernel). These are stdlib's (stdlib-js, ports of
 * FreeBSD's msun written in JavaScript): they use only `+ − × ÷`, which IEEE 754 rounds correctly everywhere, exact
 * bit operations and literal coefficients, so a result that feeds a simulation's control flow or its numbers is the
 * same in Node and in every browser, and they are within 1 ulp of the true value (`test/math.portable.test.ts`
 * measures them against `Math`). Engine, model, kernel and worker code uses them instead of `Math`'s (a lint rule
 * says so); only display code (the widgets) may use `Math`'s.
 */
import stdlibCos from '@stdlib/math-base-special-cos';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog10 from '@stdlib/math-base-special-log10';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSin from '@stdlib/math-base-special-sin';

/** e^x. */
export const exp: (x: number) => number = stdlibExp;

/** e^x − 1, accurate near 0 where `exp(x) − 1` loses digits. */
export const expm1: (x: number) => number = stdlibExpm1;

/** The natural logarithm. */
export const log: (x: number) => number = stdlibLn;

/** log(1 + x), accurate near 0 where `log(1 + x)` loses digits. */
export const log1p: (x: number) => number = stdlibLog1p;

/** The base-10 logarithm (exact at the powers of ten a literal such as `1e-3` writes). */
export const log10: (x: number) => number = stdlibLog10;

/** The sine (x in radians, with a full-range argument reduction). */
export const sin: (x: number) => number = stdlibSin;

/** The cosine (x in radians, with a full-range argument reduction). */
export const cos: (x: number) => number = stdlibCos;

/**
 * x raised to the power y, with `Math.pow`'s special cases (ECMA-262 Number::exponentiate). stdlib follows C's
 * `pow`, which differs only where |x| = 1 and y is ±∞ (C gives 1, ECMAScript NaN).
 */
export function pow(x: number, y: number): number {
  if ((x === 1 || x === -1) && !Number.isFinite(y) && !Number.isNaN(y)) return NaN;
  return stdlibPow(x, y);
}
