import { rejectField, requireIntegerIn, requireUint32 } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import { summarizeEnsemble, type EnsembleSummary } from '../run/ensembleSummary.js';
import { DEFAULT_QUANTILES } from '../run/resolveScenario.js';
import {
  FORECAST_BATCH,
  inlineForecastRunner,
  type ForecastMemberRunner,
  type ForecastMembers,
} from './forecastMembers.js';
import { gatherStates, systematicResample } from './resampling.js';
import type { Ensemble, StateSpaceModel } from './stateSpaceModel.js';

/** One member's predicted course: the measured quantities at the forecast times. */
export interface ForecastTrajectory {
  /** The forecast times. */
  readonly time: Float64Array;
  /** Measured quantity → its predicted values (noise-free) at those times. */
  readonly observables: Readonly<Record<string, Float64Array>>;
}

/** The rest of the course from an ensemble: every member's trajectory and their median and credible bands. */
export interface Forecast {
  /** The forecast times. */
  readonly time: Float64Array;
  /** One trajectory per (equally weighted) member, in member order. */
  readonly trajectories: readonly ForecastTrajectory[];
  /** Per measured quantity: mean, median and the quantile bands across members at each time. */
  readonly summary: EnsembleSummary;
  /** Each member's state at the last forecast time (n × d), e.g. to continue the forecast. */
  readonly finalStates: Float64Array;
}

/** How a forecast runs. */
export interface ForecastOptions {
  /** Root seed: member i moves on the stream (seed, i); a weighted ensemble is resampled with (seed, 2³² − 1). */
  readonly seed: number;
  /** Times to predict at, ascending, none before the ensemble's time. */
  readonly times: ArrayLike<number>;
  /** Band quantiles (default 0.05, 0.25, 0.5, 0.75, 0.95). */
  readonly quantiles?: readonly number[];
  /** Members to forecast (default the ensemble's size): a weighted ensemble is resampled systematically to them. */
  readonly members?: number;
  /** Cancels the forecast at the next member. */
  readonly signal?: AbortSignal;
  /** Called after every batch of members with the number done. */
  readonly onProgress?: (done: number, members: number) => void;
  /** Wall-clock budget before yielding to the event loop (default 16 ms). */
  readonly chunkMilliseconds?: number;
  /** Runs the batches of members (default: in this thread); e.g. `poolForecastRunner` of `@immunotwin/worker`. */
  readonly runMembers?: ForecastMemberRunner;
}

/** The quantiles of a forecast's bands as the kernel and the CLI show them: the median, 50 % and 90 % bands. */
export const FORECAST_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/** `points` evenly spaced forecast times from `from` to `to` (both included; default 101 points). */
export function forecastTimes(from: number, to: number, points = 101): number[] {
  if (!(to > from) || !Number.isFinite(to)) rejectField('until', to, `a time after ${from}, the ensemble's time`);
  requireIntegerIn('points', points, 2, 1e6);
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

/** The stream index of the resampling draw, apart from every member's. */
const RESAMPLE_STREAM = 0xffffffff;

/** The equally weighted members a forecast starts from: the ensemble itself, or its systematic resample. */
export function forecastStart(ensemble: Ensemble, options: Pick<ForecastOptions, 'seed' | 'members'>): Float64Array {
  const n = ensemble.weights.length;
  const members = options.members ?? n;
  requireUint32('seed', options.seed);
  requireIntegerIn('members', members, 1, 1e7);
  const equal = members === n && ensemble.weights.every((w) => w === ensemble.weights[0]);
  if (equal) return ensemble.states.slice();
  const u = createRng(options.seed, RESAMPLE_STREAM).uniform();
  return gatherStates(
    ensemble.states,
    ensemble.dimension,
    systematicResample(ensemble.weights, u, new Int32Array(members)),
  );
}

function checkTimes(ensemble: Ensemble, times: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(times);
  if (out.length === 0) rejectField('times', '[]', 'at least one time');
  out.forEach((t, k) => {
    const previous = k === 0 ? ensemble.time : out[k - 1];
    if (!(t >= previous) || !Number.isFinite(t)) {
      rejectField(
        `times[${k}]`,
        t,
        k === 0 ? `≥ the ensemble's time ${ensemble.time}` : `≥ times[${k - 1}] (${previous})`,
      );
    }
  });
  return out;
}

/**
 * Forecasts the rest of the course from a filter's ensemble: each member (resampled to equal weights when the
 * ensemble is weighted) is moved on by the model through `times` on its own stream (seed, i), and the predicted
 * measured quantities are summarised as the median and credible bands (`summarizeEnsemble`: type-7 quantiles of the
 * members at each time). Members go in batches of {@link FORECAST_BATCH} to `runMembers` (this thread by default, or a
 * worker pool): the same ensemble, model and seed give the same bits wherever they run.
 */
export async function forecastEnsemble(
  model: StateSpaceModel,
  ensemble: Ensemble,
  options: ForecastOptions,
): Promise<Forecast> {
  if (ensemble.dimension !== model.labels.length) {
    rejectField('ensemble.dimension', ensemble.dimension, `${model.labels.length}, the model's state dimension`);
  }
  const times = checkTimes(ensemble, options.times);
  const states = forecastStart(ensemble, options);
  const d = ensemble.dimension;
  const members = states.length / d;
  const batches: ForecastMembers[] = [];
  for (let first = 0; first < members; first += FORECAST_BATCH) {
    const last = Math.min(members, first + FORECAST_BATCH);
    batches.push({ first, states: states.slice(first * d, last * d), from: ensemble.time, times, seed: options.seed });
  }
  const run = options.runMembers ?? inlineForecastRunner(model, options.chunkMilliseconds);
  const results = await run(batches, {
    signal: options.signal,
    onBatch: (done) => options.onProgress?.(Math.min(members, done * FORECAST_BATCH), members),
  });
  const m = model.measured.length;
  const trajectories: ForecastTrajectory[] = [];
  const finalStates = new Float64Array(states.length);
  results.forEach((result, b) => {
    const count = result.finalStates.length / d;
    finalStates.set(result.finalStates, batches[b].first * d);
    for (let i = 0; i < count; i++) {
      trajectories.push({
        time: times,
        observables: Object.fromEntries(
          model.measured.map((id, j) => [
            id,
            result.predicted.slice((i * m + j) * times.length, (i * m + j + 1) * times.length),
          ]),
        ),
      });
    }
  });
  const summary = summarizeEnsemble(
    trajectories,
    [...(options.quantiles ?? DEFAULT_QUANTILES)].sort((a, b) => a - b),
  );
  return { time: times, trajectories, summary, finalStates };
}
