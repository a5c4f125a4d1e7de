import { rejectField } from './designArgumentError.js';
import type { Distribution, DistributionKind } from './distribution.js';
import {
  logNormalDistribution,
  logUniformDistribution,
  normalDistribution,
  uniformDistribution,
} from './distributions.js';
import { truncateDistribution } from './truncate.js';

/**
 * A distribution written as data (as in a design file):
 * `{ "kind": "uniform" | "log-uniform", "lower": 0.1, "upper": 10 }`,
 * `{ "kind": "normal", "mean": 3, "sd": 0.5 }`, `{ "kind": "log-normal", "mu": 1.1, "sigma": 0.3 }`,
 * each optionally with `"truncate": { "lower": 0, "upper": 5 }` (either end may be left out).
 */
export interface DistributionSpec {
  /** Which distribution. */
  kind: DistributionKind;
  /** Lower bound of a uniform or log-uniform. */
  lower?: number;
  /** Upper bound of a uniform or log-uniform. */
  upper?: number;
  /** Mean of a normal. */
  mean?: number;
  /** Standard deviation of a normal. */
  sd?: number;
  /** Mean of the logarithm of a log-normal (its median is exp(mu)). */
  mu?: number;
  /** Standard deviation of the logarithm of a log-normal. */
  sigma?: number;
  /** Truncation to [lower, upper]; a missing end is not truncated. */
  truncate?: { lower?: number; upper?: number };
}

const FIELDS: Record<DistributionKind, readonly (keyof DistributionSpec)[]> = {
  uniform: ['lower', 'upper'],
  'log-uniform': ['lower', 'upper'],
  normal: ['mean', 'sd'],
  'log-normal': ['mu', 'sigma'],
};
const ALL_FIELDS: readonly (keyof DistributionSpec)[] = ['lower', 'upper', 'mean', 'sd', 'mu', 'sigma'];

/** The value of a required field, or an error naming it and the kind that needs it. */
function field(spec: DistributionSpec, name: keyof DistributionSpec): number {
  const value = spec[name];
  if (value === undefined) rejectField(name, value, `given for a ${spec.kind} distribution`);
  return value as number;
}

/**
 * The distribution a {@link DistributionSpec} describes. Throws a `DesignArgumentError` naming the field, its value
 * and what is allowed (an unknown kind, a missing or foreign field, sd ≤ 0, lower ≥ upper, an empty truncation…).
 */
export function createDistribution(spec: DistributionSpec): Distribution {
  const allowed = FIELDS[spec.kind] as readonly (keyof DistributionSpec)[] | undefined;
  if (!allowed)
    rejectField(
      'kind',
      spec.kind,
      `one of ${Object.keys(FIELDS)
        .map((k) => `"${k}"`)
        .join(', ')}`,
    );
  for (const name of ALL_FIELDS) {
    if (spec[name] !== undefined && !allowed.includes(name)) {
      rejectField(name, spec[name], `left out of a ${spec.kind} distribution (its fields: ${allowed.join(', ')})`);
    }
  }
  let base: Distribution;
  switch (spec.kind) {
    case 'uniform':
      base = uniformDistribution(field(spec, 'lower'), field(spec, 'upper'));
      break;
    case 'log-uniform':
      base = logUniformDistribution(field(spec, 'lower'), field(spec, 'upper'));
      break;
    case 'normal':
      base = normalDistribution(field(spec, 'mean'), field(spec, 'sd'));
      break;
    case 'log-normal':
      base = logNormalDistribution(field(spec, 'mu'), field(spec, 'sigma'));
      break;
  }
  if (!spec.truncate) return base;
  const shape =
    spec.kind === 'normal'
      ? { mu: field(spec, 'mean'), sigma: field(spec, 'sd') }
      : spec.kind === 'log-normal'
        ? { mu: field(spec, 'mu'), sigma: field(spec, 'sigma') }
        : undefined;
  return truncateDistribution(
    base,
    spec.truncate.lower ?? Number.NEGATIVE_INFINITY,
    spec.truncate.upper ?? Number.POSITIVE_INFINITY,
    shape,
  );
}
