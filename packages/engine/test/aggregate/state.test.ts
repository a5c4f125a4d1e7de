import { describe, expect, it } from 'vitest';
import { EnsembleAggregate, transferablesOf } from '../../src/index.js';
import { sampleTimesOf, syntheticRuns } from './syntheticRuns.js';

const QUANTILES = [0.1, 0.5, 0.9];

describe('EnsembleAggregate state', () => {
  const time = sampleTimesOf(7);
  const runs = syntheticRuns(time, 1500);

  it('survives a structured clone with its buffers transferred and continues with the same bits', () => {
    const straight = new EnsembleAggregate({ quantiles: QUANTILES });
    const interrupted = new EnsembleAggregate({ quantiles: QUANTILES });
    runs.forEach((run) => straight.add(run));
    runs.slice(0, 900).forEach((run) => interrupted.add(run));
    const state = interrupted.toState();
    const received = EnsembleAggregate.fromState(structuredClone(state, { transfer: transferablesOf(state) }));
    expect(state.times.length).toBe(0); // transferred away
    runs.slice(900).forEach((run) => received.add(run));
    expect(received.summary()).toEqual(straight.summary());
    expect(received.byteSize()).toBe(straight.byteSize());
    expect(received.rankErrorBound()).toBe(straight.rankErrorBound());
  });

  it('merges shards sent as states like the shards themselves', () => {
    const shards = [runs.slice(0, 500), runs.slice(500)].map((part) => {
      const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
      part.forEach((run) => aggregate.add(run));
      return aggregate;
    });
    const direct = new EnsembleAggregate({ quantiles: QUANTILES });
    shards.forEach((shard) => direct.merge(shard));
    const viaState = new EnsembleAggregate({ quantiles: QUANTILES });
    shards.forEach((shard) => viaState.merge(EnsembleAggregate.fromState(structuredClone(shard.toState()))));
    expect(viaState.summary()).toEqual(direct.summary());
  });

  it('refuses a state of another shape, naming the field', () => {
    const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
    aggregate.add(runs[0]);
    const state = aggregate.toState();
    expect(() => EnsembleAggregate.fromState({ ...state, times: sampleTimesOf(3) })).toThrow(
      'state.moments.shift has 21 values; allowed: 9',
    );
    expect(() => new EnsembleAggregate({ quantiles: QUANTILES }).toState()).toThrow('no runs have been added');
  });
});
