/**
 * The fit result format (`schema/fit-result.schema.json`, version 1): what `immunotwin fit` writes and a fit in a
 * notebook gives back — the estimates, every start of the multi-start search, the confidence intervals (profile
 * likelihood and, when asked, the parametric bootstrap) and the AICc.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "method": "levenberg-marquardt",             // or "nelder-mead" (no residuals: censored, counts, Student-t)
 *   "observationCount": 8, "negLogLikelihood": 3.21, "aicc": 20.4,   // aicc null when n ≤ k + 1
 *   "level": 0.95,
 *   "parameters": [{ "id": "beta", "scale": "log", "lower": 1e-7, "upper": 1e-3, "estimate": 2.7e-5,
 *                    "profile": { "lower": 1.9e-5, "upper": 3.8e-5, "lowerReason": "threshold", "upperReason": "threshold",
 *                                 "points": [{ "value": 2.7e-5, "negLogLikelihood": 3.21 }, …] },
 *                    "bootstrap": { "lower": 2.0e-5, "upper": 3.7e-5 } }],
 *   "starts": { "seed": 1, "best": 3, "results": [{ "start": […], "theta": […], "negLogLikelihood": 3.21, … }] },
 *   "bootstrap": { "replicates": 200, "seed": 1, "unconverged": 0 },
 *   "warnings": []
 * }
 * ```
 *
 * The CLI adds what was fitted: `engineVersion`, `model`, `scenario` and `data`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier } from '../schema/common.js';
import { checkFormatVersion } from '../formats/formatVersion.js';
import { validate as checkFitResultSchema } from '../formats/validators/fitResult.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { parseJsonDocument } from '../validation/parseJson.js';

/** The format version this module reads and writes. */
export const FIT_RESULT_VERSION = 1;

const Method = Type.Union([Type.Literal('levenberg-marquardt'), Type.Literal('nelder-mead')]);
const EndReason = Type.Union([Type.Literal('threshold'), Type.Literal('bound'), Type.Literal('steps')], {
  description: 'threshold: the profile crosses χ²₁(level)/2; bound: it reaches the bound first; steps: gave up',
});

/** One start of the multi-start search. */
export const FitStartSchema = Type.Object(
  {
    start: Type.Array(FiniteNumber, { description: 'the starting point, in the parameters’ units' }),
    theta: Type.Array(FiniteNumber, { description: 'where the local fit ended' }),
    negLogLikelihood: Type.Union([FiniteNumber, Type.Null()], { description: '−log L there (null: not finite)' }),
    method: Method,
    iterations: Type.Integer({ minimum: 0 }),
    evaluations: Type.Integer({ minimum: 0 }),
    converged: Type.Boolean(),
    message: Type.String(),
  },
  { additionalProperties: false },
);

/** A profile-likelihood interval and the points it rests on. */
export const FitProfileSchema = Type.Object(
  {
    lower: FiniteNumber,
    upper: FiniteNumber,
    lowerReason: EndReason,
    upperReason: EndReason,
    points: Type.Array(
      Type.Object({ value: FiniteNumber, negLogLikelihood: FiniteNumber }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

/** One estimated parameter: its search box and scale, the estimate and its intervals. */
export const FitParameterResultSchema = Type.Object(
  {
    id: Identifier,
    scale: Type.Union([Type.Literal('linear'), Type.Literal('log')]),
    lower: FiniteNumber,
    upper: FiniteNumber,
    unit: Type.Optional(Type.String()),
    estimate: FiniteNumber,
    profile: Type.Optional(FitProfileSchema),
    bootstrap: Type.Optional(
      Type.Object({ lower: FiniteNumber, upper: FiniteNumber }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

/**
 * What a result about one patient's data says of its inputs (the CLI adds them): the engine version, the model, the
 * scenario (`what` it was: fitted, assimilated) and the data file with its number of observations.
 */
export function resultInputFields(what: string) {
  return {
    engineVersion: Type.Optional(Type.String()),
    model: Type.Optional(
      Type.Object({ id: Type.String(), title: Type.Optional(Type.String()) }, { additionalProperties: false }),
    ),
    scenario: Type.Optional(Type.Unknown({ description: `the scenario ${what} (schema/scenario.schema.json)` })),
    data: Type.Optional(
      Type.Object(
        { file: Type.Optional(Type.String()), observations: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
  };
}

/** The JSON Schema (TypeBox) of a fit result (see the module comment); `schema/fit-result.schema.json`. */
export const FitResultSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(FIT_RESULT_VERSION),
    ...resultInputFields('fitted'),
    method: Method,
    observationCount: Type.Integer({ minimum: 0 }),
    negLogLikelihood: FiniteNumber,
    aicc: Type.Union([FiniteNumber, Type.Null()], { description: 'null when n ≤ k + 1' }),
    level: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
    parameters: Type.Array(FitParameterResultSchema, { minItems: 1 }),
    starts: Type.Object(
      {
        seed: Type.Integer({ minimum: 0, maximum: 4294967295 }),
        best: Type.Integer({ minimum: 0 }),
        results: Type.Array(FitStartSchema, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    bootstrap: Type.Optional(
      Type.Object(
        {
          replicates: Type.Integer({ minimum: 2 }),
          seed: Type.Integer({ minimum: 0, maximum: 4294967295 }),
          unconverged: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/fit-result.schema.json' },
);

/** A fit result (type of {@link FitResultSchema}). */
export type FitResult = Static<typeof FitResultSchema>;
/** One start of a fit result (type of {@link FitStartSchema}). */
export type FitStart = Static<typeof FitStartSchema>;
/** One parameter of a fit result (type of {@link FitParameterResultSchema}). */
export type FitParameterResult = Static<typeof FitParameterResultSchema>;

// Compiled ahead of time from FitResultSchema (scripts/write-schemas.mjs).
const validator = new CheckedValidator<typeof FitResultSchema>(checkFitResultSchema as SchemaCheck, 'fit result');

/** Reads a fit result (an object, or JSON text); throws the engine's `ValidationError` naming the field. */
export function parseFitResult(json: unknown): FitResult {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'fit result') : json;
  checkFormatVersion(value, 'fit result', FIT_RESULT_VERSION);
  return structuredClone(validator.parse(value));
}
