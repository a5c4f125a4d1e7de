import { Type, type Static } from '@sinclair/typebox';
import { MIN_RTOL } from '../ode/odeOptions.js';
import { FiniteNumber, Identifier, ModelId, SimulationMethod } from './common.js';

/** One scheduled intervention: its kind, when it acts, and its field values (e.g. "efficacy": 0.9). */
export const InterventionInstanceSchema = Type.Object(
  {
    kind: Identifier,
    start: Type.Number({ minimum: 0, description: 'time the intervention begins (model time unit)' }),
    stop: Type.Optional(Type.Number({ minimum: 0, description: 'time it ends; only for interventions that last' })),
  },
  {
    additionalProperties: FiniteNumber,
    description: 'other properties are the intervention fields declared by the model (numbers)',
  },
);

/** Solver settings for ODE runs. */
export const SolverOptionsSchema = Type.Object(
  {
    rtol: Type.Optional(
      Type.Number({ minimum: MIN_RTOL, maximum: 0.1, description: 'relative tolerance; below 1e-14 is below double precision' }),
    ),
    atol: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    stiff: Type.Optional(Type.Boolean({ description: 'use the Rosenbrock (stiff) method instead of Dormand–Prince' })),
  },
  { additionalProperties: false },
);

/** A reproducible simulation request: which model, with what, for how long, how often, and which seed. */
export const ScenarioSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    model: ModelId,
    preset: Type.Optional(Identifier),
    parameters: Type.Optional(Type.Record(Identifier, FiniteNumber)),
    initial: Type.Optional(Type.Record(Identifier, Type.Number({ minimum: 0 }))),
    interventions: Type.Optional(Type.Array(InterventionInstanceSchema)),
    duration: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'simulated time (model time unit)' })),
    outputInterval: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'time between recorded samples' })),
    method: Type.Optional(SimulationMethod),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
    replicates: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    quantiles: Type.Optional(
      Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 1, description: 'ensemble band quantiles' }),
    ),
    solver: Type.Optional(SolverOptionsSchema),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/scenario.schema.json' },
);

/** A scenario as written by a user (validated against schema/scenario.schema.json). */
export type Scenario = Static<typeof ScenarioSchema>;
/** A scheduled intervention as written in a scenario. */
export type InterventionInstance = Static<typeof InterventionInstanceSchema>;
/** ODE solver settings. */
export type SolverOptions = Static<typeof SolverOptionsSchema>;
