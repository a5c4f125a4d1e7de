import { describe, expect, it } from 'vitest';
import {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTTwoSidedP,
} from '../src/index.js';

describe('special functions', () => {
  it('log Γ at known points', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 10); // math.lgamma
  });

  it('regularized incomplete beta against closed forms and tables', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.4, 3, 1)).toBeCloseTo(0.064, 14);
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
    // I_x(2, 3) = 6x²/2 … closed form 1 − (1−x)^3 (1 + 3x) at x = 0.5 → 11/16.
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    // Symmetry I_½(a, a) = ½.
    expect(regularizedIncompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 14);
    // scipy.special.betainc(0.5, 0.5, 0.1) = 0.20483276469913345
    expect(regularizedIncompleteBeta(0.1, 0.5, 0.5)).toBeCloseTo(0.20483276469913345, 13);
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 2)).toThrow(/x must be a number in \[0, 1\]; got 1.5/);
  });

  it('Student t CDF at tabled critical values', () => {
    // scipy.stats.t.cdf(2.228, 10) = 0.9749941140914443; the critical values are scipy.stats.t.ppf(0.975, df).
    expect(studentTCdf(2.228, 10)).toBeCloseTo(0.9749941140914443, 13);
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 12);
    expect(studentTCdf(1.959963984540054, 1e6)).toBeCloseTo(0.975, 5);
    expect(studentTCdf(12.706204736174694, 1)).toBeCloseTo(0.975, 12);
    // t(1) is Cauchy: F(t) = ½ + atan(t)/π.
    expect(studentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 14);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(studentTTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 12);
    expect(() => studentTCdf(1, 0)).toThrow(/df must be a finite number > 0; got 0/);
  });

  it('normal CDF and quantile', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 12);
  });
});
