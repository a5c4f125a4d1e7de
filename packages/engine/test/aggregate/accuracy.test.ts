import { describe, expect, it } from 'vitest';
import { EnsembleAggregate, summarizeEnsemble, type RunResult } from '../../src/index.js';
import { sampleTimesOf, syntheticRuns, worstRankError } from './syntheticRuns.js';

const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Two-pass mean and sample variance of one cell. */
function twoPass(runs: readonly RunResult[], id: string, i: number): { mean: number; variance: number } {
  let sum = 0;
  for (const r of runs) sum += r.observables[id][i];
  const mean = sum / runs.length;
  let squares = 0;
  for (const r of runs) squares += (r.observables[id][i] - mean) ** 2;
  return { mean, variance: squares / (runs.length - 1) };
}

function aggregateOf(runs: readonly RunResult[], quantiles = QUANTILES, k?: number): EnsembleAggregate {
  const aggregate = new EnsembleAggregate({ quantiles, k });
  for (const run of runs) aggregate.add(run);
  return aggregate;
}

describe('EnsembleAggregate accuracy', () => {
  const time = sampleTimesOf(21);
  const runs = syntheticRuns(time, 3000);
  const aggregate = aggregateOf(runs);
  const summary = aggregate.summary();

  it('gives mean and sd within 1e-12 relative of a two-pass computation, and exact min and max', () => {
    for (const id of ['uniform', 'normal', 'lognormal']) {
      for (let i = 0; i < time.length; i++) {
        const exact = twoPass(runs, id, i);
        const m = summary.moments[id];
        expect(Math.abs(m.mean[i] - exact.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(exact.mean));
        expect(Math.abs(m.sd[i] - Math.sqrt(exact.variance))).toBeLessThanOrEqual(1e-12 * Math.sqrt(exact.variance));
        const column = runs.map((r) => r.observables[id][i]);
        expect(m.min[i]).toBe(Math.min(...column));
        expect(m.max[i]).toBe(Math.max(...column));
      }
    }
    expect(summary.runs).toBe(3000);
    expect(summary.observables.normal.mean).toEqual(summary.moments.normal.mean);
  });

  for (const id of ['uniform', 'normal', 'lognormal']) {
    it(`keeps the rank error of the ${id} bands within the stated bound`, () => {
      const bound = aggregate.rankErrorBound(1e-3);
      const worst = worstRankError(runs, summary, [id]);
      expect(worst).toBeLessThanOrEqual(bound);
      // The bound is loose; the sketch does far better in practice (k = 200: about 1 % of n).
      expect(worst).toBeLessThan(0.015 * runs.length);
    });
  }

  it('has a median that is the 0.5 quantile', () => {
    const half = aggregateOf(runs.slice(0, 1000), [0.5]).summary();
    expect(half.observables.lognormal.median).toEqual(half.observables.lognormal.bands[0]);
  });

  it('equals summarizeEnsemble exactly while fewer than k runs are in', () => {
    const few = runs.slice(0, 150);
    const streamed = aggregateOf(few).summary();
    const exact = summarizeEnsemble(few, QUANTILES);
    expect(aggregateOf(few).rankErrorBound()).toBe(0);
    for (const id of ['uniform', 'normal', 'lognormal']) {
      expect(streamed.observables[id].bands).toEqual(exact.observables[id].bands);
      expect(streamed.observables[id].median).toEqual(exact.observables[id].median);
    }
  });

  it('is more accurate with a larger k', () => {
    const small = aggregateOf(runs, QUANTILES, 32);
    expect(small.byteSize()).toBeLessThan(aggregate.byteSize());
    expect(small.rankErrorBound()).toBeGreaterThan(aggregate.rankErrorBound());
    expect(worstRankError(runs, small.summary(), ['lognormal'])).toBeLessThanOrEqual(small.rankErrorBound());
  });
});

describe('EnsembleAggregate input errors', () => {
  const time = sampleTimesOf(4);
  const [run] = syntheticRuns(time, 1);

  it('names the argument, the value and what is allowed', () => {
    expect(() => new EnsembleAggregate({ quantiles: [0.5, 1.5] })).toThrow(
      'quantiles[1] is 1.5; allowed: a number from 0 to 1',
    );
    expect(() => new EnsembleAggregate({ quantiles: [] })).toThrow('allowed: a non-empty array');
    expect(() => new EnsembleAggregate({ quantiles: [0.5], k: 3 })).toThrow(
      'sketch parameter k is 3; allowed: an integer from 8 to 65536',
    );
    const aggregate = new EnsembleAggregate({ quantiles: [0.5] });
    aggregate.add(run);
    expect(() => aggregate.add({ ...run, time: sampleTimesOf(5) })).toThrow('run.time has 5 samples');
    expect(() => aggregate.add({ ...run, observables: { uniform: run.observables.uniform } })).toThrow(
      'run.observables is {uniform}; allowed: the first run',
    );
    const bad = { ...run, observables: { ...run.observables, normal: Float64Array.of(1, 2, NaN, 4) } };
    expect(() => aggregate.add(bad)).toThrow('run.observables.normal[2] is NaN; allowed: a finite number');
    expect(() => aggregate.rankErrorBound(2)).toThrow('delta is 2; allowed: 0 < delta < 1');
    expect(() => new EnsembleAggregate({ quantiles: [0.5] }).summary()).toThrow('no runs have been added');
    const other = new EnsembleAggregate({ quantiles: [0.5], k: 64 });
    other.add(run);
    expect(() => aggregate.merge(other)).toThrow('other has k = 64 and quantiles [0.5]; allowed: k = 200');
  });
});
