import { describe, expect, it } from 'vitest';
import { createRng, morrisEffects, morrisTrajectories, splitMorrisRows, type MorrisTrajectory } from '../src/index.js';

/** A random Morris trajectory on a 4-level grid in [0, 1]^d with Δ = 2/3: each coordinate moved once by ±Δ, in random order. */
function trajectory(d: number, f: (x: number[]) => number, rng: ReturnType<typeof createRng>): MorrisTrajectory {
  const delta = 2 / 3;
  const start = Array.from({ length: d }, () => rng.integer(2) / 3);
  const order = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const points = [start.slice()];
  const x = start.slice();
  for (const i of order) {
    x[i] = x[i] + delta <= 1 ? x[i] + delta : x[i] - delta;
    points.push(x.slice());
  }
  return { points, outputs: points.map(f) };
}

describe('Morris elementary effects', () => {
  const rng = createRng(3);
  // Linear in x0 (coefficient 3) and x1 (coefficient −2), x2 has no influence, x3 enters as x3².
  const f = (x: number[]) => 3 * x[0] - 2 * x[1] + 0 * x[2] + 5 * x[3] ** 2;
  const trajectories = Array.from({ length: 20 }, () => trajectory(4, f, rng));
  const result = morrisEffects(trajectories);

  it('linear inputs: σ = 0 and μ* = |coefficient|, μ = coefficient', () => {
    expect(result.mu[0]).toBeCloseTo(3, 12);
    expect(result.muStar[0]).toBeCloseTo(3, 12);
    expect(result.sigma[0]).toBeCloseTo(0, 12);
    expect(result.mu[1]).toBeCloseTo(-2, 12);
    expect(result.muStar[1]).toBeCloseTo(2, 12);
    expect(result.sigma[1]).toBeCloseTo(0, 12);
  });

  it('a non-influential input has μ* = 0; a nonlinear one has σ > 0', () => {
    expect(result.muStar[2]).toBe(0);
    expect(result.sigma[2]).toBe(0);
    // x3² with steps between 0 ↔ 2/3 and 1/3 ↔ 1: effects 5·(2/3) and 5·(4/3).
    expect(result.sigma[3]).toBeGreaterThan(0.5);
    expect(result.muStar[3]).toBeGreaterThan(3);
    expect(Array.from(result.count)).toEqual([20, 20, 20, 20]);
  });

  it('bad trajectories are named', () => {
    expect(() =>
      morrisEffects([
        {
          points: [
            [0, 0],
            [1, 1],
            [1, 0],
          ],
          outputs: [0, 0, 0],
        },
      ]),
    ).toThrow(
      /trajectories\[0\]\.points\[1\] must be a point differing from the previous one in exactly one coordinate/,
    );
    expect(() => morrisEffects([{ points: [[0, 0]], outputs: [0] }])).toThrow(
      /trajectories\[0\]\.points\.length must be 3 \(d \+ 1\); got 1/,
    );
  });
});

describe('Morris effects on the Morris design', () => {
  it('splitMorrisRows cuts a design into trajectories of d + 1 rows', () => {
    const rows = morrisTrajectories(3, 2, 4, 8);
    const outputs = rows.map((_, k) => k);
    const trajectories = splitMorrisRows(rows, outputs);
    expect(trajectories).toHaveLength(3);
    expect(trajectories[1].points).toEqual(rows.slice(3, 6));
    expect(Array.from(trajectories[2].outputs)).toEqual([6, 7, 8]);
    expect(() => splitMorrisRows(rows.slice(0, 4), outputs.slice(0, 4))).toThrow(
      'points.length must be a positive multiple of d + 1 (3); got 4',
    );
    expect(() => splitMorrisRows(rows, outputs.slice(1))).toThrow('outputs.length must be equal to points.length (9)');
  });

  it('a linear function on p = 6 levels: μ = μ* = |coefficient|·sign, σ = 0; x·y gives σ > 0', () => {
    const rows = morrisTrajectories(40, 3, 6, 21);
    const linear = morrisEffects(
      splitMorrisRows(
        rows,
        rows.map((x) => 4 * x[0] - 0.5 * x[1]),
      ),
    );
    expect(Array.from(linear.mu).map((v) => Number(v.toFixed(12)))).toEqual([4, -0.5, 0]);
    expect(Array.from(linear.muStar).map((v) => Number(v.toFixed(12)))).toEqual([4, 0.5, 0]);
    for (const sd of linear.sigma) expect(sd).toBeLessThan(1e-12);
    expect(Array.from(linear.count)).toEqual([40, 40, 40]);
    // f = x0·x1: the effect of x0 is x1 (one of the six levels k/5), which varies between trajectories.
    const product = morrisEffects(
      splitMorrisRows(
        rows,
        rows.map((x) => x[0] * x[1]),
      ),
    );
    expect(product.sigma[0]).toBeGreaterThan(0.1);
    expect(product.muStar[2]).toBe(0);
  });
});
