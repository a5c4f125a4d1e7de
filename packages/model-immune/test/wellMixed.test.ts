import { describe, expect, it } from 'vitest';
import { simulateSync } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { immuneManifest } from '../src/index.js';
import { at, peak, runSeeds, SEEDS } from './runs.js';

const mean = (x: readonly number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: readonly number[]): number => Math.sqrt(x.reduce((a, b) => a + (b - mean(x)) ** 2, 0) / (x.length - 1));

describe('immune twin: well-mixed limit agrees with the within-host ODE model', () => {
  it(
    'peak virus, its timing and the final size match target-cell-limited at β_ODE = β/N, U0 = N',
    { timeout: 60_000 },
    () => {
      const preset = immuneManifest.presets.find((p) => p.id === 'wellMixedVirusOnly')!.parameters;
      const defaults: Record<string, number> = Object.fromEntries(
        immuneManifest.parameters.map((p) => [p.id, p.default]),
      );
      const q: Record<string, number> = { ...defaults, ...preset, stepMinutes: 10 };
      const N = q.latticeSize * q.latticeSize;
      // The mapping documented in the manifest's assumptions.
      const ode = simulateSync(targetCellLimited, {
        model: 'target-cell-limited',
        duration: 10,
        outputInterval: 0.05,
        parameters: {
          U0: N,
          V0: q.inoculum,
          beta: q.beta / N,
          p: q.production,
          c: q.virusClearance,
          delta: q.infectedDeath,
          k: q.eclipseRate,
          eclipse: 1,
          entryLoss: 0,
          lambda: 0,
          dU: 0,
        },
      }).runs[0];
      const abm = runSeeds({
        duration: 10,
        outputInterval: 0.05,
        preset: 'wellMixedVirusOnly',
        parameters: { stepMinutes: 10 },
      });
      expect(abm.length).toBe(SEEDS.length);

      const odePeak = peak(ode, 'V');
      const odeFinal = N - ode.observables.U[ode.observables.U.length - 1];
      const peaks = abm.map((r) => peak(r, 'virus').value);
      const times = abm.map((r) => peak(r, 'virus').time);
      const finals = abm.map((r) => at(r, 'damage', 10) + at(r, 'infected', 10));
      // Tolerances: 4 standard errors of the 10-seed mean (stochastic error), plus the first-order time-step
      // allowance for the first-order error of the 10-min step (3 % on the peak, 0.05 day on its time, 1 % on
      // the final size).
      const se = (x: number[]): number => sd(x) / Math.sqrt(x.length);
      expect(Math.abs(mean(peaks) - odePeak.value)).toBeLessThan(4 * se(peaks) + 0.01 * odePeak.value);
      expect(Math.abs(mean(times) - odePeak.time)).toBeLessThan(4 * se(times) + 0.05);
      expect(Math.abs(mean(finals) - odeFinal)).toBeLessThan(4 * se(finals) + 0.002 * odeFinal);
    },
  );
});
