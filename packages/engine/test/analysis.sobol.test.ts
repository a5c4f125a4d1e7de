import { describe, expect, it } from 'vitest';
import { createRng, saltelliLayout, saltelliPoints, sobolIndices, splitSaltelliRows } from '../src/index.js';

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

describe("second-order Sobol' indices", () => {
  // Ishigami with a = 7, b = 0.1 on [−π, π]³ (T. Ishigami, T. Homma, 1990; variances as in T. Homma, A. Saltelli,
  // "Importance measures in global sensitivity analysis of nonlinear models", Reliab. Eng. Syst. Saf. 52 (1996)
  // 1–17): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 and the only interaction is V_13 = b²π⁸ (1/18 − 1/50) = 8b²π⁸/225,
  // so S_13 = V_13 / V ≈ 0.2437 and S_12 = S_23 = 0.
  const a = 7;
  const b = 0.1;
  const variance = (a * a) / 8 + (b * Math.PI ** 4) / 5 + (b * b * Math.PI ** 8) / 18 + 0.5;
  const exactS13 = (8 * b * b * Math.PI ** 8) / 225 / variance;

  it('Ishigami on a second-order Saltelli design: S_13 ≈ 0.244 and S_12 = S_23 = 0 within 99% bootstrap intervals', () => {
    expect(exactS13).toBeCloseTo(0.2437, 4);
    const n = 1 << 14;
    const layout = saltelliLayout(n, 3, { secondOrder: true });
    const y = saltelliPoints(n, 3, { secondOrder: true }).map((u) =>
      ishigami(u.map((v) => -Math.PI + 2 * Math.PI * v)),
    );
    const s = sobolIndices(splitSaltelliRows(y, layout), { resamples: 200, seed: 3, confidenceLevel: 0.99 });
    const second = s.secondOrder!;
    const confidence = s.secondOrderConfidence!;
    const expected: [number, number, number][] = [
      [0, 1, 0],
      [0, 2, exactS13],
      [1, 2, 0],
    ];
    for (const [i, j, value] of expected) {
      expect(Math.abs(second[i * 3 + j] - value)).toBeLessThanOrEqual(confidence[i * 3 + j]);
      expect(confidence[i * 3 + j]).toBeLessThan(0.05);
      // The bootstrap treats the rows as independent; on Sobol' points the error is far smaller still.
      expect(Math.abs(second[i * 3 + j] - value)).toBeLessThan(0.005);
    }
    // S_13 is told apart from 0; the matrix is NaN on and below the diagonal (as SALib's S2).
    expect(second[2] - confidence[2]).toBeGreaterThan(0.15);
    for (const k of [0, 3, 4, 6, 7, 8]) {
      expect(second[k]).toBeNaN();
      expect(confidence[k]).toBeNaN();
    }
    // First-order and total indices of the same run agree with their known values too.
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(s.firstOrder[i] - EXACT_FIRST[i])).toBeLessThanOrEqual(s.firstOrderConfidence[i]);
      expect(Math.abs(s.total[i] - EXACT_TOTAL[i])).toBeLessThanOrEqual(s.totalConfidence[i]);
    }
  });

  it('the estimator on a hand-computed example (after standardising every output, f(BA) included)', () => {
    const outputs = {
      fA: [1, 2],
      fB: [3, 5],
      fAB: [
        [2, 2],
        [4, 1],
      ],
      fBA: [
        [0, 6],
        [3, 3],
      ],
    };
    // Mean of the 12 outputs 32/12; population sd over them.
    const values = [1, 2, 3, 5, 2, 2, 4, 1, 0, 6, 3, 3];
    const m = values.reduce((sum, v) => sum + v) / 12;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / 12);
    const z = (column: number[]) => column.map((v) => (v - m) / sd);
    const [fA, fB, ab0, ab1, ba0] = [outputs.fA, outputs.fB, outputs.fAB[0], outputs.fAB[1], outputs.fBA[0]].map(z);
    const pooled = [...fA, ...fB];
    const pooledMean = (pooled[0] + pooled[1] + pooled[2] + pooled[3]) / 4;
    const v = pooled.reduce((sum, x) => sum + (x - pooledMean) ** 2, 0) / 4;
    const s0 = (fB[0] * (ab0[0] - fA[0]) + fB[1] * (ab0[1] - fA[1])) / 2 / v;
    const s1 = (fB[0] * (ab1[0] - fA[0]) + fB[1] * (ab1[1] - fA[1])) / 2 / v;
    const closed = (ba0[0] * ab1[0] - fA[0] * fB[0] + ba0[1] * ab1[1] - fA[1] * fB[1]) / 2 / v;
    const s = sobolIndices(outputs, { resamples: 0 });
    expect(s.firstOrder[0]).toBeCloseTo(s0, 14);
    expect(s.firstOrder[1]).toBeCloseTo(s1, 14);
    expect(s.secondOrder![1]).toBeCloseTo(closed - s0 - s1, 14);
    expect(sobolIndices({ fA: [1, 2], fB: [3, 5], fAB: [[2, 2]] }, { resamples: 0 }).secondOrder).toBeUndefined();
    expect(() => sobolIndices({ ...outputs, fBA: [[0, 6]] })).toThrow(
      /fBA\.length must be equal to fAB\.length \(2, one array per input\); got 1/,
    );
  });

  it("splitSaltelliRows reads f(A), f(AB_i), f(BA_i), f(B) off a design's rows by its layout", () => {
    // Two base rows, d = 2, second order: blocks of six rows A, AB1, AB2, BA1, BA2, B.
    const y = [10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25];
    const split = splitSaltelliRows(y, saltelliLayout(2, 2, { secondOrder: true }));
    expect(Array.from(split.fA)).toEqual([10, 20]);
    expect(split.fAB.map((c) => Array.from(c))).toEqual([
      [11, 21],
      [12, 22],
    ]);
    expect(split.fBA!.map((c) => Array.from(c))).toEqual([
      [13, 23],
      [14, 24],
    ]);
    expect(Array.from(split.fB)).toEqual([15, 25]);
    const first = splitSaltelliRows(y.slice(0, 8), saltelliLayout(2, 2));
    // Without second order the same eight values are blocks of four: A, AB1, AB2, B.
    expect(Array.from(first.fA)).toEqual([10, 14]);
    expect(Array.from(first.fB)).toEqual([13, 21]);
    expect(first.fBA).toBeUndefined();
    expect(() => splitSaltelliRows(y, saltelliLayout(2, 2))).toThrow(
      'outputs.length must be 8 (one output per row of the design); got 12',
    );
  });
});
