import { rejectField, requireIntegerIn, requireUint32 } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import { choleskyFactor, solveLower, solveLowerTransposed } from '../stats/cholesky.js';
import { checkObservations, filterBudget, initialStates, propagateStates } from './ensembleMoves.js';
import type { Ensemble, FilterRunOptions, Observation, StateSpaceModel } from './stateSpaceModel.js';

/** How the ensemble Kalman filter runs. */
export interface EnsembleKalmanOptions extends FilterRunOptions {
  /** Ensemble members (default 100). */
  readonly members?: number;
  /**
   * The sd of the Gaussian measurement error of each measured quantity, on the scale `predict` gives (e.g. 0.5 on
   * log10 titres), or a function of the observed values giving them.
   */
  readonly observationSd: ArrayLike<number> | ((observed: ArrayLike<number>) => ArrayLike<number>);
  /** Multiplies the members' deviations from their mean before each update (default 1: none). */
  readonly inflation?: number;
}

/** The ensemble after one observation, and the Gaussian approximation of that observation's likelihood. */
export interface EnsembleKalmanStep {
  /** The updated (analysis) ensemble, equally weighted. */
  readonly ensemble: Ensemble;
  /** log N(y_k; mean prediction, predicted covariance + R): the filter's approximate log p(y_k | y_1 … y_{k−1}). */
  readonly logLikelihood: number;
}

/** What the ensemble Kalman filter gives. */
export interface EnsembleKalmanResult {
  /** One step per observation. */
  readonly steps: readonly EnsembleKalmanStep[];
  /** Σ of the steps' approximate log-likelihoods. */
  readonly logLikelihood: number;
  /** The ensemble after the last observation (at the model's start when there are none). */
  readonly ensemble: Ensemble;
}

/** The measurement-error sds for one observation, checked. */
function observationSds(options: EnsembleKalmanOptions, observed: ArrayLike<number>, k: number): ArrayLike<number> {
  const sd = typeof options.observationSd === 'function' ? options.observationSd(observed) : options.observationSd;
  for (let j = 0; j < observed.length; j++) {
    if (!Number.isNaN(observed[j]) && !(sd[j] > 0 && Number.isFinite(sd[j]))) {
      rejectField(`observationSd[${j}]`, sd[j], `a finite number > 0 (at observations[${k}])`);
    }
  }
  return sd;
}

/**
 * The stochastic ensemble Kalman filter (Evensen 1994; perturbed observations, Burgers et al. 1998): members drawn
 * from the model's initial distribution are moved to each observation by the model, and each is pulled towards its
 * own perturbed copy of the observation with the gain C_xy (C_yy + R)⁻¹ estimated from the ensemble. For a
 * linear-Gaussian model it tends to the Kalman filter as the ensemble grows; for ODE twins carry log-parameters in
 * the state, so the update stays on a scale where it is near-linear. Member i moves to observation k on the stream
 * (seed, k, i) and draws its observation perturbation from (seed, k, i, 1).
 */
export async function ensembleKalmanFilter(
  model: StateSpaceModel,
  observations: readonly Observation[],
  options: EnsembleKalmanOptions,
): Promise<EnsembleKalmanResult> {
  const n = options.members ?? 100;
  const inflation = options.inflation ?? 1;
  requireUint32('seed', options.seed);
  requireIntegerIn('members', n, 2, 1e7);
  if (!(inflation >= 1 && Number.isFinite(inflation))) rejectField('inflation', inflation, 'a finite number ≥ 1');
  checkObservations(model, observations);
  const d = model.labels.length;
  const mAll = model.measured.length;
  const budget = filterBudget(options);
  const states = initialStates(model, n, options.seed);
  const weights = new Float64Array(n).fill(1 / n);
  const predictedAll = new Float64Array(n * mAll);
  let time = model.startTime;
  const steps: EnsembleKalmanStep[] = [];
  let total = 0;
  for (let k = 0; k < observations.length; k++) {
    const observation = observations[k];
    const report = (member: number): void =>
      options.onProgress?.({ assimilated: k, observations: observations.length, member });
    await propagateStates(model, states, time, observation.time, (i) => createRng(options.seed, k + 1, i), budget, {
      signal: options.signal,
      onMember: report,
    });
    time = observation.time;
    const sd = observationSds(options, observation.values, k);
    const used: number[] = [];
    for (let j = 0; j < mAll; j++) if (!Number.isNaN(observation.values[j])) used.push(j);
    const m = used.length;
    const stateMean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) stateMean[a] += states[i * d + a] / n;
    if (inflation !== 1) {
      for (let i = 0; i < n; i++)
        for (let a = 0; a < d; a++) states[i * d + a] = stateMean[a] + inflation * (states[i * d + a] - stateMean[a]);
    }
    for (let i = 0; i < n; i++) {
      model.predict(states.subarray(i * d, (i + 1) * d), time, predictedAll.subarray(i * mAll, (i + 1) * mAll));
    }
    let logLikelihood = 0;
    if (m > 0) {
      const predictedMean = new Float64Array(m);
      for (let i = 0; i < n; i++) for (let b = 0; b < m; b++) predictedMean[b] += predictedAll[i * mAll + used[b]] / n;
      // Ensemble cross-covariance C_xy (d × m) and innovation covariance S = C_yy + R (m × m).
      const cxy = new Float64Array(d * m);
      const S = new Float64Array(m * m);
      const dy = new Float64Array(m);
      for (let i = 0; i < n; i++) {
        for (let b = 0; b < m; b++) dy[b] = predictedAll[i * mAll + used[b]] - predictedMean[b];
        for (let a = 0; a < d; a++) {
          const dx = states[i * d + a] - stateMean[a];
          for (let b = 0; b < m; b++) cxy[a * m + b] += (dx * dy[b]) / (n - 1);
        }
        for (let b = 0; b < m; b++) for (let c = 0; c < m; c++) S[b * m + c] += (dy[b] * dy[c]) / (n - 1);
      }
      for (let b = 0; b < m; b++) S[b * m + b] += sd[used[b]] ** 2;
      const L = choleskyFactor(S, m);
      if (!L) throw new RangeError(`ensembleKalmanFilter: the innovation covariance at observations[${k}] is singular`);
      const innovation = new Float64Array(m);
      for (let b = 0; b < m; b++) innovation[b] = observation.values[used[b]] - predictedMean[b];
      solveLower(L, m, innovation);
      logLikelihood = -0.5 * m * Math.log(2 * Math.PI);
      for (let b = 0; b < m; b++) logLikelihood -= 0.5 * innovation[b] ** 2 + Math.log(L[b * m + b]);
      const e = new Float64Array(m);
      for (let i = 0; i < n; i++) {
        const rng = createRng(options.seed, k + 1, i, 1);
        for (let b = 0; b < m; b++) {
          const j = used[b];
          e[b] = observation.values[j] + sd[j] * rng.normal() - predictedAll[i * mAll + j];
        }
        solveLower(L, m, e);
        solveLowerTransposed(L, m, e);
        const state = states.subarray(i * d, (i + 1) * d);
        for (let a = 0; a < d; a++) {
          let shift = 0;
          for (let b = 0; b < m; b++) shift += cxy[a * m + b] * e[b];
          state[a] += shift;
        }
        model.constrain?.(state);
      }
    }
    total += logLikelihood;
    steps.push({ ensemble: { time, dimension: d, states: states.slice(), weights }, logLikelihood });
    options.onProgress?.({ assimilated: k + 1, observations: observations.length, member: 0 });
  }
  const ensemble: Ensemble =
    steps.length > 0 ? steps[steps.length - 1].ensemble : { time, dimension: d, states, weights };
  return { steps, logLikelihood: total, ensemble };
}
