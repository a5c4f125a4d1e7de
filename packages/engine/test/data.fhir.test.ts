/**
 * FHIR R4 Observations in: LOINC-coded viral loads and cell counts from the example Bundle become datasets with
 * converted units and times from an origin; a value below a detection limit ("<") is censored there; bad resources
 * are refused naming the JSON location, the value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validationErrorOf } from './fixtures/validationErrorOf.js';
import { convertQuantity, parseFhirObservations, quantityUnit } from '../src/index.js';

const read = (name: string): string => readFileSync(new URL(`../../../examples/data/${name}`, import.meta.url), 'utf8');
const bundleText = read('fhir-sars-cov-2-bundle.json');
const hivText = read('fhir-hiv-observation.json');
const HOUR = 1 / 24;

const problem = (input: unknown) => validationErrorOf(() => parseFhirObservations(input));

describe('parseFhirObservations', () => {
  it('reads the example Bundle: days since the first observation, units converted, "<" as a detection limit', () => {
    const { datasets, skipped, origin } = parseFhirObservations(bundleText, { fileName: 'bundle.json' });
    expect(origin).toBe('2024-01-10T08:00:00.000Z');
    expect(datasets.map((d) => d.observable)).toEqual(['sarsCov2RnaLog10', 'lymphocytes', 'cd4']);
    const [load, lymphocytes, cd4] = datasets;
    expect(load.group).toBe('Patient/pt-017');
    expect(load.unit).toBe('log10 copies/mL');
    expect(load.timeUnit).toBe('day');
    // 10 Jan 09:00, 12 Jan 08:30, 15 Jan 10:00, 19 Jan 09:45 (+01:00) after 10 Jan 09:00.
    const expectedDays = [0, 2 - 0.5 * HOUR, 5 + HOUR, 9 + 0.75 * HOUR];
    load.time.forEach((t, i) => expect(t).toBeCloseTo(expectedDays[i], 12));
    expect(load.values).toEqual([6.8, 5.1, 3.2, 2.6]);
    expect(load.detectionLimits).toEqual([null, null, null, 2.6]);
    // 0.9 and 1.4 × 10^3/µL are 900 and 1400 cells/µL; 0.41 × 10^9/L is 410 cells/µL.
    expect(lymphocytes.unit).toBe('cells/uL');
    lymphocytes.values.forEach((v, i) => expect(v).toBeCloseTo([900, 1400][i], 9));
    expect(cd4.values[0]).toBeCloseTo(410, 9);
    expect(cd4.time[0]).toBeCloseTo(2 - 0.5 * HOUR + 5 / 1440, 12);
    expect(skipped).toEqual([
      { path: 'entry[2].resource', reason: 'no LOINC code the reader knows (codes: http://loinc.org|8867-4)' },
      { path: 'entry[5].resource', reason: 'status "entered-in-error"' },
    ]);
  });

  it('takes an origin, a time unit and a target unit: HIV RNA 48000 copies/mL as log10 copies/mL', () => {
    const { datasets } = parseFhirObservations(JSON.parse(hivText), {
      origin: '2023-05-31T00:00:00Z',
      timeUnit: 'hour',
      units: { hiv1Rna: 'log10 copies/mL' },
    });
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ observable: 'hiv1Rna', unit: 'log10 copies/mL', time: [48], timeUnit: 'hour' });
    expect(datasets[0].values[0]).toBeCloseTo(Math.log10(48000), 14);
  });

  it('names the JSON location, the value and what is allowed', () => {
    const bundle = JSON.parse(bundleText);
    const observation = bundle.entry[0].resource;
    expect(problem({ ...observation, valueQuantity: undefined }).issues[0]).toEqual({
      path: 'valueQuantity',
      message: 'is required for sarsCov2RnaLog10 but missing',
    });
    bundle.entry[3].resource.valueQuantity.code = 'mg/dL';
    bundle.entry[6].resource.effectiveDateTime = '15/01/2024';
    bundle.entry[7].resource.valueQuantity.value = '1.4';
    const issues = problem(bundle).issues;
    expect(issues).toEqual([
      {
        path: 'entry[3].resource.valueQuantity.code',
        message: expect.stringMatching(/^unit "mg\/dL" is not one the reader converts/),
      },
      {
        path: 'entry[6].resource.effectiveDateTime',
        message: expect.stringMatching(/must be a FHIR dateTime such as .*; got "15\/01\/2024"$/),
      },
      { path: 'entry[7].resource.valueQuantity.value', message: 'must be a finite number; got "1.4"' },
    ]);
    expect(problem({ resourceType: 'Patient' }).issues[0]).toEqual({
      path: 'resourceType',
      message: '"Patient" is not read here; allowed: "Observation", "Bundle"',
    });
    const above = { ...observation, valueQuantity: { ...observation.valueQuantity, comparator: '>' } };
    expect(problem(above).issues[0].path).toBe('valueQuantity.comparator');
    expect(() => parseFhirObservations('{"resourceType": "Bundle",', { fileName: 'b.json' })).toThrow(
      /b\.json: malformed JSON at the end of the text/,
    );
  });
});

describe('quantity units', () => {
  it('convert viral loads between linear and log10 and cell counts between per µL and per litre', () => {
    expect(convertQuantity(4, 'log10 copies/mL', '{copies}/mL')).toBeCloseTo(1e4, 9);
    expect(convertQuantity(1e4, 'copies/mL', '{Log_copies}/mL')).toBe(4);
    expect(convertQuantity(3, 'log10 copies/mL', 'log10 copies/mL')).toBe(3);
    expect(convertQuantity(0.45, '10*9/L', 'cells/µL')).toBeCloseTo(450, 10);
    expect(convertQuantity(450, '/uL', '10*3/uL')).toBeCloseTo(0.45, 14);
    expect(convertQuantity(2, 'log10 TCID50/mL', 'TCID50/mL')).toBeCloseTo(100, 10);
    expect(quantityUnit('cells/mm3')).toEqual(quantityUnit('cells/uL'));
  });

  it('refuse what does not convert: copies to TCID50, zero to log10, unknown units', () => {
    expect(() => convertQuantity(1, 'copies/mL', 'TCID50/mL')).toThrow(/counts copies and "TCID50\/mL" counts TCID50/);
    expect(() => convertQuantity(0, 'copies/mL', 'log10 copies/mL')).toThrow(/0 copies\/mL has no log10/);
    expect(() => convertQuantity(1, 'furlongs', 'copies/mL')).toThrow(/unit "furlongs" is not one the reader converts/);
  });
});
