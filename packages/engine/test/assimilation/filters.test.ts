import { describe, expect, it } from 'vitest';
import {
  counterfactual,
  ensembleKalmanFilter,
  forecastEnsemble,
  kalmanFilter,
  particleFilter,
  type Ensemble,
} from '@immunotwin/engine';
import { average, expectLikelihoodEstimate, sampleSd } from './likelihoodCheck.js';
import { gaussianLogLikelihood, LINEAR, linearTwin, syntheticCourse } from './linearGaussianTwin.js';

const STEPS = 25;
const { observations } = syntheticCourse(4242, STEPS);
const exact = kalmanFilter(
  LINEAR,
  observations.map((o) => o.values),
);

/** Weighted mean and variance of component k of an ensemble. */
function moments(ensemble: Ensemble, k: number): { mean: number; variance: number } {
  const d = ensemble.dimension;
  let mean = 0;
  ensemble.weights.forEach((w, i) => (mean += w * ensemble.states[i * d + k]));
  let variance = 0;
  ensemble.weights.forEach((w, i) => (variance += w * (ensemble.states[i * d + k] - mean) ** 2));
  return { mean, variance };
}

describe('the Kalman filter reference', () => {
  it('gives the closed-form answer on a scalar random walk', () => {
    // x ~ N(0, 1), x_1 = x_0 + N(0, 1), y_1 = x_1 + N(0, 1): prior of x_1 is N(0, 2), y_1 ~ N(0, 3), and after
    // y_1 = 1.5 the posterior is N(1.5·2/3, 2/3).
    const one = (v: number): Float64Array => Float64Array.from([v]);
    const model = {
      transition: one(1),
      processCovariance: one(1),
      observation: one(1),
      observationCovariance: one(1),
      initialMean: one(0),
      initialCovariance: one(1),
    };
    const result = kalmanFilter(model, [[1.5]]);
    expect(result.means[0][0]).toBeCloseTo(1, 14);
    expect(result.covariances[0][0]).toBeCloseTo(2 / 3, 14);
    expect(result.logLikelihood).toBeCloseTo(-0.5 * (Math.log(2 * Math.PI * 3) + 1.5 ** 2 / 3), 14);
  });
});

describe('particle filter on a linear-Gaussian twin', () => {
  it('estimates the exact log-likelihood: unbiased for the likelihood over 20 seeds, within 0.1 nats on average', async () => {
    // The filter's likelihood estimate L̂ is unbiased for L (Del Moral 2004), so E[L̂/L] = 1: the mean of L̂/L over
    // 20 seeds must lie within 4 standard errors (its sample sd / √20) of 1. log L̂ is biased low by about half its
    // variance (asymptotically normal, Bérard, Del Moral & Doucet 2014); with 1000 particles on 25 observations that
    // variance is small, and we ask the mean of log L̂ − log L to stay within 0.1 nats, a precision a model
    // comparison by likelihood needs.
    const deltas: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const result = await particleFilter(linearTwin(), observations, {
        seed,
        particles: 1000,
        logLikelihood: gaussianLogLikelihood,
        chunkMilliseconds: 1000,
      });
      deltas.push(result.logLikelihood - exact.logLikelihood);
    }
    expectLikelihoodEstimate(deltas);
    // The per-step factors add up to the total.
    expect(exact.stepLogLikelihoods.reduce((a, b) => a + b, 0)).toBeCloseTo(exact.logLikelihood, 12);
  }, 60_000);

  it('keeps the likelihood estimate when it resamples only below half the particles (ESS-triggered, 20 seeds)', async () => {
    // Between resamplings the weights carry over, so each factor is Σ W_prev·p(y | x) rather than a plain mean:
    // the same check as above, and some observations must have gone without resampling for it to mean anything.
    const deltas: number[] = [];
    let skipped = 0;
    for (let seed = 201; seed <= 220; seed++) {
      const result = await particleFilter(linearTwin(), observations, {
        seed,
        particles: 1000,
        logLikelihood: gaussianLogLikelihood,
        resampleBelow: 0.5,
        chunkMilliseconds: 1000,
      });
      deltas.push(result.logLikelihood - exact.logLikelihood);
      skipped += result.steps.filter((step) => !step.resampled).length;
    }
    expectLikelihoodEstimate(deltas);
    expect(skipped).toBeGreaterThan(20 * 5);
  }, 60_000);

  it('filters the states to the Kalman means and variances (mean over 20 seeds)', async () => {
    // The Monte Carlo error of a particle filter's mean carries the resampling noise of every earlier step (Chopin
    // 2004), so it exceeds the √(P/ESS) of one weighted sample (up to 2.4× here); we measure it instead: the sample
    // sd s of the 20 seeds' estimates. Their average must lie within 5·s/√20 of the Kalman value at every step and
    // component, for means and variances (50 checks each; Student's t with 19 df passes 5 with probability 8·10⁻⁵,
    // so a false alarm anywhere has probability < 1 %).
    const runs = [];
    for (let seed = 101; seed <= 120; seed++) {
      runs.push(
        await particleFilter(linearTwin(), observations, {
          seed,
          particles: 1000,
          logLikelihood: gaussianLogLikelihood,
          chunkMilliseconds: 1000,
        }),
      );
    }
    for (let k = 0; k < STEPS; k++) {
      for (let c = 0; c < 2; c++) {
        const pf = runs.map((r) => moments(r.steps[k].ensemble, c));
        const means = pf.map((m) => m.mean);
        const variances = pf.map((m) => m.variance);
        expect(Math.abs(average(means) - exact.means[k][c])).toBeLessThanOrEqual((5 * sampleSd(means)) / Math.sqrt(20));
        expect(Math.abs(average(variances) - exact.covariances[k][c * 2 + c])).toBeLessThanOrEqual(
          (5 * sampleSd(variances)) / Math.sqrt(20),
        );
      }
    }
    // And the filter is informative: the posterior sd of the level is well below its prior sd.
    expect(Math.sqrt(exact.covariances[STEPS - 1][0])).toBeLessThan(0.6);
  }, 60_000);

  it('gives the same bits for the same seed, reports progress and stops when cancelled', async () => {
    const run = (seed: number) =>
      particleFilter(linearTwin(), observations, { seed, particles: 200, logLikelihood: gaussianLogLikelihood });
    const [a, b, c] = [await run(9), await run(9), await run(10)];
    expect(a.logLikelihood).toBe(b.logLikelihood);
    expect(Buffer.from(a.ensemble.states.buffer).equals(Buffer.from(b.ensemble.states.buffer))).toBe(true);
    expect(a.logLikelihood).not.toBe(c.logLikelihood);
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = particleFilter(linearTwin(), observations, {
      seed: 1,
      particles: 200,
      logLikelihood: gaussianLogLikelihood,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.member === 0) seen.push(p.assimilated);
        if (p.assimilated === 3) controller.abort(new Error('stopped by the user'));
      },
    });
    await expect(cancelled).rejects.toThrow('stopped by the user');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses observations out of order and of the wrong length, naming them', async () => {
    const options = { seed: 1, logLikelihood: gaussianLogLikelihood };
    await expect(
      particleFilter(
        linearTwin(),
        [
          { time: 2, values: [0] },
          { time: 1, values: [0] },
        ],
        options,
      ),
    ).rejects.toThrow('observations[1].time must be after observations[0].time (2); got 1');
    await expect(particleFilter(linearTwin(), [{ time: 1, values: [0, 1] }], options)).rejects.toThrow(
      'observations[0].values must be 1 values, one per measured quantity (level)',
    );
  });
});

describe('ensemble Kalman filter on a linear-Gaussian twin', () => {
  it('converges to the Kalman mean and variance as the ensemble grows (10 seeds per size)', async () => {
    // With n members the ensemble mean has Monte Carlo sd about √(P/n) and the ensemble variance relative sd about
    // √(2/n) (more, as gain errors accumulate; the bound leaves a factor 3 for that). So the RMS over seeds, steps
    // and components of the mean error in Kalman sds must be ≤ 3/√n, the variance's relative error ≤ 3·√(2/n), and
    // both must shrink from 50 to 5000 members by more than a factor 4 (√100 = 10 expected).
    const errors: Record<number, { mean: number; variance: number }> = {};
    for (const members of [50, 5000]) {
      let meanSquares = 0;
      let varianceSquares = 0;
      let count = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const result = await ensembleKalmanFilter(linearTwin(), observations, {
          seed,
          members,
          observationSd: [Math.sqrt(LINEAR.observationCovariance[0])],
          chunkMilliseconds: 1000,
        });
        result.steps.forEach((step, k) => {
          for (let c = 0; c < 2; c++) {
            const { mean, variance } = moments(step.ensemble, c);
            const kfVariance = exact.covariances[k][c * 2 + c];
            meanSquares += (mean - exact.means[k][c]) ** 2 / kfVariance;
            varianceSquares += (variance / kfVariance - 1) ** 2;
            count++;
          }
        });
      }
      errors[members] = { mean: Math.sqrt(meanSquares / count), variance: Math.sqrt(varianceSquares / count) };
    }
    expect(errors[5000].mean).toBeLessThanOrEqual(3 / Math.sqrt(5000));
    expect(errors[5000].variance).toBeLessThanOrEqual(3 * Math.sqrt(2 / 5000));
    expect(errors[5000].mean).toBeLessThan(errors[50].mean / 4);
    expect(errors[5000].variance).toBeLessThan(errors[50].variance / 4);
  }, 120_000);
});

describe('forecasts from the filtered ensemble', () => {
  it('contains the true course in the 90 % band about 90 % of the time and in the 50 % band about half (100 seeds)', async () => {
    // Each seed draws a new true course from the model, filters its first 20 observations and forecasts the next
    // 10 steps. When the model is right a 90 % credible band holds the truth with probability 0.9 (averaged over
    // courses drawn from the prior). The 10 horizons of a seed are correlated, so we count the 100 seeds as the
    // independent units: binomial sd √(0.9·0.1/100) = 0.03 and √(0.25/100) = 0.05, and allow 4 of them. The 50 %
    // band rules out a band that is merely wide.
    let in90 = 0;
    let in50 = 0;
    let total = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { latent, observations: all } = syntheticCourse(10_000 + seed, 30);
      const filtered = await particleFilter(linearTwin(), all.slice(0, 20), {
        seed,
        particles: 500,
        logLikelihood: gaussianLogLikelihood,
      });
      const times = Array.from({ length: 10 }, (_, h) => 21 + h);
      const forecast = await forecastEnsemble(linearTwin(), filtered.ensemble, {
        seed,
        times,
        quantiles: [0.05, 0.25, 0.75, 0.95],
      });
      const [q05, q25, q75, q95] = forecast.summary.observables.level.bands;
      times.forEach((_, h) => {
        const truth = latent[20 + h][0];
        if (truth >= q05[h] && truth <= q95[h]) in90++;
        if (truth >= q25[h] && truth <= q75[h]) in50++;
        total++;
      });
    }
    expect(Math.abs(in90 / total - 0.9)).toBeLessThanOrEqual(4 * 0.03);
    expect(Math.abs(in50 / total - 0.5)).toBeLessThanOrEqual(4 * 0.05);
  }, 120_000);

  it('evaluates a treatment on the same members with the same noise: the effect of a linear shift is exact', async () => {
    // The treated twin lowers the level by 1 at every step. With common random numbers, x_treated − x_baseline
    // evolves without noise: δ_h = F δ_{h−1} − (1, 0), so every member shows the same effect.
    const filtered = await particleFilter(linearTwin(), observations, {
      seed: 3,
      particles: 300,
      logLikelihood: gaussianLogLikelihood,
    });
    const times = [STEPS + 1, STEPS + 2, STEPS + 3];
    const result = await counterfactual(
      filtered.ensemble,
      { baseline: linearTwin(), treated: linearTwin(-1) },
      { seed: 5, times },
    );
    const F = LINEAR.transition;
    let delta = [0, 0];
    times.forEach((_, h) => {
      delta = [F[0] * delta[0] + F[1] * delta[1] - 1, F[2] * delta[0] + F[3] * delta[1]];
      const { median, bands } = result.effect.observables.level;
      expect(median[h]).toBeCloseTo(delta[0], 10);
      expect(bands[0][h]).toBeCloseTo(delta[0], 10);
      expect(bands[bands.length - 1][h]).toBeCloseTo(delta[0], 10);
    });
    expect(result.baseline.trajectories).toHaveLength(300);
  });
});
