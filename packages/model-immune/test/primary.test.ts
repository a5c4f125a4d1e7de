import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@immunotwin/engine';
import { at, clearance, count, median, peak, runSeeds, SEEDS, series } from './runs.js';

// The default scenario (a naive host, 10 IU at day 0) followed to day 28, once per seed.
let runs: RunResult[] = [];
beforeAll(() => {
  runs = runSeeds({ duration: 28 });
}, 180_000);

/** CD8 growth rate (1/day) fitted between the first samples above 10² and 10⁴ responding cells. */
function cd8GrowthRate(run: RunResult): number {
  const x = series(run, 'cd8Effector');
  const i = x.findIndex((v) => v >= 100);
  const j = x.findIndex((v) => v >= 1e4);
  return Math.log(x[j] / x[i]) / (run.time[j] - run.time[i]);
}

describe('immune twin: primary infection (10 seeds)', () => {
  it('virus peaks within days 2–5 and is cleared by about day 10–14', () => {
    // Every seed must peak in the window; clearance may slip by a day for one unlucky seed (a surviving
    // focus), so 9 of 10 must clear within [9, 14] days and all by day 16.
    for (const run of runs) {
      const p = peak(run, 'virus');
      expect(p.time, `seed ${run.metadata.seed}`).toBeGreaterThanOrEqual(2);
      expect(p.time).toBeLessThanOrEqual(5);
    }
    const cleared = runs.map((r) => clearance(r));
    expect(
      count(cleared, (t) => t >= 9 && t <= 14),
      `clearance days ${cleared}`,
    ).toBeGreaterThanOrEqual(9);
    expect(Math.max(...cleared)).toBeLessThanOrEqual(16);
  });

  it('CD8 effectors expand with a doubling time of 6–12 h and peak around days 7–10', () => {
    for (const run of runs) {
      const doubling = (Math.LN2 / cd8GrowthRate(run)) * 24;
      expect(doubling).toBeGreaterThanOrEqual(6);
      expect(doubling).toBeLessThanOrEqual(12);
      const p = peak(run, 'cd8Effector');
      expect(p.time).toBeGreaterThanOrEqual(7);
      expect(p.time).toBeLessThanOrEqual(10);
    }
  });

  it('CD8 effectors contract by ≥ 90 % and leave memory at about 5 % of the peak', () => {
    // Memory is read at day 28 when contraction is over. De Boer et al. 2001 and Blattman et al. 2002 find ≈ 5 %
    // of the peak. With De Boer's reversion of 2 %/day the twin leaves 3.97–4.80 % on seeds 1–30 (medians of
    // ten 4.49–4.54 %) and 3.8 % on one of seeds 41–50. The band was 4–12 % while memory formation was
    // calibrated at 4 %/day (8–9 % of the peak); it is now 3–8 % per seed (the binomial noise of a few hundred
    // precursors) with a median of 4–6 %, set after seeing seeds 41–50 and checked on seeds 51–60.
    const levels = runs.map((run) => {
      const p = peak(run, 'cd8Effector');
      expect(at(run, 'cd8Effector', 28) / p.value).toBeLessThan(0.1);
      return at(run, 'cd8Memory', 28) / p.value;
    });
    for (const memory of levels) {
      expect(memory).toBeGreaterThan(0.03);
      expect(memory).toBeLessThan(0.08);
    }
    expect(median(levels)).toBeGreaterThan(0.04);
    expect(median(levels)).toBeLessThan(0.06);
  });

  it('IgM rises before IgG', () => {
    // "Rises": first sample above 0.01 a.u. (≈ 1 % of the day-14 IgM titre).
    for (const run of runs) {
      const first = (id: string): number => run.time[series(run, id).findIndex((v) => v > 0.01)];
      expect(first('IgM')).toBeLessThan(first('IgG'));
    }
  });

  it('antibody affinity matures in germinal centres and memory and expanded clones remain', () => {
    // Germinal centres are small and stochastic (a seed can be dominated by one low-affinity clone), so
    // maturation is checked on the median over seeds.
    expect(median(runs.map((r) => at(r, 'iggAffinity', 28)))).toBeGreaterThan(
      median(runs.map((r) => at(r, 'iggAffinity', 12))),
    );
    for (const run of runs) {
      expect(at(run, 'bClones', 28)).toBeGreaterThan(at(run, 'bClones', 3));
      expect(at(run, 'memoryCells', 28)).toBeGreaterThan(1000);
      expect(peak(run, 'expandedClones').value).toBeGreaterThan(5);
    }
    expect(runs.length).toBe(SEEDS.length);
  });
});
