/**
 * The plot bundle, `application/vnd.immunotwin.plot+json` (version 1): what `twin.plot()` (and a result shown
 * as a cell output) puts in the notebook. It is data, not a drawing: the run's samples, the ensemble summary
 * when there is one, and what the plot needs to name things (the model's observables with labels and units).
 * The widgets' `<twin-timeseries>` draws it with the same figure builder, palette and plotly loader as the
 * workbench, so a kernel plot and a workbench plot of one run look the same.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "model": { "id": "target-cell-limited", "title": "…", "timeUnit": "day",
 *              "observables": [{ "id": "V", "label": "Free virus", "unit": "TCID50/mL" }, …] },
 *   "title": "Oseltamivir from day 2",      // optional: shown above the plot
 *   "observables": ["V"],                   // the ids drawn, in order
 *   "logY": true,
 *   "runs": [{ "time": [0, 0.1, …], "observables": { "V": [9.3e-2, …] } }],  // one per replicate drawn
 *   "summary": { "quantiles": [0.05, 0.5, 0.95], "observables": { "V": { "mean": […], "median": […], "bands": [[…], …] } } },
 *   "observed": [{ "name": "volunteer 3", "source": "…", "observable": "V", "unit": "TCID50/mL", "time": […], "values": […] }]
 * }
 * ```
 *
 * For an ensemble the bundle holds the first run (for its sample times) and the summary; the plot draws the
 * median and the quantile bands.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PLOT_MIME_TYPE } from '../mimeTypes.js';
import { Identifier, ModelId, Text } from '../schema/common.js';
import { ObservableSpecSchema } from '../schema/manifest.js';
import { ObservedDatasetSchema } from '../schema/observed.js';
import { timeUnitIssue } from '../data/timeUnits.js';
import { EnsembleSummaryJsonSchema } from '../schema/results.js';
import { checkFormatVersion } from './formatVersion.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { validate as checkPlotBundleSchema } from './validators/plotBundle.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';

/** The format version this module reads and writes. */
export const PLOT_BUNDLE_VERSION = 1;

/** An observable as a plot names it: the manifest's observable spec without its expression. */
export const PlotObservableSchema = Type.Omit(ObservableSpecSchema, ['expression']);

/** What a plot needs of the model: its id, title, time unit and observables (a subset of the manifest). */
export const PlotModelSchema = Type.Object(
  {
    id: ModelId,
    title: Text,
    timeUnit: Text,
    observables: Type.Array(PlotObservableSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** One replicate's samples: the times and one column per observable drawn (null: no value, a gap). */
export const PlotRunSchema = Type.Object(
  {
    time: Type.Array(Type.Number()),
    observables: Type.Record(Identifier, Type.Array(Type.Union([Type.Number(), Type.Null()]))),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of the plot bundle (see the module comment); `schema/plot.schema.json`. */
export const PlotBundleSchema = Type.Object(
  {
    version: Type.Literal(PLOT_BUNDLE_VERSION),
    model: PlotModelSchema,
    title: Type.Optional(Type.String({ description: 'shown above the plot' })),
    observables: Type.Array(Identifier, { minItems: 1, uniqueItems: true, description: 'the ids drawn, in order' }),
    logY: Type.Boolean({ description: 'a logarithmic y axis' }),
    runs: Type.Array(PlotRunSchema, { minItems: 1, description: 'one per replicate drawn' }),
    summary: Type.Optional(EnsembleSummaryJsonSchema),
    observed: Type.Optional(
      Type.Array(Type.Object(ObservedDatasetSchema.properties, { additionalProperties: false }), {
        description:
          'measured data drawn as markers over the observable they measure (schema/observed-data.schema.json)',
      }),
    ),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/plot.schema.json' },
);

/** An observable as a plot names it (type of {@link PlotObservableSchema}). */
export type PlotObservable = Static<typeof PlotObservableSchema>;
/** What a plot needs of the model (type of {@link PlotModelSchema}); a `ModelManifest` is one. */
export type PlotModel = Static<typeof PlotModelSchema>;
/** One replicate's samples in a plot bundle (type of {@link PlotRunSchema}). */
export type PlotRun = Static<typeof PlotRunSchema>;
/** The plot bundle (type of {@link PlotBundleSchema}). */
export type PlotBundle = Static<typeof PlotBundleSchema>;

// Compiled ahead of time from PlotBundleSchema (scripts/write-schemas.mjs): no validator compiler is loaded to read it.
const validator = new CheckedValidator<typeof PlotBundleSchema>(checkPlotBundleSchema as SchemaCheck, 'plot bundle');

/**
 * Reads a plot bundle (an object, or JSON text). Throws the engine's `ValidationError` naming the field, the
 * value and what is allowed — also when an observable drawn is not among the model's, or a run's column does
 * not have one value per sample time.
 */
export function parsePlotBundle(json: unknown): PlotBundle {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'plot bundle', PLOT_MIME_TYPE) : json;
  checkFormatVersion(value, 'plot bundle', PLOT_BUNDLE_VERSION);
  const bundle = validator.parse(value);
  const issues: ValidationIssue[] = [];
  const known = bundle.model.observables.map((o) => o.id);
  bundle.observables.forEach((id, i) => {
    if (!known.includes(id)) {
      issues.push({
        path: `observables[${i}]`,
        message: `unknown observable ${JSON.stringify(id)}; allowed: ${known.join(', ')}`,
      });
    }
  });
  bundle.runs.forEach((run, r) => {
    for (const id of bundle.observables) {
      const column = run.observables[id];
      if (column === undefined)
        issues.push({ path: `runs[${r}].observables`, message: `${JSON.stringify(id)} is missing` });
      else if (column.length !== run.time.length) {
        issues.push({
          path: `runs[${r}].observables.${id}`,
          message: `has ${column.length} values; expected ${run.time.length} (one per sample time)`,
        });
      }
    }
  });
  bundle.observed?.forEach((set, i) => {
    if (!bundle.observables.includes(set.observable)) {
      issues.push({
        path: `observed[${i}].observable`,
        message: `${JSON.stringify(set.observable)} is not drawn; allowed: ${bundle.observables.join(', ')}`,
      });
    }
    if (set.values.length !== set.time.length) {
      issues.push({
        path: `observed[${i}].values`,
        message: `has ${set.values.length} values; expected ${set.time.length} (one per time)`,
      });
    }
    const unitIssue = timeUnitIssue(set.timeUnit, `observed[${i}].timeUnit`);
    if (unitIssue) issues.push(unitIssue);
  });
  if (issues.length > 0) throw new ValidationError('plot bundle', issues);
  return bundle;
}
