/**
 * The noise models' log-likelihoods against closed forms (with every constant), censoring through log Φ deep in the
 * tail, the gamma sampler behind Student-t and negative-binomial draws, and the observation model's errors.
 * (test/python/test_observation_scipy.py checks the same functions against scipy.stats on a grid.)
 */
import { describe, expect, it } from 'vitest';
import {
  compileObservationModel,
  createRng,
  logNormalCdf,
  noiseLogCdf,
  noiseLogLikelihood,
  normalCdf,
  sampleGamma,
  sampleMeasurement,
  studentTCdf,
  ValidationError,
} from '../src/index.js';
import { validationErrorOf } from './fixtures/validationErrorOf.js';

const values = (sigma = 1, df = 1, dispersion = 1) => ({ sigma, df, dispersion });
const LOG_2PI = Math.log(2 * Math.PI);

describe('noise log-likelihoods equal their closed forms', () => {
  it('Gaussian and log-normal densities', () => {
    // N(1; 0, 2²): −(1/2)(1/2)² − log 2 − log(2π)/2
    expect(noiseLogLikelihood('gaussian', 1, 0, values(2))).toBeCloseTo(-0.125 - Math.log(2) - LOG_2PI / 2, 14);
    // lognormal with median 10, σ 0.5, at y = 20: N(log 2; 0, 0.25) density minus log 20
    const z = Math.log(2) / 0.5;
    expect(noiseLogLikelihood('lognormal', 20, 10, values(0.5))).toBeCloseTo(
      -0.5 * z * z - Math.log(0.5) - LOG_2PI / 2 - Math.log(20),
      13,
    );
    expect(noiseLogLikelihood('lognormal', 0, 10, values(0.5))).toBe(-Infinity);
  });

  it('Student-t with one degree of freedom is the Cauchy distribution', () => {
    for (const [y, f, s] of [
      [0, 0, 1],
      [3, 1, 0.5],
      [-40, 2, 3],
    ]) {
      const z = (y - f) / s;
      expect(noiseLogLikelihood('student-t', y, f, values(s, 1))).toBeCloseTo(-Math.log(Math.PI * s * (1 + z * z)), 13);
      expect(noiseLogCdf('student-t', y, f, values(s, 1))).toBeCloseTo(Math.log(0.5 + Math.atan(z) / Math.PI), 12);
    }
  });

  it('Poisson, and the negative binomial with dispersion 1 (geometric) and large dispersion (→ Poisson)', () => {
    expect(noiseLogLikelihood('poisson', 3, 2, values())).toBeCloseTo(-2 + 3 * Math.log(2) - Math.log(6), 14);
    expect(noiseLogLikelihood('poisson', 0, 0, values())).toBe(0);
    expect(noiseLogLikelihood('poisson', 1, 0, values())).toBe(-Infinity);
    // r = 1: P(k) = (1/(1 + μ))·(μ/(1 + μ))^k
    const mu = 4;
    for (const k of [0, 1, 7]) {
      expect(noiseLogLikelihood('negative-binomial', k, mu, values(1, 1, 1))).toBeCloseTo(
        Math.log(1 / (1 + mu)) + k * Math.log(mu / (1 + mu)),
        13,
      );
    }
    // Variance μ + μ²/r → μ as r → ∞: at r = 1e8 the log pmf is the Poisson one to ~μ²/r.
    expect(noiseLogLikelihood('negative-binomial', 5, 3, values(1, 1, 1e8))).toBeCloseTo(
      noiseLogLikelihood('poisson', 5, 3, values()),
      6,
    );
  });

  it('a censored Gaussian value contributes log Φ((limit − f)/σ), finite far in the tail', () => {
    expect(noiseLogCdf('gaussian', 0.5, 2.5, values(1))).toBeCloseTo(Math.log(normalCdf(-2)), 14);
    expect(noiseLogCdf('gaussian', 0.5, -Infinity, values(1))).toBe(0);
    expect(logNormalCdf(0)).toBeCloseTo(Math.log(0.5), 15);
    // Φ(−40) underflows to 0 in double precision; log Φ(x) ≈ −x²/2 − log(−x) − log(2π)/2 − 1/x² + 5/(2x⁴).
    const x = -40;
    const asymptotic = -0.5 * x * x - Math.log(-x) - LOG_2PI / 2 - 1 / (x * x) + 2.5 / x ** 4;
    expect(logNormalCdf(x)).toBeCloseTo(asymptotic, 7);
    expect(logNormalCdf(8)).toBeCloseTo(-6.22096057427178e-16, 28);
    expect(noiseLogCdf('lognormal', 1, 10, values(1))).toBeCloseTo(Math.log(normalCdf(-Math.log(10))), 14);
  });
});

describe('the samplers behind the parametric bootstrap', () => {
  it('gamma draws have mean kθ and variance kθ² (10 seeds × 4000 draws, shapes 0.4 and 3.5)', () => {
    for (const shape of [0.4, 3.5]) {
      for (let seed = 1; seed <= 10; seed++) {
        const rng = createRng(seed);
        const n = 4000;
        const scale = 2;
        let sum = 0;
        let sumSquares = 0;
        for (let i = 0; i < n; i++) {
          const x = sampleGamma(rng, shape, scale);
          sum += x;
          sumSquares += x * x;
        }
        const mean = sum / n;
        const variance = sumSquares / n - mean * mean;
        // The sample mean has sd θ√(k/n): 5 sd is exceeded with probability < 1e-6 per check.
        expect(Math.abs(mean - shape * scale)).toBeLessThan(5 * scale * Math.sqrt(shape / n));
        // The sample variance's sd is about kθ²√((2 + 6/k)/n); 5 of those.
        const varianceSd = shape * scale * scale * Math.sqrt((2 + 6 / shape) / n);
        expect(Math.abs(variance - shape * scale * scale)).toBeLessThan(5 * varianceSd);
      }
    }
  });

  it('negative-binomial draws have mean μ and variance μ + μ²/r (10 seeds × 4000 draws)', () => {
    const mu = 20;
    const r = 2.5;
    for (let seed = 1; seed <= 10; seed++) {
      const rng = createRng(seed, 7);
      const n = 4000;
      let sum = 0;
      let sumSquares = 0;
      let wholeNumbers = 0;
      for (let i = 0; i < n; i++) {
        const k = sampleMeasurement('negative-binomial', mu, values(1, 1, r), rng);
        if (Number.isInteger(k) && k >= 0) wholeNumbers++;
        sum += k;
        sumSquares += k * k;
      }
      expect(wholeNumbers).toBe(n);
      const mean = sum / n;
      const variance = mu + (mu * mu) / r; // 180
      // sd of the sample mean √(180/n) ≈ 0.21: 5 of those.
      expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(variance / n));
      // The sample variance of this skewed law scatters more; 25 % of 180 is > 5 of its sds (≈ 8.6 at n = 4000).
      expect(Math.abs(sumSquares / n - mean * mean - variance)).toBeLessThan(0.25 * variance);
    }
  });
});

describe('Student-t and log-normal draws', () => {
  it('fall below f + σ with probability T₅(1) and below f·e^σ with probability Φ(1) (10 seeds × 4000 draws)', () => {
    const f = 3;
    const sigma = 0.8;
    const cases = [
      { kind: 'student-t' as const, limit: f + sigma, p: studentTCdf(1, 5) },
      { kind: 'lognormal' as const, limit: f * Math.exp(sigma), p: normalCdf(1) },
    ];
    for (const { kind, limit, p } of cases) {
      for (let seed = 1; seed <= 10; seed++) {
        const rng = createRng(seed, 11);
        const n = 4000;
        let below = 0;
        for (let i = 0; i < n; i++) if (sampleMeasurement(kind, f, values(sigma, 5), rng) <= limit) below++;
        // A binomial fraction has sd √(p(1 − p)/n) ≈ 0.006: 5 of those.
        expect(Math.abs(below / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
      }
    }
  });
});

describe('compileObservationModel', () => {
  const context = { observables: ['U', 'V'], parameters: ['beta', 'c'], noiseParameters: new Map([['sigma', 0]]) };

  it('predicts the measured quantity from observables, parameters and time', () => {
    const [entry] = compileObservationModel(
      {
        observations: [
          { observable: 'y', expression: 'log10(V) + c * time', noise: { kind: 'gaussian', sigma: 'sigma' } },
        ],
      },
      context,
    );
    expect(entry.predict(Float64Array.of(5, 1000), Float64Array.of(1e-5, 2), 0.5)).toBe(4);
    expect(entry.noiseValues(Float64Array.of(0.3)).sigma).toBe(0.3);
    expect(entry.estimatesNoise).toBe(true);
    expect(entry.censor).toBe(true);
  });

  it('names unknown names, unknown noise parameters, censored counts and bad noise values', () => {
    let error: unknown;
    try {
      compileObservationModel(
        {
          observations: [
            { observable: 'y', expression: 'log10(W)', noise: { kind: 'gaussian', sigma: 0.5 } },
            { observable: 'n', expression: 'V', noise: { kind: 'negative-binomial', dispersion: 'phi' } },
            { observable: 'k', expression: 'V', noise: { kind: 'poisson' }, censor: true },
          ],
        },
        context,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        path: 'observations[0].expression',
        message: '"log10(W)" refers to "W", not in the model; allowed: observables U, V; parameters beta, c; time',
      },
      {
        path: 'observations[1].noise.dispersion',
        message:
          '"phi" is not an estimated parameter; allowed: a number > 0 or one of sigma (list it in the fit\'s parameters to estimate it)',
      },
      {
        path: 'observations[2].censor',
        message:
          'a poisson count cannot be censored at a detection limit; allowed: false (or a continuous noise model)',
      },
    ]);
    const noiseProblems = (noise: unknown) =>
      validationErrorOf(() => compileObservationModel({ observations: [{ observable: 'y', noise }] }, context)).issues;
    expect(noiseProblems({ kind: 'gaussian', sigma: -1 })).toEqual([
      {
        path: 'observations[0].noise.sigma',
        message: 'must be a fixed value > 0 or the id of an estimated fit parameter; got -1',
      },
    ]);
    expect(noiseProblems({ kind: 'student-t', sigma: 1 })).toEqual([
      { path: 'observations[0].noise.df', message: 'is required but missing' },
    ]);
    expect(noiseProblems({ kind: 'poisson', sigma: 2 })).toEqual([
      { path: 'observations[0].noise.sigma', message: 'is not a known property here; allowed: kind' },
    ]);
    expect(noiseProblems({ kind: 'cauchy' })).toEqual([
      {
        path: 'observations[0].noise.kind',
        message:
          '"cauchy" is not a noise model; allowed: "gaussian", "lognormal", "student-t", "poisson", "negative-binomial"',
      },
    ]);
  });
});
