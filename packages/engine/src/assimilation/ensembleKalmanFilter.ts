import { rejectField, requireIntegerIn } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import type { Rng } from '../rng/types.js';
import { censoredPseudoObservation } from './censoredObservation.js';
import { perturbedObservationUpdate, type EnsembleAtObservation } from './ensembleKalmanUpdate.js';
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
  /**
   * Each measured quantity's detection limit (NaN or undefined: none): a value at or below it only says the
   * quantity is at most that (left-censored), and is assimilated as such ({@link censoredPseudoObservation}), after
   * the values measured at the same time.
   */
  readonly detectionLimits?: ArrayLike<number | undefined>;
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
 * Assimilates values censored at their detection `limits` (`at.predicted`, n × limits.length, the members'
 * predictions of the censored quantities; `at.sd`, their noise sds): each becomes the
 * {@link censoredPseudoObservation} of its ensemble's predicted mean and variance, and the members are updated
 * towards those together (perturbations from `perturbationOf`). Returns Σ log P(Y ≤ limit), the censored values'
 * likelihood under the prediction (each quantity's alone).
 */
function censoredUpdate(
  at: Omit<EnsembleAtObservation, 'observed'>,
  limits: readonly number[],
  perturbationOf: (member: number) => Rng,
): number {
  const m = limits.length;
  const n = at.predicted.length / m;
  let logProbability = 0;
  const kept: number[] = [];
  const values: number[] = [];
  const sds: number[] = [];
  limits.forEach((limit, b) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += at.predicted[i * m + b] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (at.predicted[i * m + b] - mean) ** 2 / (n - 1);
    const pseudo = censoredPseudoObservation(limit, mean, variance, at.sd[b] ** 2);
    if (pseudo === null) return;
    logProbability += pseudo.logProbability;
    kept.push(b);
    values.push(pseudo.value);
    sds.push(Math.sqrt(pseudo.variance));
  });
  if (kept.length === 0) return logProbability;
  const predicted = new Float64Array(n * kept.length);
  for (let i = 0; i < n; i++) kept.forEach((b, c) => (predicted[i * kept.length + c] = at.predicted[i * m + b]));
  const observed = Float64Array.from(values);
  perturbedObservationUpdate({ ...at, predicted, observed, sd: Float64Array.from(sds) }, perturbationOf);
  return logProbability;
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
    const measured: number[] = [];
    const censored: number[] = [];
    for (let j = 0; j < model.measured.length; j++) {
      const y = observation.values[j];
      if (Number.isNaN(y)) continue;
      const limit = options.detectionLimits?.[j];
      (limit !== undefined && y <= limit ? censored : measured).push(j);
    }
    if (inflation !== 1) inflate(states, d, inflation);
    const predictions = (used: readonly number[]): Float64Array => {
      const out = new Float64Array(n * used.length);
      for (let i = 0; i < n; i++) {
        model.predict(states.subarray(i * d, (i + 1) * d), time, predicted);
        used.forEach((j, b) => (out[i * used.length + b] = predicted[j]));
      }
      return out;
    };
    let logLikelihood = 0;
    try {
      if (measured.length > 0) {
        const at = {
          states,
          dimension: d,
          predicted: predictions(measured),
          observed: Float64Array.from(measured, (j) => observation.values[j]),
          sd: Float64Array.from(measured, (j) => sd[j]),
        };
        logLikelihood += perturbedObservationUpdate(at, (i) => createRng(options.seed, k + 1, i, 1));
      }
      if (censored.length > 0) {
        const at = {
          states,
          dimension: d,
          predicted: predictions(censored),
          sd: Float64Array.from(censored, (j) => sd[j]),
        };
        const limits = censored.map((j) => options.detectionLimits![j]!);
        logLikelihood += censoredUpdate(at, limits, (i) => createRng(options.seed, k + 1, i, 2));
      }
    } catch (error) {
      throw new RangeError(`ensembleKalmanFilter at observations[${k}]: ${(error as Error).message}`);
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
