import { describe, expect, it } from 'vitest';
import { EnsembleAggregate, type RunResult } from '../../src/index.js';
import { sampleTimesOf, syntheticRuns, worstRankError } from './syntheticRuns.js';

const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const IDS = ['uniform', 'normal', 'lognormal'];

function aggregateOf(runs: readonly RunResult[]): EnsembleAggregate {
  const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
  for (const run of runs) aggregate.add(run);
  return aggregate;
}

/** Every typed array of a summary, flattened to its bytes, for bit-for-bit comparison. */
function bitsOf(summary: ReturnType<EnsembleAggregate['summary']>): number[] {
  const out: number[] = [];
  for (const id of IDS) {
    const o = summary.observables[id];
    const m = summary.moments[id];
    for (const a of [o.mean, o.median, ...o.bands, m.variance, m.sd, m.min, m.max]) {
      out.push(...new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
    }
  }
  return out;
}

describe('EnsembleAggregate merge and determinism', () => {
  const time = sampleTimesOf(13);
  const runs = syntheticRuns(time, 2400);
  const onePass = aggregateOf(runs);
  const shardsOf = (sizes: number[]): EnsembleAggregate[] => {
    let at = 0;
    return sizes.map((size) => aggregateOf(runs.slice(at, (at += size))));
  };

  it('gives the same bits for the same runs in the same order', () => {
    expect(bitsOf(aggregateOf(runs).summary())).toEqual(bitsOf(onePass.summary()));
  });

  it('merges 4 shards (in shard order) to the one-pass moments within rounding and bands within the bound', () => {
    const [first, ...rest] = shardsOf([600, 600, 600, 600]);
    for (const shard of rest) first.merge(shard);
    const merged = first.summary();
    const single = onePass.summary();
    expect(merged.runs).toBe(2400);
    for (const id of IDS) {
      for (let i = 0; i < time.length; i++) {
        const a = merged.moments[id];
        const b = single.moments[id];
        expect(Math.abs(a.mean[i] - b.mean[i])).toBeLessThanOrEqual(1e-13 * Math.abs(b.mean[i]));
        expect(Math.abs(a.sd[i] - b.sd[i])).toBeLessThanOrEqual(1e-12 * b.sd[i]);
        expect(a.min[i]).toBe(b.min[i]);
        expect(a.max[i]).toBe(b.max[i]);
      }
    }
    expect(worstRankError(runs, merged, IDS)).toBeLessThanOrEqual(first.rankErrorBound(1e-3));
  });

  it('gives the same bits for a given split merged in shard order, whatever order the shards finished in', () => {
    const sizes = [1000, 300, 800, 300];
    const merge = (shards: EnsembleAggregate[]): EnsembleAggregate => {
      const total = new EnsembleAggregate({ quantiles: QUANTILES });
      for (const shard of shards) total.merge(shard);
      return total;
    };
    // Shards built in reverse order (as workers finishing at different times would) but merged by index.
    const reversed = sizes
      .map((_, s) => s)
      .reverse()
      .map((s) => ({ s, aggregate: shardsOf(sizes)[s] }))
      .sort((a, b) => a.s - b.s)
      .map((x) => x.aggregate);
    expect(bitsOf(merge(reversed).summary())).toEqual(bitsOf(merge(shardsOf(sizes)).summary()));
  });

  it('is symmetric to the bit: a.merge(b) equals b.merge(a)', () => {
    const [a1, b1] = shardsOf([1100, 1300]);
    const [a2, b2] = shardsOf([1100, 1300]);
    a1.merge(b1);
    b2.merge(a2);
    expect(bitsOf(a1.summary())).toEqual(bitsOf(b2.summary()));
  });

  it('leaves the other aggregate unchanged and merging into an empty one copies it', () => {
    const [a, b] = shardsOf([700, 500]);
    const before = bitsOf(b.summary());
    a.merge(b);
    expect(bitsOf(b.summary())).toEqual(before);
    const empty = new EnsembleAggregate({ quantiles: QUANTILES });
    empty.merge(b);
    expect(bitsOf(empty.summary())).toEqual(before);
    expect(empty.byteSize()).toBe(b.byteSize());
  });
});
