import { rejectArgument } from '../rng/argumentChecks.js';

/** One Morris trajectory: d + 1 points, each differing from the previous in exactly one coordinate. */
export interface MorrisTrajectory {
  /** d + 1 points of d coordinates each. */
  readonly points: readonly ArrayLike<number>[];
  /** The model output at each point (d + 1 values). */
  readonly outputs: ArrayLike<number>;
}

/** Morris screening statistics per input. */
export interface MorrisResult {
  /** μ: mean elementary effect. */
  readonly mu: Float64Array;
  /** μ*: mean absolute elementary effect (Campolongo et al. 2007). */
  readonly muStar: Float64Array;
  /** σ: sample standard deviation (divisor r − 1) of the elementary effects; NaN with one effect. */
  readonly sigma: Float64Array;
  /** How many elementary effects each input got. */
  readonly count: Int32Array;
}

/**
 * Morris elementary effects: for each step of each trajectory, EE_i = (y_{k+1} − y_k)/(x_{k+1,i} − x_{k,i})
 * for the one coordinate i that changed (by ±Δ; the signed difference, so a decrease counts correctly),
 * then μ, μ* and σ per input over all its effects. Effects are per unit of the coordinates as given: pass
 * points in unit-hypercube coordinates to compare with tools that scale inputs to [0, 1] (as SALib does).
 */
export function morrisEffects(trajectories: readonly MorrisTrajectory[]): MorrisResult {
  if (trajectories.length < 1) rejectArgument('trajectories.length', trajectories.length, 'at least 1');
  const d = trajectories[0].points[0]?.length ?? 0;
  if (d < 1) rejectArgument('trajectories[0].points[0].length', d, 'at least 1 (one coordinate per input)');
  const effects: number[][] = Array.from({ length: d }, () => []);
  trajectories.forEach((trajectory, t) => {
    const { points, outputs } = trajectory;
    if (points.length !== d + 1) rejectArgument(`trajectories[${t}].points.length`, points.length, `${d + 1} (d + 1)`);
    if (outputs.length !== d + 1)
      rejectArgument(`trajectories[${t}].outputs.length`, outputs.length, `${d + 1} (d + 1)`);
    points.forEach((point, k) => {
      if (point.length !== d) rejectArgument(`trajectories[${t}].points[${k}].length`, point.length, `${d}`);
    });
    for (let k = 0; k < d; k++) {
      let changed = -1;
      for (let i = 0; i < d; i++) {
        if (points[k + 1][i] !== points[k][i]) {
          if (changed >= 0) {
            rejectArgument(
              `trajectories[${t}].points[${k + 1}]`,
              `[${Array.from(points[k + 1]).join(', ')}]`,
              `a point differing from the previous one in exactly one coordinate (coordinates ${changed} and ${i} differ)`,
            );
          }
          changed = i;
        }
      }
      if (changed < 0) {
        rejectArgument(
          `trajectories[${t}].points[${k + 1}]`,
          `[${Array.from(points[k + 1]).join(', ')}]`,
          'a point differing from the previous one in exactly one coordinate (none differ)',
        );
      }
      effects[changed].push((outputs[k + 1] - outputs[k]) / (points[k + 1][changed] - points[k][changed]));
    }
  });
  const mu = new Float64Array(d);
  const muStar = new Float64Array(d);
  const sigma = new Float64Array(d);
  const count = new Int32Array(d);
  for (let i = 0; i < d; i++) {
    const e = effects[i];
    count[i] = e.length;
    if (e.length === 0) {
      mu[i] = muStar[i] = sigma[i] = NaN;
      continue;
    }
    let sum = 0;
    let sumAbs = 0;
    for (const v of e) {
      sum += v;
      sumAbs += Math.abs(v);
    }
    mu[i] = sum / e.length;
    muStar[i] = sumAbs / e.length;
    let squares = 0;
    for (const v of e) squares += (v - mu[i]) ** 2;
    sigma[i] = e.length > 1 ? Math.sqrt(squares / (e.length - 1)) : NaN;
  }
  return { mu, muStar, sigma, count };
}

/**
 * The rows of a Morris design and their outputs (one per row, in the design's order: trajectory after trajectory,
 * d + 1 rows each, as `morrisTrajectories` gives them) as the trajectories `morrisEffects` reads; d is the length of
 * the first point.
 */
export function splitMorrisRows(points: readonly ArrayLike<number>[], outputs: ArrayLike<number>): MorrisTrajectory[] {
  if (outputs.length !== points.length) {
    rejectArgument('outputs.length', outputs.length, `equal to points.length (${points.length})`);
  }
  const size = (points[0]?.length ?? 0) + 1;
  if (points.length === 0 || points.length % size !== 0) {
    rejectArgument('points.length', points.length, `a positive multiple of d + 1 (${size})`);
  }
  return Array.from({ length: points.length / size }, (_, t) => ({
    points: points.slice(t * size, (t + 1) * size),
    outputs: Array.from({ length: size }, (_, k) => outputs[t * size + k]),
  }));
}
