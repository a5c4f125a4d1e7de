import { describe, expect, it } from 'vitest';
import { CONTAINED, median, peak, run, SEEDS, series, SMALL } from './runs.js';

// The early-versus-late antiviral claim is checked in earlyAntiviral.validation.test.ts.
describe('Lung Twin: treatments (over 10 seeds)', () => {
  it('a monoclonal antibody lowers the virion peak', () => {
    const peaks = (interventions: { kind: string; start: number }[]) =>
      SEEDS.map((seed) => peak(run({ ...SMALL, tCellGeneration: 0 }, seed, 5, 0.25, { interventions }), 'virions'));
    const without = peaks([]);
    const withAntibody = peaks([{ kind: 'monoclonalAntibody', start: 0.5 }]);
    // 0.02 /min of extra clearance is 5× SIMCoV's 0.004: free virions live a sixth as long. The peak falls by far
    // more than the ±5 % seed-to-seed spread; ask for 25 % in every seed.
    SEEDS.forEach((seed, k) => expect(withAntibody[k], `seed ${seed}`).toBeLessThan(0.75 * without[k]));
  });

  it('T-cell depletion removes tissue and circulating T cells', () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const base = { ...SMALL, tCellDelay: 1 };
      const r = run(base, seed, 3.5, 0.25, { interventions: [{ kind: 'tCellDepletion', start: 3, fraction: 0.9 }] });
      const t = Array.from(r.time);
      const at = (id: string, day: number): number => series(r, id)[t.indexOf(day)];
      const control = run(base, seed, 3.5, 0.25);
      const circulating = series(control, 'tCellsCirculating')[t.indexOf(3)];
      expect(at('tCells', 2.75)).toBeGreaterThan(10);
      // The depletion acts at the start of day 3 (before that sample is written): the circulating pool is 10 % of
      // the untreated one (the supply refills it afterwards), the tissue keeps ~10 % (binomial, so ≤ 30 %).
      expect(at('tCellsCirculating', 3)).toBeCloseTo(0.1 * circulating, -1);
      expect(at('tCells', 3)).toBeLessThanOrEqual(0.3 * at('tCells', 2.75));
    }
  });

  it('IFN therapy puts cells into the antiviral state without any infection', () => {
    const r = run({ ...SMALL, foci: 0 }, 1, 1, 0.25, { interventions: [{ kind: 'ifnTherapy', start: 0.25, stop: 1 }] });
    expect(series(r, 'antiviral')[1]).toBe(0);
    expect(series(r, 'antiviral').at(-1)).toBeGreaterThan(0.5 * 3600);
  });
});

describe('Lung Twin: hosts (over 10 seeds)', () => {
  it('an older host (T cells later and weaker) has a higher virion peak than an adult', { timeout: 180_000 }, () => {
    const peaks = (preset: string): number[] =>
      SEEDS.map((seed) => peak(run({ ...CONTAINED, latticeSize: 100 }, seed, 12, 0.5, { preset }), 'virions'));
    const adult = peaks('adult');
    const older = peaks('olderHost');
    SEEDS.forEach((seed, k) => expect(older[k], `seed ${seed}`).toBeGreaterThanOrEqual(adult[k]));
    expect(median(older)).toBeGreaterThan(1.1 * median(adult));
  });
});
