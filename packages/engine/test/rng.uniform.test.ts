import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng/seeding.js';
import { momentMismatch, proportionMismatch, uniformChiSquare } from './fixtures/rng/statistics.js';

describe('uniform()', () => {
  const n = 1_000_000;
  const rng = createRng(20240601);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.uniform();

  it('stays in [0, 1) and has 53-bit resolution', () => {
    let lowestBitSet = 0;
    let invalid = 0;
    for (const u of values) {
      const scaled = u * 2 ** 53;
      if (!(u >= 0 && u < 1 && Number.isInteger(scaled))) invalid++;
      lowestBitSet += scaled % 2;
    }
    expect(invalid).toBe(0);
    // The 53rd bit is a fair coin (5 standard errors).
    expect(proportionMismatch(lowestBitSet, n, 0.5)).toBeNull();
  });

  it('has mean 1/2 and variance 1/12 within 5 standard errors', () => {
    // Excess kurtosis of U(0, 1) is −6/5.
    expect(momentMismatch(values, 0.5, 1 / 12, -6 / 5)).toBeNull();
  });

  it('fills 100 equal bins uniformly (chi-square, p > 1e-4)', () => {
    const counts = new Float64Array(100);
    for (const u of values) counts[Math.floor(u * 100)]++;
    const { statistic, critical } = uniformChiSquare(counts);
    expect(statistic).toBeLessThan(critical);
  });
});

describe('integer(n)', () => {
  it.each([1, 2, 7, 10, 1000])('is unbiased over [0, %i) (chi-square, p > 1e-4)', (range) => {
    const rng = createRng(31, range);
    const counts = new Float64Array(range);
    const draws = Math.max(100_000, range * 100);
    let invalid = 0;
    for (let i = 0; i < draws; i++) {
      const k = rng.integer(range);
      if (Number.isInteger(k) && k >= 0 && k < range) counts[k]++;
      else invalid++;
    }
    expect(invalid).toBe(0);
    if (range > 1) {
      const { statistic, critical } = uniformChiSquare(counts);
      expect(statistic).toBeLessThan(critical);
    }
  });

  it('is unbiased for n = 3·2^30, where both naive reductions of a 32-bit x are biased', () => {
    // x mod n would give [0, 2^30) twice the weight; ⌊x·n/2^32⌋ without rejection would give the
    // values ≡ 0 (mod 3) twice the weight. Check both groupings.
    const range = 3 * 2 ** 30;
    const rng = createRng(32);
    const thirds = new Float64Array(3);
    const residues = new Float64Array(3);
    let invalid = 0;
    for (let i = 0; i < 60_000; i++) {
      const k = rng.integer(range);
      if (!(Number.isInteger(k) && k >= 0 && k < range)) invalid++;
      thirds[Math.floor(k / 2 ** 30)]++;
      residues[k % 3]++;
    }
    expect(invalid).toBe(0);
    for (const counts of [thirds, residues]) {
      const { statistic, critical } = uniformChiSquare(counts);
      expect(statistic).toBeLessThan(critical);
    }
  });

  it('covers the whole range for n = 2^32 (the raw output)', () => {
    const a = createRng(33);
    const b = createRng(33);
    const fromInteger = Array.from({ length: 1000 }, () => a.integer(2 ** 32));
    expect(fromInteger).toEqual(Array.from({ length: 1000 }, () => b.nextUint32()));
  });

  it('spreads large n evenly over 64 bins (chi-square, p > 1e-4)', () => {
    const range = 4_000_000_007;
    const rng = createRng(34);
    const counts = new Float64Array(64);
    for (let i = 0; i < 100_000; i++) counts[Math.floor((rng.integer(range) / range) * 64)]++;
    const { statistic, critical } = uniformChiSquare(counts);
    expect(statistic).toBeLessThan(critical);
  });
});
