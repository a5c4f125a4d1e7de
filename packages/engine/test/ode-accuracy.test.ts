import { describe, expect, it } from 'vitest';
import { solveOde, type OdeMethod, type OdeRhs } from '../src/ode/index.js';

/** Output times that mostly fall strictly inside steps (irregular spacing), so dense output is exercised. */
const outputGrid = (tEnd: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => (tEnd * (i + 0.37 * Math.sin(i) ** 2)) / count).sort((a, b) => a - b);

/** Largest |numeric − exact| / (rtol·|exact| + atol) over all outputs of component 0. */
function worstScaledError(
  rhs: OdeRhs,
  exact: (t: number) => number,
  y0: number,
  times: number[],
  method: OdeMethod,
  rtol: number,
  atol: number,
): { scaled: number; absolute: number; accepted: number } {
  const solution = solveOde(rhs, 0, Float64Array.of(y0), times, { method, rtol, atol });
  let scaled = 0;
  let absolute = 0;
  times.forEach((t, j) => {
    const diff = Math.abs(solution.y[0][j] - exact(t));
    absolute = Math.max(absolute, diff);
    scaled = Math.max(scaled, diff / (rtol * Math.abs(exact(t)) + atol));
  });
  return { scaled, absolute, accepted: solution.stats.accepted };
}

const METHODS: OdeMethod[] = ['dopri5', 'rosenbrock'];
const TOLERANCES = [1e-4, 1e-6, 1e-9];
/**
 * Tolerances bound the local error per step; the global error accumulates over steps and the dense
 * output of DOPRI5 is one order lower than its step (its error is about the size of the embedded
 * estimate). Observed worst cases are ≈ 1× (decay), ≈ 6× (logistic) and ≈ 8× (forced decay), all at
 * rtol 1e-9 and at interpolated times; SciPy's RK45 (also Dormand–Prince) shows 8–10× on the same
 * problems. Allow 10×.
 */
const ALLOWED_MULTIPLE = 10;

describe.each(METHODS)('%s accuracy against closed forms', (method) => {
  it('exponential decay y′ = −k y matches exp(−kt) at step and interpolated times', () => {
    const k = 0.7;
    const times = outputGrid(10, 400);
    const absErrors: number[] = [];
    for (const rtol of TOLERANCES) {
      const result = worstScaledError(
        (_t, y, dydt) => {
          dydt[0] = -k * y[0];
        },
        (t) => Math.exp(-k * t),
        1,
        times,
        method,
        rtol,
        rtol * 1e-3,
      );
      expect(result.scaled).toBeLessThan(ALLOWED_MULTIPLE);
      if (rtol >= 1e-6) expect(result.accepted).toBeLessThan(times.length); // most outputs are interpolated
      absErrors.push(result.absolute);
    }
    expect(absErrors[1]).toBeLessThan(absErrors[0] / 10);
    expect(absErrors[2]).toBeLessThan(absErrors[1] / 10);
  });

  it('logistic growth matches K / (1 + (K/y0 − 1) e^(−rt))', () => {
    const r = 1.5;
    const K = 10;
    const y0 = 0.1;
    const exact = (t: number): number => K / (1 + (K / y0 - 1) * Math.exp(-r * t));
    const times = outputGrid(12, 300);
    const absErrors: number[] = [];
    for (const rtol of TOLERANCES) {
      const result = worstScaledError(
        (_t, y, dydt) => {
          dydt[0] = r * y[0] * (1 - y[0] / K);
        },
        exact,
        y0,
        times,
        method,
        rtol,
        rtol * 1e-3,
      );
      expect(result.scaled).toBeLessThan(ALLOWED_MULTIPLE);
      absErrors.push(result.absolute);
    }
    expect(absErrors[1]).toBeLessThan(absErrors[0] / 10);
    expect(absErrors[2]).toBeLessThan(absErrors[1] / 10);
  });

  it('forced decay y′ = −a y + sin(ωt) (time-dependent RHS) matches its closed form', () => {
    const a = 0.8;
    const w = 3;
    const d = a * a + w * w;
    const exact = (t: number): number =>
      (1 + w / d) * Math.exp(-a * t) + (a * Math.sin(w * t) - w * Math.cos(w * t)) / d;
    const times = outputGrid(15, 300);
    const absErrors: number[] = [];
    for (const rtol of TOLERANCES) {
      const atol = rtol * 1e-3;
      const solution = solveOde(
        (t, y, dydt) => {
          dydt[0] = -a * y[0] + Math.sin(w * t);
        },
        0,
        Float64Array.of(1),
        times,
        { method, rtol, atol },
      );
      // The solution oscillates through 0, so errors are measured against its magnitude (≤ 1), not pointwise.
      const worst = Math.max(...times.map((t, j) => Math.abs(solution.y[0][j] - exact(t))));
      expect(worst / (rtol + atol)).toBeLessThan(ALLOWED_MULTIPLE);
      absErrors.push(worst);
    }
    expect(absErrors[1]).toBeLessThan(absErrors[0] / 10);
    expect(absErrors[2]).toBeLessThan(absErrors[1] / 10);
  });

  it('harmonic oscillator keeps its solution and energy over ten periods', () => {
    const omega = 2 * Math.PI; // period 1
    const rtol = 1e-8;
    const atol = 1e-10;
    const times = outputGrid(10, 500);
    const solution = solveOde(
      (_t, y, dydt) => {
        dydt[0] = y[1];
        dydt[1] = -omega * omega * y[0];
      },
      0,
      Float64Array.of(1, 0),
      times,
      { method, rtol, atol },
    );
    const energy0 = (omega * omega) / 2;
    times.forEach((t, j) => {
      const x = solution.y[0][j];
      const v = solution.y[1][j];
      expect(Math.abs(x - Math.cos(omega * t))).toBeLessThan(1e-6);
      expect(Math.abs(v + omega * Math.sin(omega * t))).toBeLessThan(1e-6 * omega);
      const energy = (v * v + omega * omega * x * x) / 2;
      expect(Math.abs(energy - energy0) / energy0).toBeLessThan(1e-6);
    });
  });
});
