import { rejectField, requireUint32 } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import type { Rng } from '../rng/types.js';
import { ChunkBudget, checkpoint } from '../run/runInChunks.js';
import type { FilterRunOptions, Observation, StateSpaceModel } from './stateSpaceModel.js';

/** The members' states at the model's start: member i drawn from the stream (seed, 0, i). */
export function initialStates(model: StateSpaceModel, members: number, seed: number): Float64Array {
  const d = model.labels.length;
  const states = new Float64Array(members * d);
  for (let i = 0; i < members; i++) model.initialize(states.subarray(i * d, (i + 1) * d), createRng(seed, 0, i));
  return states;
}

/** Moves every member from `from` to `to`, member i on `streamOf(i)`, pausing between members for the event loop. */
export async function propagateStates(
  model: StateSpaceModel,
  states: Float64Array,
  from: number,
  to: number,
  streamOf: (member: number) => Rng,
  budget: ChunkBudget,
  options: Pick<FilterRunOptions, 'signal'> & { onMember?: (member: number) => void },
): Promise<void> {
  if (!(to > from)) return;
  const d = model.labels.length;
  const members = states.length / d;
  for (let i = 0; i < members; i++) {
    model.propagate(states.subarray(i * d, (i + 1) * d), from, to, streamOf(i));
    options.onMember?.(i + 1);
    await checkpoint(budget, options.signal);
  }
}

/** Checks observations against the model: times ascending from its start, one value per measured quantity. */
export function checkObservations(model: StateSpaceModel, observations: readonly Observation[]): void {
  let previous = model.startTime;
  observations.forEach((observation, k) => {
    if (!(observation.time >= previous) || !Number.isFinite(observation.time)) {
      rejectField(
        `observations[${k}].time`,
        observation.time,
        k === 0 ? `≥ the model's start time ${model.startTime}` : `after observations[${k - 1}].time (${previous})`,
      );
    }
    if (k > 0 && observation.time === previous) {
      rejectField(`observations[${k}].time`, observation.time, `after observations[${k - 1}].time (${previous})`);
    }
    if (observation.values.length !== model.measured.length) {
      rejectField(
        `observations[${k}].values`,
        `${observation.values.length} values`,
        `${model.measured.length} values, one per measured quantity (${model.measured.join(', ')})`,
      );
    }
    previous = observation.time;
  });
}

/** What a filter's update does with the members at one observation: its record, and the states to carry on. */
export interface FilterUpdate<Step> {
  /** What the filter records for this observation. */
  readonly step: Step;
  /** The states to move on to the next observation (the same array, or a resampled one). */
  readonly states: Float64Array;
}

/**
 * The loop every filter shares: checks the seed and observations, draws `members` initial states, and for each
 * observation k moves every member to its time (member i on the stream (seed, k + 1, i)), then calls `update`
 * with the moved states, and `onStep` with its record. Reports progress per member and per observation; pauses for
 * the event loop and cancellation between members.
 */
export async function filterLoop<Step>(
  model: StateSpaceModel,
  observations: readonly Observation[],
  options: FilterRunOptions,
  members: number,
  update: (states: Float64Array, observation: Observation, k: number) => FilterUpdate<Step>,
  onStep?: (step: Step, k: number) => void,
): Promise<{ steps: Step[]; states: Float64Array; time: number }> {
  requireUint32('seed', options.seed);
  checkObservations(model, observations);
  const budget = new ChunkBudget(options.chunkMilliseconds);
  let states = initialStates(model, members, options.seed);
  let time = model.startTime;
  const steps: Step[] = [];
  for (let k = 0; k < observations.length; k++) {
    const observation = observations[k];
    const report = (member: number): void =>
      options.onProgress?.({ assimilated: k, observations: observations.length, member });
    await propagateStates(model, states, time, observation.time, (i) => createRng(options.seed, k + 1, i), budget, {
      signal: options.signal,
      onMember: report,
    });
    time = observation.time;
    const result = update(states, observation, k);
    steps.push(result.step);
    onStep?.(result.step, k);
    states = result.states;
    options.onProgress?.({ assimilated: k + 1, observations: observations.length, member: 0 });
  }
  return { steps, states, time };
}
