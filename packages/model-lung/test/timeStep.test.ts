import { describe, expect, it } from 'vitest';
import { CONTAINED, median, peak, run, SEEDS } from './runs.js';

/**
 * The step (`stepMinutes`, 10 by default) against a 5× finer one (2 min), in the contained regime (four foci on
 * 60² sites, 10 days), medians of 10 seeds. The virus, the epithelium, the fields and the T cells (which act minute
 * by minute inside a step) do not depend on it: without innate cells the two steps' peak damage agrees to ±3 % and
 * their virion peak to ±10 %; with macrophages and NK cells the damage to ±5 %. The bounds were set at about three
 * times the differences measured first, on seeds 101–110 (damage −1.0 %, virion peak −6.1 %; with macrophages and
 * NK cells +1.4 %), and checked here on seeds 1–10 (+0.4 %, −3.0 %, +2.7 %). Not asked, because it does not hold:
 * with the neutrophils, which climb a cytokine field held fixed through the step (~38 hops in 10 minutes), the
 * 10-min step's peak damage is above the 2-min step's (+18.5 % and +12.6 %; model README, "The time step"). The
 * validation was fixed at the default step.
 */
describe('Lung Twin: the time step', () => {
  const peakDamage = (parameters: Record<string, number>, stepMinutes: number) =>
    median(SEEDS.map((seed) => peak(run({ ...parameters, stepMinutes }, seed, 10), 'damage')));
  const peakVirions = (parameters: Record<string, number>, stepMinutes: number) =>
    median(SEEDS.map((seed) => peak(run({ ...parameters, stepMinutes }, seed, 10), 'virions')));

  it('does not move the damage or the virion peak without innate cells (10 against 2 min)', () => {
    const noInnate = { ...CONTAINED, macrophageDensity: 0, neutrophilRecruitment: 0, nkRecruitment: 0 };
    const fine = peakDamage(noInnate, 2);
    expect(fine).toBeGreaterThan(0.5);
    expect(Math.abs(peakDamage(noInnate, 10) / fine - 1)).toBeLessThan(0.03);
    expect(Math.abs(peakVirions(noInnate, 10) / peakVirions(noInnate, 2) - 1)).toBeLessThan(0.1);
  }, 120_000);

  it('does not move the damage with macrophages and NK cells (10 against 2 min)', () => {
    const noNeutrophils = { ...CONTAINED, neutrophilRecruitment: 0 };
    const fine = peakDamage(noNeutrophils, 2);
    expect(fine).toBeGreaterThan(0.5);
    expect(Math.abs(peakDamage(noNeutrophils, 10) / fine - 1)).toBeLessThan(0.05);
  }, 120_000);
});
