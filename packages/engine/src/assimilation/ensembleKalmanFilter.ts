import { rejectField, requireIntegerIn } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import { perturbedObservationUpdate } from './ensembleKalmanUpdate.js';
import { filterLoop, type FilterUpdate } from './ensembleMoves.js';
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
  /** Called with each observation's step as soon as it is assimilated (k from 0). */
  readonly onStep?: (step: EnsembleKalmanStep, k: number) => void;
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

/** Multiplies every member's deviation from the ensemble mean by `factor`, in place. */
function inflate(states: Float64Array, d: number, factor: number): void {
  const n = states.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) mean[a] += states[i * d + a] / n;
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++) states[i * d + a] = mean[a] + factor * (states[i * d + a] - mean[a]);
}

/**
 * The stochastic ensemble Kalman filter (Evensen 1994; perturbed observations, Burgers et al. 1998): members drawn
 * from the model's initial distribution are moved to each observation by the model, and each is pulled towards its
 * own perturbed copy of the observation with the gain C_xy (C_yy + R)⁻¹ estimated from the ensemble. For a
 * linear-Gaussian model it tends to the Kalman filter as the ensemble grows; for ODE twins carry log-parameters in
 * the state, so the update stays on a scale where it is near-linear, and a model with `restate` recomputes each
 * member's amounts from its updated parameters. Member i moves to observation k on the stream
 * (seed, k, i) and draws its observation perturbation from (seed, k, i, 1).
 */
export async function ensembleKalmanFilter(
  model: StateSpaceModel,
  observations: readonly Observation[],
  options: EnsembleKalmanOptions,
): Promise<EnsembleKalmanResult> {
  const n = options.members ?? 100;
  const inflation = options.inflation ?? 1;
  requireIntegerIn('members', n, 2, 1e7);
  if (!(inflation >= 1 && Number.isFinite(inflation))) rejectField('inflation', inflation, 'a finite number ≥ 1');
  const d = model.labels.length;
  const weights = new Float64Array(n).fill(1 / n);
  const predicted = new Float64Array(model.measured.length);
  let total = 0;
  const update = (states: Float64Array, observation: Observation, k: number): FilterUpdate<EnsembleKalmanStep> => {
    const time = observation.time;
    const sd = observationSds(options, observation.values, k);
    const used: number[] = [];
    for (let j = 0; j < model.measured.length; j++) if (!Number.isNaN(observation.values[j])) used.push(j);
    if (inflation !== 1) inflate(states, d, inflation);
    const at = {
      states,
      dimension: d,
      predicted: new Float64Array(n * used.length),
      observed: Float64Array.from(used, (j) => observation.values[j]),
      sd: Float64Array.from(used, (j) => sd[j]),
    };
    for (let i = 0; i < n; i++) {
      model.predict(states.subarray(i * d, (i + 1) * d), time, predicted);
      used.forEach((j, b) => (at.predicted[i * used.length + b] = predicted[j]));
    }
    let logLikelihood = 0;
    if (used.length > 0) {
      try {
        logLikelihood = perturbedObservationUpdate(at, (i) => createRng(options.seed, k + 1, i, 1));
      } catch (error) {
        throw new RangeError(`ensembleKalmanFilter at observations[${k}]: ${(error as Error).message}`);
      }
    }
    for (let i = 0; i < n; i++) {
      const state = states.subarray(i * d, (i + 1) * d);
      if (model.restate) model.restate(state, time);
      else model.constrain?.(state);
    }
    total += logLikelihood;
    return { step: { ensemble: { time, dimension: d, states: states.slice(), weights }, logLikelihood }, states };
  };
  const { steps, states, time } = await filterLoop(model, observations, options, n, update, options.onStep);
  const ensemble: Ensemble =
    steps.length > 0 ? steps[steps.length - 1].ensemble : { time, dimension: d, states, weights };
  return { steps, logLikelihood: total, ensemble };
}
