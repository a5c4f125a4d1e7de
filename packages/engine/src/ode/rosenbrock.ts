import { AdaptiveStepper, type StepperDescription } from './adaptiveStepper.js';
import { scaledRmsNorm } from './errorNorm.js';
import { FiniteDifferenceJacobian, type CheckedRhs } from './finiteDifferenceJacobian.js';
import { DenseLu } from './linearAlgebra.js';
import { nonFiniteRhsError } from './odeErrors.js';
import { RODAS4 } from './rodas4Tableau.js';
import type { OdeOptions, OdeRhs } from './types.js';

const STAGES = 6;
/** Error returned for a trial step whose iteration matrix is singular: forces the largest shrink. */
const SINGULAR_MATRIX_ERROR = Number.MAX_VALUE;

const DESCRIPTION: StepperDescription = {
  methodName: 'Rosenbrock (RODAS4)',
  stiffAdvice:
    'Try looser tolerances (rtol/atol), check the jacobian option if one is given, or look for a ' +
    'singularity of the model',
  // PI gains 0.7/k and 0.4/k (k = 4); Hairer's RODAS limits: shrink ≤ 5×, grow ≤ 6×, safety 0.9.
  controller: { errorOrder: 4, alpha: 0.175, beta: 0.1, safety: 0.9, minFactor: 0.2, maxFactor: 6 },
};

/**
 * Linearly implicit RODAS4 Rosenbrock method (Hairer & Wanner, vol. II, IV.7): L-stable and stiffly
 * accurate, order 4 with an embedded order-3 error estimate and 3rd-order dense output. Each step
 * factors I/(γh) − J once (dense LU) and solves six linear systems. J comes from `options.jacobian`
 * or forward differences; ∂f/∂t is always taken by a forward difference.
 */
export class Rosenbrock extends AdaptiveStepper {
  private readonly f0: Float64Array;
  private readonly timeDerivative: Float64Array;
  private readonly jacobian: Float64Array;
  private readonly iterationMatrix: Float64Array;
  private readonly lu: DenseLu;
  private readonly differences: FiniteDifferenceJacobian;
  private readonly checkedRhs: CheckedRhs;
  /** Stage increments u_1 … u_6 of the last trial step. */
  private readonly increments: Float64Array[];
  private readonly stageState: Float64Array;
  private readonly stageRhs: Float64Array;
  /** Dense-output combinations q2, q3 of the last accepted step. */
  private readonly denseQ2: Float64Array;
  private readonly denseQ3: Float64Array;
  /** True when f0, ∂f/∂t and J belong to the current (t, y). */
  private linearizationIsCurrent = false;
  private derivativeIsCurrent = false;

  /** Creates a stepper at (t0, y0); y0 is copied. Throws on invalid options or non-finite input. */
  constructor(rhs: OdeRhs, t0: number, y0: Float64Array, options: OdeOptions = {}) {
    super(DESCRIPTION, rhs, t0, y0, options);
    const n = this.n;
    this.f0 = new Float64Array(n);
    this.timeDerivative = new Float64Array(n);
    this.jacobian = new Float64Array(n * n);
    this.iterationMatrix = new Float64Array(n * n);
    this.lu = new DenseLu(n);
    this.differences = new FiniteDifferenceJacobian(n);
    this.checkedRhs = (t, y, dydt) => this.evaluateRhs(t, y, dydt);
    this.increments = Array.from({ length: STAGES }, () => new Float64Array(n));
    this.stageState = new Float64Array(n);
    this.stageRhs = new Float64Array(n);
    this.denseQ2 = new Float64Array(n);
    this.denseQ3 = new Float64Array(n);
  }

  protected derivativeAtCurrentState(): Float64Array {
    if (!this.derivativeIsCurrent) {
      this.evaluateRhsAtAcceptedState(this.t, this.state, this.f0);
      this.derivativeIsCurrent = true;
    }
    return this.f0;
  }

  protected forgetHistory(): void {
    this.derivativeIsCurrent = false;
    this.linearizationIsCurrent = false;
  }

  protected scratchArrays(): readonly [Float64Array, Float64Array] {
    return [this.stageState, this.stageRhs];
  }

  protected persistentArrays(): readonly Float64Array[] {
    return [this.f0, this.timeDerivative, this.jacobian, this.denseQ2, this.denseQ3, ...this.increments];
  }

  protected persistentFlags(): boolean[] {
    return [this.linearizationIsCurrent, this.derivativeIsCurrent];
  }

  protected restoreFlags([linearizationIsCurrent, derivativeIsCurrent]: readonly boolean[]): void {
    this.linearizationIsCurrent = linearizationIsCurrent;
    this.derivativeIsCurrent = derivativeIsCurrent;
  }

  protected attemptStep(t: number, h: number, latestStageTime: number): number {
    const n = this.n;
    const y = this.state;
    const u = this.increments;
    if (!this.linearizationIsCurrent) this.linearize(t);
    const diagonal = 1 / (RODAS4.gamma * h);
    for (let idx = 0; idx < n * n; idx++) this.iterationMatrix[idx] = -this.jacobian[idx];
    for (let i = 0; i < n; i++) this.iterationMatrix[i * n + i] += diagonal;
    if (!this.lu.factor(this.iterationMatrix)) return SINGULAR_MATRIX_ERROR;

    for (let s = 0; s < STAGES; s++) {
      let stageRhs = this.f0;
      if (s > 0) {
        const row = RODAS4.a[s];
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let j = 0; j < s; j++) sum += row[j] * u[j][i];
          this.stageState[i] = y[i] + sum;
        }
        const stageTime = Math.min(t + RODAS4.c[s] * h, latestStageTime);
        if (!this.evaluateRhs(stageTime, this.stageState, this.stageRhs)) return Number.POSITIVE_INFINITY;
        stageRhs = this.stageRhs;
      }
      const coupling = RODAS4.couplings[s];
      const timeWeight = h * RODAS4.d[s];
      const target = u[s];
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < s; j++) sum += coupling[j] * u[j][i];
        target[i] = stageRhs[i] + timeWeight * this.timeDerivative[i] + sum / h;
      }
      this.lu.solve(target);
    }
    // Stiffly accurate: y1 = (last stage argument) + u_6, and u_6 is the error of the embedded solution.
    const error = u[STAGES - 1];
    for (let i = 0; i < n; i++) this.candidate[i] = this.stageState[i] + error[i];
    return scaledRmsNorm(error, y, this.candidate, this.options.rtol, this.options.atol);
  }

  protected commitStep(_h: number, _stateWasClamped: boolean): void {
    const u = this.increments;
    for (let i = 0; i < this.n; i++) {
      let q2 = 0;
      let q3 = 0;
      for (let j = 0; j < RODAS4.dense2.length; j++) {
        q2 += RODAS4.dense2[j] * u[j][i];
        q3 += RODAS4.dense3[j] * u[j][i];
      }
      this.denseQ2[i] = q2;
      this.denseQ3[i] = q3;
    }
    this.derivativeIsCurrent = false;
    this.linearizationIsCurrent = false;
  }

  protected denseOutput(theta: number, _h: number, out: Float64Array): void {
    const y0 = this.previousState;
    const y1 = this.state;
    const rest = 1 - theta;
    for (let i = 0; i < this.n; i++) {
      out[i] = rest * y0[i] + theta * (y1[i] + rest * (this.denseQ2[i] + theta * this.denseQ3[i]));
    }
  }

  /** Evaluates f0, ∂f/∂t and J at the current accepted state. */
  private linearize(t: number): void {
    const y = this.state;
    const f0 = this.derivativeAtCurrentState();
    const analytic = this.options.jacobian;
    if (analytic !== undefined) {
      this.jacobian.fill(0);
      analytic(t, y, this.jacobian);
      this.checkAnalyticJacobian(t);
    } else if (!this.differences.stateDerivative(this.checkedRhs, t, y, f0, this.jacobian)) {
      throw nonFiniteRhsError(DESCRIPTION.methodName + ' (finite-difference Jacobian)', this.nonFinite);
    }
    if (!this.differences.timeDerivative(this.checkedRhs, t, y, f0, this.timeDerivative)) {
      throw nonFiniteRhsError(DESCRIPTION.methodName + ' (finite-difference ∂f/∂t)', this.nonFinite);
    }
    this.linearizationIsCurrent = true;
  }

  private checkAnalyticJacobian(t: number): void {
    const n = this.n;
    for (let idx = 0; idx < n * n; idx++) {
      if (!Number.isFinite(this.jacobian[idx])) {
        const row = Math.floor(idx / n);
        throw new Error(
          `${DESCRIPTION.methodName}: options.jacobian returned ${this.jacobian[idx]} for entry ` +
            `[${row}][${idx - row * n}] (jac[${idx}], ∂f_${row}/∂y_${idx - row * n}) at t = ${t}; ` +
            `every entry must be finite.`,
        );
      }
    }
  }
}
