/**
 * The worker side of `<twin-patient>`: a fit of the Hayden 1996 untreated arm, the curve and residuals at the fitted
 * values (their sum of squares is the least-squares likelihood the fit minimised), the forecast after each day, and a
 * cancelled fit followed by one that works.
 */
import { describe, expect, it } from 'vitest';
import type { PatientState } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { PatientService } from '../src/patient/patientService.js';
import type { IPatientForecast } from '../src/patient/patientTypes.js';
import { importBuiltNodeEntry } from './builtPackage.js';
import { haydenPatient } from './fixtures/haydenPatient.js';

const state: PatientState = {
  ...haydenPatient,
  fit: { ...haydenPatient.fit, profiles: false },
  assimilate: { ...haydenPatient.assimilate, members: 60 },
};

async function service(): Promise<PatientService> {
  const made = new PatientService();
  await made.addPlugins(builtInDescriptors);
  return made;
}

describe('PatientService', () => {
  it('fits the untreated arm and its residuals give back the least-squares −log L', async () => {
    const patient = await service();
    const progress: number[] = [];
    const fit = await patient.fit(state, (p) => progress.push(p.done));
    expect(fit.parameters.map((p) => p.id)).toEqual(['beta', 'p', 'c']);
    expect(progress.length).toBeGreaterThan(0);
    const fitted = {
      ...state.scenario.parameters,
      ...Object.fromEntries(fit.parameters.map((p) => [p.id, p.estimate])),
    };
    const view = await patient.view({ ...state, scenario: { ...state.scenario, parameters: fitted } });
    const r = view.residuals[0]!.values;
    expect(r).toHaveLength(9);
    // σ = 1 Gaussian: −log L = Σ r²/2 + n·ln √(2π); the fit's −log L and the residuals come from separate paths.
    const fromResiduals = r.reduce((sum, x) => sum + (x * x) / 2, 0) + r.length * Math.log(Math.sqrt(2 * Math.PI));
    expect(fromResiduals).toBeCloseTo(fit.negLogLikelihood, 6);
    // The fitted curve peaks near the untreated volunteers' peak (2.73 log10 on day 2; the notebook's fit: ≈ 2.7).
    const peak = Math.max(...view.curve.log10V!.filter((v): v is number => v !== null));
    expect(peak).toBeGreaterThan(2.3);
    expect(peak).toBeLessThan(3.1);
  }, 120_000);

  it('forecasts from the day reached: the band starts at the last assimilated time and narrows with data', async () => {
    const patient = await service();
    const atStart = await patient.view(state);
    expect(atStart.times).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(atStart.forecast.time[0]).toBe(0);
    const afterThree = await patient.view({ ...state, assimilate: { ...state.assimilate, day: 4 } });
    expect(afterThree.forecast.time[0]).toBe(3);
    const width = (v: typeof atStart, at: number): number => {
      const k = v.forecast.time.findIndex((t) => t >= at);
      const bands = v.forecast.observables.log10V!.bands;
      return bands[bands.length - 1]![k]! - bands[0]![k]!;
    };
    // Four days of titres pin β and p down: the 90 % band on day 5 is narrower than the prior's.
    expect(width(afterThree, 5)).toBeLessThan(width(atStart, 5));
    expect(Object.keys(afterThree.posterior)).toEqual(['beta', 'p']);
  }, 120_000);

  it('tries a treatment from the day reached: the same untreated forecast, and the treated one falls below it', async () => {
    const patient = await service();
    const atDay3 = { ...state, assimilate: { ...state.assimilate, day: 3 } };
    const untreated = await patient.view(atDay3);
    expect(untreated.treated).toBeUndefined();
    expect(untreated.model.interventions.map((i) => i.kind)).toEqual([
      'inoculation',
      'entryInhibitor',
      'productionInhibitor',
      'oseltamivir',
    ]);
    const view = await patient.view({
      ...atDay3,
      assimilate: { ...atDay3.assimilate, treatment: { kind: 'productionInhibitor' } },
    });
    // Common random numbers: the arm without the treatment is the forecast a state without one gets.
    expect(view.forecast).toEqual(untreated.forecast);
    const treated = view.treated!;
    expect(treated).toMatchObject({ kind: 'productionInhibitor', label: 'Production/release inhibitor', start: 2 });
    expect(treated.time).toEqual(view.forecast.time);
    const median = (f: IPatientForecast, at: number) => f.observables.log10V!.median[f.time.findIndex((t) => t >= at)]!;
    // Both arms leave the day reached from the same members' states.
    expect(median(treated, 2)).toBe(median(view.forecast, 2));
    // Blocking 90 % of production (the default efficacy) from day 2: free virus is cleared within hours (c ≈ 3–4
    // /day), so the titre settles a tenth as high, log10(1/(1 − 0.9)) = 1 log10 lower, and fewer new infections lower
    // it further; by day 5 the treated median must be more than that one log10 below (measured: 1.5).
    expect(median(view.forecast, 5) - median(treated, 5)).toBeGreaterThan(1);
    await expect(
      patient.view({ ...atDay3, assimilate: { ...atDay3.assimilate, treatment: { kind: 'vaccine' } } }),
    ).rejects.toThrow(
      /assimilate\.treatment\.kind: unknown intervention "vaccine" for model "target-cell-limited"; allowed: inoculation, entryInhibitor, productionInhibitor, oseltamivir/,
    );
  }, 120_000);

  it('fits on a worker pool made with the models it knows: the same estimates, intervals and −log L', async () => {
    const { createNodePool } = await importBuiltNodeEntry();
    const made: { plugins: number; tasks: number }[] = [];
    const onPool = new PatientService({
      pool: (plugins) => {
        const pool = createNodePool({ plugins, size: 2 });
        const record = { plugins: plugins.length, tasks: 0 };
        made.push(record);
        const fitTasks = pool.fitTasks.bind(pool);
        pool.fitTasks = (problem, tasks, options) => (
          (record.tasks += tasks.length),
          fitTasks(problem, tasks, options)
        );
        return pool;
      },
    });
    await onPool.addPlugins(builtInDescriptors);
    const withProfiles = { ...state, fit: { ...state.fit, starts: 3, profiles: true } };
    try {
      const pooled = await onPool.fit(withProfiles);
      const local = await (await service()).fit(withProfiles);
      // The starts and the profiles' points ran as the pool's tasks, and the pool knew every built-in model.
      expect(made).toHaveLength(1);
      expect(made[0]!.plugins).toBe(builtInDescriptors.length);
      expect(made[0]!.tasks).toBeGreaterThanOrEqual(3);
      expect(pooled.parameters).toEqual(local.parameters);
      expect(pooled.negLogLikelihood).toBe(local.negLogLikelihood);
      // A second fit reuses the pool.
      await onPool.fit(state);
      expect(made).toHaveLength(1);
    } finally {
      onPool.dispose();
    }
  }, 180_000);

  it('cancels a fit (it rejects with an AbortError) and fits again afterwards', async () => {
    const patient = await service();
    const slow = { ...state, fit: { ...state.fit, starts: 8, profiles: true } };
    const running = patient.fit(slow, () => void patient.cancel());
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const again = await patient.fit(state);
    expect(again.parameters).toHaveLength(3);
  }, 120_000);
});
