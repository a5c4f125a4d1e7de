import { exp, log } from '../math/portableMath.js';
import { rejectField, requireProbability } from './designArgumentError.js';
import { openUniform, type Distribution } from './distribution.js';
import { logUniformDistribution, uniformDistribution } from './distributions.js';
import { normalCdf, normalPdf } from '../stats/standardNormal.js';

/** The parameters of the normal behind a normal or log-normal distribution, needed for a truncated mean. */
export interface NormalShape {
  /** Mean of the normal (of the logarithm for a log-normal). */
  mu: number;
  /** Standard deviation of the normal (of the logarithm for a log-normal). */
  sigma: number;
}

/** Φ(b) − Φ(a) for a < b, from the tail that keeps it precise. */
function normalMass(a: number, b: number): number {
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/**
 * The mean of a truncated distribution where a closed form is known: the normal (μ + σ (φ(α) − φ(β)) / Z) and the
 * log-normal (e^{μ+σ²/2} (Φ(β − σ) − Φ(α − σ)) / Z), with α, β the standardised bounds and Z = Φ(β) − Φ(α).
 */
function truncatedMean(
  base: Distribution,
  lower: number,
  upper: number,
  shape: NormalShape | undefined,
): number | undefined {
  if (base.kind === 'uniform') return (lower + upper) / 2;
  if (base.kind === 'log-uniform') return (upper - lower) / (log(upper) - log(lower));
  if (!shape) return undefined;
  const { mu, sigma } = shape;
  const standard = (x: number): number => ((base.kind === 'log-normal' ? log(x) : x) - mu) / sigma;
  const alpha = standard(lower);
  const beta = standard(upper);
  const mass = normalMass(alpha, beta);
  if (base.kind === 'normal') {
    const density = (z: number): number => (Number.isFinite(z) ? normalPdf(z) : 0);
    return mu + (sigma * (density(alpha) - density(beta))) / mass;
  }
  const mean = (exp(mu + (sigma * sigma) / 2) * normalMass(alpha - sigma, beta - sigma)) / mass;
  return Number.isFinite(mean) ? mean : undefined;
}

/**
 * `base` truncated to [lower, upper] (either may be infinite; the interval is intersected with the support and
 * must keep some probability). Its quantile is base.quantile(F(lower) + u (F(upper) − F(lower))), so every value
 * it gives lies in [lower, upper]. `shape` gives a normal or log-normal's parameters for the truncated mean.
 */
export function truncateDistribution(
  base: Distribution,
  lower: number,
  upper: number,
  shape?: NormalShape,
): Distribution {
  if (Number.isNaN(lower) || lower === Number.POSITIVE_INFINITY) {
    rejectField('truncate.lower', lower, 'a number or −∞');
  }
  if (Number.isNaN(upper) || upper === Number.NEGATIVE_INFINITY) {
    rejectField('truncate.upper', upper, 'a number or +∞');
  }
  if (!(upper > lower)) rejectField('truncate.upper', upper, `greater than truncate.lower (${lower})`);
  const low = Math.max(lower, base.support[0]);
  const high = Math.min(upper, base.support[1]);
  const cdfLow = base.cdf(low);
  const cdfHigh = base.cdf(high);
  if (!(high > low && (cdfHigh > cdfLow || base.survival(low) > base.survival(high)))) {
    rejectField(
      'truncate',
      `[${lower}, ${upper}]`,
      `an interval holding some of the distribution's probability (its support is [${base.support[0]}, ${base.support[1]}])`,
    );
  }
  if (base.kind === 'uniform' || base.kind === 'log-uniform') {
    // A truncated (log-)uniform is the (log-)uniform on the intersection: exact, no detour through the cdf.
    const exact = base.kind === 'uniform' ? uniformDistribution(low, high) : logUniformDistribution(low, high);
    return { ...exact, truncated: true };
  }
  // Above the median the probabilities are computed as upper tails (survival), so a truncation far in the upper
  // tail keeps its precision as one far in the lower tail does.
  const inUpperTail = cdfLow > 0.5;
  const tailLow = inUpperTail ? base.survival(low) : cdfLow;
  const mass = inUpperTail ? tailLow - base.survival(high) : cdfHigh - cdfLow;
  const quantile = (u: number): number => {
    if (u === 0) return low;
    if (u === 1) return high;
    const x = inUpperTail ? base.upperQuantile(tailLow - u * mass) : base.quantile(cdfLow + u * mass);
    // Rounding in the base quantile can step a hair outside: the bounds are the support, not a clamp of data.
    return Math.min(high, Math.max(low, x));
  };
  const cdf = (x: number): number =>
    x <= low ? 0 : x >= high ? 1 : inUpperTail ? (tailLow - base.survival(x)) / mass : (base.cdf(x) - cdfLow) / mass;
  return {
    kind: base.kind,
    truncated: true,
    support: [low, high],
    mean: truncatedMean(base, low, high, shape),
    logDensity: (x) => (x >= low && x <= high ? base.logDensity(x) - log(mass) : Number.NEGATIVE_INFINITY),
    cdf,
    survival: (x) => 1 - cdf(x),
    quantile(u) {
      requireProbability(u);
      return quantile(u);
    },
    upperQuantile(q) {
      requireProbability(q);
      return quantile(1 - q);
    },
    sample: (rng) => quantile(openUniform(rng)),
  };
}
