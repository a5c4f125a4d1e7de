import type { Distribution } from '../design/distribution.js';
import type { Rng } from '../rng/types.js';

/** One parameter ABC-SMC estimates: its id, its prior and the scale the perturbation kernel moves it on. */
export interface AbcParameter {
  /** The parameter's id (e.g. a manifest parameter id). */
  readonly id: string;
  /** Its prior: any engine distribution (`normalDistribution`, `logUniformDistribution`, `createDistribution`…). */
  readonly prior: Distribution;
  /**
   * 'log' perturbs log θ (for rates spanning decades; the prior must then be on (0, ∞)); default 'linear'.
   * The posterior is the same either way; only how fast the sampler finds it differs.
   */
  readonly scale?: 'linear' | 'log';
}

/**
 * What ABC-SMC needs: the priors and a simulator that, for a parameter vector, draws a synthetic data set from the
 * model with `rng` (and only `rng`) and returns its distance (≥ 0) to the observed data. The likelihood is never
 * evaluated, which is the point: a stochastic or agent-based twin has none in closed form. Summary statistics, the
 * observation noise and the distance's scaling are the caller's choices, inside `distance`.
 */
export interface AbcProblem {
  /** The parameters, in the order of the θ vectors passed to `distance`. */
  readonly parameters: readonly AbcParameter[];
  /** Simulates at θ (own units) with `rng` and returns the distance to the observed data; NaN counts as rejected. */
  distance(theta: Float64Array, rng: Rng): number;
}
