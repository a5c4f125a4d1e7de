import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier, Text } from './common.js';

/**
 * Measured data for one observable, for overlays and calibration (schema/observed-data.schema.json). Values are in
 * `unit`, times in `timeUnit` (the model's time unit when absent). A value at or below its detection limit is
 * left-censored: the measurement only says the true value is at most the limit.
 */
export const ObservedDatasetSchema = Type.Object(
  {
    name: Text,
    source: Text,
    observable: Identifier,
    unit: Type.String(),
    time: Type.Array(FiniteNumber, { minItems: 1 }),
    values: Type.Array(FiniteNumber, { minItems: 1 }),
    sd: Type.Optional(Type.Array(Type.Number({ minimum: 0 }))),
    detectionLimit: Type.Optional(FiniteNumber),
    detectionLimits: Type.Optional(
      Type.Array(Type.Union([FiniteNumber, Type.Null()]), {
        description: "each point's own detection limit (null: none), overriding detectionLimit",
      }),
    ),
    timeUnit: Type.Optional(
      Type.String({ minLength: 1, description: 'unit of `time`, e.g. "hour" or "day" (default: the model\'s)' }),
    ),
    group: Type.Optional(
      Type.String({ minLength: 1, description: 'the arm, group or subject the data belong to, e.g. "untreated"' }),
    ),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/observed-data.schema.json' },
);

/** An observed dataset. */
export type ObservedDataset = Static<typeof ObservedDatasetSchema>;
