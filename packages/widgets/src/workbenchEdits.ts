import type { InterventionInstance, Scenario, WorkbenchState } from '@immunotwin/engine';

/** The `view` part of a workbench state: choices of how the run is shown, not what is run. */
export type WorkbenchView = NonNullable<WorkbenchState['view']>;

/** The view choices a workbench saves one at a time. */
export type WorkbenchViewChoice = 'band' | 'tissueField' | 'speed' | 'logY';

/**
 * `state` with one view choice set, or removed when `value` is undefined (or another empty value: `false`, `0`,
 * `''`), and `view` itself removed when no choice is left, so a saved notebook holds only what was chosen.
 */
export function withViewChoice<K extends WorkbenchViewChoice>(
  state: WorkbenchState,
  key: K,
  value: WorkbenchView[K] | undefined,
): WorkbenchState {
  const { view: old, ...rest } = state;
  const view: WorkbenchView = { ...(old ?? {}) };
  if (value) view[key] = value;
  else delete view[key];
  return Object.keys(view).length > 0 ? { ...rest, view } : rest;
}

/** `state` drawing `observables` (undefined: the model's defaults, and the key is removed). */
export function withObservables(state: WorkbenchState, observables: string[] | undefined): WorkbenchState {
  const { observables: _old, ...rest } = state;
  return observables ? { ...rest, observables } : rest;
}

/** `state` with its current scenario pinned under `label` (after the pins it has). */
export function withPin(state: WorkbenchState, label: string): WorkbenchState {
  return { ...state, pinned: [...(state.pinned ?? []), { label, scenario: state.scenario }] };
}

/** `state` without the pin labelled `label` (and without `pinned` when none is left). */
export function withoutPin(state: WorkbenchState, label: string): WorkbenchState {
  const { pinned: old, ...rest } = state;
  const pinned = (old ?? []).filter((pin) => pin.label !== label);
  return pinned.length > 0 ? { ...rest, pinned } : rest;
}

/** `scenario` with one parameter set (the others, and its preset, kept). */
export function withParameter(scenario: Scenario, name: string, value: number): Scenario {
  return { ...scenario, parameters: { ...(scenario.parameters ?? {}), [name]: value } };
}

/**
 * `scenario` on a preset (its own parameter values dropped), or, when `preset` is undefined, on the explicit
 * `values` (its preset dropped): what choosing in the controls' preset menu means.
 */
export function withPreset(scenario: Scenario, preset: string | undefined, values: Record<string, number>): Scenario {
  const { preset: _old, parameters: _values, ...rest } = scenario;
  return preset === undefined ? { ...rest, parameters: values } : { ...rest, preset };
}

/** `scenario` back on the model's defaults: without its preset and its parameter values. */
export function withDefaults(scenario: Scenario): Scenario {
  const { preset: _old, parameters: _values, ...rest } = scenario;
  return rest;
}

/** `scenario` with these interventions (and without the key when there are none). */
export function withInterventions(scenario: Scenario, interventions: InterventionInstance[]): Scenario {
  const next: Scenario = { ...scenario, interventions };
  if (interventions.length === 0) delete next.interventions;
  return next;
}
