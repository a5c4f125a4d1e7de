import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier, Text } from './common.js';

/** One model parameter: everything a control, a validator and a reader of the model need to know. */
export const ParameterSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Text,
    unit: Type.String({ description: 'unit of measure, e.g. "1/day", "cells", "(TCID50/mL)^-1 day^-1"; "1" if dimensionless' }),
    default: FiniteNumber,
    min: FiniteNumber,
    max: FiniteNumber,
    scale: Type.Union([Type.Literal('linear'), Type.Literal('log')], {
      description: 'how a control should move over [min, max]',
    }),
    integer: Type.Optional(Type.Boolean({ description: 'only whole numbers are allowed' })),
    description: Text,
    source: Type.String({ minLength: 3, description: 'citation for the default value (paper, textbook)' }),
  },
  { additionalProperties: false },
);

/** A model parameter specification. */
export type ParameterSpec = Static<typeof ParameterSpecSchema>;
