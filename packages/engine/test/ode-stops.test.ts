import { describe, expect, it } from 'vitest';
import { createStepper, solveOde, type OdeMethod, type OdeRhs } from '../src/ode/index.js';

const METHODS: OdeMethod[] = ['dopri5', 'rosenbrock'];
const RTOL = 1e-6;
const ATOL = 1e-9;
const scaledError = (numeric: number, exact: number): number =>
  Math.abs(numeric - exact) / (RTOL * Math.abs(exact) + ATOL);

// Decay rate switches from K1 to K2 at t = 3 and back at t = 5 (e.g. a drug given during [3, 5)).
const K1 = 0.3;
const K2 = 4;
const SWITCH_ON = 3;
const SWITCH_OFF = 5;
const rate = (t: number): number => (t >= SWITCH_ON && t < SWITCH_OFF ? K2 : K1);
const switchedDecay: OdeRhs = (t, y, dydt) => {
  dydt[0] = -rate(t) * y[0];
};
/** y(t) = exp(−∫₀ᵗ k) for y(0) = 1. */
function switchedDecayExact(t: number): number {
  const before = Math.min(t, SWITCH_ON);
  const during = Math.max(0, Math.min(t, SWITCH_OFF) - SWITCH_ON);
  const after = Math.max(0, t - SWITCH_OFF);
  return Math.exp(-K1 * before - K2 * during - K1 * after);
}

// A 0.01-long infusion of rate D into a decaying compartment: easy to step over without stops.
const PULSE_START = 3;
const PULSE_END = 3.01;
const PULSE_RATE = 100;
const CLEARANCE = 0.5;
const pulse: OdeRhs = (t, y, dydt) => {
  dydt[0] = -CLEARANCE * y[0] + (t >= PULSE_START && t < PULSE_END ? PULSE_RATE : 0);
};
function pulseExact(t: number): number {
  const steady = PULSE_RATE / CLEARANCE;
  const atStart = Math.exp(-CLEARANCE * PULSE_START);
  if (t < PULSE_START) return Math.exp(-CLEARANCE * t);
  const during = (s: number): number => steady + (atStart - steady) * Math.exp(-CLEARANCE * (s - PULSE_START));
  if (t < PULSE_END) return during(t);
  return during(PULSE_END) * Math.exp(-CLEARANCE * (t - PULSE_END));
}

const grid = (tEnd: number, count: number): number[] => Array.from({ length: count + 1 }, (_, i) => (tEnd * i) / count);

describe.each(METHODS)('%s across discontinuities', (method) => {
  it('matches the piecewise exponential when the switch times are stops', () => {
    const times = grid(8, 160); // includes 3 and 5 exactly
    const solution = solveOde(switchedDecay, 0, Float64Array.of(1), times, {
      method,
      rtol: RTOL,
      atol: ATOL,
      stops: [SWITCH_ON, SWITCH_OFF],
    });
    times.forEach((t, j) => expect(scaledError(solution.y[0][j], switchedDecayExact(t))).toBeLessThan(10));
    const withoutStops = solveOde(switchedDecay, 0, Float64Array.of(1), times, { method, rtol: RTOL, atol: ATOL });
    // Without stops the error control has to find the jumps by trial and error.
    expect(solution.stats.rejected).toBeLessThan(withoutStops.stats.rejected);
  });

  it('lands exactly on each stop and never lets a step straddle one', () => {
    const stepper = createStepper(method, switchedDecay, 0, Float64Array.of(1), { rtol: RTOL, atol: ATOL });
    const steps: Array<[number, number]> = [];
    const record = (a: number, b: number): void => {
      steps.push([a, b]);
    };
    for (const target of [SWITCH_ON, SWITCH_OFF, 8]) {
      stepper.advanceTo(target, record);
      expect(stepper.t).toBe(target);
      expect(scaledError(stepper.y[0], switchedDecayExact(target))).toBeLessThan(10);
      stepper.reset(target, stepper.y);
    }
    for (const [a, b] of steps) {
      for (const stop of [SWITCH_ON, SWITCH_OFF]) expect(a < stop && stop < b).toBe(false);
    }
    expect(steps.some(([, b]) => b === SWITCH_ON)).toBe(true);
    expect(steps.some(([a]) => a === SWITCH_OFF)).toBe(true);
  });

  it('evaluates a step that ends on a stop with the left limit of the RHS', () => {
    const seen: number[] = [];
    const stepper = createStepper(
      method,
      (t, y, dydt) => {
        seen.push(t);
        switchedDecay(t, y, dydt);
      },
      0,
      Float64Array.of(1),
      { rtol: RTOL, atol: ATOL },
    );
    stepper.advanceTo(SWITCH_ON);
    expect(stepper.t).toBe(SWITCH_ON);
    // The last step ends on the stop, yet no stage looked at the new regime (which would force rejections).
    expect(Math.max(...seen)).toBeLessThan(SWITCH_ON);
    expect(stepper.stats.rejected).toBe(0);
  });

  it('is accurate for a short infusion only because of stops', () => {
    const times = grid(10, 200);
    const exact = times.map(pulseExact);
    const worst = (stops: number[]): number => {
      const solution = solveOde(pulse, 0, Float64Array.of(1), times, { method, rtol: RTOL, atol: ATOL, stops });
      return Math.max(...times.map((_, j) => scaledError(solution.y[0][j], exact[j])));
    };
    expect(worst([PULSE_START, PULSE_END])).toBeLessThan(10);
    expect(worst([])).toBeGreaterThan(1000); // the whole dose is stepped over
  });
});

it('solveOde reports values at output times equal to stops and at t0', () => {
  const solution = solveOde(switchedDecay, 0, Float64Array.of(1), [0, 0, SWITCH_ON, SWITCH_ON, SWITCH_OFF], {
    rtol: 1e-9,
    atol: 1e-12,
    stops: [SWITCH_ON, SWITCH_OFF],
  });
  expect(Array.from(solution.t)).toEqual([0, 0, SWITCH_ON, SWITCH_ON, SWITCH_OFF]);
  expect(solution.y[0][0]).toBe(1);
  expect(solution.y[0][1]).toBe(1);
  for (const j of [2, 3, 4]) {
    expect(scaledError(solution.y[0][j], switchedDecayExact(solution.t[j]))).toBeLessThan(10);
  }
});
