import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@immunotwin/engine';
import { at, clearance, count, median, peak, runSeeds } from './runs.js';

// A prime at day 0 and a boost at day 21 (adjuvanted, the default dose), then the default 10 IU challenge at
// day 49, four weeks after the boost; compared seed by seed with a naive host's primary infection by the same
// 10 IU, both read over the 14 days after infection.
const BOOST = 21;
const CHALLENGE = 49;
const WINDOW = 14;
const vaccine = (adjuvant: number) => [
  { kind: 'vaccination', start: 0, dose: 2000, adjuvant },
  { kind: 'vaccination', start: BOOST, dose: 2000, adjuvant },
];

let primary: RunResult[] = [];
let vaccinated: RunResult[] = [];
let unadjuvanted: RunResult[] = [];
beforeAll(() => {
  primary = runSeeds({ duration: WINDOW });
  vaccinated = runSeeds({
    duration: CHALLENGE + WINDOW,
    parameters: { inoculum: 0 },
    interventions: [...vaccine(1), { kind: 'infection', start: CHALLENGE, dose: 10 }],
  });
  unadjuvanted = runSeeds({ duration: CHALLENGE, parameters: { inoculum: 0 }, interventions: vaccine(0) });
}, 240_000);

describe('immune twin: secondary challenge after vaccination (10 seeds)', () => {
  it('an adjuvanted prime-boost leaves IgG, memory B and memory CD8 cells at the challenge', () => {
    // Measured at day 49 on seeds 1–30 with memory formation at 2 %/day (issue 18): IgG 6.4–47.6 a.u. (a primary
    // infection leaves 35–160 at day 21), memory B 81–1047, memory CD8 5,194–9,691 cells (median 8,092). Per seed
    // each must be at least half the lowest of those 30 (a fixed rule for the tail of unseen seeds), and the median
    // memory CD8 pool at least 6,000 (the medians of ten seeds there are all ≥ 7,500). The former per-seed 5,000
    // (set at 4 %/day) failed once on seeds 61–70 (4,479).
    vaccinated.forEach((v) => {
      expect(at(v, 'IgG', CHALLENGE)).toBeGreaterThan(3.2);
      expect(at(v, 'bMemory', CHALLENGE)).toBeGreaterThan(40);
      expect(at(v, 'cd8Memory', CHALLENGE)).toBeGreaterThan(2597);
    });
    expect(median(vaccinated.map((v) => at(v, 'cd8Memory', CHALLENGE)))).toBeGreaterThanOrEqual(6000);
  });

  it('without adjuvant there is no CD4 help: no IgG and no memory', () => {
    unadjuvanted.forEach((u, i) => {
      expect(at(u, 'IgG', CHALLENGE)).toBeLessThan(0.01 * at(vaccinated[i], 'IgG', CHALLENGE));
      expect(at(u, 'bMemory', CHALLENGE) + at(u, 'cd8Memory', CHALLENGE)).toBe(0);
    });
  });

  it('the viral peak is ≥ 10× lower and clearance is faster than in a naive host', () => {
    // Neutralising IgG meets the challenge at the portal, so the peak falls in nearly every host; but where a
    // focus escapes, the little antigen it makes recalls memory T cells slowly and it can smoulder longer than
    // a primary infection (a limitation of the model, noted in its README). Thresholds from seeds 1–30: the
    // peak ≥ 10× lower in 25 of 30 (9, 8, 9 per ten seeds; median ratio 26×); clearance faster in 21 of 30
    // (9, 6, 7 per ten). Here: ≥ 7 of 10 peaks ≥ 10× lower and a median ratio ≥ 10; clearance faster in ≥ 5
    // of 10 and in the median.
    const ratios = vaccinated.map((v, i) => peak(primary[i], 'virus').value / peak(v, 'virus', CHALLENGE).value);
    expect(count(ratios, (r) => r >= 10)).toBeGreaterThanOrEqual(7);
    expect(median(ratios)).toBeGreaterThanOrEqual(10);
    const after = vaccinated.map((v) => clearance(v, CHALLENGE) - CHALLENGE);
    const naive = primary.map((p) => clearance(p));
    expect(count(after, (t, i) => t < naive[i])).toBeGreaterThanOrEqual(5);
    expect(median(after)).toBeLessThan(median(naive));
  });
});
