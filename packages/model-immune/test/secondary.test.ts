import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@immunotwin/engine';
import { at, clearance, count, peak, runSeeds } from './runs.js';

const CHALLENGE = 28;
const WINDOW = 14;
// Primary: a naive host infected at day 0. Secondary: the same host recovered and challenged at day 28 with
// the same dose. Both responses are read over the 14 days after their infection.
let primary: RunResult[] = [];
let secondary: RunResult[] = [];
beforeAll(() => {
  primary = runSeeds({ duration: WINDOW });
  secondary = runSeeds({
    duration: CHALLENGE + WINDOW,
    interventions: [{ kind: 'infection', start: CHALLENGE, dose: 10 }],
  });
});

/** Days after `start` until total antibody first exceeds its value at `start` by 0.1 a.u. */
function antibodyLag(run: RunResult, start: number): number {
  const base = at(run, 'IgM', start) + at(run, 'IgG', start);
  const i = run.time.findIndex(
    (t, k) => t > start && run.observables.IgM[k] + run.observables.IgG[k] > base + 0.1,
  );
  return i < 0 ? Infinity : run.time[i] - start;
}

describe('immune twin: secondary challenge after recovery (10 seeds)', () => {
  it('the viral peak is ≥ 10× lower and clearance is faster', () => {
    primary.forEach((p, i) => {
      const s = secondary[i];
      expect(peak(s, 'virus', CHALLENGE).value * 10).toBeLessThanOrEqual(peak(p, 'virus').value);
      expect(clearance(s, CHALLENGE) - CHALLENGE).toBeLessThan(clearance(p));
    });
  });

  it('antibodies respond with a shorter lag, a larger IgG peak and a higher mean affinity', () => {
    // Each seed is compared with its own primary; 9 of 10 must show each effect (a secondary challenge that
    // is neutralised on arrival can leave too little antigen to boost memory B cells in a rare seed).
    const lagShorter = primary.map((p, i) => antibodyLag(secondary[i], CHALLENGE) < antibodyLag(p, 0));
    const iggLarger = primary.map(
      (p, i) => peak(secondary[i], 'IgG', CHALLENGE, CHALLENGE + WINDOW).value > peak(p, 'IgG').value,
    );
    const affinityHigher = primary.map(
      (p, i) =>
        peak(secondary[i], 'antibodyAffinity', CHALLENGE, CHALLENGE + WINDOW).value >
        peak(p, 'antibodyAffinity').value,
    );
    expect(count(lagShorter, Boolean)).toBeGreaterThanOrEqual(9);
    expect(count(iggLarger, Boolean)).toBeGreaterThanOrEqual(9);
    expect(count(affinityHigher, Boolean)).toBeGreaterThanOrEqual(9);
  });
});
