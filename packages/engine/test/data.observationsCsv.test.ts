/**
 * Observations from CSV: the Hayden et al. 1996 example file becomes one dataset per arm with its detection limit
 * and time unit, and every malformed row is refused naming its line, column, value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validationErrorOf } from './fixtures/validationErrorOf.js';
import { parseObservationsCsv } from '../src/index.js';

const hayden = readFileSync(new URL('../../../examples/data/hayden1996.csv', import.meta.url), 'utf8');

const problem = (text: string) => validationErrorOf(() => parseObservationsCsv(text, { fileName: 'data.csv' }));

describe('parseObservationsCsv', () => {
  it('reads the Hayden 1996 arms as three datasets with hours, log10 titres and the 0.5 detection limit', () => {
    const datasets = parseObservationsCsv(hayden, { fileName: 'hayden1996.csv' });
    expect(datasets.map((d) => d.group)).toEqual(['treated-29h', 'treated-50h', 'untreated']);
    const untreated = datasets[2];
    expect(untreated).toMatchObject({
      name: 'observations untreated log10V',
      observable: 'log10V',
      unit: 'log10 TCID50/mL',
      timeUnit: 'h',
      detectionLimit: 0.5,
      source: 'hayden1996.csv',
    });
    expect(untreated.time).toEqual([0, 24, 48, 72, 96, 120, 144, 168, 192]);
    expect(untreated.values).toEqual([0, 0.97, 2.73, 2.72, 1.92, 0.85, 0.58, 0.42, 0]);
    expect(datasets[0].values).toEqual([0, 0.93, 1.2, 0.37, 0.02, 0, 0, 0, 0]);
    expect(datasets[1].values).toEqual([0, 0.8, 3.15, 1.49, 0.38, 0.09, 0.12, 0, 0]);
  });

  it('keeps per-point limits when they differ, quoted cells, CRLF, a byte-order mark and a given time unit', () => {
    const text =
      '\ufefftime,observable,value,detection_limit,unit\r\n' +
      '1,V,"1,5",2,"copies/mL"\r\n' +
      '2,V,3.5,,copies/mL\r\n' +
      '3,V,0,1,copies/mL\r\n';
    expect(() => parseObservationsCsv(text)).toThrow(
      /line 2, column "value": "1,5" is not allowed; allowed: a finite number/,
    );
    const [dataset] = parseObservationsCsv(text.replace('"1,5"', '1.5'), { timeUnit: 'day' });
    expect(dataset.values).toEqual([1.5, 3.5, 0]);
    expect(dataset.detectionLimits).toEqual([2, null, 1]);
    expect(dataset.detectionLimit).toBeUndefined();
    expect(dataset.timeUnit).toBe('day');
    expect(dataset.unit).toBe('copies/mL');
  });

  it('names the line, the column, the value and what is allowed for each bad cell', () => {
    const error = problem('time_h,observable,value,sd\n0,V,1,0.1\nsoon,V,x,-1\n2,2V,3,0\n');
    expect(error.issues).toEqual([
      { path: 'line 3, column "time"', message: '"soon" is not allowed; allowed: a finite number' },
      { path: 'line 3, column "value"', message: '"x" is not allowed; allowed: a finite number' },
      { path: 'line 3, column "sd"', message: '"-1" is not allowed; allowed: a finite number ≥ 0' },
      {
        path: 'line 4, column "observable"',
        message: '"2V" is not allowed; allowed: letters, digits and underscores, not starting with a digit',
      },
    ]);
    expect(error.message).toMatch(/^Invalid observations CSV \(data\.csv\): line 3, column "time"/);
  });

  it('refuses unknown and missing columns, unknown time units, ragged rows and mixed units', () => {
    expect(problem('time,observable,value,colour\n1,V,1,red\n').issues[0]).toEqual({
      path: 'line 1, column 4',
      message:
        'unknown column "colour"; allowed: time (or time_<unit>, e.g. time_h), observable, value, unit, detection_limit, sd, group',
    });
    expect(problem('time,value\n1,1\n').issues[0].message).toBe('the header has no "observable" column');
    expect(problem('time_fortnight,observable,value\n1,V,1\n').issues[0].message).toMatch(
      /names an unknown time unit; allowed: s, sec, second/,
    );
    expect(problem('time,observable,value\n1,V\n').issues[0]).toEqual({
      path: 'line 2',
      message: 'has 2 cells but the header has 3 columns',
    });
    expect(problem('time,observable,value,unit\n1,V,1,copies/mL\n2,V,1,TCID50/mL\n').issues[0]).toEqual({
      path: 'line 3, column "unit"',
      message:
        '"TCID50/mL" differs from the unit of "V" on line 2 ("copies/mL"); allowed: one unit per observable and group',
    });
    expect(problem('').issues[0].message).toBe('the file is empty');
    expect(problem('time,observable,value\n').issues[0].message).toBe('the file has no data rows');
    expect(problem('time,observable,value\n1,"V,1\n').issues[0]).toEqual({
      path: 'line 2',
      message: 'a quoted field is never closed (a " is missing)',
    });
  });
});

describe('names that are also JavaScript object properties', () => {
  it('are unknown columns and units, not crashes', () => {
    expect(problem('time,observable,value,constructor\n1,V,1,2\n').issues[0].message).toMatch(
      /^unknown column "constructor"/,
    );
    expect(problem('time_toString,observable,value\n1,V,1\n').issues[0].message).toMatch(/unknown time unit/);
  });
});
