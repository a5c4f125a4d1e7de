import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@immunotwin/engine';
import { at, clearance, count, peak, runSeeds } from './runs.js';

const CHALLENGE = 28;
const WINDOW = 14;

/** Days after `start` until IgG first exceeds its value at `start` by 1 a.u. (Infinity if never within the run). */
function iggLag(run: RunResult, start: number): number {
  const base = at(run, 'IgG', start);
  const i = run.time.findIndex((t, k) => t > start && run.observables.IgG[k] > base + 1);
  return i < 0 ? Infinity : run.time[i] - start;
}

describe('immune twin: secondary challenge after recovery (10 seeds)', () => {
  // Primary: a naive host infected at day 0. Secondary: the same host, recovered, challenged at day 28 with
  // the same dose; both are read over the 14 days after their infection.
  let primary: RunResult[] = [];
  let secondary: RunResult[] = [];
  beforeAll(() => {
    primary = runSeeds({ duration: WINDOW });
    secondary = runSeeds({
      duration: CHALLENGE + WINDOW,
      interventions: [{ kind: 'infection', start: CHALLENGE, dose: 10 }],
    });
  }, 180_000);

  it('the viral peak is ≥ 10× lower and clearance is faster', () => {
    primary.forEach((p, i) => {
      const s = secondary[i];
      expect(peak(s, 'virus', CHALLENGE).value * 10).toBeLessThanOrEqual(peak(p, 'virus').value);
      expect(clearance(s, CHALLENGE) - CHALLENGE).toBeLessThan(clearance(p));
    });
  });
});

describe('immune twin: secondary antibody response (10 seeds)', () => {
  // A low-dose challenge meets enough neutralising IgG to be sterilised on arrival, which leaves too little
  // antigen to boost memory B cells (as with real sterilising immunity). The antibody comparison therefore
  // uses a 1,000 IU challenge, against the primary response of a naive host to the same 1,000 IU.
  const DOSE = 1000;
  let primary: RunResult[] = [];
  let secondary: RunResult[] = [];
  beforeAll(() => {
    primary = runSeeds({ duration: WINDOW, parameters: { inoculum: DOSE } });
    secondary = runSeeds({
      duration: CHALLENGE + WINDOW,
      interventions: [{ kind: 'infection', start: CHALLENGE, dose: DOSE }],
    });
  }, 180_000);

  it('has a shorter IgG lag, a larger IgG peak and a higher mean affinity than the primary', () => {
    // Per seed against its own primary; 9 of 10 must show each effect (GC output is a small-number process).
    const lagShorter = primary.map((p, i) => iggLag(secondary[i], CHALLENGE) < iggLag(p, 0));
    const iggLarger = primary.map(
      (p, i) => peak(secondary[i], 'IgG', CHALLENGE, CHALLENGE + WINDOW).value > peak(p, 'IgG').value,
    );
    // Mean affinity at the end of each 14-day window (early primary values rest on a handful of cells).
    const affinityHigher = primary.map(
      (p, i) => at(secondary[i], 'antibodyAffinity', CHALLENGE + WINDOW) > at(p, 'antibodyAffinity', WINDOW),
    );
    expect(count(lagShorter, Boolean)).toBeGreaterThanOrEqual(9);
    expect(count(iggLarger, Boolean)).toBeGreaterThanOrEqual(9);
    expect(count(affinityHigher, Boolean)).toBeGreaterThanOrEqual(9);
  });
});
