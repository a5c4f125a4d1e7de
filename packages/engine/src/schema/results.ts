import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier, ModelId, SimulationMethod } from './common.js';

/** Where a result came from: enough to reproduce it. */
export const ResultMetadataSchema = Type.Object(
  {
    model: Type.Object({ id: ModelId, version: Type.String() }, { additionalProperties: false }),
    engineVersion: Type.String(),
    method: SimulationMethod,
    seed: Type.Integer({ minimum: 0 }),
    replicate: Type.Integer({ minimum: 0 }),
    parameters: Type.Record(Identifier, FiniteNumber),
    initial: Type.Record(Identifier, FiniteNumber),
    units: Type.Record(Identifier, Type.String(), { description: 'unit of each observable and of time' }),
    timeUnit: Type.String(),
  },
  { additionalProperties: false },
);

/** One run serialised as JSON: the sample times and one column per observable. */
export const RunResultJsonSchema = Type.Object(
  {
    metadata: ResultMetadataSchema,
    time: Type.Array(FiniteNumber),
    observables: Type.Record(Identifier, Type.Array(FiniteNumber)),
  },
  { additionalProperties: false },
);

/** Mean, median and quantile bands of an ensemble, per observable. */
export const EnsembleSummaryJsonSchema = Type.Object(
  {
    quantiles: Type.Array(Type.Number({ minimum: 0, maximum: 1 })),
    observables: Type.Record(
      Identifier,
      Type.Object(
        {
          mean: Type.Array(FiniteNumber),
          median: Type.Array(FiniteNumber),
          bands: Type.Array(Type.Array(FiniteNumber), { description: 'one series per quantile, same order' }),
        },
        { additionalProperties: false },
      ),
    ),
    rankErrorBound: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          'present when the median and bands come from a streaming sketch that is no longer exact (more runs than ' +
          'its capacity): bound, in runs, on the rank error of each value, holding with probability ≥ 0.999',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The JSON export of a run or an ensemble (schema/results.schema.json). */
export const ResultsJsonSchema = Type.Object(
  {
    scenario: Type.Unknown({ description: 'the scenario as resolved (all parameters explicit)' }),
    runs: Type.Array(RunResultJsonSchema, { minItems: 1 }),
    summary: Type.Optional(EnsembleSummaryJsonSchema),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/results.schema.json' },
);

/** Metadata of a run. */
export type ResultMetadata = Static<typeof ResultMetadataSchema>;
/** One run in the JSON export of results. */
export type RunResultJson = Static<typeof RunResultJsonSchema>;
/** The ensemble summary in the JSON export of results. */
export type EnsembleSummaryJson = Static<typeof EnsembleSummaryJsonSchema>;
/** JSON export of results. */
export type ResultsJson = Static<typeof ResultsJsonSchema>;
