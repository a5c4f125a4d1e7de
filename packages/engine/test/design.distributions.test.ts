import { describe, expect, it } from 'vitest';
import {
  createDistribution,
  createRng,
  DesignArgumentError,
  logNormalDistribution,
  logUniformDistribution,
  normalCdf,
  normalDistribution,
  normalQuantile,
  truncateDistribution,
  uniformDistribution,
} from '@immunotwin/engine';

/** |a − b| ≤ tol·max(1, |b|). */
function close(a: number, b: number, tol = 1e-15): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

describe('standard normal', () => {
  it('gives the quantiles researchers look up (references: mpmath at 30 digits)', () => {
    // 0.975 as a double is 0.97499999999999997779…, whose quantile is 1.95996398454005385…: within an ulp of the
    // quantile of 0.975 itself, 1.959963984540054.
    close(normalQuantile(0.975), 1.959963984540054, 2.5e-16);
    close(normalQuantile(0.025), -1.959963984540054, 2.5e-16);
    expect(normalQuantile(0.5)).toBe(0);
    close(normalQuantile(0.001), -3.0902323061678136);
    close(normalQuantile(0.1), -1.2815515655446006);
    close(normalQuantile(1e-10), -6.361340902404057);
    close(normalQuantile(normalCdf(1)), 1, 2.5e-16);
  });

  it('is the inverse of the distribution function across the range, tails included', () => {
    for (const x of [-37, -20, -8, -3, -2, -1, -0.3, 0.2, 1.5, 2.5, 5]) {
      const p = normalCdf(x);
      if (x < 0) close(normalQuantile(p), x, 1e-14);
      else close(normalCdf(normalQuantile(p)), p, 1e-15);
    }
    close(normalCdf(-3), 0.0013498980316300946, 1e-15);
    close(normalCdf(-20), 2.753624118606233e-89 / 1, 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('distributions', () => {
  it('uniform and log-uniform: quantiles, medians, means', () => {
    const u = uniformDistribution(2, 6);
    expect([u.quantile(0), u.quantile(0.25), u.quantile(1)]).toEqual([2, 3, 6]);
    expect(u.mean).toBe(4);
    const l = logUniformDistribution(1, 100);
    close(l.quantile(0.5), 10);
    expect([l.quantile(0), l.quantile(1)]).toEqual([1, 100]);
    close(l.mean!, 21.497576854210966);
  });

  it('normal and log-normal: quantiles, median exp(μ), mean exp(μ + σ²/2)', () => {
    const n = normalDistribution(3, 2);
    close(n.quantile(0.975), 3 + 2 * 1.959963984540054, 1e-15);
    expect(n.mean).toBe(3);
    const ln = logNormalDistribution(1, 0.5);
    close(ln.quantile(0.5), Math.exp(1));
    close(ln.quantile(0.975), 7.242612560975398, 1e-15);
    close(ln.mean!, Math.exp(1.125));
    expect(ln.support).toEqual([0, Infinity]);
  });

  it('a truncated normal stays in its bounds and has the right mean', () => {
    const symmetric = truncateDistribution(normalDistribution(5, 2), 3, 7, { mu: 5, sigma: 2 });
    expect(symmetric.mean).toBe(5);
    const rng = createRng(42);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    const draws = 20000;
    for (let i = 0; i < draws; i++) {
      const x = symmetric.sample(rng);
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(3);
    expect(max).toBeLessThanOrEqual(7);
    // sd of the truncated law < 2, so the standard error < 2/√20000 ≈ 0.014.
    expect(Math.abs(sum / draws - 5)).toBeLessThan(0.045);
    for (const u of [0, 1e-12, 0.3, 0.999999, 1]) {
      const x = symmetric.quantile(u);
      expect(x >= 3 && x <= 7).toBe(true);
    }
    const asymmetric = createDistribution({ kind: 'normal', mean: 0, sd: 1, truncate: { lower: -1, upper: 2 } });
    close(asymmetric.mean!, 0.22963717909132897, 1e-14);
    const half = createDistribution({ kind: 'normal', mean: 0, sd: 1, truncate: { lower: 0 } });
    close(half.mean!, Math.sqrt(2 / Math.PI), 1e-15);
    close(half.quantile(0.5), normalQuantile(0.75), 1e-15);
  });

  it('a truncation far in the upper tail keeps its precision (computed from survival probabilities)', () => {
    // N(0, 1) on [8, ∞): Φ(8) rounds to 1 − 6.7e-16, so 1 − Φ would leave no digits; mpmath at 40 digits.
    const tail = createDistribution({ kind: 'normal', mean: 0, sd: 1, truncate: { lower: 8 } });
    close(tail.quantile(0.5), 8.084911007391543, 1e-13);
    close(tail.mean!, 8.121368112236112, 1e-13);
    close(tail.cdf(8.084911007391543), 0.5, 1e-12);
    expect(tail.quantile(1e-9)).toBeGreaterThanOrEqual(8);
    close(normalDistribution(0, 1).upperQuantile(1e-20), 9.262340089798407, 1e-15);
  });

  it('a truncated log-normal and a truncated uniform', () => {
    const ln = createDistribution({ kind: 'log-normal', mu: 0, sigma: 1, truncate: { upper: 3 } });
    close(ln.mean!, 1.0290336389515993, 1e-13);
    expect(ln.quantile(1)).toBe(3);
    const u = createDistribution({ kind: 'uniform', lower: 0, upper: 10, truncate: { lower: 2 } });
    expect([u.quantile(0), u.quantile(0.5), u.quantile(1), u.mean, u.truncated]).toEqual([2, 6, 10, 6, true]);
  });

  it('draws the same bits from the same seed', () => {
    const d = createDistribution({ kind: 'log-normal', mu: 1, sigma: 0.3 });
    const a = Array.from(
      { length: 5 },
      (
        (rng) => () =>
          d.sample(rng)
      )(createRng(7)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (rng) => () =>
          d.sample(rng)
      )(createRng(7)),
    );
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(5);
  });

  it('rejects bad arguments naming the field, the value and what is allowed', () => {
    expect(() => normalDistribution(0, -1)).toThrow('sd must be a finite number > 0; got -1');
    expect(() => uniformDistribution(3, 1)).toThrow('upper must be greater than lower (3); got 1');
    expect(() => logUniformDistribution(0, 1)).toThrow('lower must be a finite number > 0; got 0');
    expect(() => logNormalDistribution(Number.NaN, 1)).toThrow('mu must be a finite number; got NaN');
    expect(() => normalDistribution(0, 1).quantile(1.5)).toThrow('u must be a number in [0, 1]; got 1.5');
    expect(() => createDistribution({ kind: 'normal', mean: 0 })).toThrow(
      'sd must be given for a normal distribution; got nothing',
    );
    expect(() => createDistribution({ kind: 'uniform', lower: 0, upper: 1, sd: 2 })).toThrow(
      'sd must be left out of a uniform distribution (its fields: lower, upper); got 2',
    );
    expect(() => createDistribution({ kind: 'uniform', lower: 0, upper: 1, truncate: { lower: 2 } })).toThrow(
      DesignArgumentError,
    );
    expect(() => createDistribution({ kind: 'gamma' } as never)).toThrow(
      'kind must be one of "uniform", "log-uniform", "normal", "log-normal"; got "gamma"',
    );
  });
});

describe('log densities (what a prior contributes to an ABC posterior)', () => {
  it('are the derivative of each distribution function, truncated ones included, and −∞ outside the support', () => {
    const cases = [
      uniformDistribution(2, 6),
      logUniformDistribution(0.1, 100),
      normalDistribution(3, 0.5),
      logNormalDistribution(1.1, 0.3),
      truncateDistribution(normalDistribution(0, 1), -0.5, 2, { mu: 0, sigma: 1 }),
      createDistribution({ kind: 'log-normal', mu: 0, sigma: 1, truncate: { lower: 0.5, upper: 4 } }),
    ];
    for (const d of cases) {
      for (const u of [0.1, 0.3, 0.5, 0.8, 0.95]) {
        const x = d.quantile(u);
        const h = 1e-5 * Math.max(1, Math.abs(x));
        // A central difference of the cdf has error O(h²·f''), far below 1e-6 relative here.
        const numeric = (d.cdf(x + h) - d.cdf(x - h)) / (2 * h);
        expect(Math.abs(Math.exp(d.logDensity(x)) - numeric)).toBeLessThanOrEqual(1e-6 * numeric);
      }
      if (Number.isFinite(d.support[0])) expect(d.logDensity(d.support[0] - 1e-3)).toBe(-Infinity);
      if (Number.isFinite(d.support[1])) expect(d.logDensity(d.support[1] + 1e-3)).toBe(-Infinity);
    }
    // The standard normal's density at 0 is 1/√(2π).
    close(normalDistribution(0, 1).logDensity(0), -0.9189385332046728);
  });
});
