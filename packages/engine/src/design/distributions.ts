import { exp, log } from '../math/portableMath.js';
import { requireFinite, requirePositive, requireProbability, rejectField } from './designArgumentError.js';
import { openUniform, type Distribution, type DistributionKind } from './distribution.js';
import { normalCdf, normalLogPdf, normalQuantile } from '../stats/standardNormal.js';

/**
 * Builds a distribution from its kind, support, mean, log density, cdf and quantile; `tails` gives the survival function and
 * upper quantile where they can be more precise than 1 − cdf and quantile(1 − q) (normal, log-normal).
 */
function make(
  kind: DistributionKind,
  support: readonly [number, number],
  mean: number | undefined,
  logDensity: (x: number) => number,
  cdf: (x: number) => number,
  quantile: (u: number) => number,
  tails?: { survival: (x: number) => number; upperQuantile: (q: number) => number },
): Distribution {
  return {
    kind,
    truncated: false,
    support,
    mean,
    logDensity,
    cdf,
    survival: tails?.survival ?? ((x) => 1 - cdf(x)),
    quantile(u: number): number {
      requireProbability(u);
      return quantile(u);
    },
    upperQuantile(q: number): number {
      requireProbability(q);
      return tails ? tails.upperQuantile(q) : quantile(1 - q);
    },
    sample(rng) {
      return quantile(openUniform(rng));
    },
  };
}

/** Checks `lower < upper` for a distribution given by its bounds. */
function requireOrdered(lower: number, upper: number, lowerField: string, upperField: string): void {
  if (!(upper > lower)) rejectField(upperField, upper, `greater than ${lowerField} (${lower})`);
}

/** The uniform distribution on [lower, upper] (finite, lower < upper). */
export function uniformDistribution(lower: number, upper: number): Distribution {
  requireFinite('lower', lower);
  requireFinite('upper', upper);
  requireOrdered(lower, upper, 'lower', 'upper');
  const width = upper - lower;
  return make(
    'uniform',
    [lower, upper],
    lower + width / 2,
    (x) => (x >= lower && x <= upper ? -log(width) : Number.NEGATIVE_INFINITY),
    (x) => (x <= lower ? 0 : x >= upper ? 1 : (x - lower) / width),
    (u) => (u === 1 ? upper : lower + u * width),
  );
}

/** The log-uniform distribution on [lower, upper] (0 < lower < upper): its logarithm is uniform. */
export function logUniformDistribution(lower: number, upper: number): Distribution {
  requirePositive('lower', lower);
  requirePositive('upper', upper);
  requireOrdered(lower, upper, 'lower', 'upper');
  const logLower = log(lower);
  const logWidth = log(upper) - logLower;
  return make(
    'log-uniform',
    [lower, upper],
    (upper - lower) / logWidth,
    (x) => (x >= lower && x <= upper ? -log(x) - log(logWidth) : Number.NEGATIVE_INFINITY),
    (x) => (x <= lower ? 0 : x >= upper ? 1 : (log(x) - logLower) / logWidth),
    (u) => (u === 0 ? lower : u === 1 ? upper : exp(logLower + u * logWidth)),
  );
}

/** The normal distribution with the given mean and standard deviation (sd > 0). */
export function normalDistribution(mean: number, sd: number): Distribution {
  requireFinite('mean', mean);
  requirePositive('sd', sd);
  return make(
    'normal',
    [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    mean,
    (x) => normalLogPdf((x - mean) / sd) - log(sd),
    (x) => normalCdf((x - mean) / sd),
    (u) => mean + sd * normalQuantile(u),
    { survival: (x) => normalCdf((mean - x) / sd), upperQuantile: (q) => mean - sd * normalQuantile(q) },
  );
}

/**
 * The log-normal distribution whose logarithm is normal with mean `mu` and standard deviation `sigma`
 * (sigma > 0): its median is exp(mu) and its mean exp(mu + sigma²/2).
 */
export function logNormalDistribution(mu: number, sigma: number): Distribution {
  requireFinite('mu', mu);
  requirePositive('sigma', sigma);
  const mean = exp(mu + (sigma * sigma) / 2);
  return make(
    'log-normal',
    [0, Number.POSITIVE_INFINITY],
    Number.isFinite(mean) ? mean : undefined,
    (x) => (x > 0 ? normalLogPdf((log(x) - mu) / sigma) - log(x * sigma) : Number.NEGATIVE_INFINITY),
    (x) => (x <= 0 ? 0 : normalCdf((log(x) - mu) / sigma)),
    (u) => exp(mu + sigma * normalQuantile(u)),
    {
      survival: (x) => (x <= 0 ? 1 : normalCdf((mu - log(x)) / sigma)),
      upperQuantile: (q) => exp(mu - sigma * normalQuantile(q)),
    },
  );
}
