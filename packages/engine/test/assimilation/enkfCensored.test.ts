import { describe, expect, it } from 'vitest';
import { censoredPseudoObservation, ensembleKalmanFilter, type StateSpaceModel } from '@immunotwin/engine';

// A scalar twin: x ~ N(0, 1), constant in time, measured with Gaussian noise of sd 0.5 (R = 0.25).
const R = 0.25;
const scalar: StateSpaceModel = {
  labels: ['x'],
  measured: ['x'],
  startTime: 0,
  initialize(state, rng) {
    state[0] = rng.normal();
  },
  propagate() {},
  predict(state, _time, out) {
    out[0] = state[0];
  },
};

/**
 * The exact posterior of x given only Y = x + ε ≤ limit, by quadrature (independent of the filter): the density
 * φ(x)·Φ((limit − x)/σ) on a fine grid; Φ from erf's relation to the error function integral, also by quadrature.
 */
function exactCensoredPosterior(limit: number): { mean: number; variance: number; probability: number } {
  const sd = Math.sqrt(R);
  const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  // Φ(z) by the trapezoidal rule from −12 (fine enough: errors ~1e-10).
  const cdf = (z: number) => {
    const steps = 4000;
    const a = -12;
    const h = (z - a) / steps;
    let sum = 0.5 * (phi(a) + phi(z));
    for (let k = 1; k < steps; k++) sum += phi(a + k * h);
    return sum * h;
  };
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  const h = 0.005;
  for (let x = -10; x <= 10; x += h) {
    const w = phi(x) * cdf((limit - x) / sd) * h;
    z0 += w;
    z1 += w * x;
    z2 += w * x * x;
  }
  const mean = z1 / z0;
  return { mean, variance: z2 / z0 - mean * mean, probability: z0 };
}

describe('the ensemble Kalman filter with a value below its detection limit', () => {
  const limit = -0.5;
  const exact = exactCensoredPosterior(limit);

  it('moves the ensemble to the exact mean and variance of x given Y ≤ limit (linear-Gaussian: moment matching is exact)', async () => {
    const members = 20000;
    const result = await ensembleKalmanFilter(scalar, [{ time: 1, values: [-0.7] }], {
      seed: 3,
      members,
      observationSd: [Math.sqrt(R)],
      detectionLimits: [limit],
    });
    const x = result.ensemble.states;
    const mean = x.reduce((a, b) => a + b, 0) / members;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (members - 1);
    // The exact answer: mean ≈ −0.99, variance ≈ 0.43 (using −0.7 as a measured value would give −0.56 and 0.2).
    expect(exact.mean).toBeCloseTo(-0.987, 2);
    // Monte Carlo error of the ensemble: sd of the mean √(0.43/20000) ≈ 0.005; of the variance ≈ 0.43·√(2/20000)
    // ≈ 0.004 (Gaussian), widened for the prior's own sampling error: 4 standard errors.
    expect(Math.abs(mean - exact.mean)).toBeLessThan(0.025);
    expect(Math.abs(variance - exact.variance)).toBeLessThan(0.025);
    // The step's likelihood is P(Y ≤ limit) = Φ(limit/√(1 + R)) up to the ensemble's estimate of the prediction.
    expect(Math.abs(result.logLikelihood - Math.log(exact.probability))).toBeLessThan(0.02);
  });

  it('gives the same answer whatever value below the limit was recorded, and the same bits for the same seed', async () => {
    const run = (value: number) =>
      ensembleKalmanFilter(scalar, [{ time: 1, values: [value] }], {
        seed: 5,
        members: 500,
        observationSd: [Math.sqrt(R)],
        detectionLimits: [limit],
      });
    const [a, b, c] = await Promise.all([run(-0.7), run(-3), run(-0.7)]);
    expect(Array.from(b.ensemble.states)).toEqual(Array.from(a.ensemble.states));
    expect(Array.from(c.ensemble.states)).toEqual(Array.from(a.ensemble.states));
    expect(b.logLikelihood).toBe(a.logLikelihood);
  });

  it('uses a value above its limit as measured, and learns nothing from a limit far above the prediction', async () => {
    const options = { seed: 7, members: 500, observationSd: [Math.sqrt(R)] };
    const plain = await ensembleKalmanFilter(scalar, [{ time: 1, values: [0.8] }], options);
    const above = await ensembleKalmanFilter(scalar, [{ time: 1, values: [0.8] }], {
      ...options,
      detectionLimits: [0.2],
    });
    expect(Array.from(above.ensemble.states)).toEqual(Array.from(plain.ensemble.states));
    const prior = await ensembleKalmanFilter(scalar, [], options);
    const far = await ensembleKalmanFilter(scalar, [{ time: 1, values: [-1] }], { ...options, detectionLimits: [40] });
    expect(Array.from(far.ensemble.states)).toEqual(Array.from(prior.ensemble.states));
    expect(far.logLikelihood).toBe(0);
  });
});

describe('censoredPseudoObservation', () => {
  it('gives the truncated normal’s moments to a linear update of the measurement', () => {
    // Y ~ N(1, 0.3 + 0.2) known to be ≤ 0.4: E and Var of a normal truncated above, from the formulas'
    // independent evaluation by quadrature of the density on (−∞, 0.4].
    const mean = 1;
    const S = 0.5;
    const limit = 0.4;
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    for (let y = mean - 12 * Math.sqrt(S); y <= limit; y += 1e-4) {
      const w = Math.exp(-((y - mean) ** 2) / (2 * S));
      z0 += w;
      z1 += w * y;
      z2 += w * y * y;
    }
    const m = z1 / z0;
    const v = z2 / z0 - m * m;
    const pseudo = censoredPseudoObservation(limit, mean, 0.3, 0.2)!;
    const extra = pseudo.variance - 0.2;
    // The Kalman update of Y (variance S) by `value` with noise `extra`: its mean and variance.
    expect(mean + (S / (S + extra)) * (pseudo.value - mean)).toBeCloseTo(m, 3);
    expect((S * extra) / (S + extra)).toBeCloseTo(v, 3);
    expect(pseudo.logProbability).toBeCloseTo(Math.log((z0 * 1e-4) / Math.sqrt(2 * Math.PI * S)), 3);
  });
});
