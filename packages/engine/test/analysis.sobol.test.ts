import { describe, expect, it } from 'vitest';
import { createRng, sobolIndices } from '../src/index.js';

/** The Ishigami function with a = 7, b = 0.1 on [−π, π]³. */
function ishigami(x: ArrayLike<number>): number {
  return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
}

/** Saltelli-scheme outputs from seeded uniform A and B (plain Monte Carlo; the design module lives elsewhere). */
function saltelliOutputs(n: number, seed: number) {
  const rng = createRng(seed);
  const draw = () => Array.from({ length: n }, () => [0, 1, 2].map(() => -Math.PI + 2 * Math.PI * rng.uniform()));
  const a = draw();
  const b = draw();
  const fA = Float64Array.from(a, ishigami);
  const fB = Float64Array.from(b, ishigami);
  const fAB = [0, 1, 2].map((i) =>
    Float64Array.from(a, (row, k) => ishigami(row.map((v, j) => (j === i ? b[k][j] : v)))),
  );
  return { fA, fB, fAB };
}

const EXACT_FIRST = [0.3139, 0.4424, 0];
const EXACT_TOTAL = [0.5576, 0.4424, 0.2437];

describe("Sobol' indices", () => {
  // Six intervals checked at once: at 95% each, some seed misses one about a quarter of the time (seed 11 misses
  // S1 by 2.3 sd), so the joint check uses 99% intervals (≈ Bonferroni for six at 95% overall).
  it('Ishigami: each known index falls within its 99% bootstrap interval (N = 2^15)', () => {
    const s = sobolIndices(saltelliOutputs(1 << 15, 11), { resamples: 200, seed: 5, confidenceLevel: 0.99 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(s.firstOrder[i] - EXACT_FIRST[i])).toBeLessThanOrEqual(s.firstOrderConfidence[i]);
      expect(Math.abs(s.total[i] - EXACT_TOTAL[i])).toBeLessThanOrEqual(s.totalConfidence[i]);
      // The intervals are informative, not huge.
      expect(s.firstOrderConfidence[i]).toBeLessThan(0.05);
      expect(s.totalConfidence[i]).toBeLessThan(0.05);
    }
    expect(s.confidenceLevel).toBe(0.99);
  });

  it('the bootstrap is reproducible from its seed and differs with another', () => {
    const outputs = saltelliOutputs(512, 1);
    const one = sobolIndices(outputs, { seed: 9 });
    const again = sobolIndices(outputs, { seed: 9 });
    const other = sobolIndices(outputs, { seed: 10 });
    expect(Array.from(again.firstOrderConfidence)).toEqual(Array.from(one.firstOrderConfidence));
    expect(other.firstOrderConfidence[0]).not.toBe(one.firstOrderConfidence[0]);
    expect(Array.from(other.firstOrder)).toEqual(Array.from(one.firstOrder));
    expect(Array.from(sobolIndices(outputs, { resamples: 0 }).totalConfidence).every(Number.isNaN)).toBe(true);
  });

  it('the estimators on a hand-computed example (after standardising every output)', () => {
    const fA = [1, 2];
    const fB = [3, 5];
    const fAB = [[2, 2]];
    // Mean 15/6 = 2.5; population sd over [1, 2, 3, 5, 2, 2] = √(11.5/6).
    const sd = Math.sqrt(11.5 / 6);
    const z = (v: number) => (v - 2.5) / sd;
    const a = fA.map(z);
    const b = fB.map(z);
    const ab = fAB[0].map(z);
    const all = [...a, ...b];
    const mean = all.reduce((s, v) => s + v) / 4;
    const variance = all.reduce((s, v) => s + (v - mean) ** 2, 0) / 4;
    const first = (b[0] * (ab[0] - a[0]) + b[1] * (ab[1] - a[1])) / 2 / variance;
    const total = (0.5 * ((a[0] - ab[0]) ** 2 + (a[1] - ab[1]) ** 2)) / 2 / variance;
    const s = sobolIndices({ fA, fB, fAB }, { resamples: 0 });
    expect(s.firstOrder[0]).toBeCloseTo(first, 14);
    expect(s.total[0]).toBeCloseTo(total, 14);
  });

  it('a constant output has zero indices; bad input is named', () => {
    const s = sobolIndices({ fA: [1, 1, 1], fB: [1, 1, 1], fAB: [[1, 1, 1]] }, { resamples: 10 });
    expect(s.firstOrder[0]).toBe(0);
    expect(s.total[0]).toBe(0);
    expect(() => sobolIndices({ fA: [1, 2], fB: [1], fAB: [[1, 2]] })).toThrow(
      /fB\.length must be equal to fA\.length \(2\); got 1/,
    );
    expect(() => sobolIndices({ fA: [1, 2], fB: [1, 2], fAB: [] })).toThrow(/fAB\.length must be at least 1/);
    expect(() => sobolIndices({ fA: [1, 2], fB: [1, 2], fAB: [[1, 2]] }, { confidenceLevel: 95 })).toThrow(
      /confidenceLevel must be a number in \(0, 1\); got 95/,
    );
  });
});
