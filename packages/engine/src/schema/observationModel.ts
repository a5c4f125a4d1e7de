import { Type, type Static } from '@sinclair/typebox';
import { Expression, Identifier } from './common.js';

/** A noise parameter: a fixed positive value, or the id of a fit parameter that estimates it. */
export const NoiseValueSchema = Type.Union([Type.Number({ exclusiveMinimum: 0 }), Identifier], {
  description: 'a fixed value > 0, or the id of an estimated fit parameter',
});

/**
 * The distribution of a measurement y around the model's prediction f:
 * gaussian y ~ N(f, σ); lognormal log y ~ N(log f, σ) (f is the median); student-t (y − f)/σ ~ t(df);
 * poisson y ~ Poisson(f); negative-binomial y with mean f and variance f + f²/dispersion.
 */
export const NoiseSchema = Type.Union([
  Type.Object({ kind: Type.Literal('gaussian'), sigma: NoiseValueSchema }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('lognormal'), sigma: NoiseValueSchema }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('student-t'), sigma: NoiseValueSchema, df: NoiseValueSchema },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('poisson') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('negative-binomial'), dispersion: NoiseValueSchema },
    { additionalProperties: false },
  ),
]);

/** How one measured observable relates to the model: the prediction and the noise around it. */
export const ObservationSpecSchema = Type.Object(
  {
    observable: Type.String({
      pattern: Identifier.pattern,
      description: "the observed datasets' observable this entry explains (letters, digits and underscores)",
    }),
    expression: Type.Optional(
      Type.String({
        minLength: Expression.minLength,
        description:
          'the measured quantity from the model: its observables, parameters and `time`, e.g. "log10(V)" (default: the observable itself)',
      }),
    ),
    noise: NoiseSchema,
    censor: Type.Optional(
      Type.Boolean({
        description:
          'whether values at or below a detection limit are censored (default true; continuous noise only). false treats them as measured',
      }),
    ),
  },
  { additionalProperties: false },
);

/** An observation model: for each measured observable, its prediction from the model and its noise. */
export const ObservationModelSchema = Type.Object(
  { observations: Type.Array(ObservationSpecSchema, { minItems: 1 }) },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/observation-model.schema.json' },
);

/** A noise parameter value or the id of the fit parameter that estimates it. */
export type NoiseValue = Static<typeof NoiseValueSchema>;
/** A noise model. */
export type NoiseSpec = Static<typeof NoiseSchema>;
/** One observed observable's prediction and noise. */
export type ObservationSpec = Static<typeof ObservationSpecSchema>;
/** An observation model. */
export type ObservationModel = Static<typeof ObservationModelSchema>;
