import { Type, type Static } from '@sinclair/typebox';
import { Identifier } from '../schema/common.js';
import type { ValidationIssue } from '../validation/validationError.js';

/** Most members (replicates or virtual patients) a band may have. */
export const MAX_BAND_SIZE = 1000;
/** Members of a band when none is said (a workbench's first choice). */
export const DEFAULT_BAND_SIZE = 20;
/** A cohort's spread when none is given: a coefficient of variation of 30 %. */
export const DEFAULT_COHORT_SPREAD = 0.3;
/** The largest spread (coefficient of variation) a cohort may have. */
export const MAX_COHORT_SPREAD = 3;

/**
 * A band of runs drawn as a median and quantile bands instead of one run (`view.band` of a workbench state):
 * `replicates` — `size` replicates of the scenario, replicate r from the random stream (seed, r); or `cohort` —
 * `size` virtual patients, each the scenario with every varied parameter drawn from a log-normal around its
 * current value (its median) with coefficient of variation `spread`, kept within the parameter's range.
 */
export const BandSpecSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('replicates'), Type.Literal('cohort')], {
      description:
        '"replicates": replicates of the scenario (a stochastic method or a stepped model); "cohort": virtual patients around the current parameters',
    }),
    size: Type.Integer({
      minimum: 2,
      maximum: MAX_BAND_SIZE,
      description: 'how many replicates or virtual patients',
    }),
    spread: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: MAX_COHORT_SPREAD,
        description: `cohort only: coefficient of variation of each varied parameter (0.3 = 30 %; default ${DEFAULT_COHORT_SPREAD})`,
      }),
    ),
    parameters: Type.Optional(
      Type.Array(Identifier, {
        minItems: 1,
        uniqueItems: true,
        description:
          'cohort only: the parameter ids varied; absent: every parameter with a positive, non-integer value that a run can vary',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'show the median and quantile bands of replicates or of a virtual cohort instead of one run',
  },
);

/** A band of runs (type of {@link BandSpecSchema}). */
export type BandSpec = Static<typeof BandSpecSchema>;

/**
 * The rules of a band the schema cannot say: `spread` and `parameters` belong to a cohort only. `prefix` is the
 * band's path in the document (e.g. `view.band.`), put before each issue's path.
 */
export function bandSpecIssues(band: BandSpec, prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (band.kind !== 'cohort') {
    for (const field of ['spread', 'parameters'] as const) {
      if (band[field] !== undefined) {
        issues.push({
          path: `${prefix}${field}`,
          message: `applies to a cohort only; leave it out of a band of ${band.kind} (or use kind "cohort")`,
        });
      }
    }
  }
  return issues;
}
