import { describe, expect, it } from 'vitest';
import { clearance, count, median, peak, runSeeds, at } from './runs.js';

describe('immune twin: perturbations (10 seeds each)', () => {
  it('CD8 depletion delays or prevents clearance', { timeout: 120_000 }, () => {
    const control = runSeeds({ duration: 21 });
    const depleted = runSeeds({ duration: 21, interventions: [{ kind: 'depleteCD8', start: 0, stop: 21 }] });
    // Clearance hangs on the last infected focus (seed-to-seed spread ±1 day), so a depleted run can end a
    // little earlier than its own control by chance. Thresholds first set on seeds 11–30 (18 of 20 delayed,
    // median 2.4 days) asked for a median delay ≥ 1.5 days, which seeds 51–60 missed (1.375). Over seeds 1–60 the
    // medians of ten are 3, 2.25, 2.75, 1.75, 1.875 and 1.375 days (pooled 2), with 8–10 of 10 delayed. Here:
    // ≥ 8 of 10 delayed (or never cleared) and a median delay ≥ 1 day (four sampling intervals).
    const delays = depleted.map((d, i) => clearance(d) - clearance(control[i]));
    expect(count(delays, (x) => x > 0)).toBeGreaterThanOrEqual(8);
    expect(median(delays)).toBeGreaterThanOrEqual(1);
  });

  it('B-cell depletion removes antibodies', { timeout: 120_000 }, () => {
    const depleted = runSeeds({ duration: 21, interventions: [{ kind: 'depleteB', start: 0, stop: 21 }] });
    const control = runSeeds({ duration: 21 });
    depleted.forEach((d, i) => {
      // Without B cells the titres stay below 1 % of the control's at day 21.
      expect(at(d, 'IgG', 21) + at(d, 'IgM', 21)).toBeLessThan(0.01 * (at(control[i], 'IgG', 21) + 1e-9));
    });
  });

  it('more precursors control the virus earlier', { timeout: 120_000 }, () => {
    const control = runSeeds({ duration: 16 });
    const many = runSeeds({ duration: 16, preset: 'highPrecursors' });
    // Ten times the precursors: clearance earlier in ≥ 8 of 10 seeds and by ≥ 0.5 day in the median. A single
    // surviving focus can delay the last infected cell by a day whatever the response size (the seed-to-seed
    // spread of clearance is ±1 day), so one or two seeds may not gain; measured: 8 of 10, median 1 day.
    const gains = many.map((m, i) => clearance(control[i]) - clearance(m));
    expect(count(gains, (g) => g > 0)).toBeGreaterThanOrEqual(8);
    expect(median(gains)).toBeGreaterThanOrEqual(0.5);
  });

  it('an early antiviral reduces peak virus and tissue damage more than a late one', { timeout: 120_000 }, () => {
    const course = (start: number) => [{ kind: 'antiviral', start, stop: start + 5, efficacy: 0.9 }];
    const early = runSeeds({ duration: 14, interventions: course(0.5) });
    const late = runSeeds({ duration: 14, interventions: course(3) });
    early.forEach((e, i) => {
      expect(peak(e, 'virus').value).toBeLessThan(peak(late[i], 'virus').value);
      expect(at(e, 'damage', 14)).toBeLessThan(at(late[i], 'damage', 14));
    });
  });
});
