import { describe, expect, it } from 'vitest';
import { sampleBinomial } from '../src/rng/samplers.js';
import { createRng } from '../src/rng/seeding.js';
import { binomialPmf, chiSquareTest, momentMismatch, seedFor } from './fixtures/rng/statistics.js';

function drawBinomial(seed: number, n: number, p: number, count: number): Float64Array {
  const rng = createRng(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.binomial(n, p);
  return values;
}

function countInvalid(values: Float64Array, n: number): number {
  return values.filter((k) => !(Number.isInteger(k) && k >= 0 && k <= n)).length;
}

describe('binomial', () => {
  it('handles the degenerate cases', () => {
    const rng = createRng(3);
    for (const n of [0, 1, 17, 1e9]) {
      expect(rng.binomial(n, 0)).toBe(0);
      expect(rng.binomial(n, 1)).toBe(n);
    }
    for (const p of [0, 1e-9, 0.3, 0.5, 0.9, 1]) expect(rng.binomial(0, p)).toBe(0);
  });

  // n·p < 10 uses inversion, larger n·p BTRD; p > ½ goes through n − Binomial(n, 1 − p).
  it.each([
    [1, 0.3],
    [3, 0.5],
    [10, 0.5],
    [20, 1e-6],
    [1000, 0.001],
    [50, 0.9999],
    [200, 0.04],
    [40, 0.25],
    [100, 0.3],
    [12, 0.95],
    [1e6, 0.2],
    [1e9, 1e-9],
    [1e9, 3e-8],
    [1e9, 0.5],
    [1e9, 0.999999],
    [1e12, 0.25],
  ])('n = %d, p = %d: mean n·p and variance n·p·q within 5 SE', (n, p) => {
    const values = drawBinomial(seedFor(1, n, p), n, p, 100_000);
    expect(countInvalid(values, n)).toBe(0);
    const q = 1 - p;
    const variance = n * p * q;
    // Excess kurtosis of Binomial(n, p) is (1 − 6pq)/(npq).
    expect(momentMismatch(values, n * p, variance, (1 - 6 * p * q) / variance)).toBeNull();
  });

  // Exact pmf from sums of logs (fixtures/rng/statistics.ts); critical value at p = 1e-4. Columns: n, p,
  // draws, minimum expected count per bin. (1000, ½) gets 1e6 draws: it has the most draws checked
  // outside BTRD's central acceptance region.
  it.each([
    [10, 0.5, 200_000, 20],
    [200, 0.04, 200_000, 20],
    [40, 0.25, 200_000, 20],
    [40, 0.75, 200_000, 20],
    [100, 0.3, 200_000, 20],
    [1000, 0.02, 200_000, 20],
    [500, 0.5, 200_000, 20],
    [1000, 0.5, 1_000_000, 20],
    [30, 0.97, 200_000, 20],
    [1e6, 0.3, 200_000, 200_000 / 60],
  ])('n = %d, p = %d: chi-square goodness of fit against the exact pmf (p > 1e-4)', (n, p, draws, minExpected) => {
    const values = drawBinomial(seedFor(2, n, p), n, p, draws);
    const pmf = binomialPmf(n, p);
    const { statistic, critical, degreesOfFreedom } = chiSquareTest(values, pmf, minExpected);
    expect(degreesOfFreedom).toBeGreaterThan(2);
    expect(statistic).toBeLessThan(critical);
  });

  it('the goodness-of-fit test rejects a 1% error in p', () => {
    const values = drawBinomial(6, 500, 0.505, 200_000);
    const { statistic, critical } = chiSquareTest(values, binomialPmf(500, 0.5));
    expect(statistic).toBeGreaterThan(critical);
  });

  it('accepts any UniformSource', () => {
    expect(sampleBinomial({ uniform: () => 0 }, 10, 0.2)).toBe(0);
    expect(sampleBinomial({ uniform: () => 0 }, 10, 0.8)).toBe(10);
  });
});
