import { describe, expect, it } from 'vitest';
import {
  fullFactorial,
  gridLevels,
  latinHypercube,
  randomPoints,
  saltelliLayout,
  saltelliPoints,
  SOBOL_MAX_DIMENSIONS,
  sobolPoints,
} from '@immunotwin/engine';

describe('grid', () => {
  it('has ∏ levels points in lexicographic order, the last axis fastest', () => {
    expect(gridLevels(3, 'endpoints')).toEqual([0, 0.5, 1]);
    expect(gridLevels(4, 'midpoints')).toEqual([0.125, 0.375, 0.625, 0.875]);
    const grid = fullFactorial([
      [1, 2],
      [10, 20, 30],
    ]);
    expect(grid).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30],
    ]);
    expect(
      fullFactorial([
        [0, 1],
        [0, 1, 2],
        [0, 1, 2, 3],
      ]),
    ).toHaveLength(24);
  });
});

describe('Latin hypercube', () => {
  it('has exactly one point per stratum in every dimension', () => {
    for (const centered of [false, true]) {
      const n = 37;
      const points = latinHypercube(n, 6, 2024, { centered });
      expect(points).toHaveLength(n);
      for (let d = 0; d < 6; d++) {
        const strata = points.map((p) => Math.floor(p[d]! * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        if (centered) for (const p of points) expect((p[d]! * n) % 1).toBeCloseTo(0.5, 12);
      }
    }
  });

  it('is determined by its seed, and adding dimensions keeps the first columns', () => {
    expect(latinHypercube(10, 3, 5)).toEqual(latinHypercube(10, 3, 5));
    expect(latinHypercube(10, 3, 5)).not.toEqual(latinHypercube(10, 3, 6));
    const wide = latinHypercube(10, 5, 5);
    expect(wide.map((p) => p.slice(0, 3))).toEqual(latinHypercube(10, 3, 5));
    expect(randomPoints(8, 2, 1)).toEqual(randomPoints(8, 2, 1));
  });
});

describe("Sobol' sequence", () => {
  it('begins with the known points (origin left out): van der Corput in dimension 1', () => {
    const points = sobolPoints(8, 3);
    expect(points.map((p) => p[0])).toEqual([0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875]);
    expect(points.map((p) => p[1])).toEqual([0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125]);
    expect(points.map((p) => p[2])).toEqual([0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375]);
    expect(sobolPoints(3, 3, { skip: 5 })).toEqual(points.slice(5, 8));
  });

  it('matches the published construction in dimension 21 and beyond (values from scipy.stats.qmc.Sobol, unscrambled)', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBeGreaterThanOrEqual(21);
    const points = sobolPoints(6, 21);
    expect(points.map((p) => p[20])).toEqual([0.5, 0.25, 0.75, 0.125, 0.625, 0.375]);
    const far = sobolPoints(1000, 64)[999]!;
    expect([far[0], far[20], far[63]]).toEqual([0.2197265625, 0.5224609375, 0.4462890625]);
  });

  it('integrates a smooth function better than random points, with an error falling like 1/n', () => {
    // ∫ ∏ (1 + (x_i − 1/2)) over [0, 1]^6 = 1.
    const f = (x: readonly number[]): number => x.reduce((product, xi) => product * (1 + (xi - 0.5)), 1);
    const error = (points: number[][]): number => Math.abs(points.reduce((s, p) => s + f(p), 0) / points.length - 1);
    const sobolError = error(sobolPoints(4096, 6));
    const randomErrors = [1, 2, 3, 4, 5].map((seed) => error(randomPoints(4096, 6, seed)));
    const randomRms = Math.sqrt(randomErrors.reduce((s, e) => s + e * e, 0) / randomErrors.length);
    // Random: sd(f)/√n ≈ 0.785/64 ≈ 0.012. Sobol': about 1/n (the origin, left out, costs f(0)/n).
    expect(sobolError).toBeLessThan(randomRms / 10);
    expect(sobolError).toBeLessThan(error(sobolPoints(256, 6)) / 8);
  });
});

describe('Saltelli', () => {
  it('has N·(d + 2) rows in blocks A_j, AB_j^(1…d), B_j', () => {
    const n = 8;
    const d = 3;
    const rows = saltelliPoints(n, d);
    const layout = saltelliLayout(n, d);
    expect(rows).toHaveLength(n * (d + 2));
    expect(layout.rows).toBe(40);
    const base = sobolPoints(n, 2 * d);
    for (let j = 0; j < n; j++) {
      const a = rows[layout.a(j)]!;
      const b = rows[layout.b(j)]!;
      expect(layout.a(j)).toBe(j * (d + 2));
      expect(layout.b(j)).toBe(j * (d + 2) + d + 1);
      expect(a).toEqual(base[j]!.slice(0, d));
      expect(b).toEqual(base[j]!.slice(d));
      for (let i = 0; i < d; i++) {
        const ab = rows[layout.ab(j, i)]!;
        expect(ab).toEqual(a.map((x, k) => (k === i ? b[k]! : x)));
      }
    }
  });

  it('refuses more parameters than the table supports', () => {
    expect(() => saltelliPoints(4, SOBOL_MAX_DIMENSIONS)).toThrow(/dimensions must be an integer in \[1, 32\]/);
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(`dimensions must be an integer in [1, 64]; got 65`);
    expect(() => latinHypercube(0, 2, 1)).toThrow('n must be an integer in [1, 10000000]; got 0');
    expect(() => latinHypercube(4, 2, -1)).toThrow('seed must be an integer in [0, 4294967295]; got -1');
  });
});
