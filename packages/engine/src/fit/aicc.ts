import { exp } from '../math/portableMath.js';

/**
 * The corrected Akaike information criterion of a fit (Hurvich and Tsai 1989):
 * AICc = 2k + 2·(−log L) + 2k(k + 1)/(n − k − 1), for k estimated parameters and n data points. Needs n > k + 1.
 */
export function aicc(negLogLikelihood: number, parameters: number, observations: number): number {
  if (!Number.isInteger(parameters) || parameters < 0) {
    throw new RangeError(`parameters must be a whole number ≥ 0; got ${String(parameters)}`);
  }
  if (!Number.isInteger(observations) || observations <= parameters + 1) {
    throw new RangeError(
      `AICc needs more data points than parameters + 1: ${String(observations)} points for ${parameters} parameters`,
    );
  }
  const k = parameters;
  return 2 * k + 2 * negLogLikelihood + (2 * k * (k + 1)) / (observations - k - 1);
}

/** One model in an AICc comparison: its ΔAICc from the best and its Akaike weight. */
export interface AiccComparison {
  /** The model's name, as given. */
  readonly name: string;
  /** Its AICc. */
  readonly aicc: number;
  /** AICc minus the smallest AICc of the set (0 for the best). */
  readonly delta: number;
  /** exp(−Δ/2) normalised over the set: the weight of evidence for this model among these. */
  readonly weight: number;
}

/** Compares models fitted to the same data by AICc: Δ from the best and Akaike weights (Burnham and Anderson 2002). */
export function compareByAicc(models: readonly { readonly name: string; readonly aicc: number }[]): AiccComparison[] {
  if (models.length === 0) throw new RangeError('compareByAicc needs at least one model');
  const least = Math.min(...models.map((m) => m.aicc));
  const relative = models.map((m) => exp(-(m.aicc - least) / 2));
  const total = relative.reduce((a, b) => a + b, 0);
  return models.map((m, i) => ({ name: m.name, aicc: m.aicc, delta: m.aicc - least, weight: relative[i]! / total }));
}
