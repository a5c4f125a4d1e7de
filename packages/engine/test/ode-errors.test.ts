import { describe, expect, it } from 'vitest';
import { createStepper, DormandPrince54, Rosenbrock, solveOde, type OdeMethod, type OdeRhs } from '../src/ode/index.js';

const decay: OdeRhs = (_t, y, dydt) => {
  dydt[0] = -y[0];
};
const one = (): Float64Array => Float64Array.of(1);

describe('input validation names the field, the value and what is allowed', () => {
  it.each([
    [{ rtol: 0 }, /rtol = 0: must be a finite number > 0/],
    [{ rtol: -1e-6 }, /rtol = -0\.000001: must be a finite number > 0/],
    [{ rtol: Number.NaN }, /rtol = NaN/],
    [{ rtol: 1e-20 }, /rtol = 1e-20: must be ≥ 1e-14/],
    [{ atol: 0 }, /atol = 0: must be a finite number > 0/],
    [{ atol: Float64Array.of(1e-9, -1) }, /atol\[1\] = -1: must be a finite number > 0/],
    [{ atol: Float64Array.of(1e-9) }, /atol \(length 1\).*one value per component \(2\)/],
    [{ maxSteps: 0 }, /maxSteps = 0: must be an integer ≥ 1/],
    [{ maxStep: -1 }, /maxStep = -1: must be a number > 0/],
    [{ initialStep: 0 }, /initialStep = 0: must be a finite number > 0/],
  ])('rejects options %o', (options, message) => {
    expect(() => solveOde(decay, 0, Float64Array.of(1, 1), [1], options)).toThrow(message);
    expect(() => new Rosenbrock(decay, 0, Float64Array.of(1, 1), options)).toThrow(message);
  });

  it('rejects a non-finite initial state or time', () => {
    expect(() => solveOde(decay, 0, Float64Array.of(1, Number.NaN), [1])).toThrow(
      /y0\[1\] = NaN: every component must be a finite number/,
    );
    expect(() => new DormandPrince54(decay, Number.POSITIVE_INFINITY, one())).toThrow(
      /t0 = Infinity: must be a finite number/,
    );
    expect(() => new DormandPrince54(decay, 0, new Float64Array(0))).toThrow(/y0: must be a non-empty Float64Array/);
  });

  it('rejects unsorted, non-finite or early output times and unsorted stops', () => {
    expect(() => solveOde(decay, 0, one(), [0, 1, 0.5, 2])).toThrow(
      /outputTimes: must be sorted in non-decreasing order, but outputTimes\[2\] = 0\.5 < outputTimes\[1\] = 1/,
    );
    expect(() => solveOde(decay, 0, one(), [0, Number.NaN])).toThrow(
      /outputTimes\[1\] = NaN: every time must be a finite number/,
    );
    expect(() => solveOde(decay, 1, one(), [0.5, 2])).toThrow(/outputTimes\[0\] = 0\.5: output times must be ≥ t0 = 1/);
    expect(() => solveOde(decay, 0, one(), [1], { stops: [2, 1] })).toThrow(/stops\[1\] = 1 < stops\[0\] = 2/);
  });

  it('rejects an unknown method', () => {
    expect(() => createStepper('euler' as OdeMethod, decay, 0, one())).toThrow(
      /Unknown ODE method 'euler': allowed values are dopri5, rosenbrock/,
    );
  });

  it('rejects targets behind the current time and interpolation outside the last step', () => {
    const stepper = createStepper('dopri5', decay, 0, one());
    stepper.advanceTo(1);
    expect(() => stepper.advanceTo(0.5)).toThrow(/tEnd = 0\.5.*≥ the current time t = 1/);
    expect(() => stepper.interpolate(1.5, new Float64Array(1))).toThrow(
      /interpolate\(t = 1\.5\).*only valid inside the last accepted step/,
    );
    expect(() => stepper.reset(2, Float64Array.of(1, 2))).toThrow(/reset state y: has 2 components, the system has 1/);
  });
});

describe.each(['dopri5', 'rosenbrock'] as const)('%s runtime errors', (method) => {
  it('names the component and time when the RHS is NaN at the start', () => {
    const broken: OdeRhs = (_t, y, dydt) => {
      dydt[0] = -y[0];
      dydt[1] = Math.sqrt(y[0] - 2); // NaN for the initial state
    };
    expect(() => solveOde(broken, 0.25, Float64Array.of(1, 0), [1], { method })).toThrow(
      /returned NaN for component 1 \(dydt\[1\]\) at t = 0\.25/,
    );
  });

  it('names the component and time when the RHS turns NaN during the run', () => {
    const breaksLater: OdeRhs = (t, y, dydt) => {
      dydt[0] = -y[0];
      dydt[1] = t > 0.5 ? Number.NaN : 1;
    };
    expect(() => solveOde(breaksLater, 0, Float64Array.of(1, 0), [1], { method })).toThrow(
      /NaN for component 1 .*t = 0\.50000/,
    );
  });

  it('reports a step-size underflow at a finite-time blow-up, with advice', () => {
    const blowUp: OdeRhs = (_t, y, dydt) => {
      dydt[0] = y[0] * y[0]; // y = 1 / (1 − t)
    };
    expect(() => solveOde(blowUp, 0, one(), [2], { method })).toThrow(
      /step size underflow at t = (1|0\.99999)\d*.*looser tolerances/,
    );
  });

  it('reports exceeding maxSteps with the reached time and advice', () => {
    expect(() => solveOde(decay, 0, one(), [100], { method, maxStep: 0.01, maxSteps: 50 })).toThrow(
      /exceeded maxSteps = 50 while integrating from t = 0 to 100 \(reached t = 0\.5/,
    );
  });
});

it('names the entry and time when an analytic Jacobian is not finite', () => {
  const jacobian = (_t: number, _y: Float64Array, jac: Float64Array): void => {
    jac[0] = -1;
    jac[1] = Number.NaN;
  };
  const twoDecays: OdeRhs = (_t, y, dydt) => {
    dydt[0] = -y[0];
    dydt[1] = -y[1];
  };
  expect(() => solveOde(twoDecays, 0, Float64Array.of(1, 1), [1], { method: 'rosenbrock', jacobian })).toThrow(
    /options\.jacobian returned NaN for entry \[0\]\[1\].*at t = 0/,
  );
});
