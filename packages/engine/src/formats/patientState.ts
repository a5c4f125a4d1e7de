/**
 * The patient MIME format, `application/vnd.immunotwin.patient+json`: what a notebook output of `<twin-patient>`
 * (the kernel's `twin.patient()`) holds, so that reopening the notebook brings the widget back alive with no kernel.
 * State only — the data, the scenario, how to fit and how far the data are assimilated — never results: the fit,
 * its curve, profiles and the forecast are computed again in the widget's own worker.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "title": "Hayden 1996, untreated",           // optional heading
 *   "scenario": { "model": "target-cell-limited", "parameters": { "beta": 2.7e-5 }, "duration": 9 },
 *   "data": [ ... ],                              // one group's observed datasets (schema/observed-data.schema.json)
 *   "fit": {
 *     "parameters": [{ "id": "beta", "lower": 1e-7, "upper": 1, "scale": "log" }],
 *     "observation": { "observations": [ ... ] }, // schema/observation-model.schema.json
 *     "starts": 1, "seed": 1, "profiles": true    // optional
 *   },
 *   "fitted": true,                               // optional: scenario.parameters hold a fit's estimates
 *   "assimilate": { "estimate": { "beta": 0.5 }, "members": 100, "day": 3,
 *                   "treatment": { "kind": "oseltamivir", "dose": 75 } }  // optional
 * }
 * ```
 *
 * `assimilate.day` is how many of the data's distinct times the twin has assimilated (0: none yet); the times after
 * it are held back until "Next day". `assimilate.treatment` is a treatment tried from the day reached ("start this
 * treatment now"): one of the model's interventions with its fields (the others take their defaults); it starts at
 * the day reached and, if the intervention lasts, runs to the end of the run unless it gives a `stop`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { timeConversionFactor, timeUnitIssue } from '../data/timeUnits.js';
import { PATIENT_MIME_TYPE } from '../mimeTypes.js';
import { ObservationModelSchema } from '../schema/observationModel.js';
import { ObservedDatasetSchema, type ObservedDataset } from '../schema/observed.js';
import { ScenarioSchema } from '../schema/scenario.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';
import { checkFormatVersion } from './formatVersion.js';
import { validate as checkPatientStateSchema } from './validators/patientState.js';

/** The format version this module reads and writes. */
export const PATIENT_STATE_VERSION = 1;

const NestedScenario = Type.Object(ScenarioSchema.properties, { additionalProperties: false });
const NestedObserved = Type.Object(ObservedDatasetSchema.properties, { additionalProperties: false });
const NestedObservation = Type.Object(ObservationModelSchema.properties, { additionalProperties: false });
const ParameterId = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  description: 'a parameter id: letters, digits and underscores, not starting with a digit',
});

/** One parameter the widget's fit estimates: its id, its search box and scale. */
export const PatientFitParameterSchema = Type.Object(
  {
    id: ParameterId,
    lower: Type.Number({ description: 'lower bound, in the parameter’s unit (> 0 on a log scale)' }),
    upper: Type.Number({ description: 'upper bound, in the parameter’s unit (> lower)' }),
    scale: Type.Union([Type.Literal('linear'), Type.Literal('log')]),
  },
  { additionalProperties: false },
);

/** How the widget fits: the parameters, the observation model and the search's settings. */
export const PatientFitSchema = Type.Object(
  {
    parameters: Type.Array(PatientFitParameterSchema, { minItems: 1 }),
    observation: NestedObservation,
    starts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'starts of the multi-start search' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
    profiles: Type.Optional(Type.Boolean({ description: 'profile-likelihood intervals (default true)' })),
  },
  { additionalProperties: false },
);

/**
 * A treatment tried from the day reached: an intervention of the scenario's model by its kind, with any of its
 * fields (numbers or strings, checked against the model when the worker loads it). No `start`: it is the day reached.
 */
export const PatientTreatmentSchema = Type.Object(
  { kind: Type.String({ minLength: 1, description: 'an intervention kind of the scenario’s model' }) },
  { additionalProperties: Type.Union([Type.Number(), Type.String()]) },
);

/** How the widget assimilates: the parameters carried as state with their priors, and how far it has got. */
export const PatientAssimilateSchema = Type.Object(
  {
    estimate: Type.Record(ParameterId, Type.Number({ exclusiveMinimum: 0 }), {
      description: 'parameter id → the sd of the log-normal prior of ln θ around the scenario’s value',
    }),
    members: Type.Optional(Type.Integer({ minimum: 2, maximum: 10000, description: 'ensemble members' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
    day: Type.Integer({ minimum: 0, description: 'how many of the data’s distinct times are assimilated' }),
    treatment: Type.Optional(PatientTreatmentSchema),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of the patient state (see the module comment); `schema/patient-state.schema.json`. */
export const PatientStateSchema = Type.Object(
  {
    version: Type.Literal(PATIENT_STATE_VERSION),
    title: Type.Optional(Type.String()),
    scenario: NestedScenario,
    data: Type.Array(NestedObserved, { minItems: 1 }),
    fit: PatientFitSchema,
    fitted: Type.Optional(Type.Boolean({ description: 'the scenario’s parameters hold a fit’s estimates' })),
    assimilate: PatientAssimilateSchema,
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/patient-state.schema.json' },
);

/** The state of a patient widget (type of {@link PatientStateSchema}). */
export type PatientState = Static<typeof PatientStateSchema>;
/** A treatment tried from the day reached ({@link PatientTreatmentSchema}: a kind and any fields). */
export type PatientTreatment = { kind: string; [field: string]: number | string };
/** A parameter the widget fits (type of {@link PatientFitParameterSchema}). */
export type PatientFitParameter = Static<typeof PatientFitParameterSchema>;

const validator = new CheckedValidator<typeof PatientStateSchema>(
  checkPatientStateSchema as SchemaCheck,
  'patient state',
);

/**
 * The data's distinct measurement times in `timeUnit` (the model's), ascending: the "days" the widget assimilates
 * one by one.
 */
export function observationTimes(data: readonly ObservedDataset[], timeUnit: string): number[] {
  const times = new Set<number>();
  for (const set of data) {
    const factor = set.timeUnit ? (timeConversionFactor(set.timeUnit, timeUnit) ?? 1) : 1;
    for (const t of set.time) times.add(t * factor);
  }
  return [...times].sort((a, b) => a - b);
}

/** Why a fit parameter's box is not one (lower ≥ upper, a log scale not above 0), or nothing. */
function boxIssues(parameters: PatientState['fit']['parameters']): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ path: `fit.parameters[${i}].id`, message: `"${p.id}" is listed twice` });
    seen.add(p.id);
    if (!(p.lower < p.upper)) {
      issues.push({
        path: `fit.parameters[${i}].upper`,
        message: `${p.upper} is not allowed; allowed: > lower (${p.lower})`,
      });
    }
    if (p.scale === 'log' && !(p.lower > 0)) {
      issues.push({
        path: `fit.parameters[${i}].lower`,
        message: `${p.lower} is not allowed on a log scale; allowed: > 0`,
      });
    }
  });
  return issues;
}

/**
 * Reads a patient state from a MIME bundle's value (an object, or JSON text). Throws the engine's `ValidationError`
 * naming the field, the value and what is allowed, e.g.
 * `Invalid patient state: assimilate.day: 12 is not allowed; allowed: 0 to 9 (the data's distinct times)`.
 * Whether the scenario and the parameters fit the model is checked by the worker when it loads them. Returns a copy.
 */
export function parsePatientState(json: unknown): PatientState {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'patient state', PATIENT_MIME_TYPE) : json;
  checkFormatVersion(value, 'patient state', PATIENT_STATE_VERSION);
  const checked = structuredClone(validator.parse(value)) as PatientState;
  const issues: ValidationIssue[] = [];
  checked.data.forEach((set, i) => {
    const issue = timeUnitIssue(set.timeUnit, `data[${i}].timeUnit`);
    if (issue) issues.push(issue);
  });
  issues.push(...boxIssues(checked.fit.parameters));
  // Distinct times counted without a model (each dataset's own unit, converted to the first's).
  const unit = checked.data[0]!.timeUnit ?? 'day';
  const times = issues.length === 0 ? observationTimes(checked.data, unit).length : Infinity;
  if (checked.assimilate.day > times) {
    issues.push({
      path: 'assimilate.day',
      message: `${checked.assimilate.day} is not allowed; allowed: 0 to ${times} (the data's distinct times)`,
    });
  }
  const start = (checked.assimilate.treatment as PatientTreatment | undefined)?.start;
  if (start !== undefined) {
    issues.push({
      path: 'assimilate.treatment.start',
      message: `${JSON.stringify(start)} is not allowed; leave it out: the treatment starts at the day reached`,
    });
  }
  if (issues.length > 0) throw new ValidationError('patient state', issues);
  return checked;
}
