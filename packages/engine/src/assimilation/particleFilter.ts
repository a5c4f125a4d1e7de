import { log } from '../math/portableMath.js';
import { rejectField, requireIntegerIn } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import { effectiveSampleSize, normalizeLogWeights } from '../stats/weights.js';
import { filterLoop } from './ensembleMoves.js';
import { gatherStates, systematicResample } from './resampling.js';
import type {
  Ensemble,
  FilterRunOptions,
  Observation,
  ObservationLogLikelihood,
  StateSpaceModel,
} from './stateSpaceModel.js';

/** How the particle filter runs. */
export interface ParticleFilterOptions extends FilterRunOptions {
  /** Number of particles (default 1000). */
  readonly particles?: number;
  /** The observation model: log p(observed | predicted). */
  readonly logLikelihood: ObservationLogLikelihood;
  /**
   * Resample when the effective sample size falls below this fraction of the particles (default 1: after every
   * observation, the bootstrap filter of Gordon et al. 1993).
   */
  readonly resampleBelow?: number;
  /** Called with each observation's step as soon as it is assimilated (k from 0). */
  readonly onStep?: (step: FilterStep, k: number) => void;
}

/** The filter at one observation: the weighted particles given the data so far, and what the observation added. */
export interface FilterStep {
  /** The filtering distribution at the observation's time (weights before any resampling). */
  readonly ensemble: Ensemble;
  /** log p̂(y_k | y_1 … y_{k−1}): this observation's factor of the likelihood estimate. */
  readonly logLikelihood: number;
  /** Effective sample size of the weights, (Σw)²/Σw². */
  readonly effectiveSampleSize: number;
  /** Whether the particles were resampled after this observation. */
  readonly resampled: boolean;
}

/** What the particle filter gives: every step and the likelihood estimate. */
export interface ParticleFilterResult {
  /** One step per observation, in order. */
  readonly steps: readonly FilterStep[];
  /**
   * log p̂(y_1 … y_K): the log of the filter's likelihood estimate, which is unbiased for the likelihood itself
   * (Del Moral 2004), so its log is biased low by about half its variance.
   */
  readonly logLikelihood: number;
  /** The filtering distribution at the last observation (the model's start when there are none). */
  readonly ensemble: Ensemble;
}

/**
 * The bootstrap particle filter (sequential importance resampling): particles drawn from the model's initial
 * distribution are moved to each observation by the model itself, weighted by the observation likelihood and
 * resampled systematically. Parameters carried in the state are estimated with it. Particle i moves to observation
 * k on the stream (seed, k, i) and resampling after observation k draws from (seed, k): the same model,
 * observations and seed give the same bits.
 */
export async function particleFilter(
  model: StateSpaceModel,
  observations: readonly Observation[],
  options: ParticleFilterOptions,
): Promise<ParticleFilterResult> {
  const n = options.particles ?? 1000;
  const threshold = options.resampleBelow ?? 1;
  requireIntegerIn('particles', n, 1, 1e7);
  if (!(threshold >= 0 && threshold <= 1)) rejectField('resampleBelow', threshold, 'in [0, 1]');
  const d = model.labels.length;
  let weights = new Float64Array(n).fill(1 / n);
  const predicted = new Float64Array(model.measured.length);
  const logWeights = new Float64Array(n);
  let total = 0;
  const { steps, states, time } = await filterLoop<FilterStep>(
    model,
    observations,
    options,
    n,
    (states, observation, k) => {
      const time = observation.time;
      for (let i = 0; i < n; i++) {
        model.predict(states.subarray(i * d, (i + 1) * d), time, predicted);
        const logLikelihood = options.logLikelihood(predicted, observation.values);
        logWeights[i] = log(weights[i]) + (Number.isNaN(logLikelihood) ? Number.NEGATIVE_INFINITY : logLikelihood);
      }
      const next = new Float64Array(n);
      // Σ W_prev,i · p(y | x_i) with Σ W_prev = 1: normalizeLogWeights gives log of the mean, so add log n back.
      const increment = normalizeLogWeights(logWeights, next) + log(n);
      if (increment === Number.NEGATIVE_INFINITY) {
        throw new RangeError(
          `particleFilter: every particle has likelihood 0 at observations[${k}] (time ${time}); the model cannot ` +
            'produce this observation from the particles (use more particles, a wider observation model or a wider prior)',
        );
      }
      total += increment;
      const ess = effectiveSampleSize(next);
      const resample = ess < threshold * n;
      const step: FilterStep = {
        ensemble: { time, dimension: d, states: states.slice(), weights: next },
        logLikelihood: increment,
        effectiveSampleSize: ess,
        resampled: resample,
      };
      weights = next;
      if (!resample) return { step, states };
      const ancestors = systematicResample(weights, createRng(options.seed, k + 1).uniform(), new Int32Array(n));
      weights = new Float64Array(n).fill(1 / n);
      return { step, states: gatherStates(states, d, ancestors) };
    },
    options.onStep,
  );
  const ensemble: Ensemble =
    steps.length > 0 ? steps[steps.length - 1].ensemble : { time, dimension: d, states, weights };
  return { steps, logLikelihood: total, ensemble };
}
