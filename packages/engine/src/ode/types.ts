/** Right-hand side of dy/dt = f(t, y); writes f into `dydt` without allocating. */
export type OdeRhs = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Jacobian ∂f/∂y at (t, y), written row-major into `jac` (n × n): jac[i * n + j] = ∂f_i/∂y_j. */
export type OdeJacobian = (t: number, y: Float64Array, jac: Float64Array) => void;

/** Options shared by the ODE steppers. */
export interface OdeOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance, scalar or per component (default 1e-9). */
  atol?: number | Float64Array;
  /** Initial step size; chosen automatically when omitted. */
  initialStep?: number;
  /** Largest step size (default: unbounded). */
  maxStep?: number;
  /** Maximum number of steps per `advanceTo` call before an error is thrown (default 1e6). */
  maxSteps?: number;
  /** Components that must stay ≥ 0 (true: all). Steps that overshoot below −atol are rejected. */
  nonNegative?: boolean;
  /** Analytic Jacobian for implicit methods; finite differences are used when omitted. */
  jacobian?: OdeJacobian;
}

/** Counters describing the work an ODE stepper has done. */
export interface OdeStats {
  /** Accepted steps. */
  accepted: number;
  /** Rejected steps. */
  rejected: number;
  /** Right-hand side evaluations. */
  rhsEvaluations: number;
}

/**
 * Everything an adaptive stepper needs to continue exactly where it was: time, current and previous
 * state, step-size history and the method's own arrays. Plain data and typed arrays (structured-cloneable).
 */
export interface OdeStepperState {
  /** Which method wrote it (a state only restores into the same method and size). */
  readonly method: string;
  /** Current time and the start of the last accepted step. */
  readonly t: number;
  readonly tPrevious: number;
  /** Last accepted and next proposed step sizes. */
  readonly lastStep: number;
  readonly proposedStep: number;
  /** Whether the first step size has been chosen. */
  readonly started: boolean;
  /** Step-size controller memory. */
  readonly controller: { readonly previousError: number; readonly lastWasRejected: boolean };
  /** Current state and the state at the start of the last accepted step. */
  readonly y: Float64Array;
  readonly yPrevious: Float64Array;
  /** The method's persistent arrays (stage derivatives, dense-output coefficients, …) and flags. */
  readonly arrays: readonly Float64Array[];
  readonly flags: readonly boolean[];
  /** Work counters. */
  readonly stats: OdeStats;
}

/**
 * An adaptive one-step ODE integrator with dense output. The caller drives it with `advanceTo` and reads
 * intermediate values with `interpolate`; after a discontinuity (e.g. an intervention) it calls `reset`.
 */
export interface OdeStepper {
  /** Current time. */
  readonly t: number;
  /** Current state (owned by the stepper; copy it to keep it). */
  readonly y: Float64Array;
  /** Work counters. */
  readonly stats: OdeStats;
  /**
   * Takes one accepted step, never past `tEnd` (lands exactly on `tEnd` when it gets there).
   * Returns the new time.
   */
  step(tEnd: number): number;
  /**
   * Integrates to exactly `tEnd`, calling `onStep` after every accepted step (so the caller can
   * interpolate output times inside it).
   */
  advanceTo(tEnd: number, onStep?: (tPrev: number, tNow: number) => void): void;
  /**
   * Steps towards `tEnd` until the time reaches `t` (≤ `tEnd`), so that `interpolate(t)` works, with the same
   * `maxSteps` limit as `advanceTo`: sampling between breakpoints is bounded like integrating to one.
   */
  stepUntil(t: number, tEnd: number, onStep?: (tPrev: number, tNow: number) => void): void;
  /** Dense output: the solution at `t` in the last accepted step [tPrev, t], written into `out`. */
  interpolate(t: number, out: Float64Array): void;
  /** Restarts from (t, y), discarding step history (call after a discontinuity). */
  reset(t: number, y: Float64Array): void;
  /** A copy of the complete stepper state; `setState` of it continues bit-identically. */
  getState(): OdeStepperState;
  /** Restores a state taken with `getState` from a stepper of the same method and dimension. */
  setState(state: OdeStepperState): void;
}
