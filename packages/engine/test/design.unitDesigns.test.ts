import { describe, expect, it } from 'vitest';
import {
  fullFactorial,
  gridLevels,
  latinHypercube,
  morrisTrajectories,
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

  it('with second order has N·(2d + 2) rows in blocks A_j, AB_j^(1…d), BA_j^(1…d), B_j (as SALib)', () => {
    const n = 8;
    const d = 3;
    const rows = saltelliPoints(n, d, { secondOrder: true });
    const layout = saltelliLayout(n, d, { secondOrder: true });
    expect(rows).toHaveLength(n * (2 * d + 2));
    expect([layout.blockSize, layout.rows, layout.secondOrder]).toEqual([8, 64, true]);
    const base = sobolPoints(n, 2 * d);
    for (let j = 0; j < n; j++) {
      expect([layout.a(j), layout.ab(j, 0), layout.ba(j, 0), layout.ba(j, 2), layout.b(j)]).toEqual(
        [0, 1, 4, 6, 7].map((offset) => j * 8 + offset),
      );
      const a = base[j]!.slice(0, d);
      const b = base[j]!.slice(d);
      expect(rows[layout.a(j)]).toEqual(a);
      expect(rows[layout.b(j)]).toEqual(b);
      for (let i = 0; i < d; i++) {
        expect(rows[layout.ab(j, i)]).toEqual(a.map((x, k) => (k === i ? b[k]! : x)));
        expect(rows[layout.ba(j, i)]).toEqual(b.map((x, k) => (k === i ? a[k]! : x)));
      }
    }
    expect(() => saltelliLayout(n, d).ba(0, 0)).toThrow(/no BA rows: make it with secondOrder: true/);
  });

  it('refuses more parameters than the table supports', () => {
    expect(() => saltelliPoints(4, SOBOL_MAX_DIMENSIONS)).toThrow(/dimensions must be an integer in \[1, 32\]/);
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(`dimensions must be an integer in [1, 64]; got 65`);
    expect(() => latinHypercube(0, 2, 1)).toThrow('n must be an integer in [1, 10000000]; got 0');
    expect(() => latinHypercube(4, 2, -1)).toThrow('seed must be an integer in [0, 4294967295]; got -1');
  });
});

describe('Morris trajectories', () => {
  /** Rows of trajectory t of a design in d dimensions. */
  const trajectory = (rows: number[][], d: number, t: number) => rows.slice(t * (d + 1), (t + 1) * (d + 1));

  it('move every coordinate once, one at a time, by Δ = p / (2(p − 1)), on the grid k / (p − 1)', () => {
    for (const [levels, delta] of [
      [4, 2 / 3],
      [6, 3 / 5],
      [2, 1],
    ] as const) {
      const d = 5;
      const r = 30;
      const rows = morrisTrajectories(r, d, levels, 11);
      expect(rows).toHaveLength(r * (d + 1));
      for (const row of rows) {
        for (const x of row) {
          const k = x * (levels - 1);
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-12);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }
      for (let t = 0; t < r; t++) {
        const points = trajectory(rows, d, t);
        const moved: number[] = [];
        for (let k = 0; k < d; k++) {
          const changed = points[k]!.flatMap((x, i) => (points[k + 1]![i] !== x ? [i] : []));
          expect(changed).toHaveLength(1);
          const i = changed[0]!;
          expect(Math.abs(Math.abs(points[k + 1]![i]! - points[k]![i]!) - delta)).toBeLessThan(1e-15);
          moved.push(i);
        }
        expect(moved.slice().sort()).toEqual([0, 1, 2, 3, 4]);
      }
    }
  });

  it('start at every level equally often, move up and down equally often, in every order', () => {
    // p = 4: a start level is a base level in {0, 1/3} moved up by 2/3 half the time, so each of the four levels
    // has probability 1/4. Over 3000 trajectories × 4 coordinates a count is Binomial(12000, 1/4): mean 3000,
    // sd 47.4; five sd is 237.
    const d = 4;
    const r = 3000;
    const rows = morrisTrajectories(r, d, 4, 2024);
    const starts = [0, 0, 0, 0];
    let ups = 0;
    const firstMoved = [0, 0, 0, 0];
    for (let t = 0; t < r; t++) {
      const points = trajectory(rows, d, t);
      for (const x of points[0]!) starts[Math.round(x * 3)]!++;
      const first = points[0]!.findIndex((x, i) => points[1]![i] !== x);
      firstMoved[first]!++;
      for (let k = 0; k < d; k++) {
        const i = points[k]!.findIndex((x, c) => points[k + 1]![c] !== x);
        if (points[k + 1]![i]! > points[k]![i]!) ups++;
      }
    }
    for (const count of starts) expect(Math.abs(count - 3000)).toBeLessThan(237);
    // Ups: Binomial(12000, 1/2), sd 54.8. First moved coordinate: Binomial(3000, 1/4), sd 23.7.
    expect(Math.abs(ups - 6000)).toBeLessThan(274);
    for (const count of firstMoved) expect(Math.abs(count - 750)).toBeLessThan(119);
  });

  it('are determined by the seed, and asking for more keeps the first ones', () => {
    expect(morrisTrajectories(5, 3, 4, 9)).toEqual(morrisTrajectories(5, 3, 4, 9));
    expect(morrisTrajectories(5, 3, 4, 9)).not.toEqual(morrisTrajectories(5, 3, 4, 10));
    expect(morrisTrajectories(8, 3, 4, 9).slice(0, 20)).toEqual(morrisTrajectories(5, 3, 4, 9));
  });

  it('refuse an odd number of levels and other bad arguments', () => {
    expect(() => morrisTrajectories(4, 3, 3, 1)).toThrow('levels must be an even integer in [2, 1000000]; got 3');
    expect(() => morrisTrajectories(0, 3, 4, 1)).toThrow('r must be an integer in [1, 10000000]; got 0');
    expect(() => morrisTrajectories(4, 3, 4, -1)).toThrow('seed must be an integer in [0, 4294967295]; got -1');
  });
});
