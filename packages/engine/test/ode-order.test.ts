import { describe, expect, it } from 'vitest';
import { createStepper, type OdeMethod } from '../src/ode/index.js';

// One step of size h on logistic growth from its exact value; local errors must shrink like h^(p+1).
const R = 1.5;
const K = 10;
const exact = (t: number): number => K / (1 + (K / 0.1 - 1) * Math.exp(-R * t));

function localErrors(method: OdeMethod, h: number): { step: number; dense: number } {
  const t0 = 1;
  const stepper = createStepper(
    method,
    (_t, y, dydt) => {
      dydt[0] = R * y[0] * (1 - y[0] / K);
    },
    t0,
    Float64Array.of(exact(t0)),
    { rtol: 0.1, atol: 0.1, initialStep: h, maxStep: h }, // loose: the single step is always accepted
  );
  stepper.step(t0 + h);
  const probe = new Float64Array(1);
  stepper.interpolate(t0 + 0.4 * h, probe);
  return { step: Math.abs(stepper.y[0] - exact(stepper.t)), dense: Math.abs(probe[0] - exact(t0 + 0.4 * h)) };
}

/** Ratios of local errors when h is halved, for h = 0.1 → 0.05 → 0.025. */
function halvingRatios(method: OdeMethod): { step: number[]; dense: number[] } {
  const errors = [0.1, 0.05, 0.025].map((h) => localErrors(method, h));
  const ratios = (pick: (e: { step: number; dense: number }) => number): number[] =>
    errors.slice(1).map((e, i) => pick(errors[i]) / pick(e));
  return { step: ratios((e) => e.step), dense: ratios((e) => e.dense) };
}

describe('convergence orders', () => {
  it('Dormand–Prince: step of order 5 (local error ~h^6), dense output of order 4 (~h^5)', () => {
    const { step, dense } = halvingRatios('dopri5');
    for (const ratio of step) expect(ratio).toBeGreaterThan(0.75 * 64);
    for (const ratio of dense) expect(ratio).toBeGreaterThan(0.75 * 32);
  });

  it('RODAS4: step of order 4 (local error ~h^5), dense output of order 3 (~h^4)', () => {
    const { step, dense } = halvingRatios('rosenbrock');
    for (const ratio of step) expect(ratio).toBeGreaterThan(0.75 * 32);
    for (const ratio of dense) expect(ratio).toBeGreaterThan(0.6 * 16);
  });

  it('RODAS4 is L-stable: a very stiff linear decay is damped in one huge step', () => {
    const stepper = createStepper(
      'rosenbrock',
      (_t, y, dydt) => {
        dydt[0] = -1e9 * y[0];
      },
      0,
      Float64Array.of(1),
      { rtol: 1e-3, atol: 1e-3, initialStep: 1, maxStep: 1 },
    );
    stepper.step(1);
    expect(stepper.t).toBe(1);
    expect(Math.abs(stepper.y[0])).toBeLessThan(1e-6);
  });
});
