import { AdaptiveStepper, type StepperDescription } from './adaptiveStepper.js';
import { DORMAND_PRINCE_54 as DP } from './dormandPrince54Tableau.js';
import { scaledRmsNorm } from './errorNorm.js';
import type { OdeOptions, OdeRhs } from './types.js';

const STAGES = 7;

const DESCRIPTION: StepperDescription = {
  methodName: 'Dormand–Prince 5(4)',
  stiffAdvice:
    'The problem is probably stiff: use the stiff solver (in a scenario `solver: { stiff: true }`; in solveOde ' +
    "method 'rosenbrock'), or looser tolerances (rtol/atol)",
  // Hairer's DOPRI5 defaults: β = 0.04, α = 1/5 − 0.75 β, safety 0.9, h may shrink 5× or grow 10×.
  controller: { errorOrder: 5, alpha: 0.17, beta: 0.04, safety: 0.9, minFactor: 0.2, maxFactor: 10 },
};

/**
 * Explicit Dormand–Prince 5(4) Runge–Kutta method with FSAL, PI step-size control on the embedded
 * 4th-order error estimate and 4th-order continuous output (Hairer, Nørsett & Wanner, vol. I, II.5–II.6).
 * Efficient for non-stiff problems; on stiff ones its step is limited by stability (use `Rosenbrock`).
 */
export class DormandPrince54 extends AdaptiveStepper {
  /** Stage derivatives k_1 … k_7; k[0] always holds f(t, y) at the current state. */
  private readonly k: Float64Array[];
  private readonly stageState: Float64Array;
  private readonly errorEstimate: Float64Array;
  /** Dense-output coefficients r3, r4, r5 of the last step (see the tableau). */
  private readonly dense3: Float64Array;
  private readonly dense4: Float64Array;
  private readonly dense5: Float64Array;
  private derivativeIsCurrent = false;

  /** Creates a stepper at (t0, y0); y0 is copied. Throws on invalid options or non-finite input. */
  constructor(rhs: OdeRhs, t0: number, y0: Float64Array, options: OdeOptions = {}) {
    super(DESCRIPTION, rhs, t0, y0, options);
    const n = this.n;
    this.k = Array.from({ length: STAGES }, () => new Float64Array(n));
    this.stageState = new Float64Array(n);
    this.errorEstimate = new Float64Array(n);
    this.dense3 = new Float64Array(n);
    this.dense4 = new Float64Array(n);
    this.dense5 = new Float64Array(n);
  }

  protected derivativeAtCurrentState(): Float64Array {
    if (!this.derivativeIsCurrent) {
      this.evaluateRhsAtAcceptedState(this.t, this.state, this.k[0]);
      this.derivativeIsCurrent = true;
    }
    return this.k[0];
  }

  protected forgetHistory(): void {
    this.derivativeIsCurrent = false;
  }

  protected scratchArrays(): readonly [Float64Array, Float64Array] {
    return [this.stageState, this.errorEstimate];
  }

  protected persistentArrays(): readonly Float64Array[] {
    return [...this.k, this.dense3, this.dense4, this.dense5];
  }

  protected persistentFlags(): boolean[] {
    return [this.derivativeIsCurrent];
  }

  protected restoreFlags([derivativeIsCurrent]: readonly boolean[]): void {
    this.derivativeIsCurrent = derivativeIsCurrent;
  }

  protected attemptStep(t: number, h: number, latestStageTime: number): number {
    const n = this.n;
    const y = this.state;
    const k = this.k;
    this.derivativeAtCurrentState();
    for (let s = 1; s < STAGES; s++) {
      const row = DP.a[s];
      // The last row equals b, so stage 7 is evaluated at the 5th-order solution itself (FSAL).
      const target = s === STAGES - 1 ? this.candidate : this.stageState;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < s; j++) sum += row[j] * k[j][i];
        target[i] = y[i] + h * sum;
      }
      if (!this.evaluateRhs(Math.min(t + DP.c[s] * h, latestStageTime), target, k[s])) return Number.POSITIVE_INFINITY;
    }
    const e = DP.e;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < STAGES; j++) sum += e[j] * k[j][i];
      this.errorEstimate[i] = h * sum;
    }
    return scaledRmsNorm(this.errorEstimate, y, this.candidate, this.options.rtol, this.options.atol);
  }

  protected commitStep(h: number, stateWasClamped: boolean): void {
    const n = this.n;
    const k = this.k;
    const y0 = this.previousState;
    const y1 = this.state;
    const d = DP.d;
    for (let i = 0; i < n; i++) {
      const delta = y1[i] - y0[i];
      const r3 = h * k[0][i] - delta;
      this.dense3[i] = r3;
      this.dense4[i] = delta - h * k[STAGES - 1][i] - r3;
      let sum = 0;
      for (let j = 0; j < STAGES; j++) sum += d[j] * k[j][i];
      this.dense5[i] = h * sum;
    }
    // FSAL: the last stage derivative is f at the new state and becomes the next step's first stage.
    const first = k[0];
    k[0] = k[STAGES - 1];
    k[STAGES - 1] = first;
    if (stateWasClamped) this.evaluateRhsAtAcceptedState(this.t, y1, k[0]);
  }

  protected denseOutput(theta: number, _h: number, out: Float64Array): void {
    const y0 = this.previousState;
    const y1 = this.state;
    const rest = 1 - theta;
    for (let i = 0; i < this.n; i++) {
      const delta = y1[i] - y0[i];
      out[i] = y0[i] + theta * (delta + rest * (this.dense3[i] + theta * (this.dense4[i] + rest * this.dense5[i])));
    }
  }
}
