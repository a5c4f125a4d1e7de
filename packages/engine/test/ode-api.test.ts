import { describe, expect, it } from 'vitest';
import { DenseLu } from '../src/ode/linearAlgebra.js';
import { createStepper, solveOde, type OdeRhs } from '../src/ode/index.js';

const decay: OdeRhs = (_t, y, dydt) => {
  dydt[0] = -y[0];
};

describe('DenseLu', () => {
  it('solves a system that needs row pivoting', () => {
    // A x = b with x = (1, −2, 3); a11 = 0 forces a row swap.
    const a = Float64Array.of(0, 2, 1, 1, 1, 1, 4, -1, 2);
    const lu = new DenseLu(3);
    expect(lu.factor(a)).toBe(true);
    const b = Float64Array.of(-1, 2, 12);
    lu.solve(b);
    expect(Array.from(b).map((v) => Number(v.toFixed(12)))).toEqual([1, -2, 3]);
    expect(Array.from(a)).toEqual([0, 2, 1, 1, 1, 1, 4, -1, 2]); // input untouched
  });

  it('reports a singular matrix', () => {
    expect(new DenseLu(2).factor(Float64Array.of(1, 2, 2, 4))).toBe(false);
  });
});

describe.each(['dopri5', 'rosenbrock'] as const)('%s stepper interface', (method) => {
  it('step() never passes tEnd and lands on it exactly', () => {
    const stepper = createStepper(method, decay, 0, Float64Array.of(1), { rtol: 1e-8, atol: 1e-12 });
    const tEnd = 0.1 + 0.2; // not representable as a short decimal
    let previous = stepper.t;
    while (stepper.t < tEnd) {
      const now = stepper.step(tEnd);
      expect(now).toBeGreaterThan(previous);
      expect(now).toBeLessThanOrEqual(tEnd);
      previous = now;
    }
    expect(stepper.t).toBe(tEnd);
    expect(stepper.step(tEnd)).toBe(tEnd); // no-op once there
    expect(stepper.y[0]).toBeCloseTo(Math.exp(-tEnd), 9);
  });

  it('dense output reproduces the step endpoints and is continuous across steps', () => {
    const stepper = createStepper(method, decay, 0, Float64Array.of(1), { rtol: 1e-6, atol: 1e-9 });
    const start = new Float64Array(1);
    const end = new Float64Array(1);
    let lastEnd = 1;
    stepper.advanceTo(5, (tPrev, tNow) => {
      stepper.interpolate(tPrev, start);
      stepper.interpolate(tNow, end);
      expect(start[0]).toBeCloseTo(lastEnd, 14);
      expect(end[0]).toBe(stepper.y[0]);
      lastEnd = end[0];
    });
  });

  it('reset restarts from a new state, keeps counting work, and maxStep bounds steps', () => {
    const stepper = createStepper(method, decay, 0, Float64Array.of(1), { maxStep: 0.25 });
    const steps: number[] = [];
    stepper.advanceTo(2, (a, b) => steps.push(b - a));
    expect(Math.max(...steps)).toBeLessThanOrEqual(0.25);
    const before = stepper.stats.accepted;
    stepper.reset(2, Float64Array.of(10));
    expect(stepper.t).toBe(2);
    expect(stepper.y[0]).toBe(10);
    stepper.advanceTo(3);
    expect(stepper.y[0]).toBeCloseTo(10 * Math.exp(-1), 5);
    expect(stepper.stats.accepted).toBeGreaterThan(before);
  });

  it('solveOde with no output times returns empty series', () => {
    const solution = solveOde(decay, 0, Float64Array.of(1), [], { method });
    expect(solution.t).toHaveLength(0);
    expect(solution.y).toHaveLength(1);
    expect(solution.y[0]).toHaveLength(0);
  });
});
