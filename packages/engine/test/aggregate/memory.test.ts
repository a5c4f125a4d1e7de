import { describe, expect, it } from 'vitest';
import { EnsembleAggregate, slotsPerSketch } from '../../src/index.js';
import { sampleTimesOf, syntheticRun, worstRankError } from './syntheticRuns.js';

const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const IDS = ['uniform', 'normal', 'lognormal'];

describe('EnsembleAggregate memory', () => {
  it('stays flat from 200 to 2000 runs, at the stated bound, with bands within the stated rank error', () => {
    const time = sampleTimesOf(31);
    const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
    const kept = [];
    for (let r = 0; r < 200; r++) aggregate.add((kept[r] = syntheticRun(time, r)));
    const after200 = aggregate.byteSize();
    for (let r = 200; r < 2000; r++) aggregate.add((kept[r] = syntheticRun(time, r)));
    const after2000 = aggregate.byteSize();

    expect(after2000).toBe(after200);
    expect(after2000).toBe(EnsembleAggregate.memoryBound(31, 3));
    expect(slotsPerSketch(200)).toBeLessThanOrEqual(3 * 200 + 2 * 48 + 1);
    // Keeping the 2000 runs takes 2000 × 31 × 3 × 8 bytes; the aggregate is smaller than that already.
    expect(after2000).toBeLessThan(2000 * 31 * 3 * 8);

    const bound = aggregate.rankErrorBound(1e-3);
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(0.05 * 2000);
    const worst = worstRankError(kept, aggregate.summary(), IDS);
    expect(worst).toBeLessThanOrEqual(bound);
  });

  it('is 0 bytes before the first run and the same for a merged aggregate', () => {
    const time = sampleTimesOf(5);
    const a = new EnsembleAggregate({ quantiles: [0.5] });
    expect(a.byteSize()).toBe(0);
    const b = new EnsembleAggregate({ quantiles: [0.5] });
    for (let r = 0; r < 700; r++) b.add(syntheticRun(time, r));
    a.merge(b);
    a.merge(b);
    expect(a.count).toBe(1400);
    expect(a.byteSize()).toBe(b.byteSize());
  });
});
