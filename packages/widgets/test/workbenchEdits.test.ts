import { describe, expect, it } from 'vitest';
import type { Scenario, WorkbenchState } from '@immunotwin/engine';
import {
  withDefaults,
  withInterventions,
  withObservables,
  withParameter,
  withPin,
  withPreset,
  withViewChoice,
  withoutPin,
} from '../src/workbenchEdits.js';

// What a workbench saves into the notebook when a student changes something: only what was chosen, nothing that
// says "not chosen" (a saved `logY: false` or an empty `view` would make every untouched notebook differ).

const scenario: Scenario = { model: 'lung', preset: 'older', parameters: { tCellDelay: 5 }, duration: 20 };
const state: WorkbenchState = { version: 1, scenario };

describe('workbench state edits', () => {
  it('save a view choice, and drop it (and an empty view) when it goes back to the default', () => {
    const logged = withViewChoice(state, 'logY', true);
    expect(logged).toEqual({ version: 1, scenario, view: { logY: true } });
    const banded = withViewChoice(logged, 'speed', 2);
    expect(banded.view).toEqual({ logY: true, speed: 2 });
    expect(withViewChoice(banded, 'logY', undefined).view).toEqual({ speed: 2 });
    expect(withViewChoice(logged, 'logY', false)).toEqual({ version: 1, scenario });
    expect(state).toEqual({ version: 1, scenario }); // the input is not changed
  });

  it('set or clear the observables drawn', () => {
    expect(withObservables(state, ['damage'])).toEqual({ version: 1, scenario, observables: ['damage'] });
    expect(withObservables({ ...state, observables: ['damage'] }, undefined)).toEqual({ version: 1, scenario });
  });

  it('pin the current scenario under a label, and unpin by label (no empty list left)', () => {
    const one = withPin(state, 'older host');
    expect(one.pinned).toEqual([{ label: 'older host', scenario }]);
    const two = withPin({ ...one, scenario: { model: 'lung' } }, 'average');
    expect(two.pinned).toEqual([
      { label: 'older host', scenario },
      { label: 'average', scenario: { model: 'lung' } },
    ]);
    expect(withoutPin(two, 'older host').pinned).toEqual([{ label: 'average', scenario: { model: 'lung' } }]);
    expect(withoutPin(one, 'older host')).toEqual({ version: 1, scenario });
    expect(withoutPin(one, 'no such pin')).toEqual(one);
  });

  it('change a parameter, keeping the preset and the other values', () => {
    expect(withParameter(scenario, 'infectivity', 0.002)).toEqual({
      model: 'lung',
      preset: 'older',
      parameters: { tCellDelay: 5, infectivity: 0.002 },
      duration: 20,
    });
    expect(withParameter({ model: 'lung' }, 'tCellDelay', 8)).toEqual({ model: 'lung', parameters: { tCellDelay: 8 } });
  });

  it('pick a preset (dropping explicit values) or custom values (dropping the preset), or go back to defaults', () => {
    expect(withPreset(scenario, 'immunosuppressed', { tCellDelay: 9 })).toEqual({
      model: 'lung',
      duration: 20,
      preset: 'immunosuppressed',
    });
    expect(withPreset(scenario, undefined, { tCellDelay: 9, infectivity: 0.001 })).toEqual({
      model: 'lung',
      duration: 20,
      parameters: { tCellDelay: 9, infectivity: 0.001 },
    });
    expect(withDefaults(scenario)).toEqual({ model: 'lung', duration: 20 });
  });

  it('set the interventions, and drop the key when the last one is removed', () => {
    const antiviral = { kind: 'antiviral', start: 2, stop: 7, efficacy: 0.5 };
    expect(withInterventions(scenario, [antiviral])).toEqual({ ...scenario, interventions: [antiviral] });
    expect(withInterventions({ ...scenario, interventions: [antiviral] }, [])).toEqual(scenario);
  });
});
