import { createRng } from '../rng/seeding.js';
import { ChunkBudget, checkpoint } from '../run/runInChunks.js';
import type { StateSpaceModel } from './stateSpaceModel.js';

/**
 * Consecutive members of a forecast as plain data: their states at the start and what they are moved through. Member
 * `first + j` moves on the stream (seed, first + j) alone, so batches give the same bits in any thread, in any order.
 */
export interface ForecastMembers {
  /** The index of the batch's first member in the whole forecast. */
  readonly first: number;
  /** The members' states (count × d, row-major), at `from`. */
  readonly states: Float64Array;
  /** The time of the states. */
  readonly from: number;
  /** The forecast times, ascending, none before `from`. */
  readonly times: Float64Array;
  /** The forecast's root seed. */
  readonly seed: number;
}

/**
 * What a batch gives: per member, per measured quantity, the predictions at the times (count × m × times,
 * row-major), and the members' states at the last time (count × d).
 */
export interface ForecastMembersResult {
  readonly predicted: Float64Array;
  readonly finalStates: Float64Array;
}

/** Members per batch: large enough that a message costs little next to its ODE solves, small enough to share out. */
export const FORECAST_BATCH = 16;

/**
 * Runs batches of forecast members and resolves to their results in batch order (in this thread by default; a host
 * passes one that hands them to a worker pool). Each result must be what `runForecastMembers` gives for its batch.
 */
export type ForecastMemberRunner = (
  batches: readonly ForecastMembers[],
  control: { readonly signal?: AbortSignal; readonly onBatch?: (done: number) => void },
) => Promise<ForecastMembersResult[]>;

/** Moves a batch of members through the forecast times: the one definition of a forecast member's course. */
export async function runForecastMembers(
  model: StateSpaceModel,
  batch: ForecastMembers,
  control: { readonly signal?: AbortSignal; readonly budget?: ChunkBudget } = {},
): Promise<ForecastMembersResult> {
  const d = model.labels.length;
  const m = model.measured.length;
  const { times } = batch;
  const count = batch.states.length / d;
  const states = batch.states.slice();
  const predicted = new Float64Array(count * m * times.length);
  const out = new Float64Array(m);
  const budget = control.budget ?? new ChunkBudget();
  for (let i = 0; i < count; i++) {
    const state = states.subarray(i * d, (i + 1) * d);
    const rng = createRng(batch.seed, batch.first + i);
    let t = batch.from;
    for (let k = 0; k < times.length; k++) {
      if (times[k] > t) model.propagate(state, t, times[k], rng);
      t = times[k];
      model.predict(state, t, out);
      for (let j = 0; j < m; j++) predicted[(i * m + j) * times.length + k] = out[j];
    }
    await checkpoint(budget, control.signal);
  }
  return { predicted, finalStates: states };
}

/** The default {@link ForecastMemberRunner}: every batch in this thread, one after another. */
export function inlineForecastRunner(model: StateSpaceModel, chunkMilliseconds?: number): ForecastMemberRunner {
  return async (batches, control) => {
    const budget = new ChunkBudget(chunkMilliseconds);
    const results: ForecastMembersResult[] = [];
    for (const batch of batches) {
      results.push(await runForecastMembers(model, batch, { signal: control.signal, budget }));
      control.onBatch?.(results.length);
    }
    return results;
  };
}
