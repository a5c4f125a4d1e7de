import { log } from '../math/portableMath.js';
import { choleskyFactor, solveLower, solveLowerTransposed } from '../stats/cholesky.js';

/**
 * A linear-Gaussian state-space model, x_k = F·x_{k−1} + w_k, w_k ~ N(0, Q), y_k = H·x_k + v_k, v_k ~ N(0, R),
 * x_0 ~ N(m0, P0); matrices row-major. The one model whose filter is exact: the reference for the particle filter
 * and the ensemble Kalman filter, and a filter in its own right for linearised twins.
 */
export interface LinearGaussianModel {
  /** d × d transition F (one step per observation). */
  readonly transition: Float64Array;
  /** d × d process-noise covariance Q. */
  readonly processCovariance: Float64Array;
  /** m × d observation matrix H. */
  readonly observation: Float64Array;
  /** m × m observation-noise covariance R. */
  readonly observationCovariance: Float64Array;
  /** Mean m0 of x_0 (length d). */
  readonly initialMean: Float64Array;
  /** d × d covariance P0 of x_0. */
  readonly initialCovariance: Float64Array;
}

/** The exact filter's answer: filtering means and covariances per observation and the log-likelihood. */
export interface KalmanFilterResult {
  /** E[x_k | y_1 … y_k] for every k. */
  readonly means: readonly Float64Array[];
  /** Cov[x_k | y_1 … y_k] (d × d) for every k. */
  readonly covariances: readonly Float64Array[];
  /** log p(y_k | y_1 … y_{k−1}) for every k. */
  readonly stepLogLikelihoods: Float64Array;
  /** log p(y_1 … y_K). */
  readonly logLikelihood: number;
}

/** A·B for A (r × c) and B (c × s), row-major. */
function multiply(a: Float64Array, b: Float64Array, r: number, c: number, s: number): Float64Array {
  const out = new Float64Array(r * s);
  for (let i = 0; i < r; i++)
    for (let k = 0; k < c; k++) {
      const aik = a[i * c + k];
      if (aik !== 0) for (let j = 0; j < s; j++) out[i * s + j] += aik * b[k * s + j];
    }
  return out;
}

/** Aᵀ for A (r × c). */
function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

/**
 * The Kalman filter (Kalman 1960) in covariance form with the Joseph update, which keeps the covariance symmetric
 * and positive semi-definite in floating point. `observations[k]` has length m.
 */
export function kalmanFilter(
  model: LinearGaussianModel,
  observations: readonly ArrayLike<number>[],
): KalmanFilterResult {
  const d = model.initialMean.length;
  const m = model.observation.length / d;
  const F = model.transition;
  const H = model.observation;
  const Ft = transpose(F, d, d);
  const Ht = transpose(H, m, d);
  let mean: Float64Array = Float64Array.from(model.initialMean);
  let covariance: Float64Array = Float64Array.from(model.initialCovariance);
  const means: Float64Array[] = [];
  const covariances: Float64Array[] = [];
  const stepLogLikelihoods = new Float64Array(observations.length);
  observations.forEach((y, k) => {
    // Predict.
    mean = multiply(F, mean, d, d, 1);
    covariance = multiply(multiply(F, covariance, d, d, d), Ft, d, d, d);
    for (let i = 0; i < d * d; i++) covariance[i] += model.processCovariance[i];
    // Innovation and its covariance S = H P Hᵀ + R.
    const innovation = multiply(H, mean, m, d, 1);
    for (let i = 0; i < m; i++) innovation[i] = y[i] - innovation[i];
    const PHt = multiply(covariance, Ht, d, d, m);
    const S = multiply(H, PHt, m, d, m);
    for (let i = 0; i < m * m; i++) S[i] += model.observationCovariance[i];
    const L = choleskyFactor(S, m);
    if (!L)
      throw new RangeError(`kalmanFilter: the innovation covariance at observation ${k} is not positive definite`);
    // log N(innovation; 0, S) = −½ (m log 2π + log|S| + eᵀ S⁻¹ e).
    const whitened = Float64Array.from(innovation);
    solveLower(L, m, whitened);
    let quadratic = 0;
    let logDet = 0;
    for (let i = 0; i < m; i++) {
      quadratic += whitened[i] ** 2;
      logDet += 2 * log(L[i * m + i]);
    }
    stepLogLikelihoods[k] = -0.5 * (m * log(2 * Math.PI) + logDet + quadratic);
    // Gain K = P Hᵀ S⁻¹, solved column by column of (P Hᵀ)ᵀ.
    const gain = new Float64Array(d * m);
    const row = new Float64Array(m);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < m; j++) row[j] = PHt[i * m + j];
      solveLower(L, m, row);
      solveLowerTransposed(L, m, row);
      for (let j = 0; j < m; j++) gain[i * m + j] = row[j];
    }
    const update = multiply(gain, innovation, d, m, 1);
    for (let i = 0; i < d; i++) mean[i] += update[i];
    // Joseph form: (I − K H) P (I − K H)ᵀ + K R Kᵀ.
    const IKH = multiply(gain, H, d, m, d);
    for (let i = 0; i < d * d; i++) IKH[i] = (i % (d + 1) === 0 ? 1 : 0) - IKH[i];
    const KR = multiply(gain, model.observationCovariance, d, m, m);
    const KRKt = multiply(KR, transpose(gain, d, m), d, m, d);
    covariance = multiply(multiply(IKH, covariance, d, d, d), transpose(IKH, d, d), d, d, d);
    for (let i = 0; i < d * d; i++) covariance[i] += KRKt[i];
    means.push(Float64Array.from(mean));
    covariances.push(Float64Array.from(covariance));
  });
  return {
    means,
    covariances,
    stepLogLikelihoods,
    logLikelihood: stepLogLikelihoods.reduce((a, b) => a + b, 0),
  };
}
