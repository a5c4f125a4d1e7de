import { describe, expect, it } from 'vitest';
import { averageRanks, createRng, leastSquaresResiduals, prcc } from '../src/index.js';

describe('ranks and least squares', () => {
  it('average ranks for ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
    expect(() => averageRanks([1, NaN])).toThrow(/values\[1\] must be a number \(not NaN\); got NaN/);
  });

  it('residuals are orthogonal to the design and vanish for an exact fit', () => {
    // y = 2 + 3x exactly → zero residuals.
    const x = [0, 1, 2, 3];
    const design = Float64Array.from(x.flatMap((v) => [1, v]));
    const exact = leastSquaresResiduals(design, 4, 2, [2, 5, 8, 11]);
    for (const r of exact) expect(Math.abs(r)).toBeLessThan(1e-12);
    // y = [1, 0, 0, 1] on [1, x]: fit is 0.5 (slope 0), residuals [0.5, −0.5, −0.5, 0.5].
    const res = leastSquaresResiduals(design, 4, 2, [1, 0, 0, 1]);
    expect(Array.from(res).map((v) => Number(v.toFixed(12)))).toEqual([0.5, -0.5, -0.5, 0.5]);
    expect(() => leastSquaresResiduals(Float64Array.from([1, 2, 1, 2]), 2, 2, [0, 1])).toThrow(/design column 1/);
  });
});

describe('PRCC', () => {
  const n = 200;
  const rng = createRng(42);
  const x1 = Float64Array.from({ length: n }, () => rng.uniform());
  const x2 = Float64Array.from({ length: n }, () => rng.uniform());
  const x3 = Float64Array.from({ length: n }, () => rng.uniform());

  it('is ±1 for an output monotone in a single input (the others irrelevant)', () => {
    const increasing = prcc(
      [x1, x2, x3],
      x1.map((v) => Math.exp(5 * v)),
    );
    expect(increasing[0].coefficient).toBeCloseTo(1, 12);
    expect(increasing[0].pValue).toBe(0);
    const decreasing = prcc(
      [x1, x2, x3],
      x2.map((v) => -(v ** 3)),
    );
    expect(decreasing[1].coefficient).toBeCloseTo(-1, 12);
  });

  it('separates influential from non-influential inputs, with degrees of freedom n − 2 − k', () => {
    const y = x1.map((v, i) => Math.exp(2 * v) - 3 * x2[i] + 0.01 * rng.normal());
    const result = prcc([x1, x2, x3], y);
    expect(result[0].coefficient).toBeGreaterThan(0.9);
    expect(result[1].coefficient).toBeLessThan(-0.8);
    expect(Math.abs(result[2].coefficient)).toBeLessThan(0.2);
    expect(result[0].pValue).toBeLessThan(1e-10);
    expect(result[2].pValue).toBeGreaterThan(0.01);
    expect(result.every((r) => r.df === n - 2 - 2)).toBe(true);
    // t = r √(df/(1 − r²)).
    const r = result[2].coefficient;
    expect(result[2].t).toBeCloseTo(r * Math.sqrt((n - 4) / (1 - r * r)), 12);
  });

  it('one input reduces to Spearman correlation', () => {
    // Ranks [1,2,3,4,5] and [2,1,4,3,5]: Spearman = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·4/120 = 0.8.
    const [only] = prcc([[1, 2, 3, 4, 5]], [20, 10, 40, 30, 50]);
    expect(only.coefficient).toBeCloseTo(0.8, 14);
    expect(only.df).toBe(3);
  });

  it('bad input is named', () => {
    expect(() => prcc([x1, x2.subarray(1)], x1)).toThrow(
      /inputs\[1\]\.length must be equal to output\.length \(200\); got 199/,
    );
    expect(() => prcc([[1, 2]], [1, 2])).toThrow(/output\.length must be at least 3/);
  });
});
