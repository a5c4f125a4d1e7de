import { describe, expect, it } from 'vitest';
import {
  abcSmc,
  createRng,
  normalCdf,
  normalDistribution,
  normalPdf,
  truncateDistribution,
  uniformDistribution,
  type AbcProblem,
  type Rng,
} from '@immunotwin/engine';

/**
 * The conjugate toy: n observations y_i ~ N(μ, σ²) with σ known and prior μ ~ N(m0, s0²). The sample mean is
 * sufficient, so the distance |ȳ_sim − ȳ_obs| loses nothing, and the exact posterior is normal with precision
 * 1/s0² + n/σ² and mean (m0/s0² + n ȳ/σ²) / precision.
 */
const SIGMA = 1;
const N_OBS = 20;
const PRIOR_MEAN = 0;
const PRIOR_SD = 2;

function observedMean(): number {
  const rng = createRng(20261206);
  let sum = 0;
  for (let i = 0; i < N_OBS; i++) sum += rng.normal(1.3, SIGMA);
  return sum / N_OBS;
}
const Y_BAR = observedMean();

function normalMeanProblem(): AbcProblem {
  return {
    parameters: [{ id: 'mu', prior: normalDistribution(PRIOR_MEAN, PRIOR_SD) }],
    distance(theta: Float64Array, rng: Rng): number {
      let sum = 0;
      for (let i = 0; i < N_OBS; i++) sum += rng.normal(theta[0], SIGMA);
      return Math.abs(sum / N_OBS - Y_BAR);
    },
  };
}

const precision = 1 / PRIOR_SD ** 2 + N_OBS / SIGMA ** 2;
const POST_MEAN = (PRIOR_MEAN / PRIOR_SD ** 2 + (N_OBS * Y_BAR) / SIGMA ** 2) / precision;
const POST_SD = Math.sqrt(1 / precision);

function weightedMeanSd(values: Float64Array, weights: Float64Array): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += weights[i] * values[i];
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += weights[i] * (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(variance) };
}

const FINAL_EPSILON = 0.01;
const OPTIONS = { particles: 1000, quantile: 0.5, minEpsilon: FINAL_EPSILON, maxGenerations: 30, minAcceptanceRate: 0 };

describe('ABC-SMC on a conjugate normal model', () => {
  it('recovers the analytic posterior mean and sd over 10 seeds, within the Monte Carlo error and the final ε', async () => {
    // The ABC posterior at tolerance ε is the exact posterior given ȳ_obs + u for some u with |u| ≤ ε: its mean is
    // m_post + k·E[u] with k = s_post²·n/σ² (the weight of the data in the posterior mean), so it is off by at most
    // k·ε; its variance is s_post² + k²·Var(u) ≤ s_post² + k²ε², so its sd exceeds s_post by at most
    // √(s_post² + k²ε²) − s_post. On top, Monte Carlo error: the weighted mean of an ESS-sized sample has sd
    // s_post/√ESS and its sd about s_post/√(2·ESS). SMC particles are correlated through resampling, so we allow
    // 4 of those standard errors per seed (a 4-sd excursion at any of 10 seeds has probability < 10⁻³ under
    // independence), and over the mean of the 10 seeds 4 standard errors of that mean.
    const k = (POST_SD ** 2 * N_OBS) / SIGMA ** 2;
    const epsilonBiasMean = k * FINAL_EPSILON;
    const epsilonBiasSd = Math.sqrt(POST_SD ** 2 + k * k * FINAL_EPSILON ** 2) - POST_SD;
    const means: number[] = [];
    const sds: number[] = [];
    let minEss = Infinity;
    for (let seed = 1; seed <= 10; seed++) {
      const result = await abcSmc(normalMeanProblem(), { seed, ...OPTIONS, chunkMilliseconds: 1000 });
      expect(result.stopReason).toBe('minEpsilon');
      const { posterior } = result;
      expect(posterior.epsilon).toBe(FINAL_EPSILON);
      const { mean, sd } = weightedMeanSd(posterior.particles, posterior.weights);
      const ess = posterior.effectiveSampleSize;
      minEss = Math.min(minEss, ess);
      expect(ess).toBeGreaterThan(200);
      expect(Math.abs(mean - POST_MEAN)).toBeLessThanOrEqual(epsilonBiasMean + (4 * POST_SD) / Math.sqrt(ess));
      expect(Math.abs(sd - POST_SD)).toBeLessThanOrEqual(epsilonBiasSd + (4 * POST_SD) / Math.sqrt(2 * ess));
      means.push(mean);
      sds.push(sd);
    }
    const average = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(average(means) - POST_MEAN)).toBeLessThanOrEqual(
      epsilonBiasMean + (4 * POST_SD) / Math.sqrt(10 * minEss),
    );
    expect(Math.abs(average(sds) - POST_SD)).toBeLessThanOrEqual(
      epsilonBiasSd + (4 * POST_SD) / Math.sqrt(20 * minEss),
    );
    // The prior sd is 2 and the posterior's 0.22: a sampler that ignored the data would be far outside.
    expect(POST_SD).toBeLessThan(PRIOR_SD / 8);
  }, 120_000);

  it('finds the same posterior when the kernel moves ln μ (the log scale), over 5 seeds', async () => {
    // Two observations with mean 2 and the prior N(1, 2²) truncated to (0, ∞): the exact posterior is the normal
    // N(m, s²) (precision 1/4 + 2) truncated to (0, ∞), whose mean and sd are m + s·λ and s·√(1 + αλ − λ²) with
    // α = −m/s, λ = φ(α)/(1 − Φ(α)). Perturbing ln μ changes the proposal, not the target: the weights carry the
    // Jacobian μ. Without it the target would be the posterior × 1/μ, whose mean is lower by about s²/m ≈ 0.23, far
    // beyond the tolerance (the same as above: k·ε plus 4 Monte Carlo standard errors, ≈ 0.1).
    const observedMean = 2;
    const n = 2;
    const prior = truncateDistribution(normalDistribution(1, 2), 0, Infinity, { mu: 1, sigma: 2 });
    const problem: AbcProblem = {
      parameters: [{ id: 'mu', prior, scale: 'log' }],
      distance(theta, rng) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += rng.normal(theta[0], SIGMA);
        return Math.abs(sum / n - observedMean);
      },
    };
    const postPrecision = 1 / 4 + n / SIGMA ** 2;
    const m = (1 / 4 + (n * observedMean) / SIGMA ** 2) / postPrecision;
    const s = Math.sqrt(1 / postPrecision);
    const alpha = -m / s;
    const lambda = normalPdf(alpha) / normalCdf(-alpha);
    const exactMean = m + s * lambda;
    const exactSd = s * Math.sqrt(1 + alpha * lambda - lambda * lambda);
    const k = (s * s * n) / SIGMA ** 2;
    for (let seed = 21; seed <= 25; seed++) {
      const { posterior } = await abcSmc(problem, { seed, ...OPTIONS, chunkMilliseconds: 1000 });
      const { mean, sd } = weightedMeanSd(posterior.particles, posterior.weights);
      const ess = posterior.effectiveSampleSize;
      expect(Math.abs(mean - exactMean)).toBeLessThanOrEqual(k * FINAL_EPSILON + (4 * exactSd) / Math.sqrt(ess));
      expect(Math.abs(sd - exactSd)).toBeLessThanOrEqual(
        Math.sqrt(exactSd ** 2 + k * k * FINAL_EPSILON ** 2) - exactSd + (4 * exactSd) / Math.sqrt(2 * ess),
      );
    }
  }, 120_000);

  it('sets each tolerance to the weighted quantile of the previous distances and shrinks it every generation', async () => {
    const result = await abcSmc(normalMeanProblem(), { seed: 3, ...OPTIONS, quantile: 0.3, particles: 300 });
    const { generations } = result;
    expect(generations[0].epsilon).toBe(Infinity);
    for (let g = 1; g < generations.length; g++) {
      const previous = generations[g - 1];
      const epsilon = generations[g].epsilon;
      expect(epsilon).toBeLessThan(previous.epsilon);
      if (epsilon === FINAL_EPSILON) continue;
      // Weighted 0.3-quantile: the weight at or below it reaches 0.3, the weight strictly below it does not.
      let atOrBelow = 0;
      let below = 0;
      previous.distances.forEach((d, i) => {
        if (d <= epsilon) atOrBelow += previous.weights[i];
        if (d < epsilon) below += previous.weights[i];
      });
      expect(atOrBelow).toBeGreaterThanOrEqual(0.3 - 1e-12);
      expect(below).toBeLessThan(0.3);
      for (const d of generations[g].distances) expect(d).toBeLessThanOrEqual(epsilon);
      const sum = generations[g].weights.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
    }
  });

  it('gives the same bits for the same seed and other particles for another', async () => {
    const run = (seed: number) => abcSmc(normalMeanProblem(), { seed, particles: 200, maxGenerations: 4 });
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a.stopReason).toBe('maxGenerations');
    expect(a.generations).toHaveLength(4);
    expect(Buffer.from(a.posterior.particles.buffer).equals(Buffer.from(b.posterior.particles.buffer))).toBe(true);
    expect(Buffer.from(a.posterior.weights.buffer).equals(Buffer.from(b.posterior.weights.buffer))).toBe(true);
    expect(a.posterior.particles[0]).not.toBe(c.posterior.particles[0]);
  });

  it('keeps particles inside a bounded prior and weights them by prior / kernel mixture', async () => {
    // A uniform prior on [0, 1.2] cuts the posterior (centred near 1.3) at 1.2: no particle may leave the support.
    const problem: AbcProblem = {
      ...normalMeanProblem(),
      parameters: [{ id: 'mu', prior: uniformDistribution(0, 1.2) }],
    };
    const result = await abcSmc(problem, { seed: 5, particles: 300, maxGenerations: 6 });
    for (const value of result.posterior.particles) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1.2);
    }
  });

  it('stops at the simulation budget with the last complete generation', async () => {
    const result = await abcSmc(normalMeanProblem(), {
      seed: 2,
      particles: 100,
      maxSimulations: 450,
      maxGenerations: 50,
    });
    expect(result.stopReason).toBe('maxSimulations');
    expect(result.simulations).toBe(450);
    const counted = result.generations.reduce((sum, g) => sum + g.simulations, 0);
    expect(counted).toBeLessThan(450);
  });

  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = abcSmc(normalMeanProblem(), {
      seed: 1,
      particles: 200,
      signal: controller.signal,
      chunkMilliseconds: 0,
      onProgress: (p) => {
        seen.push(p.accepted);
        if (p.generation === 1 && p.accepted === 10) controller.abort(new Error('stop here'));
      },
    });
    await expect(run).rejects.toThrow('stop here');
    expect(seen.slice(0, 3)).toEqual([1, 2, 3]);
    expect(seen[seen.length - 1]).toBe(10);
  });

  it('refuses options out of range, naming them', async () => {
    await expect(abcSmc(normalMeanProblem(), { seed: 1, quantile: 1 })).rejects.toThrow(
      'quantile must be in (0, 1); got 1',
    );
    await expect(abcSmc(normalMeanProblem(), { seed: -1 })).rejects.toThrow('seed');
  });
});
