/**
 * The study bundle, `application/vnd.immunotwin.study+json` (version 1): what `twin.sweep()` and
 * `twin.sensitivity()` put in the notebook. Like the plot bundle it is data, not a drawing: figures whose numbers
 * the kernel has already computed (outcomes per run, indices, quantiles), each of one of five kinds the widgets'
 * `<twin-study>` draws with the suite's plotly loader and palette:
 *
 * - `heatmap`: an outcome over two swept parameters (`z[row][column]`, rows along `y`, columns along `x`);
 * - `line`: an outcome along one swept parameter, one or more series, optionally with an interval;
 * - `bars`: one value per parameter (PRCC, Sobol' first-order and total, Morris μ*), series side by side,
 *   optionally with intervals and notes (p-values); `horizontal` draws a tornado;
 * - `histogram`: an outcome's values over the runs of a cohort;
 * - `band`: an observable's median and a quantile band over time, for a cohort or replicates.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "model": { "id": "target-cell-limited", "title": "…", "timeUnit": "day", "observables": [ … ] },
 *   "title": "Which parameters decide the viral peak?",
 *   "runs": 2048,
 *   "figures": [
 *     { "kind": "bars", "title": "Sobol' indices of V.peak", "categories": ["beta", "p", "c"],
 *       "series": [{ "name": "first order", "values": [0.6, 0.2, 0.1], "low": […], "high": […] }],
 *       "axis": { "label": "index", "unit": "1", "range": [0, 1] }, "horizontal": false }
 *   ]
 * }
 * ```
 */
import { Type, type Static } from '@sinclair/typebox';
import { STUDY_MIME_TYPE } from '../mimeTypes.js';
import { Text } from '../schema/common.js';
import { checkFormatVersion } from './formatVersion.js';
import { PlotModelSchema } from './plotBundle.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { validate as checkStudyBundleSchema } from './validators/studyBundle.js';
import { ValidationError, type ValidationIssue } from '../validation/validationError.js';

/** The format version this module reads and writes. */
export const STUDY_BUNDLE_VERSION = 1;

/** A number or null (no value: a run that never reached the outcome, drawn as a gap). */
const Value = Type.Union([Type.Number(), Type.Null()]);

/** An axis of a figure: what it shows, its unit, a log scale, and an optional fixed range. */
export const StudyAxisSchema = Type.Object(
  {
    label: Text,
    unit: Type.String({ description: 'the unit ("1" for a dimensionless number)' }),
    log: Type.Optional(Type.Boolean({ description: 'a logarithmic scale' })),
    range: Type.Optional(Type.Tuple([Type.Number(), Type.Number()], { description: 'a fixed [low, high]' })),
  },
  { additionalProperties: false },
);

/** A swept parameter's axis: the axis and the values swept, in order. */
export const StudyParameterAxisSchema = Type.Composite(
  [StudyAxisSchema, Type.Object({ values: Type.Array(Type.Number(), { minItems: 1 }) })],
  { additionalProperties: false },
);

/** One series of a line or bar figure: a value per point, with an optional interval [low, high] per point. */
export const StudySeriesSchema = Type.Object(
  {
    name: Text,
    values: Type.Array(Value, { minItems: 1 }),
    low: Type.Optional(Type.Array(Value)),
    high: Type.Optional(Type.Array(Value)),
    notes: Type.Optional(Type.Array(Type.String(), { description: 'a note per point (e.g. "p = 0.003")' })),
  },
  { additionalProperties: false },
);

const common = {
  title: Text,
  caption: Type.Optional(Type.String({ description: 'one or two sentences under the figure' })),
};

/** An outcome over two swept parameters. */
export const HeatmapFigureSchema = Type.Object(
  {
    kind: Type.Literal('heatmap'),
    ...common,
    x: StudyParameterAxisSchema,
    y: StudyParameterAxisSchema,
    z: Type.Array(Type.Array(Value), { minItems: 1, description: 'z[row][column]: rows along y, columns along x' }),
    value: StudyAxisSchema,
  },
  { additionalProperties: false },
);

/** An outcome along one swept parameter. */
export const LineFigureSchema = Type.Object(
  {
    kind: Type.Literal('line'),
    ...common,
    x: StudyParameterAxisSchema,
    series: Type.Array(StudySeriesSchema, { minItems: 1 }),
    value: StudyAxisSchema,
  },
  { additionalProperties: false },
);

/** One value per category (a parameter) per series. */
export const BarsFigureSchema = Type.Object(
  {
    kind: Type.Literal('bars'),
    ...common,
    categories: Type.Array(Text, { minItems: 1 }),
    series: Type.Array(StudySeriesSchema, { minItems: 1 }),
    value: StudyAxisSchema,
    horizontal: Type.Boolean({ description: 'bars along x, categories down the y axis (a tornado)' }),
  },
  { additionalProperties: false },
);

/** An outcome's values over the runs. */
export const HistogramFigureSchema = Type.Object(
  {
    kind: Type.Literal('histogram'),
    ...common,
    values: Type.Array(Value, { minItems: 1 }),
    value: StudyAxisSchema,
  },
  { additionalProperties: false },
);

/** An observable's median and quantile band over time. */
export const BandFigureSchema = Type.Object(
  {
    kind: Type.Literal('band'),
    ...common,
    time: Type.Array(Type.Number(), { minItems: 1 }),
    timeUnit: Text,
    median: Type.Array(Value),
    low: Type.Array(Value),
    high: Type.Array(Value),
    quantiles: Type.Tuple([Type.Number(), Type.Number()], { description: 'the band: [low, high] quantiles' }),
    value: StudyAxisSchema,
  },
  { additionalProperties: false },
);

/** One figure of a study (see the module comment). */
export const StudyFigureSchema = Type.Union([
  HeatmapFigureSchema,
  LineFigureSchema,
  BarsFigureSchema,
  HistogramFigureSchema,
  BandFigureSchema,
]);

/** The JSON Schema (TypeBox) of the study bundle (see the module comment); `schema/study.schema.json`. */
export const StudyBundleSchema = Type.Object(
  {
    version: Type.Literal(STUDY_BUNDLE_VERSION),
    model: PlotModelSchema,
    title: Type.Optional(Type.String({ description: 'shown above the figures' })),
    runs: Type.Integer({ minimum: 1, description: 'how many runs the study made' }),
    figures: Type.Array(StudyFigureSchema, { minItems: 1 }),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/study.schema.json' },
);

/** A figure axis (type of {@link StudyAxisSchema}). */
export type StudyAxis = Static<typeof StudyAxisSchema>;
/** A swept parameter's axis (type of {@link StudyParameterAxisSchema}). */
export type StudyParameterAxis = Static<typeof StudyParameterAxisSchema>;
/** A series of a line or bar figure (type of {@link StudySeriesSchema}). */
export type StudySeries = Static<typeof StudySeriesSchema>;
/** A heatmap figure (type of {@link HeatmapFigureSchema}). */
export type HeatmapFigure = Static<typeof HeatmapFigureSchema>;
/** A line figure (type of {@link LineFigureSchema}). */
export type LineFigure = Static<typeof LineFigureSchema>;
/** A bar figure (type of {@link BarsFigureSchema}). */
export type BarsFigure = Static<typeof BarsFigureSchema>;
/** A histogram figure (type of {@link HistogramFigureSchema}). */
export type HistogramFigure = Static<typeof HistogramFigureSchema>;
/** A band figure (type of {@link BandFigureSchema}). */
export type BandFigure = Static<typeof BandFigureSchema>;
/** One figure of a study (type of {@link StudyFigureSchema}). */
export type StudyFigure = Static<typeof StudyFigureSchema>;
/** The study bundle (type of {@link StudyBundleSchema}). */
export type StudyBundle = Static<typeof StudyBundleSchema>;

// Compiled ahead of time from StudyBundleSchema (scripts/write-schemas.mjs): no validator compiler is loaded to read it.
const validator = new CheckedValidator<typeof StudyBundleSchema>(checkStudyBundleSchema as SchemaCheck, 'study bundle');

/** The lengths a figure's arrays must have, each with its path and the length expected. */
function lengthChecks(figure: StudyFigure): [path: string, actual: number, expected: number][] {
  const checks: [string, number, number][] = [];
  const series = (list: readonly StudySeries[], expected: number) =>
    list.forEach((s, i) => {
      for (const key of ['values', 'low', 'high', 'notes'] as const) {
        const values = s[key];
        if (values !== undefined) checks.push([`series[${i}].${key}`, values.length, expected]);
      }
    });
  switch (figure.kind) {
    case 'heatmap':
      checks.push(['z', figure.z.length, figure.y.values.length]);
      figure.z.forEach((row, i) => checks.push([`z[${i}]`, row.length, figure.x.values.length]));
      break;
    case 'line':
      series(figure.series, figure.x.values.length);
      break;
    case 'bars':
      series(figure.series, figure.categories.length);
      break;
    case 'band':
      for (const key of ['median', 'low', 'high'] as const) checks.push([key, figure[key].length, figure.time.length]);
      break;
    case 'histogram':
      break;
  }
  return checks;
}

/**
 * Reads a study bundle (an object, or JSON text). Throws the engine's `ValidationError` naming the field, the
 * value and what is allowed — also when a figure's arrays do not have one value per point (per x value, per
 * category, per sample time; a heatmap's rows per y value and columns per x value).
 */
export function parseStudyBundle(json: unknown): StudyBundle {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'study bundle', STUDY_MIME_TYPE) : json;
  checkFormatVersion(value, 'study bundle', STUDY_BUNDLE_VERSION);
  const bundle = validator.parse(value);
  const issues: ValidationIssue[] = [];
  bundle.figures.forEach((figure, f) => {
    for (const [path, actual, expected] of lengthChecks(figure)) {
      if (actual !== expected) {
        issues.push({ path: `figures[${f}].${path}`, message: `has ${actual} values; expected ${expected}` });
      }
    }
  });
  if (issues.length > 0) throw new ValidationError('study bundle', issues);
  return bundle;
}
