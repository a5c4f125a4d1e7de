/**
 * `twin.patient()`: the patient widget's state from the twin and its data — what to fit, how, and day 0 of the
 * assimilation — with nothing computed in the kernel; bad options are named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATIENT_MIME_TYPE, parsePatientState } from '@immunotwin/engine';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { createTwinApi } from '../src/twinApi.js';

const HAYDEN = readFileSync(new URL('../../../examples/data/hayden1996.csv', import.meta.url), 'utf8');

describe('twin.patient', () => {
  it('writes the state of the untreated arm: data, the fit settings, the scenario covering the data, day 0', () => {
    const twin = createTwinApi(targetCellLimited);
    twin.set({ eclipse: 1 });
    const patient = twin.patient(HAYDEN, {
      estimate: [{ id: 'beta', lower: 1e-7, upper: 1 }, 'c'],
      group: 'untreated',
      starts: 2,
    });
    const bundle = patient.toMimeBundle();
    const state = parsePatientState(bundle.data[PATIENT_MIME_TYPE]);
    expect(state.data).toHaveLength(1);
    expect(state.data[0]!.values).toEqual([0, 0.97, 2.73, 2.72, 1.92, 0.85, 0.58, 0.42, 0]);
    expect(state.scenario.parameters!.eclipse).toBe(1);
    // 192 h of data is 8 days; the model's default run is at least that.
    expect(state.scenario.duration).toBeGreaterThanOrEqual(8);
    const c = targetCellLimited.manifest.parameters.find((p) => p.id === 'c')!;
    expect(state.fit.parameters).toEqual([
      { id: 'beta', lower: 1e-7, upper: 1, scale: 'log' },
      { id: 'c', lower: c.min, upper: c.max, scale: 'log' },
    ]);
    expect(state.fit.starts).toBe(2);
    expect(state.assimilate).toEqual({ estimate: { beta: 1, c: 1 }, day: 0 });
    expect(bundle.data['text/plain']).toMatch(/9 measurements of log10V/);
  });

  it('names a bad option: the group, a parameter, the members', () => {
    const twin = createTwinApi(targetCellLimited);
    expect(() => twin.patient(HAYDEN, { estimate: ['beta'], group: 'nobody' })).toThrow(
      /twin.patient: group "nobody" is not in the data; allowed: treated-29h, treated-50h, untreated/,
    );
    expect(() => twin.patient(HAYDEN, { estimate: ['zeta'], group: 'untreated' })).toThrow(/estimate\[0\].*"zeta"/);
    expect(() => twin.patient(HAYDEN, { estimate: ['beta'], group: 'untreated', members: 1 })).toThrow(
      /members is 1; allowed: a whole number from 2 to 10000/,
    );
    expect(() =>
      twin.patient(HAYDEN, { estimate: ['beta'], group: 'untreated', treatment: { kind: 'vaccine' } }),
    ).toThrow(
      /twin\.patient: treatment\.kind: unknown intervention "vaccine" for model "target-cell-limited"; allowed: inoculation, entryInhibitor, productionInhibitor, oseltamivir$/,
    );
    expect(() =>
      twin.patient(HAYDEN, { estimate: ['beta'], group: 'untreated', treatment: 'oseltamivir' as never }),
    ).toThrow(
      /treatment "oseltamivir" is not allowed; allowed: an object naming one of target-cell-limited's interventions by kind, e\.g\. \{ kind: 'inoculation' \}/,
    );
  });

  it('sets a treatment to try from the day reached', () => {
    const twin = createTwinApi(targetCellLimited);
    const patient = twin.patient(HAYDEN, {
      estimate: ['beta'],
      group: 'untreated',
      treatment: { kind: 'oseltamivir', dose: 150 },
    });
    expect(patient.state.assimilate).toEqual({
      estimate: { beta: 1 },
      day: 0,
      treatment: { kind: 'oseltamivir', dose: 150 },
    });
  });
});
