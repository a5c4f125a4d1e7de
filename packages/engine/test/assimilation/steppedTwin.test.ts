import { describe, expect, it } from 'vitest';
import {
  counterfactual,
  createRng,
  forecastEnsemble,
  noiseObservationLikelihood,
  particleFilter,
  resolveScenario,
  scenarioWithIntervention,
  steppedStateSpace,
  type Observation,
} from '@immunotwin/engine';
import { expectLikelihoodEstimate } from './likelihoodCheck.js';
import { steppedDeath } from './steppedDeath.js';

const NOISE_SD = 3;
const likelihood = noiseObservationLikelihood([
  { kind: 'gaussian', noise: { sigma: NOISE_SD, df: Number.NaN, dispersion: Number.NaN } },
]);

/** log of the Binomial(n, p) probability of k. */
function logBinomial(k: number, n: number, p: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log(n - k + i) - Math.log(i);
  return logChoose + (k > 0 ? k * Math.log(p) : 0) + (n - k > 0 ? (n - k) * Math.log1p(-p) : 0);
}

/** Exact log-likelihood by the forward algorithm over 0 … 200 cells, the drug (factor 3) acting on days [4, 8). */
function exactLogLikelihood(observations: readonly Observation[]): number {
  let alpha = new Float64Array(201);
  alpha[200] = 1;
  let total = 0;
  let t = 0;
  for (const o of observations) {
    const survive = Math.exp(-0.15 * (t >= 4 && t < 8 ? 3 : 1) * (o.time - t));
    const next = new Float64Array(201);
    for (let n = 0; n <= 200; n++) {
      if (alpha[n] === 0) continue;
      for (let k = 0; k <= n; k++) next[k] += alpha[n] * Math.exp(logBinomial(k, n, survive));
    }
    let sum = 0;
    for (let k = 0; k <= 200; k++) {
      next[k] *= Math.exp(likelihood(Float64Array.of(k), o.values));
      sum += next[k];
    }
    total += Math.log(sum);
    alpha = next.map((a) => a / sum);
    t = o.time;
  }
  return total;
}

describe('particle filter over a stepped (agent-based) twin', () => {
  const scenario = resolveScenario(steppedDeath, {
    model: 'stepped-death',
    method: 'agent',
    duration: 30,
    interventions: [{ kind: 'drug', start: 4, stop: 8, factor: 3 }],
  });
  const model = steppedStateSpace(scenario, { measured: ['N'] });
  const truth = new Float64Array(2);
  model.initialize(truth, createRng(91, 0));
  const rng = createRng(91, 1);
  const observations: Observation[] = [];
  for (let t = 1; t <= 12; t++) {
    model.propagate(truth, t - 1, t, createRng(91, 2, t));
    observations.push({ time: t, values: [truth[1] + NOISE_SD * rng.normal()] });
  }

  it('estimates the exact forward-algorithm log-likelihood through snapshots, the drug included (10 seeds)', async () => {
    // As for the SSA twin: the mean of L̂/L over 10 seeds within 4 of its standard errors of 1, and log L̂ − log L
    // within 0.1 nats on average. Resampled particles share a snapshot and must part ways: if they did not (each
    // copy replaying its ancestor's draws), the filter would track the data with far too few distinct courses.
    const exact = exactLogLikelihood(observations);
    const deltas: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const result = await particleFilter(model, observations, { seed, particles: 500, logLikelihood: likelihood });
      deltas.push(result.logLikelihood - exact);
      model.retainOnly();
    }
    expectLikelihoodEstimate(deltas);
    expect(model.snapshotCount).toBe(0);
  }, 60_000);

  it('forecasts from the filtered snapshots: the mean course decays as e^{−c·s} from the filtered mean', async () => {
    // E[N(12 + s) | N(12)] = N(12)·e^{−0.15 s}: the forecast mean must match the filtered mean times that, within 4
    // standard errors of the forecast members (binomial spread plus the filter's).
    const filtered = await particleFilter(model, observations, { seed: 5, particles: 500, logLikelihood: likelihood });
    const { ensemble } = filtered;
    let filteredMean = 0;
    ensemble.weights.forEach((w, i) => (filteredMean += w * ensemble.states[i * 2 + 1]));
    model.retainOnly(ensemble);
    expect(model.snapshotCount).toBeLessThanOrEqual(500);
    const forecast = await forecastEnsemble(model, ensemble, { seed: 6, times: [14, 18] });
    [14, 18].forEach((time, h) => {
      const values = forecast.trajectories.map((run) => run.observables.N[h]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
      expect(forecast.summary.observables.N.mean[h]).toBeCloseTo(mean, 9);
      expect(Math.abs(mean - filteredMean * Math.exp(-0.15 * (time - 12)))).toBeLessThanOrEqual(
        (4 * sd) / Math.sqrt(values.length),
      );
    });
  }, 60_000);
  it('"start the drug now" on the filtered snapshots: the mean effect is N̄·(e^{−3c·s} − e^{−c·s})', async () => {
    // Untreated twin; the treated arm (sharing the snapshots) starts the drug (factor 3) at day 12, the last
    // observation. E[N(12 + s)] is N(12)·e^{−c·s} without and N(12)·e^{−3c·s} with it, so the mean effect over the
    // members is the filtered mean times the difference, within 4 standard errors of the members' effects.
    const untreated = resolveScenario(steppedDeath, { model: 'stepped-death', method: 'agent', duration: 30 });
    const baseline = steppedStateSpace(untreated, { measured: ['N'] });
    const treated = baseline.withScenario(
      scenarioWithIntervention(untreated, { kind: 'drug', start: 12, stop: 30, factor: 3 }),
    );
    const { ensemble } = await particleFilter(baseline, observations, {
      seed: 7,
      particles: 500,
      logLikelihood: likelihood,
    });
    baseline.retainOnly(ensemble);
    let filteredMean = 0;
    ensemble.weights.forEach((w, i) => (filteredMean += w * ensemble.states[i * 2 + 1]));
    const times = [13, 16];
    const result = await counterfactual(ensemble, { baseline, treated }, { seed: 2, times });
    times.forEach((time, h) => {
      const effects = result.baseline.trajectories.map(
        (run, i) => result.treated.trajectories[i].observables.N[h] - run.observables.N[h],
      );
      const mean = effects.reduce((a, b) => a + b, 0) / effects.length;
      const sd = Math.sqrt(effects.reduce((a, e) => a + (e - mean) ** 2, 0) / (effects.length - 1));
      const s = time - 12;
      const expected = filteredMean * (Math.exp(-3 * 0.15 * s) - Math.exp(-0.15 * s));
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(effects.length));
    });
    expect(result.effect.observables.N.median[1]).toBeLessThan(0);
  }, 60_000);
});
