import { exp } from '../math/portableMath.js';
import { logNormalCdf, normalLogPdf } from '../stats/standardNormal.js';

/** What an observation censored at a detection limit becomes for a Kalman update (see {@link censoredPseudoObservation}). */
export interface CensoredPseudoObservation {
  /** The value the update pulls towards. */
  readonly value: number;
  /** Its variance: the measurement's own plus what the censoring leaves unknown. */
  readonly variance: number;
  /** log P(Y ≤ limit) under the predicted N(mean, predicted variance + measurement variance): the step's likelihood. */
  readonly logProbability: number;
}

/**
 * A measurement known only to be at or below `limit` (left-censored), as a Gaussian pseudo-observation for the
 * ensemble Kalman filter (the moment matching of the Tobit Kalman filter, Allik et al. 2016, IEEE Trans. Signal
 * Process. 64:3986). With the measured quantity predicted as N(`mean`, `predictedVariance`) and measurement noise of
 * variance `noiseVariance`, the measurement Y has S = predicted + noise variance, and conditioning on Y ≤ limit gives
 * it the mean m = mean − s·λ and the variance v = S·(1 − α·λ − λ²), with s = √S, α = (limit − mean)/s and
 * λ = φ(α)/Φ(α). A linear update with an observation `value` of extra variance Rc = S·v/(S − v) gives Y exactly those
 * moments (E[Y | y*] = mean + S/(S + Rc)·(y* − mean) = m, Var = S·Rc/(S + Rc) = v), so for a linear-Gaussian
 * model the state's updated mean and variance are those of the state given Y ≤ limit. Returns null where the
 * censoring carries no information (the limit far above the prediction: λ < 1e-12, and then log Φ(α) > −1e-12).
 */
export function censoredPseudoObservation(
  limit: number,
  mean: number,
  predictedVariance: number,
  noiseVariance: number,
): CensoredPseudoObservation | null {
  const S = predictedVariance + noiseVariance;
  const s = Math.sqrt(S);
  const alpha = (limit - mean) / s;
  const logProbability = logNormalCdf(alpha);
  const lambda = exp(normalLogPdf(alpha) - logProbability);
  if (!(lambda >= 1e-12)) return null;
  const v = S * Math.max(0, 1 - alpha * lambda - lambda * lambda);
  const extra = (S * v) / (S - v);
  const truncatedMean = mean - s * lambda;
  return { value: mean + ((truncatedMean - mean) * (S + extra)) / S, variance: noiseVariance + extra, logProbability };
}
