import { describe, expect, it } from 'vitest';
import { createStepper, solveOde, type OdeJacobian, type OdeRhs } from '../src/ode/index.js';

// Robertson's chemical kinetics (Hairer & Wanner, vol. II, Section IV.1), k1 = 0.04, k2 = 3e7, k3 = 1e4.
const robertson: OdeRhs = (_t, y, dydt) => {
  dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
  dydt[2] = 3e7 * y[1] * y[1];
  dydt[1] = -dydt[0] - dydt[2];
};
const robertsonJacobian: OdeJacobian = (_t, y, jac) => {
  // prettier-ignore
  jac.set([
    -0.04, 1e4 * y[2], 1e4 * y[1],
    0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1],
    0, 6e7 * y[1], 0,
  ]);
};
/**
 * y(40), as quoted by Hairer & Wanner; independently reproduced to ~1e-12 relative with SciPy's Radau,
 * BDF and LSODA at rtol 1e-13 (0.71582706872, 9.1855347646e-6, 0.28416374575).
 */
const ROBERTSON_AT_40 = [0.7158270687, 9.185534764e-6, 0.2841637457];
const ROBERTSON_OPTIONS = { rtol: 1e-6, atol: Float64Array.of(1e-8, 1e-14, 1e-8) };

describe('Rosenbrock on stiff problems', () => {
  it("reproduces Robertson's reference solution at t = 40 with far fewer steps than Dormand–Prince", () => {
    const stiff = solveOde(robertson, 0, Float64Array.of(1, 0, 0), [40], {
      ...ROBERTSON_OPTIONS,
      method: 'rosenbrock',
    });
    const explicit = solveOde(robertson, 0, Float64Array.of(1, 0, 0), [40], { ...ROBERTSON_OPTIONS, method: 'dopri5' });
    ROBERTSON_AT_40.forEach((reference, i) => {
      // The reference carries 10 significant digits.
      const allowed = 10 * (ROBERTSON_OPTIONS.rtol * reference + ROBERTSON_OPTIONS.atol[i]) + 1e-10 * reference;
      expect(Math.abs(stiff.y[i][0] - reference)).toBeLessThan(allowed);
    });
    expect(explicit.stats.accepted).toBeGreaterThan(50 * stiff.stats.accepted);
  });

  it('gives the same Robertson solution with an analytic Jacobian', () => {
    const solution = solveOde(robertson, 0, Float64Array.of(1, 0, 0), [40], {
      ...ROBERTSON_OPTIONS,
      method: 'rosenbrock',
      jacobian: robertsonJacobian,
    });
    ROBERTSON_AT_40.forEach((reference, i) => {
      expect(Math.abs(solution.y[i][0] - reference) / reference).toBeLessThan(1e-6);
    });
  });

  it('integrates van der Pol with μ = 1000 over two periods where Dormand–Prince gives up', () => {
    const mu = 1000;
    const vanDerPol: OdeRhs = (_t, y, dydt) => {
      dydt[0] = y[1];
      dydt[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    };
    const stepper = createStepper('rosenbrock', vanDerPol, 0, Float64Array.of(2, 0), {
      rtol: 1e-6,
      atol: 1e-6,
      maxSteps: 5000,
    });
    const crossings: number[] = [];
    const probe = new Float64Array(2);
    stepper.advanceTo(3000, (tPrev, tNow) => {
      stepper.interpolate(tPrev, probe);
      if (Math.sign(probe[0]) === Math.sign(stepper.y[0])) return;
      let lo = tPrev;
      let hi = tNow;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        stepper.interpolate(mid, probe);
        if (Math.sign(probe[0]) === Math.sign(stepper.y[0])) hi = mid;
        else lo = mid;
      }
      crossings.push(hi);
    });
    expect(stepper.t).toBe(3000);
    // Relaxation-oscillation period for large μ: T ≈ (3 − 2 ln 2) μ + 3 α μ^(−1/3), α ≈ 2.338 (Airy zero).
    const period = (3 - 2 * Math.log(2)) * mu + 3 * 2.338 * mu ** (-1 / 3);
    expect(crossings).toHaveLength(3); // y1 changes sign at ≈ T/2, T, 3T/2
    crossings.forEach((t, i) => expect(Math.abs(t - ((i + 1) * period) / 2) / period).toBeLessThan(1e-3));

    const explicit = createStepper('dopri5', vanDerPol, 0, Float64Array.of(2, 0), {
      rtol: 1e-6,
      atol: 1e-6,
      maxSteps: 100_000,
    });
    expect(() => explicit.advanceTo(3000)).toThrow(/maxSteps = 100000.*rosenbrock/);
    expect(explicit.t).toBeLessThan(300);
  });
});

describe('non-negativity', () => {
  // A pathogen cleared by a saturable (Michaelis–Menten) mechanism with a tiny half-saturation constant:
  // it falls linearly to zero and then the clearance becomes very fast, so explicit steps overshoot.
  const clearance: OdeRhs = (_t, y, dydt) => {
    dydt[0] = -y[0] / (1e-4 + Math.abs(y[0]));
    dydt[1] = 1 - 0.1 * y[1];
  };

  function run(nonNegative: boolean): { lowest: number; rejected: number } {
    const stepper = createStepper('dopri5', clearance, 0, Float64Array.of(1, 0), {
      rtol: 1e-3,
      atol: 1e-6,
      nonNegative,
    });
    const probe = new Float64Array(2);
    let lowest = Infinity;
    stepper.advanceTo(5, (tPrev, tNow) => {
      lowest = Math.min(lowest, stepper.y[0]);
      for (let i = 1; i < 8; i++) {
        stepper.interpolate(tPrev + ((tNow - tPrev) * i) / 8, probe);
        lowest = Math.min(lowest, probe[0]);
      }
    });
    return { lowest, rejected: stepper.stats.rejected };
  }

  it('keeps a fast-decaying component ≥ 0 when nonNegative is set', () => {
    const unconstrained = run(false);
    const constrained = run(true);
    expect(unconstrained.lowest).toBeLessThan(-1e-6); // the same run without the option overshoots
    expect(constrained.lowest).toBeGreaterThanOrEqual(0);
    // The overshooting step is rejected and retried with a smaller step rather than merely clamped.
    expect(constrained.rejected).toBeGreaterThan(unconstrained.rejected);
  });

  it('keeps solveOde outputs ≥ 0 for both methods', () => {
    const times = Array.from({ length: 501 }, (_, i) => i / 100);
    for (const method of ['dopri5', 'rosenbrock'] as const) {
      const solution = solveOde(clearance, 0, Float64Array.of(1, 0), times, {
        method,
        rtol: 1e-3,
        atol: 1e-6,
        nonNegative: true,
      });
      for (const value of solution.y[0]) expect(value).toBeGreaterThanOrEqual(0);
      // Zero-order elimination: y = 1 − t until ~1, then ≈ 0; y2 = 10 (1 − e^(−t/10)).
      expect(solution.y[0][50]).toBeCloseTo(0.5, 2);
      expect(solution.y[0][500]).toBeLessThan(1e-5);
      expect(solution.y[1][500]).toBeCloseTo(10 * (1 - Math.exp(-0.5)), 3);
    }
  });
});
