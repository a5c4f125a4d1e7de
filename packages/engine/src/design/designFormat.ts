/**
 * The design file format (`schema/design.schema.json`): a study of one scenario over many parameter sets — a
 * sweep, a sensitivity analysis, a virtual cohort.
 *
 * ```jsonc
 * {
 *   "version": 1,                                  // format version (this file describes 1)
 *   "name": "entry-inhibitor sensitivity",         // optional
 *   "scenario": { "model": "target-cell-limited", "duration": 20 },   // the base run (schema/scenario.schema.json);
 *                                                  //   it must not itself set a parameter the design varies
 *   "parameters": [                                // one column each, in this order; exactly one of:
 *     { "id": "beta", "range": [1e-6, 1e-4], "scale": "log", "levels": 5 },  // a range (scale defaults to the
 *                                                  //   model's; grid levels include both ends)
 *     { "id": "c", "distribution": { "kind": "log-normal", "mu": 1.1, "sigma": 0.3,
 *                                    "truncate": { "lower": 0.1, "upper": 20 } } },  // a distribution (grid: midpoints of
 *                                                  //   `levels` equal-probability strata)
 *     { "id": "p", "values": [10, 20, 40] }        // listed values (grid: these levels; other designs: equally likely)
 *   ],
 *   "design": { "kind": "sobol", "n": 256 },        // grid {levels?} | lhs {n, seed, centered?} | sobol {n, skip?}
 *                                                  //   | saltelli {n, skip?, secondOrder?} (n base rows → n·(d+2) runs,
 *                                                  //     n·(2d+2) with secondOrder) | random {n, seed}
 *                                                  //   | morris {n, seed, levels?} (n trajectories → n·(d+1) runs)
 *   "outcomes": [{ "observable": "V", "summary": "peak" }] // optional: what the analyses read from each run (the
 *                                                  //   engine's OUTCOMES: peak, timeToPeak, clearanceTime {threshold},
 *                                                  //   auc {log10?, floor?}, final)
 * }
 * ```
 *
 * Distributions: `uniform` and `log-uniform` {lower, upper}, `normal` {mean, sd}, `log-normal` {mu, sigma} (of the
 * logarithm: the median is exp(mu)), each optionally truncated. A morris design moves each parameter between its
 * `levels` grid values (as a grid design would: a range's levels include both ends, a distribution's are the midpoints
 * of equal-probability strata, listed values are their own levels and must number `levels`). `parseDesign` checks
 * the file on its own; `designPoints` checks it against the model (ids, ranges) and gives the runs.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FiniteNumber, Identifier } from '../schema/common.js';
import { ScenarioSchema } from '../schema/scenario.js';
import { checkFormatVersion } from '../formats/formatVersion.js';
import { validate as checkDesignSchema } from '../formats/validators/design.js';
import { CheckedValidator, type SchemaCheck } from '../validation/checkedValidator.js';
import { parseJsonDocument } from '../validation/parseJson.js';
import { ValidationError } from '../validation/validationError.js';
import { checkDesignRules } from './designRules.js';

/** The format version this module reads and writes. */
export const DESIGN_VERSION = 1;

const NestedScenario = Type.Object(ScenarioSchema.properties, { additionalProperties: false });

/** A distribution written as data (see `DistributionSpec`). */
export const DistributionSpecSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('uniform'),
      Type.Literal('log-uniform'),
      Type.Literal('normal'),
      Type.Literal('log-normal'),
    ]),
    lower: Type.Optional(FiniteNumber),
    upper: Type.Optional(FiniteNumber),
    mean: Type.Optional(FiniteNumber),
    sd: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    mu: Type.Optional(FiniteNumber),
    sigma: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    truncate: Type.Optional(
      Type.Object(
        { lower: Type.Optional(FiniteNumber), upper: Type.Optional(FiniteNumber) },
        { additionalProperties: false, description: 'keep only values in [lower, upper]; a missing end is open' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'uniform/log-uniform {lower, upper}; normal {mean, sd}; log-normal {mu, sigma}; optional truncate',
  },
);

/** One varied parameter: its id and exactly one of a distribution, a range or listed values. */
export const DesignParameterSchema = Type.Object(
  {
    id: Identifier,
    distribution: Type.Optional(DistributionSpecSchema),
    range: Type.Optional(
      Type.Array(FiniteNumber, { minItems: 2, maxItems: 2, description: '[lower, upper], lower < upper' }),
    ),
    scale: Type.Optional(
      Type.Union([Type.Literal('linear'), Type.Literal('log')], {
        description: 'spacing of a range (default: the parameter scale in the model manifest)',
      }),
    ),
    values: Type.Optional(Type.Array(FiniteNumber, { minItems: 1, description: 'the values to use' })),
    levels: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000000, description: 'grid levels of this parameter (grid designs)' }),
    ),
  },
  { additionalProperties: false },
);

/** The kind of design and its settings. */
export const DesignSpecSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('grid'),
      Type.Literal('lhs'),
      Type.Literal('sobol'),
      Type.Literal('saltelli'),
      Type.Literal('random'),
      Type.Literal('morris'),
    ]),
    n: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10000000,
        description:
          'number of points (saltelli: base rows, giving n·(d+2) runs, n·(2d+2) with secondOrder; morris: trajectories, giving n·(d+1) runs); not for grid',
      }),
    ),
    seed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 4294967295, description: 'the seed of lhs, random and morris designs' }),
    ),
    levels: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000000,
        description: 'grid: levels of parameters that give none; morris: levels of every parameter (even; default 4)',
      }),
    ),
    centered: Type.Optional(Type.Boolean({ description: 'lhs: points at the centres of their strata' })),
    skip: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000000000,
        description: 'sobol, saltelli: points of the sequence to pass over',
      }),
    ),
    secondOrder: Type.Optional(
      Type.Boolean({ description: "saltelli: add the rows of second-order Sobol' indices (default false)" }),
    ),
  },
  { additionalProperties: false },
);

/**
 * One outcome an analysis reads from each run: a per-run summary of an observable, by its name in the engine's
 * `OUTCOMES` (the one definition of each; a test keeps these names and that registry the same).
 */
export const DesignOutcomeSchema = Type.Object(
  {
    observable: Identifier,
    summary: Type.Union(
      [
        Type.Literal('peak'),
        Type.Literal('timeToPeak'),
        Type.Literal('clearanceTime'),
        Type.Literal('auc'),
        Type.Literal('final'),
      ],
      { description: 'largest value, time of the largest value, clearance time, area under the curve, final value' },
    ),
    threshold: Type.Optional(
      Type.Number({ description: "clearanceTime: the level, in the observable's unit, below which it must stay" }),
    ),
    log10: Type.Optional(Type.Boolean({ description: 'auc: of log10(max(value, floor)) instead of the value' })),
    floor: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'auc with log10: the floor (default 1)' })),
    label: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

/** The JSON Schema (TypeBox) of a design file (see the module comment); `schema/design.schema.json`. */
export const DesignSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(DESIGN_VERSION),
    name: Type.Optional(Type.String()),
    scenario: NestedScenario,
    parameters: Type.Array(DesignParameterSchema, { minItems: 1 }),
    design: DesignSpecSchema,
    outcomes: Type.Optional(Type.Array(DesignOutcomeSchema)),
  },
  { additionalProperties: false, $id: 'https://immunotwin.dev/schema/design.schema.json' },
);

/** A design file as read (type of {@link DesignSchema}). */
export type Design = Static<typeof DesignSchema>;
/** One varied parameter of a design (type of {@link DesignParameterSchema}). */
export type DesignParameter = Static<typeof DesignParameterSchema>;
/** The kind and settings of a design (type of {@link DesignSpecSchema}). */
export type DesignSpec = Static<typeof DesignSpecSchema>;
/** An outcome of a design (type of {@link DesignOutcomeSchema}). */
export type DesignOutcome = Static<typeof DesignOutcomeSchema>;

// Compiled ahead of time from DesignSchema (scripts/write-schemas.mjs).
const validator = new CheckedValidator<typeof DesignSchema>(checkDesignSchema as SchemaCheck, 'design');

/**
 * Reads a design (an object, or JSON text): checks its schema and the rules the schema cannot say (one of
 * distribution/range/values per parameter, the settings each design kind needs, valid distributions). Throws the
 * engine's `ValidationError` naming the path, the value and what is allowed, e.g.
 * `Invalid design: parameters[0].distribution.sd: must be > 0; got -1`. Returns a fresh copy.
 */
export function parseDesign(json: unknown): Design {
  const value = typeof json === 'string' ? parseJsonDocument(json, 'design') : json;
  checkFormatVersion(value, 'design', DESIGN_VERSION);
  const design = structuredClone(validator.parse(value));
  const issues = checkDesignRules(design);
  if (issues.length > 0) throw new ValidationError('design', issues);
  return design;
}
