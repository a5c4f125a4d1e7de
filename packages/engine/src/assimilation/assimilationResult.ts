/**
 * The assimilation result format (`schema/assimilation-result.schema.json`, version 1): what `immunotwin assimilate`
 * writes — the filter's summary after each observation, the forecast of the rest of the course with credible bands,
 * and, when a treatment was asked for, the counterfactual "start this treatment now" on the updated ensemble.
 *
 * ```jsonc
 * {
 *   "version": 1, "method": "enkf", "members": 200, "seed": 1, "estimate": { "beta": 1, "c": 1 },
 *   "logLikelihood": -4.2,
 *   "steps": [{ "time": 1, "observed": { "log10V": 4.3 }, "logLikelihood": -1.1, "effectiveSampleSize": 200,
 *               "predicted": { "log10V": { "median": 4.2, "lower": 3.9, "upper": 4.6 } },
 *               "parameters": { "beta": { "median": 2.9e-5, "lower": 1.2e-5, "upper": 6.1e-5 } } }],
 *   "forecast": { "time": [2, 2.06, …], "summary": { "quantiles": [0.05, 0.25, 0.5, 0.75, 0.95], "observables": { … } } },
 *   "counterfactual": { "treatment": { "kind": "oseltamivir", "start": 2 }, "baseline": {…}, "treated": {…},
 *                       "effect": {…} }     // effect: treated − baseline member by member
 * }
 * ```
 *
 * The CLI adds what was assimilated: `engineVersion`, `model`, `scenario` and `data`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { checkFormatVersion } from '../formats/formatVersion.js';
import { validate as checkAssimilationResultSchema } from '../formats/validators/assimilationResult.js';
import { summaryToJson } from '../results/json.js';
import { resultInputFields } from '../fit/fitResult.js';
import { FiniteNumber, Identifier } from '../schema/common.js';
import { EnsembleSummaryJsonSchema } from '../schema/results.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import type { ScenarioAssimilation } from './assimilateScenario.js';
import type { Counterfactual } from './counterfactual.js';
import type { Forecast } from './forecast.js';

/** The format version this module reads and writes. */
export const ASSIMILATION_RESULT_VERSION = 1;

const Interval = Type.Object(
  { median: FiniteNumber, lower: FiniteNumber, upper: FiniteNumber },
  { additionalProperties: false, description: 'the median and the 90 % credible interval (quantiles 0.05 and 0.95)' },
);

/** The filter after one observation. */
export const AssimilationStepSchema = Type.Object(
  {
    time: FiniteNumber,
    observed: Type.Record(Identifier, Type.Union([FiniteNumber, Type.Null()]), {
      description: 'what was measured at this time (null: not measured then)',
    }),
    logLikelihood: FiniteNumber,
    effectiveSampleSize: Type.Number({ minimum: 0 }),
    predicted: Type.Record(Identifier, Interval, {
      description: 'the measured quantities as the updated twin predicts them',
    }),
    parameters: Type.Record(Identifier, Interval, { description: 'the estimated parameters given the data so far' }),
  },
  { additionalProperties: false },
);

/** A forecast: the times and the ensemble's mean, median and credible bands at them. */
export const ForecastSummarySchema = Type.Object(
  { time: Type.Array(FiniteNumber, { minItems: 1 }), summary: EnsembleSummaryJsonSchema },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of an assimilation result (see the module comment). */
export const AssimilationResultSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(ASSIMILATION_RESULT_VERSION),
    ...resultInputFields('assimilated'),
    method: Type.Union([Type.Literal('enkf'), Type.Literal('particle')], {
      description: 'enkf: ensemble Kalman filter (ODE twin); particle: bootstrap particle filter (stochastic twin)',
    }),
    members: Type.Integer({ minimum: 1 }),
    seed: Type.Integer({ minimum: 0, maximum: 4294967295 }),
    estimate: Type.Record(Identifier, Type.Number({ exclusiveMinimum: 0 }), {
      description: 'estimated parameters: the sd of the log-normal prior of ln θ around the scenario’s value',
    }),
    until: Type.Optional(FiniteNumber),
    logLikelihood: FiniteNumber,
    steps: Type.Array(AssimilationStepSchema),
    forecast: Type.Optional(ForecastSummarySchema),
    counterfactual: Type.Optional(
      Type.Object(
        {
          treatment: Type.Record(Type.String(), Type.Union([Type.String(), FiniteNumber])),
          baseline: ForecastSummarySchema,
          treated: ForecastSummarySchema,
          effect: ForecastSummarySchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/assimilation-result.schema.json' },
);

/** An assimilation result (type of {@link AssimilationResultSchema}). */
export type AssimilationResult = Static<typeof AssimilationResultSchema>;
/** A forecast in an assimilation result (type of {@link ForecastSummarySchema}). */
export type ForecastSummaryJson = Static<typeof ForecastSummarySchema>;

// Compiled ahead of time from AssimilationResultSchema (scripts/write-schemas.mjs).
const validator = new CheckedValidator<typeof AssimilationResultSchema>(
  checkAssimilationResultSchema as SchemaCheck,
  'assimilation result',
);

/** Reads an assimilation result (an object, or JSON text); throws the engine's `ValidationError` naming the field. */
export function parseAssimilationResult(json: unknown): AssimilationResult {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'assimilation result') : json;
  checkFormatVersion(value, 'assimilation result', ASSIMILATION_RESULT_VERSION);
  return structuredClone(validator.parse(value));
}

/** A forecast as JSON: its times and summary. */
export function forecastToJson(forecast: Pick<Forecast, 'time' | 'summary'>): ForecastSummaryJson {
  return { time: Array.from(forecast.time), summary: summaryToJson(forecast.summary) };
}

/** What an assimilation result says about its inputs (the CLI's): engine version, model, scenario, data. */
export type AssimilationAbout = Pick<AssimilationResult, 'engineVersion' | 'model' | 'scenario' | 'data'>;

/** The result document of an assimilation, its forecast and counterfactual (each when given), validated. */
export function assimilationResultDocument(
  run: ScenarioAssimilation,
  extra: {
    readonly about?: AssimilationAbout;
    readonly until?: number;
    readonly forecast?: Forecast;
    readonly counterfactual?: {
      readonly treatment: Readonly<Record<string, string | number>>;
      readonly result: Counterfactual;
    };
  } = {},
): AssimilationResult {
  const { counterfactual } = extra;
  return parseAssimilationResult({
    version: ASSIMILATION_RESULT_VERSION,
    ...extra.about,
    method: run.method,
    members: run.ensemble.weights.length,
    seed: run.seed,
    estimate: { ...(run.spec.estimate ?? {}) },
    ...(extra.until === undefined ? {} : { until: extra.until }),
    logLikelihood: run.logLikelihood,
    steps: run.steps,
    ...(extra.forecast ? { forecast: forecastToJson(extra.forecast) } : {}),
    ...(counterfactual
      ? {
          counterfactual: {
            treatment: { ...counterfactual.treatment },
            baseline: forecastToJson(counterfactual.result.baseline),
            treated: forecastToJson(counterfactual.result.treated),
            effect: forecastToJson({
              time: counterfactual.result.baseline.time,
              summary: counterfactual.result.effect,
            }),
          },
        }
      : {}),
  });
}
