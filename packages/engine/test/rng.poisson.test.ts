import { describe, expect, it } from 'vitest';
import { samplePoisson } from '../src/rng/samplers.js';
import { createRng } from '../src/rng/seeding.js';
import { chiSquareTest, momentMismatch, poissonPmf, proportionMismatch, seedFor } from './fixtures/rng/statistics.js';

function drawPoisson(seed: number, mean: number, count: number): Float64Array {
  const rng = createRng(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.poisson(mean);
  return values;
}

function countInvalid(values: Float64Array): number {
  return values.filter((k) => !(Number.isInteger(k) && k >= 0)).length;
}

describe('poisson', () => {
  it('returns 0 for mean 0', () => {
    expect(countInvalid(drawPoisson(1, 0, 1000))).toBe(0);
    expect(drawPoisson(1, 0, 1000).every((k) => k === 0)).toBe(true);
  });

  // 0.5–9.9 use inversion, 10 and above transformed rejection (PTRS).
  it.each([0.5, 3, 9.9, 10, 30, 1e3, 1e6, 1e9, 1e12])(
    'mean %d: non-negative integers with mean and variance = mean within 5 SE',
    (mean) => {
      const values = drawPoisson(seedFor(1, mean), mean, 100_000);
      expect(countInvalid(values)).toBe(0);
      // Excess kurtosis of Poisson(λ) is 1/λ.
      expect(momentMismatch(values, mean, mean, 1 / mean)).toBeNull();
    },
  );

  it('matches P(0) = exp(−mean) for a small mean', () => {
    const values = drawPoisson(7, 0.5, 100_000);
    expect(proportionMismatch(values.filter((k) => k === 0).length, values.length, Math.exp(-0.5))).toBeNull();
  });

  // Exact pmf from sums of logs (fixtures/rng/statistics.ts); bins with expected count ≥ 20 or, for
  // 1e6, about 60 bins; critical value at p = 1e-4 (Wilson–Hilferty).
  it.each([
    [0.5, 200_000, 20],
    [3, 200_000, 20],
    [9.9, 200_000, 20],
    [10, 200_000, 20],
    [30, 200_000, 20],
    [50, 1_000_000, 20],
    [300, 200_000, 20],
    [1e6, 200_000, 200_000 / 60],
  ])('mean %d: chi-square goodness of fit against the exact pmf (p > 1e-4)', (mean, n, minExpected) => {
    const values = drawPoisson(seedFor(2, mean), mean, n);
    const pmf = poissonPmf(mean, Math.ceil(mean + 12 * Math.sqrt(mean) + 30));
    const { statistic, critical, degreesOfFreedom } = chiSquareTest(values, pmf, minExpected);
    expect(degreesOfFreedom).toBeGreaterThan(3);
    expect(statistic).toBeLessThan(critical);
  });

  it('the goodness-of-fit test rejects a 1% error in the mean', () => {
    const values = drawPoisson(5, 30.3, 200_000);
    const { statistic, critical } = chiSquareTest(values, poissonPmf(30, 200));
    expect(statistic).toBeGreaterThan(critical);
  });

  it('accepts any UniformSource', () => {
    expect(samplePoisson({ uniform: () => 0 }, 4)).toBe(0);
    expect(samplePoisson({ uniform: () => 0.999999 }, 0.1)).toBeGreaterThan(1);
  });
});
