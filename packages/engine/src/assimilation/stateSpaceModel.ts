import type { Rng } from '../rng/types.js';

/**
 * A twin as the filters see it: a state vector (species, compartments, agents' summaries, and parameters carried as
 * state) that moves forward in time at random, and the measured quantities it predicts. Parameters are "static"
 * state when `propagate` leaves them as they are and "jittered" when it moves them a little (a random walk on log
 * scale, Liu & West 2001): the particle filter then estimates them with the state.
 */
export interface StateSpaceModel {
  /** Names of the state components (the dimension is their number), e.g. ['T', 'I', 'V', 'log beta']. */
  readonly labels: readonly string[];
  /** Names of the measured quantities `predict` writes, e.g. ['log10 V']. */
  readonly measured: readonly string[];
  /** The time of the initial state. */
  readonly startTime: number;
  /** Draws an initial state into `state` (a prior over states and parameters) from `rng`. */
  initialize(state: Float64Array, rng: Rng): void;
  /**
   * Moves `state` in place from time `from` to `to` (> from), drawing only from `rng` (each particle has its own
   * stream, so results do not depend on the order particles are moved in). Interventions scheduled at b with
   * from ≤ b < to act inside: an observation at t sees the state before anything that starts at t.
   */
  propagate(state: Float64Array, from: number, to: number, rng: Rng): void;
  /** Writes the measured quantities predicted by `state` at `time` into `out` (noise-free). */
  predict(state: Float64Array, time: number, out: Float64Array): void;
  /**
   * Puts a state back where the model allows it (e.g. negative amounts to 0) after a Kalman update moved it
   * linearly; absent when every state is allowed.
   */
  constrain?(state: Float64Array): void;
  /**
   * Recomputes the state's dynamic components at `time` from the rest of it (its parameters), for a twin whose only
   * uncertainty is its parameters (a deterministic ODE from fixed initial values): its amounts at `time` are a
   * function of them. An ensemble Kalman filter calls it on every member after each update, so the amounts stay what
   * the dynamics give for the updated parameters (never emptied, never beyond what the model can reach), instead of
   * being moved linearly (Evensen 2009, the ensemble smoother's re-run for parameter estimation). Absent when the
   * amounts are uncertain in themselves (stochastic twins, uncertain initial values).
   */
  restate?(state: Float64Array, time: number): void;
}

/** Measurements at one time: one value per measured quantity (NaN where that quantity was not measured). */
export interface Observation {
  /** When they were taken (the model's time unit). */
  readonly time: number;
  /** One value per `StateSpaceModel.measured` entry, NaN for none. */
  readonly values: ArrayLike<number>;
}

/**
 * log p(observed | predicted) of one observation time: the observation model (Gaussian, log-normal, censored
 * log10, counts…). Values that are NaN in `observed` were not measured and must not count.
 */
export type ObservationLogLikelihood = (predicted: Float64Array, observed: ArrayLike<number>) => number;

/**
 * Weighted states of a twin at one time: what a filter ends with and what a forecast or a counterfactual starts
 * from. States are n × d row-major (`states[i·d + k]`).
 */
export interface Ensemble {
  /** The time of the states. */
  readonly time: number;
  /** The state dimension d. */
  readonly dimension: number;
  /** n × d states. */
  readonly states: Float64Array;
  /** Normalised weights (equal, 1/n, after resampling or for an ensemble Kalman filter). */
  readonly weights: Float64Array;
}

/**
 * Progress of a filter: reported after every member moved towards an observation and, with `member` 0, after every
 * observation assimilated.
 */
export interface FilterProgress {
  /** Observations assimilated (the one in progress not counted). */
  readonly assimilated: number;
  /** Observations in all. */
  readonly observations: number;
  /** Members moved so far towards the next observation (0 once an observation has been assimilated). */
  readonly member: number;
}

/** What the filters share: seed, cancellation and progress. */
export interface FilterRunOptions {
  /**
   * Root seed: member i draws its initial state from (seed, 0, i) and its move to observation k (1-based) from
   * (seed, k, i); the filter's own draws at observation k (resampling, perturbed observations) from streams below.
   */
  readonly seed: number;
  /** Cancels the filter: it rejects with the signal's reason at the next member. */
  readonly signal?: AbortSignal;
  /** Called after every member moved and every observation assimilated (see {@link FilterProgress}). */
  readonly onProgress?: (progress: FilterProgress) => void;
  /** Wall-clock budget before yielding to the event loop (default 16 ms). */
  readonly chunkMilliseconds?: number;
}
