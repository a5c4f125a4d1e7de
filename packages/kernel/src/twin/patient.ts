import {
  findIntervention,
  PATIENT_MIME_TYPE,
  PATIENT_STATE_VERSION,
  parsePatientState,
  type ModelManifest,
  type PatientState,
  type PatientTreatment,
  type Scenario,
} from '@immunotwin/engine';
import type { MimeBundle } from '../mime.js';
import { readObservedData } from './fitData.js';
import { defaultObservation, fitParameters, wholeNumber, type FitOptions } from './fitOptions.js';
import { lastDataTime } from './fitRun.js';

/** Options of `twin.patient()`: `twin.fit`'s (what to fit, how) and how the widget assimilates day by day. */
export interface PatientOptions extends Pick<
  FitOptions,
  'estimate' | 'observation' | 'starts' | 'seed' | 'group' | 'profiles'
> {
  /**
   * The parameters the ensemble Kalman filter carries as state, each with the sd of its prior on ln θ around the
   * twin's (or the fit's) value. Default: every estimated model parameter with sd 1.
   */
  assimilate?: Record<string, number>;
  /** Members of the ensemble (default 100). */
  members?: number;
  /** A heading for the widget. */
  title?: string;
  /**
   * A treatment to try from the day reached (the widget's "Treat from today"): one of the model's interventions by
   * kind, with any of its fields, e.g. `{ kind: 'oseltamivir', dose: 75 }`; the widget forecasts with and without it.
   */
  treatment?: PatientTreatment;
}

/**
 * `twin.patient(data, options)`: the patient widget's state for the twin's scenario and these data — what to fit, how,
 * and the assimilation from day 0 — with no computing in the kernel: the widget fits and forecasts in its own worker.
 * Errors name the option, the value and what is allowed (as `twin.fit`'s); the state is checked against its schema.
 */
export function patientState(
  manifest: ModelManifest,
  scenario: Scenario,
  data: unknown,
  options: PatientOptions,
): PatientState {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError("twin.patient: expects options, e.g. twin.patient(data, { estimate: ['beta', 'p', 'c'] })");
  }
  const observed = readObservedData('patient', data, options.group);
  const parameters = fitParameters(manifest, options.estimate, scenario.parameters ?? {}).map(
    ({ id, lower, upper, scale }) => ({ id, lower, upper, scale }),
  );
  const observation = (options.observation ??
    defaultObservation(observed, manifest)) as PatientState['fit']['observation'];
  const duration = Math.max(scenario.duration ?? manifest.defaults.duration, lastDataTime(observed, manifest.timeUnit));
  const modelIds = new Set(manifest.parameters.map((p) => p.id));
  const estimate =
    options.assimilate ?? Object.fromEntries(parameters.filter((p) => modelIds.has(p.id)).map((p) => [p.id, 1]));
  const starts = wholeNumber('starts', options.starts, 1, 1000);
  const seed = wholeNumber('seed', options.seed, 0, 4294967295);
  const members = wholeNumber('members', options.members, 2, 10000);
  return parsePatientState({
    version: PATIENT_STATE_VERSION,
    ...(options.title !== undefined ? { title: options.title } : {}),
    scenario: { ...scenario, duration },
    data: observed,
    fit: {
      parameters,
      observation,
      ...(starts !== undefined ? { starts } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(options.profiles !== undefined ? { profiles: options.profiles } : {}),
    },
    assimilate: {
      estimate,
      ...(members !== undefined ? { members } : {}),
      day: 0,
      ...(options.treatment !== undefined ? { treatment: checkedTreatment(manifest, options.treatment) } : {}),
    },
  });
}

/** The patient widget of a twin: its state under the patient MIME type, with a text/plain summary. */
export class TwinPatient {
  constructor(
    /** The widget's state (schema/patient-state.schema.json). */
    readonly state: PatientState,
  ) {}

  /** The bundle under the patient MIME type, with a text/plain fallback. */
  toMimeBundle(): MimeBundle {
    const { data, fit, scenario } = this.state;
    const points = data.reduce((n, d) => n + d.time.length, 0);
    const text = [
      `Patient twin (${scenario.model}): ${points} measurements of ${[...new Set(data.map((d) => d.observable))].join(', ')}`,
      `  fit: ${fit.parameters.map((p) => p.id).join(', ')}; assimilate: ${Object.keys(this.state.assimilate.estimate).join(', ')}`,
      '  (the widget fits and forecasts in its own worker; open in JupyterLab with ImmunoTwin to use it)',
    ].join('\n');
    return { data: { [PATIENT_MIME_TYPE]: this.state, 'text/plain': text }, metadata: {} };
  }
}

/** The `treatment` option, refused naming the option and the model's interventions unless it is one of them. */
function checkedTreatment(manifest: ModelManifest, treatment: unknown): PatientTreatment {
  const kinds = (manifest.interventions ?? []).map((i) => i.kind);
  if (typeof treatment !== 'object' || treatment === null || Array.isArray(treatment)) {
    throw new TypeError(
      `twin.patient: treatment ${JSON.stringify(treatment)} is not allowed; allowed: an object naming one of ${manifest.id}'s interventions by kind, e.g. { kind: '${kinds[0] ?? 'antiviral'}' }`,
    );
  }
  const found = findIntervention(manifest, (treatment as { kind?: unknown }).kind);
  if ('message' in found) throw new TypeError(`twin.patient: treatment.kind: ${found.message}`);
  return treatment as PatientTreatment;
}
