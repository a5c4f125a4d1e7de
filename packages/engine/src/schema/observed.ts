import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier, Text } from './common.js';

/** Measured data for one observable, for overlays and calibration (schema/observed-data.schema.json). */
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
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/observed-data.schema.json' },
);

/** An observed dataset. */
export type ObservedDataset = Static<typeof ObservedDatasetSchema>;
