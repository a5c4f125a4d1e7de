import { Type, type Static } from '@sinclair/typebox';
import { Expression, FiniteNumber, Identifier, ModelId, SimulationMethod, Text } from './common.js';
import { ParameterSpecSchema } from './parameter.js';

/** A state variable of a reaction-network model. */
export const SpeciesSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Text,
    unit: Type.String(),
    initial: Expression,
    max: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        description:
          'the largest initial amount a scenario may set for this species, in its unit (default 1e12): beyond it a run only overflows or takes hours',
      }),
    ),
    description: Type.Optional(Text),
  },
  { additionalProperties: false },
);

/**
 * The largest stoichiometric coefficient: a mass-action law multiplies one factor per unit (k·x^n), and x^100
 * already overflows double precision once x passes about 1200; elementary reactions have 1 to 3.
 */
export const MAX_STOICHIOMETRY = 100;

/** Stoichiometry: species id → how many (a positive integer, at most {@link MAX_STOICHIOMETRY}). */
export const StoichiometrySchema = Type.Record(
  Identifier,
  Type.Integer({
    minimum: 1,
    maximum: MAX_STOICHIOMETRY,
    description: 'how many of the species take part: a whole number from 1 to 100',
  }),
);

/** One reaction channel; the engine derives ODE fluxes, SSA propensities and tau-leaping from it. */
export const ReactionSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Type.Optional(Text),
    reactants: StoichiometrySchema,
    products: StoichiometrySchema,
    law: Type.Union([Type.Literal('massAction'), Type.Literal('custom')], {
      description:
        'massAction: rate is the rate constant k; ODE flux k·Πx^n, propensity k·Πx(x−1)…(x−n+1). custom: rate is the flux itself',
    }),
    rate: Expression,
  },
  { additionalProperties: false },
);

/** The species and reactions of a reaction-network model. */
export const ReactionNetworkSchema = Type.Object(
  {
    species: Type.Array(SpeciesSpecSchema, { minItems: 1 }),
    reactions: Type.Array(ReactionSpecSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** A recorded quantity. For reaction networks `expression` (default: the species of the same id) computes it. */
export const ObservableSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Text,
    unit: Type.String({ description: 'the unit shown after the label; "1" or "" for none' }),
    description: Type.Optional(Text),
    expression: Type.Optional(Expression),
  },
  { additionalProperties: false },
);

/**
 * A quantity a stepped model takes from outside while it runs (an input port): in a coupled run, links set it
 * from other models' observables (their output ports) at every coupling interval; unconnected, the model
 * keeps its own behaviour.
 */
export const InputSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Text,
    unit: Type.String({ description: 'unit of the value the model receives, e.g. "cells/min"' }),
    description: Text,
  },
  { additionalProperties: false },
);

/** How an active intervention acts on a reaction-network model. */
export const InterventionEffectSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal('scale'),
      parameter: Identifier,
      factor: Expression,
    },
    { additionalProperties: false, description: 'multiply a parameter by factor from start until stop (for the rest of the run when the intervention has no stop)' },
  ),
  Type.Object(
    {
      type: Type.Literal('add'),
      species: Identifier,
      amount: Expression,
    },
    { additionalProperties: false, description: 'add amount to a species at start (a dose or an inoculum)' },
  ),
  Type.Object(
    {
      type: Type.Literal('removeFraction'),
      species: Identifier,
      fraction: Expression,
    },
    { additionalProperties: false, description: 'remove a fraction of a species at start (depletion)' },
  ),
]);

/** A field of an intervention (dose, efficacy, …), validated like a parameter. */
export const InterventionFieldSchema = Type.Omit(ParameterSpecSchema, ['source', 'scale'], {
  additionalProperties: false,
});

/** An intervention a scenario may schedule on this model. */
export const InterventionSpecSchema = Type.Object(
  {
    kind: Identifier,
    label: Text,
    description: Text,
    hasStop: Type.Boolean({ description: 'true: acts from start until stop; false: a one-off event at start' }),
    fields: Type.Array(InterventionFieldSchema),
    effects: Type.Optional(Type.Array(InterventionEffectSchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);

/** A named set of parameter values (and initial conditions) from a study. */
export const PresetSpecSchema = Type.Object(
  {
    id: Identifier,
    label: Text,
    description: Text,
    source: Text,
    parameters: Type.Record(Identifier, FiniteNumber),
    initial: Type.Optional(Type.Record(Identifier, FiniteNumber)),
  },
  { additionalProperties: false },
);

/** A literature reference cited by the model. */
export const ReferenceSchema = Type.Object(
  {
    id: Identifier,
    citation: Text,
    doi: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** Everything the suite knows about a model plugin without running it. */
export const ModelManifestSchema = Type.Object(
  {
    id: ModelId,
    title: Text,
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+' }),
    description: Text,
    timeUnit: Type.Union([Type.Literal('day'), Type.Literal('hour')]),
    methods: Type.Array(SimulationMethod, { minItems: 1, uniqueItems: true }),
    defaults: Type.Object(
      {
        duration: Type.Number({ exclusiveMinimum: 0 }),
        outputInterval: Type.Number({ exclusiveMinimum: 0 }),
      },
      { additionalProperties: false },
    ),
    parameters: Type.Array(ParameterSpecSchema),
    network: Type.Optional(ReactionNetworkSchema),
    observables: Type.Array(ObservableSpecSchema, { minItems: 1 }),
    defaultObservables: Type.Optional(
      Type.Array(Identifier, {
        minItems: 1,
        uniqueItems: true,
        description:
          'the observables a plot or a workbench shows unless asked for others (default: every observable); ids of "observables"',
      }),
    ),
    inputs: Type.Optional(
      Type.Array(InputSpecSchema, {
        description:
          'input ports a coupled run may connect to other models\' observables (stepped models only; see "coupling" in a scenario)',
      }),
    ),
    interventions: Type.Array(InterventionSpecSchema),
    presets: Type.Array(PresetSpecSchema),
    assumptions: Type.Array(Text, { minItems: 1 }),
    references: Type.Array(ReferenceSchema),
    kernel: Type.Optional(
      Type.Object(
        { displayName: Text },
        { additionalProperties: false, description: 'ask the suite for a twin kernel for this model' },
      ),
    ),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/model-manifest.schema.json' },
);

/** A model manifest (validated against schema/model-manifest.schema.json). */
export type ModelManifest = Static<typeof ModelManifestSchema>;
/** A reaction-network species. */
export type SpeciesSpec = Static<typeof SpeciesSpecSchema>;
/** A reaction channel. */
export type ReactionSpec = Static<typeof ReactionSpecSchema>;
/** Species and reactions. */
export type ReactionNetwork = Static<typeof ReactionNetworkSchema>;
/** An observable. */
export type ObservableSpec = Static<typeof ObservableSpecSchema>;
/** An input port of a stepped model. */
export type InputSpec = Static<typeof InputSpecSchema>;
/** An intervention kind. */
export type InterventionSpec = Static<typeof InterventionSpecSchema>;
/** An intervention effect on a reaction network. */
export type InterventionEffect = Static<typeof InterventionEffectSchema>;
/** A preset. */
export type PresetSpec = Static<typeof PresetSpecSchema>;
