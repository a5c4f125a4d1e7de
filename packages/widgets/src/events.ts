import type { TimelineIntervention } from './interventionEdits.js';
import type { BandSpec, WorkbenchState } from '@immunotwin/engine';

/** Detail of `parameter-change` (from `<twin-controls>`): a parameter took a new, valid value. */
export interface IParameterChangeDetail {
  /** Parameter id. */
  name: string;
  /** Its new value (inside the schema's range). */
  value: number;
}

/** Detail of `preset-change` (from `<twin-controls>`): a preset was picked. */
export interface IPresetChangeDetail {
  /** Preset id; undefined when "custom values" was picked. */
  preset: string | undefined;
  /** Every parameter's value after applying it over the defaults. */
  values: Record<string, number>;
}

/** Detail of `reset` (from `<twin-controls>`): back to the model's defaults. */
export interface IResetDetail {
  /** Every parameter's default value. */
  values: Record<string, number>;
}

/** Detail of `interventions-change` (from `<twin-interventions>`): the whole new list. */
export interface IInterventionsChangeDetail {
  /** Every intervention, in timeline order of creation. */
  interventions: TimelineIntervention[];
}

/** Detail of `band-change` (from `<twin-band-control>`): what the plot shows was changed. */
export interface IBandChangeDetail {
  /** The band to show (replicates or a cohort); undefined: one live run. */
  band: BandSpec | undefined;
}

/** Detail of `state-change` (from `<twin-workbench>`): the state to save in the notebook output. */
export interface IStateChangeDetail {
  /** The new state (a copy). */
  state: WorkbenchState;
}

/** Creates a bubbling, composed event (it crosses shadow roots, so a renderer can listen on the host). */
export function widgetEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}
