import { log } from '../math/portableMath.js';
import type { Rng } from '../rng/types.js';
import { choleskyFactor, solveLower, solveLowerTransposed } from '../stats/cholesky.js';

/** The members at one observation, restricted to the quantities actually observed. */
export interface EnsembleAtObservation {
  /** n × d member states (updated in place). */
  readonly states: Float64Array;
  /** The state dimension d. */
  readonly dimension: number;
  /** n × m predictions of the observed quantities. */
  readonly predicted: Float64Array;
  /** The m observed values. */
  readonly observed: Float64Array;
  /** Their measurement-error sds. */
  readonly sd: Float64Array;
}

/**
 * The stochastic EnKF analysis (Burgers et al. 1998): x_i += C_xy (C_yy + R)⁻¹ (y + ε_i − h(x_i)), with C_xy and
 * C_yy the ensemble (co)variances (divisor n − 1) and ε_i ~ N(0, R) drawn from `perturbationOf(i)`. Returns the
 * Gaussian approximation log N(y; mean prediction, C_yy + R) of the observation's likelihood. Throws when C_yy + R is
 * not positive definite.
 */
export function perturbedObservationUpdate(at: EnsembleAtObservation, perturbationOf: (member: number) => Rng): number {
  const { states, predicted, observed, sd } = at;
  const d = at.dimension;
  const m = observed.length;
  const n = states.length / d;
  const stateMean = new Float64Array(d);
  const predictedMean = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) stateMean[a] += states[i * d + a] / n;
    for (let b = 0; b < m; b++) predictedMean[b] += predicted[i * m + b] / n;
  }
  const cxy = new Float64Array(d * m);
  const S = new Float64Array(m * m);
  const dy = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < m; b++) dy[b] = predicted[i * m + b] - predictedMean[b];
    for (let a = 0; a < d; a++) {
      const dx = states[i * d + a] - stateMean[a];
      for (let b = 0; b < m; b++) cxy[a * m + b] += (dx * dy[b]) / (n - 1);
    }
    for (let b = 0; b < m; b++) for (let c = 0; c < m; c++) S[b * m + c] += (dy[b] * dy[c]) / (n - 1);
  }
  for (let b = 0; b < m; b++) S[b * m + b] += sd[b] ** 2;
  const L = choleskyFactor(S, m);
  if (!L) throw new RangeError('the innovation covariance is not positive definite');
  const innovation = new Float64Array(m);
  for (let b = 0; b < m; b++) innovation[b] = observed[b] - predictedMean[b];
  solveLower(L, m, innovation);
  let logLikelihood = -0.5 * m * log(2 * Math.PI);
  for (let b = 0; b < m; b++) logLikelihood -= 0.5 * innovation[b] ** 2 + log(L[b * m + b]);
  const e = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const rng = perturbationOf(i);
    for (let b = 0; b < m; b++) e[b] = observed[b] + sd[b] * rng.normal() - predicted[i * m + b];
    solveLower(L, m, e);
    solveLowerTransposed(L, m, e);
    const state = states.subarray(i * d, (i + 1) * d);
    for (let a = 0; a < d; a++) {
      let shift = 0;
      for (let b = 0; b < m; b++) shift += cxy[a * m + b] * e[b];
      state[a] += shift;
    }
  }
  return logLikelihood;
}
