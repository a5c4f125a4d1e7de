import { describe, expect, it } from 'vitest';
import { ValidationError } from '@immunotwin/engine';
import { parseWorkbenchState, WORKBENCH_MIME_TYPE } from '@immunotwin/engine';
import { fullWorkbenchState as full } from './fixtures/outputDocuments.js';

function issue(json: unknown): { message: string; path: string } {
  try {
    parseWorkbenchState(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    return { message: e.message, path: e.issues[0].path };
  }
  throw new Error('expected a ValidationError');
}

describe('the workbench MIME format', () => {
  it('has the MIME type the kernel emits', () => {
    expect(WORKBENCH_MIME_TYPE).toBe('application/vnd.immunotwin.workbench+json');
  });

  it('round-trips a full state through JSON unchanged', () => {
    const text = JSON.stringify(full);
    expect(parseWorkbenchState(text)).toEqual(full);
    expect(parseWorkbenchState(JSON.parse(text))).toEqual(full);
    expect(parseWorkbenchState({ version: 1, scenario: { model: 'target-cell-limited' } })).toEqual({
      version: 1,
      scenario: { model: 'target-cell-limited' },
    });
  });

  it('returns a copy', () => {
    const input = structuredClone(full);
    const parsed = parseWorkbenchState(input);
    parsed.scenario.parameters!.c = 99;
    expect(input.scenario.parameters!.c).toBe(3);
  });

  it('moves a top-level interventions list into the scenario, and refuses two lists', () => {
    const interventions = [{ kind: 'inoculation', start: 0, dose: 1 }];
    expect(parseWorkbenchState({ version: 1, scenario: { model: 'm' }, interventions })).toEqual({
      version: 1,
      scenario: { model: 'm', interventions },
    });
    expect(issue({ version: 1, scenario: { model: 'm', interventions }, interventions }).path).toBe('interventions');
  });

  it.each([
    [{ scenario: { model: 'target-cell-limited' } }, 'version', 'is required'],
    [{ version: 2, scenario: { model: 'x' } }, 'version', 'format version 2 is not supported; allowed: 1'],
    [{ version: 1 }, 'scenario', 'is required'],
    [{ version: 1, scenario: { model: 'x', duration: -1 } }, 'scenario.duration', 'must be > 0; got -1'],
    [
      { version: 1, scenario: { model: 'x', parameters: { c: 'fast' } } },
      'scenario.parameters.c',
      'must be a finite number; got "fast"',
    ],
    [{ version: 1, scenario: { model: 'x' }, view: { speed: 0 } }, 'view.speed', 'must be > 0; got 0'],
    [{ version: 1, scenario: { model: 'x' }, view: { logY: 'yes' } }, 'view.logY', 'must be boolean'],
    [{ version: 1, scenario: { model: 'x' }, view: { tissueField: '' } }, 'view.tissueField', 'must not be empty'],
    [
      { version: 1, scenario: { model: 'x' }, view: { band: { kind: 'cohort', size: 1 } } },
      'view.band.size',
      'must be ≥ 2; got 1',
    ],
    [
      { version: 1, scenario: { model: 'x' }, view: { band: { kind: 'patients', size: 20 } } },
      'view.band.kind',
      'must be one of "replicates", "cohort"; got "patients"',
    ],
    [{ version: 1, scenario: { model: 'x' }, view: { band: { kind: 'cohort' } } }, 'view.band.size', 'is required'],
    [
      { version: 1, scenario: { model: 'x' }, view: { band: { kind: 'cohort', size: 20, spread: -1 } } },
      'view.band.spread',
      'must be > 0; got -1',
    ],
    [
      { version: 1, scenario: { model: 'x' }, view: { band: { kind: 'replicates', size: 20, spread: 0.3 } } },
      'view.band.spread',
      'applies to a cohort only; leave it out of a band of replicates',
    ],
    [
      { version: 1, scenario: { model: 'x' }, view: { band: { kind: 'replicates', size: 20, parameters: ['c'] } } },
      'view.band.parameters',
      'applies to a cohort only',
    ],
    [{ version: 1, scenario: { model: 'x' }, observables: ['V', 'V'] }, 'observables', 'must not repeat items'],
    [{ version: 1, scenario: { model: 'x' }, observables: ['2V'] }, 'observables[0]', 'an observable id'],
    [
      { version: 1, scenario: { model: 'x' }, pinned: [{ label: '', scenario: { model: 'x' } }] },
      'pinned[0].label',
      'must not be empty',
    ],
    [
      { version: 1, scenario: { model: 'x' }, results: [] },
      'results',
      'is not a known property here; allowed: version, scenario',
    ],
  ])('refuses %j naming the field, the value and what is allowed', (json, path, message) => {
    const found = issue(json);
    expect(found.path).toBe(path);
    expect(found.message).toContain(message);
    expect(found.message).toMatch(/^Invalid workbench state: /);
  });

  it('refuses repeated pin labels', () => {
    const pin = { label: 'a', scenario: { model: 'x' } };
    expect(issue({ version: 1, scenario: { model: 'x' }, pinned: [pin, pin] })).toEqual({
      path: 'pinned[1].label',
      message: 'Invalid workbench state: pinned[1].label: "a" is used twice; labels must differ',
    });
  });

  it('refuses observed data in a time unit it cannot convert, naming the units it can', () => {
    const observed = { name: 'a', source: 'b', observable: 'V', unit: '1', time: [1], values: [2], timeUnit: 'moon' };
    const found = issue({ version: 1, scenario: { model: 'x' }, observed: [observed] });
    expect(found.path).toBe('observed[0].timeUnit');
    expect(found.message).toContain('"moon" is not a time unit; allowed: s, sec');
    expect(found.message).toContain('hour');
  });

  it('reports malformed JSON text with its position', () => {
    expect(issue('{"version": 1,\n "scenario": }').message).toContain('malformed JSON at line 2, column 14');
  });
});
