/**
 * The workbench MIME format, `application/vnd.immunotwin.workbench+json`: what a notebook output holds so
 * that reopening the notebook brings the workbench back as it was. It is state only — never simulation
 * results, which the workbench recomputes in its own worker session.
 *
 * ```jsonc
 * {
 *   "version": 1,                        // format version (this file describes 1)
 *   "scenario": {                        // a scenario (schema/scenario.schema.json): model, preset,
 *     "model": "target-cell-limited",    //   parameters, interventions, duration, outputInterval,
 *     "parameters": { "c": 3 },          //   method, seed, replicates, quantiles, solver
 *     "interventions": [{ "kind": "entryInhibitor", "start": 1, "stop": 5, "efficacy": 0.9 }]
 *   },
 *   "observables": ["V", "I"],           // optional: observable ids to plot (default: every observable)
 *   "pinned": [                          // optional: runs pinned for comparison, as scenarios (no data)
 *     { "label": "c = 5.2", "scenario": { "model": "target-cell-limited" } }
 *   ],
 *   "observed": [ ... ],                 // optional: observed datasets to overlay (schema/observed-data.schema.json)
 *   "view": { "logY": true, "speed": 5 },// optional: log y axis; playback speed in model time units per
 *                                        //   second (absent: as fast as the worker computes); and
 *                                        //   "band": { "kind": "cohort", "size": 20, "spread": 0.3 } to show
 *                                        //   the median and bands of 20 virtual patients (or "replicates")
 *                                        //   instead of one live run (schema: BandSpecSchema); and
 *                                        //   "tissueField": "cytokine", the field the tissue view draws
 *   "plugin": {                          // optional: where the scenario's model comes from when it is not built in
 *     "provider": "immunotwin-model-hiv",//   who provides it (named if it is missing when the notebook reopens)
 *     "manifest": { ... },               //   a reaction network travels whole (a data plugin: no code)
 *     "module": "data:text/javascript,…" //   code defined in a notebook cell; run only in a trusted notebook
 *   }
 * }
 * ```
 *
 * The interventions live in `scenario.interventions`. A top-level `interventions` list is accepted as a
 * shorthand when the scenario has none (it is moved into the scenario); giving both is an error. Whether
 * the scenario's values fit the model (ranges, known intervention kinds) is checked by the session when
 * the workbench loads it, with the same messages as everywhere else.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BandSpecSchema, bandSpecIssues } from '../band/bandSpec.js';
import { WORKBENCH_MIME_TYPE } from '../mimeTypes.js';
import { ModelManifestSchema } from '../schema/manifest.js';
import { ObservedDatasetSchema } from '../schema/observed.js';
import { timeUnitIssue } from '../data/timeUnits.js';
import { InterventionInstanceSchema, ScenarioSchema, type InterventionInstance } from '../schema/scenario.js';
import { checkFormatVersion } from './formatVersion.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { validate as checkWorkbenchStateSchema } from './validators/workbenchState.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';

/** The format version this module reads and writes. */
export const WORKBENCH_STATE_VERSION = 1;

// The scenario schema without its `$id`, so it can be nested (its checks are the same).
const NestedScenario = Type.Object(ScenarioSchema.properties, { additionalProperties: false });
const NestedObserved = Type.Object(ObservedDatasetSchema.properties, { additionalProperties: false });
const NestedManifest = Type.Object(ModelManifestSchema.properties, { additionalProperties: false });
const Identifier = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  description: 'an observable id: letters, digits and underscores, not starting with a digit',
});

/** A run pinned for comparison: a label and the scenario that reproduces it (the run is recomputed, never stored). */
export const PinnedScenarioSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, description: 'shown in the legend' }),
    scenario: NestedScenario,
  },
  { additionalProperties: false },
);

/** How the workbench shows runs. */
export const WorkbenchViewSchema = Type.Object(
  {
    logY: Type.Optional(Type.Boolean({ description: 'a logarithmic y axis' })),
    speed: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'model time units per second; omit for full speed' }),
    ),
    band: Type.Optional(BandSpecSchema),
    tissueField: Type.Optional(
      Type.String({
        minLength: 1,
        description: "the field the tissue view draws (one of the model's fields; omit for its first)",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Where a workbench's model comes from when it is not built in: its provider, and the model itself when it can
 * travel with the output (a reaction network's manifest; code written in a notebook cell).
 */
export const WorkbenchPluginSchema = Type.Object(
  {
    provider: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'who provides the model (an npm or Python package, or "a notebook cell"): named when it is missing',
      }),
    ),
    manifest: Type.Optional(NestedManifest),
    module: Type.Optional(
      Type.String({
        pattern: '^data:text/javascript[,;]',
        description: 'the code of a model defined in a notebook cell, as a data: URL of an ES module',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of the workbench state (see the module comment); `schema/workbench-state.schema.json`. */
export const WorkbenchStateSchema = Type.Object(
  {
    version: Type.Literal(WORKBENCH_STATE_VERSION),
    scenario: NestedScenario,
    observables: Type.Optional(
      Type.Array(Identifier, { uniqueItems: true, description: 'observable ids to plot; absent: every observable' }),
    ),
    interventions: Type.Optional(
      Type.Array(InterventionInstanceSchema, {
        description: 'shorthand for scenario.interventions (moved there when read)',
      }),
    ),
    pinned: Type.Optional(Type.Array(PinnedScenarioSchema)),
    observed: Type.Optional(Type.Array(NestedObserved)),
    view: Type.Optional(WorkbenchViewSchema),
    plugin: Type.Optional(WorkbenchPluginSchema),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/workbench-state.schema.json' },
);

/** A run pinned for comparison (type of {@link PinnedScenarioSchema}). */
export type PinnedScenario = Static<typeof PinnedScenarioSchema>;
/** Where a workbench's model comes from (type of {@link WorkbenchPluginSchema}). */
export type WorkbenchPlugin = Static<typeof WorkbenchPluginSchema>;
/** View options of a workbench (type of {@link WorkbenchViewSchema}). */
export type WorkbenchView = Static<typeof WorkbenchViewSchema>;
/** The state of a workbench as read: {@link WorkbenchStateSchema} with the shorthand moved into the scenario. */
export type WorkbenchState = Omit<Static<typeof WorkbenchStateSchema>, 'interventions'>;

// Compiled ahead of time from WorkbenchStateSchema (scripts/write-schemas.mjs): no validator compiler is loaded to read it.
const validator = new CheckedValidator<typeof WorkbenchStateSchema>(
  checkWorkbenchStateSchema as SchemaCheck,
  'workbench state',
);

/**
 * Reads a workbench state from a MIME bundle's value (an object, or JSON text). Throws the engine's
 * `ValidationError` naming the field, the value and what is allowed, e.g.
 * `Invalid workbench state: view.speed: must be > 0; got -1`. Returns a fresh copy.
 */
export function parseWorkbenchState(json: unknown): WorkbenchState {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'workbench state', WORKBENCH_MIME_TYPE) : json;
  checkFormatVersion(value, 'workbench state', WORKBENCH_STATE_VERSION);
  const checked = structuredClone(validator.parse(value)) as WorkbenchState & {
    interventions?: InterventionInstance[];
  };
  const issues: ValidationIssue[] = [];
  if (checked.interventions !== undefined) {
    if (checked.scenario.interventions !== undefined) {
      issues.push({
        path: 'interventions',
        message: 'give the interventions in one place: scenario.interventions (the top-level list is a shorthand)',
      });
    } else checked.scenario.interventions = checked.interventions;
    delete checked.interventions;
  }
  const labels = new Set<string>();
  checked.pinned?.forEach((pin, i) => {
    if (labels.has(pin.label)) {
      issues.push({
        path: `pinned[${i}].label`,
        message: `${JSON.stringify(pin.label)} is used twice; labels must differ`,
      });
    }
    labels.add(pin.label);
  });
  checked.observed?.forEach((set, i) => {
    const issue = timeUnitIssue(set.timeUnit, `observed[${i}].timeUnit`);
    if (issue) issues.push(issue);
  });
  if (checked.view?.band) issues.push(...bandSpecIssues(checked.view.band, 'view.band.'));
  const { plugin } = checked;
  if (plugin?.manifest && plugin.manifest.id !== checked.scenario.model) {
    issues.push({
      path: 'plugin.manifest.id',
      message: `is ${JSON.stringify(plugin.manifest.id)} but the scenario's model is ${JSON.stringify(checked.scenario.model)}; they must be the same`,
    });
  }
  if (plugin?.module !== undefined && !plugin.manifest) {
    issues.push({ path: 'plugin.module', message: 'needs plugin.manifest beside it (the manifest of the code)' });
  }
  if (issues.length > 0) throw new ValidationError('workbench state', issues);
  return checked;
}

/** The default state for a model: its default scenario, nothing pinned. */
export function defaultWorkbenchState(model: string): WorkbenchState {
  return { version: WORKBENCH_STATE_VERSION, scenario: { model } };
}
