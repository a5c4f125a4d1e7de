import { describe, expect, it } from 'vitest';
import { logFactorial, stirlingError } from '../src/rng/logFactorial.js';
import { logBinomialPmf, logPoissonPmf } from '../src/rng/logPmf.js';
import { logFactorialTable } from './fixtures/rng/statistics.js';

describe('logFactorial', () => {
  const reference = logFactorialTable(20_000);

  it('is exact for small k', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14);
    expect(logFactorial(20)).toBeCloseTo(Math.log(2432902008176640000), 13);
  });

  it('matches compensated sums of logs to 1e-13 relative, across the table/series switch', () => {
    let worst = 0;
    for (let k = 2; k <= 20_000; k++) {
      worst = Math.max(worst, Math.abs(logFactorial(k) - reference[k]) / reference[k]);
    }
    expect(worst).toBeLessThan(1e-13);
  });

  it('has the Stirling error ≈ 1/(12k) and decreasing', () => {
    expect(stirlingError(1)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 14);
    for (const k of [10, 31, 32, 33, 1000, 1e9]) {
      expect(Math.abs(stirlingError(k) - 1 / (12 * k))).toBeLessThan(1 / (300 * k ** 3));
    }
    for (let k = 1; k < 100; k++) expect(stirlingError(k + 1)).toBeLessThan(stirlingError(k));
  });
});

describe('log pmfs', () => {
  const reference = logFactorialTable(3000);

  it('logPoissonPmf matches k·log μ − μ − log k!', () => {
    for (const mean of [0.5, 3, 10, 250, 1000]) {
      for (let k = 0; k <= 2000; k += 7) {
        const expected = k * Math.log(mean) - mean - reference[k];
        expect(logPoissonPmf(k, mean)).toBeCloseTo(expected, 9);
      }
    }
    expect(logPoissonPmf(0, 0)).toBe(0);
    expect(logPoissonPmf(3, 0)).toBe(-Infinity);
  });

  it('logBinomialPmf matches log C(n, k) + k·log p + (n − k)·log q', () => {
    for (const [n, p] of [
      [1, 0.3],
      [10, 0.5],
      [200, 0.04],
      [3000, 0.7],
    ]) {
      for (let k = 0; k <= n; k++) {
        const expected = reference[n] - reference[k] - reference[n - k] + k * Math.log(p) + (n - k) * Math.log(1 - p);
        expect(logBinomialPmf(k, n, p)).toBeCloseTo(expected, 9);
      }
    }
    expect(logBinomialPmf(0, 5, 0)).toBe(0);
    expect(logBinomialPmf(5, 5, 1)).toBe(0);
    expect(logBinomialPmf(6, 5, 0.5)).toBe(-Infinity);
  });

  it('sums to one for a huge mean (accurate saddle-point form)', () => {
    const mean = 1e9;
    let total = 0;
    for (let k = mean - 200_000; k <= mean + 200_000; k++) total += Math.exp(logPoissonPmf(k, mean));
    expect(total).toBeCloseTo(1, 9);
  });
});
