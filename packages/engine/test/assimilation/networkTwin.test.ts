import { describe, expect, it } from 'vitest';
import {
  counterfactual,
  createRng,
  ensembleKalmanFilter,
  logNormalDistribution,
  networkStateSpace,
  noiseObservationLikelihood,
  particleFilter,
  scenarioWithIntervention,
  type Observation,
} from '@immunotwin/engine';
import { average, expectLikelihoodEstimate, sampleSd } from './likelihoodCheck.js';
import { immigrationDeathScenario, transitionMatrix } from './immigrationDeath.js';

const NOISE_SD = 3;
const K = 160;

/** Gaussian measurement error on the count, from `observation/`. */
const countLogLikelihood = noiseObservationLikelihood([
  { kind: 'gaussian', noise: { sigma: NOISE_SD, df: Number.NaN, dispersion: Number.NaN } },
]);

/**
 * Exact log-likelihood by the forward algorithm over counts 0 … K − 1 (p = 20, clearance c), the antiviral acting
 * from `drugStart` on.
 */
function exactLogLikelihood(
  observations: readonly Observation[],
  drugStart: number,
  efficacy: number,
  c = 0.5,
): number {
  const untreated = transitionMatrix(20, c, 1, K);
  const treated = transitionMatrix(20 * (1 - efficacy), c, 1, K);
  let alpha = new Float64Array(K);
  alpha[10] = 1;
  let total = 0;
  let t = 0;
  for (const o of observations) {
    const matrix = t >= drugStart ? treated : untreated;
    const next = new Float64Array(K);
    for (let v = 0; v < K; v++) if (alpha[v] > 0) for (let w = 0; w < K; w++) next[w] += alpha[v] * matrix[v * K + w];
    let sum = 0;
    for (let w = 0; w < K; w++) {
      next[w] *= Math.exp(countLogLikelihood(Float64Array.of(w), o.values));
      sum += next[w];
    }
    total += Math.log(sum);
    alpha = next.map((a) => a / sum);
    t = o.time;
  }
  return total;
}

describe('particle filter over an SSA network twin', () => {
  const scenario = immigrationDeathScenario({
    method: 'ssa',
    interventions: [{ kind: 'antiviral', start: 8, stop: 30, efficacy: 0.5 }],
  });
  const model = networkStateSpace(scenario, { measured: [{ observable: 'V' }] });
  // A course of the twin itself (seed 77) seen with Gaussian noise, daily for 15 days.
  const truth = Float64Array.of(0);
  model.initialize(truth, createRng(77, 0));
  const rng = createRng(77, 1);
  const observations: Observation[] = [];
  for (let t = 1; t <= 15; t++) {
    model.propagate(truth, t - 1, t, rng);
    observations.push({ time: t, values: [truth[0] + NOISE_SD * rng.normal()] });
  }

  it('estimates the exact forward-algorithm log-likelihood, the scheduled antiviral included (10 seeds)', async () => {
    // As for the linear-Gaussian twin: L̂ is unbiased for L, so the mean of L̂/L over 10 seeds must lie within 4 of its
    // standard errors of 1, and log L̂ − log L within 0.1 nats on average. The reference truncates counts at 160,
    // 15 sds above the stationary mean p/c = 40: the mass it drops is far below double precision.
    const exact = exactLogLikelihood(observations, 8, 0.5);
    const deltas: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const result = await particleFilter(model, observations, {
        seed,
        particles: 1000,
        logLikelihood: countLogLikelihood,
        chunkMilliseconds: 1000,
      });
      deltas.push(result.logLikelihood - exact);
    }
    expectLikelihoodEstimate(deltas);
    // The antiviral matters: the likelihood of the same data without it is far lower.
    expect(exactLogLikelihood(observations, Infinity, 0.5)).toBeLessThan(exact - 2);
  }, 60_000);

  it('estimates the clearance rate with the state: the exact grid posterior of ln c (10 seeds)', async () => {
    // ln c ~ N(ln 0.4, 0.4²) a priori, carried as static state. The exact posterior of ln c comes from the forward
    // algorithm on a grid of 81 values over ±4 prior sds. The particle filter's weighted mean and sd of ln c at the
    // last observation, averaged over 10 seeds, must lie within 5 standard errors (sample sd of the 10 seeds / √10;
    // Student's t with 9 df passes 5 with probability 7·10⁻⁴) of the exact ones.
    const prior = logNormalDistribution(Math.log(0.4), 0.4);
    const estimating = networkStateSpace(scenario, { measured: [{ observable: 'V' }], estimate: [{ id: 'c', prior }] });
    let weightSum = 0;
    let first = 0;
    let second = 0;
    for (let g = 0; g <= 80; g++) {
      const u = Math.log(0.4) + 0.4 * (-4 + g / 10);
      const w = Math.exp(
        -0.5 * ((u - Math.log(0.4)) / 0.4) ** 2 + exactLogLikelihood(observations, 8, 0.5, Math.exp(u)) + 60,
      );
      weightSum += w;
      first += w * u;
      second += w * u * u;
    }
    const exactMean = first / weightSum;
    const exactSd = Math.sqrt(second / weightSum - exactMean ** 2);
    const means: number[] = [];
    const sds: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const { ensemble } = await particleFilter(estimating, observations, {
        seed,
        particles: 2000,
        logLikelihood: countLogLikelihood,
        chunkMilliseconds: 1000,
      });
      let m = 0;
      ensemble.weights.forEach((w, i) => (m += w * ensemble.states[i * 2 + 1]));
      let v = 0;
      ensemble.weights.forEach((w, i) => (v += w * (ensemble.states[i * 2 + 1] - m) ** 2));
      means.push(m);
      sds.push(Math.sqrt(v));
    }
    const standardError = (xs: number[]): number => sampleSd(xs) / Math.sqrt(xs.length);
    expect(Math.abs(average(means) - exactMean)).toBeLessThanOrEqual(5 * standardError(means));
    expect(Math.abs(average(sds) - exactSd)).toBeLessThanOrEqual(5 * standardError(sds));
    // The data inform c: the posterior is narrower than the prior.
    expect(exactSd).toBeLessThan(0.4 * 0.75);
  }, 120_000);

  it('"start the antiviral now": the mean effect on the updated ensemble is the analytic −ε·p/c·(1 − e^{−c·s})', async () => {
    // Untreated scenario; the treated arm adds an antiviral (efficacy 0.9) from day 15, the last observation. For an
    // immigration–death process E[V(15 + s)] = V·e^{−cs} + p/c·(1 − e^{−cs}) whatever V, so the treatment lowers the
    // mean by ε·p/c·(1 − e^{−cs}) exactly. The members' mean effect has Monte Carlo sd (sd of the effects)/√n: we
    // allow 4 of those at each of the 5 days.
    const untreated = immigrationDeathScenario({ method: 'ssa' });
    const baseline = networkStateSpace(untreated, { measured: [{ observable: 'V' }] });
    const treatedScenario = scenarioWithIntervention(untreated, {
      kind: 'antiviral',
      start: 15,
      stop: 30,
      efficacy: 0.9,
    });
    const treated = networkStateSpace(treatedScenario, { measured: [{ observable: 'V' }] });
    const filtered = await particleFilter(baseline, observations, {
      seed: 4,
      particles: 1000,
      logLikelihood: countLogLikelihood,
    });
    const times = [16, 17, 18, 19, 20];
    const result = await counterfactual(filtered.ensemble, { baseline, treated }, { seed: 8, times });
    times.forEach((time, h) => {
      const effects = result.baseline.trajectories.map(
        (run, i) => result.treated.trajectories[i].observables.V[h] - run.observables.V[h],
      );
      const mean = effects.reduce((a, b) => a + b, 0) / effects.length;
      const sd = Math.sqrt(effects.reduce((a, e) => a + (e - mean) ** 2, 0) / (effects.length - 1));
      const expected = -0.9 * (20 / 0.5) * (1 - Math.exp(-0.5 * (time - 15)));
      expect(result.effect.observables.V.mean[h]).toBeCloseTo(mean, 9);
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(effects.length));
    });
    // By day 20 the antiviral has removed most of the production: a clear effect, not noise.
    expect(result.effect.observables.V.bands[4][4]).toBeLessThan(0);
  }, 60_000);

  it('refuses unknown observables and parameters, naming them', () => {
    expect(() =>
      networkStateSpace(immigrationDeathScenario({ method: 'ode' }), { measured: [{ observable: 'W' }] }),
    ).toThrow('measured[0].observable must be one of V; got "W"');
    expect(() =>
      networkStateSpace(immigrationDeathScenario({ method: 'ode' }), {
        measured: [{ observable: 'V' }],
        estimate: [{ id: 'q', prior: logNormalDistribution(0, 1) }],
      }),
    ).toThrow('estimate[0].id must be a parameter of "immigration-death" (p, c, V0); got "q"');
  });
});

describe('ensemble Kalman filter over an ODE network twin, estimating a log-parameter', () => {
  it('gives the exact grid posterior of ln c within half its sd (10 synthetic data sets)', async () => {
    // dV/dt = p − cV has V(t) = p/c + (V0 − p/c)·e^{−ct}; observed as log10 V with sd 0.1 on days 1 … 10 from c = 0.5,
    // prior ln c ~ N(ln 0.3, 0.5²). The exact posterior of ln c comes from a grid of 4001 points over ±8 prior sds.
    // The EnKF's Gaussian update is exact only for a linear model; log10 V is smooth and near-linear in ln c over
    // the posterior's width, so we ask for its mean within 0.5 posterior sd and its sd within a factor 1.5, with 500
    // members (Monte Carlo error ≈ 0.05 sd).
    const SD = 0.1;
    const scenario = immigrationDeathScenario({ method: 'ode' });
    const prior = logNormalDistribution(Math.log(0.3), 0.5);
    const model = networkStateSpace(scenario, {
      measured: [{ observable: 'V', log10Floor: 1e-3 }],
      estimate: [{ id: 'c', prior }],
    });
    const course = (c: number, t: number): number => 20 / c + (10 - 20 / c) * Math.exp(-c * t);
    for (let seed = 1; seed <= 10; seed++) {
      const noise = createRng(500 + seed);
      const observations = Array.from({ length: 10 }, (_, k) => ({
        time: k + 1,
        values: [Math.log10(course(0.5, k + 1)) + SD * noise.normal()],
      }));
      let weightSum = 0;
      let mean = 0;
      let second = 0;
      const lnPriorMean = Math.log(0.3);
      for (let g = 0; g <= 4000; g++) {
        const u = lnPriorMean - 4 + (8 * g) / 4000;
        let logPosterior = -0.5 * ((u - lnPriorMean) / 0.5) ** 2;
        for (const o of observations)
          logPosterior -= 0.5 * ((o.values[0] - Math.log10(course(Math.exp(u), o.time))) / SD) ** 2;
        const w = Math.exp(logPosterior + 50);
        weightSum += w;
        mean += w * u;
        second += w * u * u;
      }
      mean /= weightSum;
      const sd = Math.sqrt(second / weightSum - mean * mean);
      const result = await ensembleKalmanFilter(model, observations, { seed, members: 500, observationSd: [SD] });
      const states = result.ensemble.states;
      const lnC = Array.from({ length: 500 }, (_, i) => states[i * 2 + 1]);
      const enkfMean = lnC.reduce((a, b) => a + b, 0) / 500;
      const enkfSd = Math.sqrt(lnC.reduce((a, x) => a + (x - enkfMean) ** 2, 0) / 499);
      expect(Math.abs(enkfMean - mean)).toBeLessThanOrEqual(0.5 * sd);
      expect(enkfSd / sd).toBeGreaterThan(1 / 1.5);
      expect(enkfSd / sd).toBeLessThan(1.5);
    }
  }, 60_000);
});
