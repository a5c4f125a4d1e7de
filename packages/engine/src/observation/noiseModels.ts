import { exp, log, log1p } from '../math/portableMath.js';
import { logFactorial, logPoissonPmf, sampleGamma, sampleNormal, samplePoisson } from '../rng/index.js';
import type { UniformSource } from '../rng/index.js';
import type { NoiseSpec } from '../schema/index.js';
import { logGamma, logNormalCdf, normalLogPdf, studentTCdf } from '../stats/index.js';

/** The kinds of noise model. */
export type NoiseKind = NoiseSpec['kind'];

/** The numeric noise parameters of one evaluation (those a kind does not use are ignored). */
export interface NoiseValues {
  /** σ: the standard deviation (gaussian; of log y for lognormal) or the scale (student-t). */
  readonly sigma: number;
  /** ν: the degrees of freedom (student-t). */
  readonly df: number;
  /** r: the dispersion (negative-binomial; variance f + f²/r). */
  readonly dispersion: number;
}

/** Whether measurements under this noise are continuous (and so can be censored at a detection limit). */
export function isContinuousNoise(kind: NoiseKind): boolean {
  return kind === 'gaussian' || kind === 'lognormal' || kind === 'student-t';
}

/** Whether a measurement value is possible under this noise (counts: whole numbers ≥ 0; lognormal: > 0). */
export function isPossibleMeasurement(kind: NoiseKind, y: number): boolean {
  if (kind === 'poisson' || kind === 'negative-binomial') return Number.isInteger(y) && y >= 0;
  if (kind === 'lognormal') return y > 0;
  return Number.isFinite(y);
}

/** log of the normal density of x with mean μ and sd σ. */
function gaussianLogPdf(x: number, mu: number, sigma: number): number {
  return normalLogPdf((x - mu) / sigma) - log(sigma);
}

/** log P(Y = k) for a negative binomial with mean μ ≥ 0 and dispersion (size) r > 0. */
function negativeBinomialLogPmf(k: number, mu: number, r: number): number {
  if (mu === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  // r·log(r/(r + μ)) + k·log(μ/(r + μ)) + log Γ(k + r) − log Γ(r) − log k!
  const logTotal = log(r + mu);
  const head = -r * log1p(mu / r) + (k === 0 ? 0 : k * (log(mu) - logTotal));
  return head + (k === 0 ? 0 : logGamma(k + r) - logGamma(r) - logFactorial(k));
}

/**
 * log p(y | f): the log density (continuous kinds) or log probability (counts) of measurement y when the model
 * predicts f, with every constant. A prediction the kind cannot have (NaN; a negative mean for counts) gives −∞.
 */
export function noiseLogLikelihood(kind: NoiseKind, y: number, f: number, v: NoiseValues): number {
  if (Number.isNaN(f)) return Number.NEGATIVE_INFINITY;
  switch (kind) {
    case 'gaussian':
      return Number.isFinite(f) ? gaussianLogPdf(y, f, v.sigma) : Number.NEGATIVE_INFINITY;
    case 'lognormal':
      if (!(y > 0) || !(f > 0) || f === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
      return gaussianLogPdf(log(y), log(f), v.sigma) - log(y);
    case 'student-t': {
      if (!Number.isFinite(f)) return Number.NEGATIVE_INFINITY;
      const z = (y - f) / v.sigma;
      const nu = v.df;
      return (
        logGamma((nu + 1) / 2) -
        logGamma(nu / 2) -
        0.5 * log(nu * Math.PI) -
        log(v.sigma) -
        ((nu + 1) / 2) * log1p((z * z) / nu)
      );
    }
    case 'poisson':
      return f >= 0 && Number.isFinite(f) ? logPoissonPmf(y, f) : Number.NEGATIVE_INFINITY;
    case 'negative-binomial':
      return f >= 0 && Number.isFinite(f) ? negativeBinomialLogPmf(y, f, v.dispersion) : Number.NEGATIVE_INFINITY;
  }
}

/**
 * log P(Y ≤ limit | f) for a continuous kind: what a measurement censored at a detection limit contributes. A
 * prediction of −∞ (e.g. log10 of a virus that is gone) is below every limit: log 1 = 0.
 */
export function noiseLogCdf(kind: NoiseKind, limit: number, f: number, v: NoiseValues): number {
  if (Number.isNaN(f)) return Number.NEGATIVE_INFINITY;
  switch (kind) {
    case 'gaussian':
      return logNormalCdf((limit - f) / v.sigma);
    case 'lognormal':
      if (!(limit > 0)) return Number.NEGATIVE_INFINITY;
      return f <= 0 ? 0 : logNormalCdf((log(limit) - log(f)) / v.sigma);
    case 'student-t':
      return log(studentTCdf((limit - f) / v.sigma, v.df));
    default:
      throw new RangeError(`a ${kind} measurement cannot be censored at a detection limit`);
  }
}

/**
 * The standardized residual (y − f)/σ (gaussian) or (log y − log f)/σ (lognormal): for these kinds −log p(y | f) is
 * r²/2 plus terms that do not depend on f. Undefined for the other kinds.
 */
export function noiseResidual(kind: NoiseKind, y: number, f: number, v: NoiseValues): number | undefined {
  if (kind === 'gaussian') return (y - f) / v.sigma;
  if (kind === 'lognormal') return (log(y) - log(f)) / v.sigma;
  return undefined;
}

/** A measurement drawn from the noise model around prediction f (for the parametric bootstrap). */
export function sampleMeasurement(kind: NoiseKind, f: number, v: NoiseValues, source: UniformSource): number {
  switch (kind) {
    case 'gaussian':
      return sampleNormal(source, f, v.sigma);
    case 'lognormal':
      return f * exp(sampleNormal(source, 0, v.sigma));
    case 'student-t': {
      const z = sampleNormal(source);
      const chiSquare = sampleGamma(source, v.df / 2, 2);
      return f + v.sigma * (z / Math.sqrt(chiSquare / v.df));
    }
    case 'poisson':
      return samplePoisson(source, f);
    case 'negative-binomial':
      return f === 0 ? 0 : samplePoisson(source, sampleGamma(source, v.dispersion, f / v.dispersion));
  }
}
