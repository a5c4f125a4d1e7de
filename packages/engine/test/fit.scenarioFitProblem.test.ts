/**
 * The likelihood side of a fit on the target-cell-limited model: at the true parameters on noise-free synthetic
 * data −log L is its closed-form minimum n(log σ + ½ log 2π); the Hayden 1996 untreated arm, with censoring at the
 * detection limit, gives the −log L computed here by hand from a plain run; predictions land exactly on the
 * measurement times (29 h); resample is a seeded parametric bootstrap; bad inputs are refused by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validationErrorOf } from './fixtures/validationErrorOf.js';
import { targetCellLimited } from '@immunotwin/model-within-host';
import {
  normalCdf,
  parseObservationsCsv,
  ReplicateRun,
  resolveScenario,
  runScenarioSync,
  scenarioFitProblem,
  type FitParameter,
  type ObservedDataset,
} from '../src/index.js';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const hayden = parseObservationsCsv(
  readFileSync(new URL('../../../examples/data/hayden1996.csv', import.meta.url), 'utf8'),
  { fileName: 'hayden1996.csv' },
);
const untreated = hayden.find((d) => d.group === 'untreated') as ObservedDataset;
const scenario = { model: 'target-cell-limited', duration: 8 };
const BETA: FitParameter = { id: 'beta', lower: 1e-7, upper: 1e-3, scale: 'log' };
const P: FitParameter = { id: 'p', lower: 1e-4, upper: 10, scale: 'log' };
const log10Titre = (sigma: number | string, censor?: boolean) => ({
  observations: [
    {
      observable: 'log10V',
      expression: 'log10(V)',
      noise: { kind: 'gaussian', sigma },
      ...(censor === undefined ? {} : { censor }),
    },
  ],
});
const defaults = resolveScenario(targetCellLimited, scenario).parameters;
const truth = Float64Array.of(defaults.beta, defaults.p);

/** log10 V of a plain run of the model at its defaults, sampled daily (days 0 … 8). */
function dailyLog10V(): Float64Array {
  const run = runScenarioSync(resolveScenario(targetCellLimited, { ...scenario, outputInterval: 1 })).runs[0];
  return run.observables.V.map(Math.log10);
}

describe('scenarioFitProblem on the target-cell-limited model', () => {
  const synthetic: ObservedDataset = {
    name: 'noise-free',
    source: 'the model at its defaults',
    observable: 'log10V',
    unit: 'log10 TCID50/mL',
    time: [1, 2, 3, 4, 5, 6, 7, 8],
    values: Array.from(dailyLog10V().slice(1)),
  };

  it('at the true parameters on noise-free data, −log L is the closed-form minimum n(log σ + ½ log 2π)', () => {
    const sigma = 0.5;
    const problem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario, data: [synthetic] }],
      observation: log10Titre(sigma),
      parameters: [BETA, P],
    });
    expect(problem.observationCount).toBe(8);
    const atTruth = problem.evaluate(truth);
    const minimum = 8 * (Math.log(sigma) + HALF_LOG_2PI);
    // The data and the fit sample the same ODE solution (dense output between the same steps): residuals ≤ 1e-9.
    expect(Math.abs(atTruth.negLogLikelihood - minimum)).toBeLessThan(1e-9);
    expect(atTruth.residuals).toHaveLength(8);
    for (const r of atTruth.residuals ?? []) expect(Math.abs(r)).toBeLessThan(1e-8);
    // Away from the truth −log L rises, and it is Σ r²/2 plus the same constant.
    for (const theta of [
      Float64Array.of(defaults.beta * 1.02, defaults.p),
      Float64Array.of(defaults.beta, defaults.p * 0.97),
    ]) {
      const off = problem.evaluate(theta);
      expect(off.negLogLikelihood).toBeGreaterThan(minimum + 1e-3);
      const sumSquares = Array.from(off.residuals ?? []).reduce((s, r) => s + r * r, 0);
      expect(off.negLogLikelihood).toBeCloseTo(sumSquares / 2 + minimum, 10);
    }
  });

  it('gives the Hayden untreated arm a finite −log L with censoring, equal to the one computed by hand', () => {
    const problem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario, data: [untreated] }],
      observation: log10Titre('sigma'),
      parameters: [BETA, P, { id: 'sigma', lower: 0.01, upper: 5, scale: 'log' }],
    });
    const sigma = 0.7;
    const evaluation = problem.evaluate(Float64Array.of(defaults.beta, defaults.p, sigma));
    expect(evaluation.residuals).toBeUndefined();
    // By hand: Hayden's days 0 … 8 (hours / 24) against a daily run; ≤ 0.5 contributes log Φ((0.5 − f)/σ).
    const f = dailyLog10V();
    let expected = 0;
    untreated.values.forEach((y, day) => {
      const z = (y - f[day]) / sigma;
      expected -=
        y <= 0.5 ? Math.log(normalCdf((0.5 - f[day]) / sigma)) : -0.5 * z * z - Math.log(sigma) - HALF_LOG_2PI;
    });
    expect(Number.isFinite(evaluation.negLogLikelihood)).toBe(true);
    expect(evaluation.negLogLikelihood).toBeCloseTo(expected, 7);
    // Three of the nine points are censored (0, 0.42, 0): without censoring the likelihood differs.
    const uncensored = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario, data: [untreated] }],
      observation: log10Titre(sigma, false),
      parameters: [BETA, P],
    }).evaluate(truth);
    expect(uncensored.residuals).toHaveLength(9);
    expect(Math.abs(uncensored.negLogLikelihood - evaluation.negLogLikelihood)).toBeGreaterThan(1);
  });

  it('predicts exactly at the measurement times: 29 h is the sample 29/24 days of a plain run', () => {
    const at29h: ObservedDataset = { ...synthetic, time: [29], values: [1], timeUnit: 'h' };
    const problem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario, data: [at29h] }],
      observation: log10Titre(1),
      parameters: [BETA],
    });
    const [prediction] = problem.predict(Float64Array.of(defaults.beta));
    const plain = runScenarioSync(resolveScenario(targetCellLimited, { ...scenario, outputInterval: 29 / 24 })).runs[0];
    expect(plain.time[1]).toBe(29 / 24);
    expect(prediction.predicted[0]).toBeCloseTo(Math.log10(plain.observables.V[1]), 9);
  });

  it('ReplicateRun samples at given times only when they are increasing and inside the run', () => {
    const resolved = resolveScenario(targetCellLimited, scenario);
    const run = new ReplicateRun(resolved, 0, undefined, Float64Array.of(0, 29 / 24, 8)).runToEnd();
    expect(Array.from(run.time)).toEqual([0, 29 / 24, 8]);
    expect(() => new ReplicateRun(resolved, 0, undefined, Float64Array.of(1, 1))).toThrow(
      'times[1]: 1 is not after times[0] (1); allowed: increasing times',
    );
    expect(() => new ReplicateRun(resolved, 0, undefined, Float64Array.of(9))).toThrow(
      'times[0]: 9 is outside the run; allowed: 0 to 8',
    );
  });

  it('fits all three Hayden arms at once, each with its own treatment start', () => {
    const arm = (group: string, start?: number) => ({
      scenario:
        start === undefined
          ? scenario
          : { ...scenario, interventions: [{ kind: 'productionInhibitor', start, stop: 8, efficacy: 0.9 }] },
      data: hayden.filter((d) => d.group === group),
    });
    const problem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [arm('treated-29h', 29 / 24), arm('treated-50h', 50 / 24), arm('untreated')],
      observation: log10Titre(0.5),
      parameters: [BETA, P],
    });
    expect(problem.observationCount).toBe(27);
    const predictions = problem.predict(truth);
    // Treatment from 29 h lowers the day-3 titre below the untreated arm's.
    expect(predictions[0].predicted[3]).toBeLessThan(predictions[2].predicted[3] - 1);
    expect(Number.isFinite(problem.evaluate(truth).negLogLikelihood)).toBe(true);
  });
});

describe('resample: the parametric bootstrap', () => {
  const data: ObservedDataset = {
    name: 'd',
    source: 's',
    observable: 'log10V',
    unit: 'log10 TCID50/mL',
    time: [1, 2, 3, 4, 5, 6],
    values: [0, 0, 0, 0, 0, 0],
  };
  const problem = scenarioFitProblem({
    plugin: targetCellLimited,
    experiments: [{ scenario, data: [data] }],
    observation: log10Titre(0.5),
    parameters: [BETA, P],
  });
  const predicted = problem.predict(truth)[0].predicted;

  it('is deterministic for a seed, differs between seeds and keeps times, limits and parameters', () => {
    const a = problem.resample(truth, 42);
    const b = problem.resample(truth, 42);
    const c = problem.resample(truth, 43);
    expect(a.data[0][0].values).toEqual(b.data[0][0].values);
    expect(a.data[0][0].values).not.toEqual(c.data[0][0].values);
    expect(a.data[0][0].time).toEqual(data.time);
    expect(a.parameters).toBe(problem.parameters);
    expect(a.evaluate(truth).negLogLikelihood).toBe(b.evaluate(truth).negLogLikelihood);
  });

  it('draws N(f, σ²) around the prediction: standardized draws have mean 0 and variance 1 over 20 seeds', () => {
    const z: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      problem.resample(truth, seed).data[0][0].values.forEach((y, k) => z.push((y - predicted[k]) / 0.5));
    }
    const n = z.length; // 120
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    // sd of the mean 1/√120 ≈ 0.091 and of the variance √(2/119) ≈ 0.13: 4 of each.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - 1)));
  });

  it('records a draw at or below the detection limit as the limit (a censored point)', () => {
    const censoredProblem = scenarioFitProblem({
      plugin: targetCellLimited,
      experiments: [{ scenario, data: [{ ...untreated, detectionLimit: 3 }] }],
      observation: log10Titre(0.5),
      parameters: [BETA, P],
    });
    const values = censoredProblem.resample(truth, 5).data[0][0].values;
    expect(values.every((v) => v >= 3)).toBe(true);
    expect(values.filter((v) => v === 3).length).toBeGreaterThan(2);
  });
});

describe('scenarioFitProblem refuses, by name', () => {
  const base = {
    plugin: targetCellLimited,
    experiments: [{ scenario, data: [untreated] }],
    observation: log10Titre(0.5),
    parameters: [BETA],
  };

  it('unknown parameter ids, whole-number parameters and bounds outside the manifest range', () => {
    const error = validationErrorOf(() =>
      scenarioFitProblem({
        ...base,
        parameters: [
          { id: 'gamma', lower: 1, upper: 2, scale: 'linear' },
          { id: 'eclipse', lower: 0, upper: 1, scale: 'linear' },
          { id: 'beta', lower: 1e-7, upper: 5, scale: 'log' },
          { id: 'c', lower: 0, upper: 10, scale: 'log', initial: 20 },
        ],
      }),
    );
    expect(error.issues).toEqual([
      {
        path: 'parameters[0].id',
        message: expect.stringMatching(
          /^"gamma" is not a parameter of model "target-cell-limited" nor a noise parameter of the observation model; allowed: U0, V0, beta/,
        ),
      },
      {
        path: 'parameters[1].id',
        message: '"eclipse" takes whole numbers only and cannot be estimated continuously; fit each value apart',
      },
      {
        path: 'parameters[2].upper',
        message: expect.stringMatching(/^5 is above the range of "beta"; allowed: 1e-14 to 1 /),
      },
      { path: 'parameters[3].lower', message: '0 is below the range of "c"; allowed: 0.001 to 1000 1/day' },
      { path: 'parameters[3].lower', message: '0 is not allowed; allowed: > 0 (the log scale needs positive values)' },
      { path: 'parameters[3].initial', message: '20 is outside the bounds; allowed: 0 to 10' },
    ]);
  });

  it('observables the model does not have, data without an observation entry, times outside the run, stochastic methods', () => {
    expect(
      validationErrorOf(() =>
        scenarioFitProblem({
          ...base,
          observation: {
            observations: [{ observable: 'log10V', expression: 'log10(W)', noise: { kind: 'gaussian', sigma: 1 } }],
          },
        }),
      ).issues[0],
    ).toEqual({
      path: 'observation.observations[0].expression',
      message: expect.stringMatching(/^"log10\(W\)" refers to "W", not in the model; allowed: observables U, E, I, V/),
    });
    expect(
      validationErrorOf(() =>
        scenarioFitProblem({ ...base, experiments: [{ scenario, data: [{ ...untreated, observable: 'cd4' }] }] }),
      ).issues[0],
    ).toEqual({
      path: 'experiments[0].data[0].observable',
      message: '"cd4" has no entry in the observation model; allowed: log10V',
    });
    expect(
      validationErrorOf(() =>
        scenarioFitProblem({ ...base, experiments: [{ scenario: { ...scenario, duration: 7 }, data: [untreated] }] }),
      ).issues,
    ).toEqual([
      {
        path: 'experiments[0].data[0].time[8]',
        message: "192 h is outside the run; allowed: 0 to 168 (the scenario's duration, 7 day)",
      },
    ]);
    expect(
      validationErrorOf(() =>
        scenarioFitProblem({
          ...base,
          experiments: [{ scenario: { ...scenario, method: 'ssa', initial: { V: 1 } }, data: [untreated] }],
        }),
      ).issues[0],
    ).toEqual({
      path: 'experiments[0].scenario.method',
      message: '"ssa" gives a random likelihood; allowed: "ode" (fit stochastic twins by ABC)',
    });
    expect(
      validationErrorOf(() =>
        scenarioFitProblem({ ...base, experiments: [{ scenario: { ...scenario, duration: -1 }, data: [untreated] }] }),
      ).issues[0].path,
    ).toBe('experiments[0].scenario.duration');
  });

  it('θ outside its bounds at evaluation', () => {
    const problem = scenarioFitProblem(base);
    expect(() => problem.evaluate(Float64Array.of(2e-3))).toThrow(
      'Invalid parameter vector: theta[0]: 0.002 for "beta" is outside its bounds; allowed: 1e-7 to 0.001',
    );
  });
});
