/** Evaluates f(t, y) into `dydt`, returning false when the result is not finite. */
export type CheckedRhs = (t: number, y: Float64Array, dydt: Float64Array) => boolean;

/**
 * Forward-difference approximations of ∂f/∂y and ∂f/∂t, with the increments of Hairer & Wanner's codes
 * (δ_j = sqrt(ε · max(1e-5, |y_j|))). Work arrays are allocated once.
 */
export class FiniteDifferenceJacobian {
  private readonly shifted: Float64Array;
  private readonly shiftedRhs: Float64Array;

  /** Allocates work arrays for an n-component system. */
  constructor(private readonly n: number) {
    this.shifted = new Float64Array(n);
    this.shiftedRhs = new Float64Array(n);
  }

  /**
   * Writes ∂f/∂y at (t, y) row-major into `jac` (n evaluations of `rhs`), given f0 = f(t, y).
   * Returns false if `rhs` produced a non-finite value.
   */
  stateDerivative(rhs: CheckedRhs, t: number, y: Float64Array, f0: Float64Array, jac: Float64Array): boolean {
    const n = this.n;
    this.shifted.set(y);
    for (let j = 0; j < n; j++) {
      const original = y[j];
      this.shifted[j] = original + Math.sqrt(Number.EPSILON * Math.max(1e-5, Math.abs(original)));
      const delta = this.shifted[j] - original; // the increment actually represented
      if (!rhs(t, this.shifted, this.shiftedRhs)) return false;
      for (let i = 0; i < n; i++) jac[i * n + j] = (this.shiftedRhs[i] - f0[i]) / delta;
      this.shifted[j] = original;
    }
    return true;
  }

  /**
   * Writes ∂f/∂t at (t, y) into `out` (one evaluation of `rhs`), given f0 = f(t, y).
   * Returns false if `rhs` produced a non-finite value.
   */
  timeDerivative(rhs: CheckedRhs, t: number, y: Float64Array, f0: Float64Array, out: Float64Array): boolean {
    const shiftedTime = t + Math.sqrt(Number.EPSILON * Math.max(1e-5, Math.abs(t)));
    const delta = shiftedTime - t;
    if (!rhs(shiftedTime, y, out)) return false;
    for (let i = 0; i < this.n; i++) out[i] = (out[i] - f0[i]) / delta;
    return true;
  }
}
