import { log } from '../math/portableMath.js';
import { choleskyFactor, solveLower } from '../stats/cholesky.js';
import { logSumExp, weightedMoments } from '../stats/weights.js';
import type { Rng } from '../rng/types.js';

/**
 * The multivariate normal perturbation kernel of ABC-SMC, N(θ_j, scale·Σ) with Σ the weighted covariance of the
 * previous population on the working scale (Beaumont et al. 2009 take scale = 2, twice the population covariance,
 * which minimises the Kullback–Leibler divergence between the proposal and the next target).
 */
export class PerturbationKernel {
  private readonly lower: Float64Array;
  private readonly z: Float64Array;
  private readonly logWeights: Float64Array;

  /**
   * @param points the previous population on the working scale (n × d, row-major)
   * @param weights its normalised weights
   * @param scale the multiple of the population covariance
   */
  constructor(
    private readonly points: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly weights: Float64Array,
    scale: number,
  ) {
    const { covariance } = weightedMoments(points, n, d, weights);
    for (let k = 0; k < d * d; k++) covariance[k] *= scale;
    const lower = choleskyFactor(covariance, d);
    if (!lower) {
      throw new RangeError(
        'ABC-SMC: the population covariance is not positive definite (the particles have collapsed onto fewer ' +
          'than d distinct points); use more particles, a larger quantile or fewer generations',
      );
    }
    this.lower = lower;
    this.z = new Float64Array(d);
    this.logWeights = new Float64Array(n);
  }

  /** Writes θ_j + L·z (z standard normal from `rng`) into `out`. */
  perturb(j: number, rng: Rng, out: Float64Array): void {
    const { d, lower, z } = this;
    for (let k = 0; k < d; k++) z[k] = rng.normal();
    for (let a = 0; a < d; a++) {
      let sum = this.points[j * d + a];
      for (let k = 0; k <= a; k++) sum += lower[a * d + k] * z[k];
      out[a] = sum;
    }
  }

  /**
   * log Σ_j w_j K(θ | θ_j) up to a constant that is the same for every θ (so it cancels when weights are
   * normalised): the denominator of the importance weight of a proposal θ.
   */
  logMixtureDensity(theta: Float64Array): number {
    const { d, n, lower, z } = this;
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < d; k++) z[k] = theta[k] - this.points[j * d + k];
      solveLower(lower, d, z);
      let q = 0;
      for (let k = 0; k < d; k++) q += z[k] * z[k];
      this.logWeights[j] = log(this.weights[j]) - 0.5 * q;
    }
    return logSumExp(this.logWeights);
  }
}
