import { justBelow } from './floatingPoint.js';
import { selectInitialStep } from './initialStepSize.js';
import { maxStepsError, nonFiniteRhsError, stepSizeUnderflowError, type NonFiniteRecord } from './odeErrors.js';
import { resolveOdeOptions, validateState, type ResolvedOdeOptions } from './odeOptions.js';
import { PiStepSizeController, type StepSizeControllerSettings } from './stepSizeController.js';
import type { OdeOptions, OdeRhs, OdeStats, OdeStepper, OdeStepperState } from './types.js';

/** Method-specific constants a concrete stepper hands to `AdaptiveStepper`. */
export interface StepperDescription {
  /** Human-readable method name used in error messages. */
  readonly methodName: string;
  /** What to try when the method cannot make progress: one sentence without final period (ends error messages). */
  readonly stiffAdvice: string;
  /** Step-size controller tuning; `errorOrder` also drives the initial step selection. */
  readonly controller: StepSizeControllerSettings;
}

/** Why the last attempted step was rejected. */
type RejectionCause = 'error' | 'nonFinite' | 'negative';

/** Step shrink factor after a step that produced a component below −atol. */
const NEGATIVITY_SHRINK = 0.5;
/** Steps below this multiple of ulp(t) cannot advance t reliably. */
const UNDERFLOW_ULPS = 16;
/** Absolute floor of the step size (matters only near t = 0). */
const MIN_ABSOLUTE_STEP = 1e-300;

/**
 * Shared driver of the adaptive one-step methods: step acceptance, landing exactly on targets,
 * step-size control, non-negativity, `advanceTo`, `reset` and range-checked dense output. A concrete
 * method implements one trial step, the bookkeeping of an accepted step and its interpolant.
 * All work arrays are allocated up front; taking a step allocates nothing.
 */
export abstract class AdaptiveStepper implements OdeStepper {
  /** Work counters (cumulative, also across `reset`). */
  readonly stats: OdeStats = { accepted: 0, rejected: 0, rhsEvaluations: 0 };
  /** Number of components. */
  protected readonly n: number;
  protected readonly rhs: OdeRhs;
  protected readonly options: ResolvedOdeOptions;
  /** State at the end of the last accepted step (the current state). */
  protected state: Float64Array;
  /** State at the start of the last accepted step. */
  protected previousState: Float64Array;
  /** Trial solution written by `attemptStep`. */
  protected candidate: Float64Array;
  /** Where the right-hand side last returned a non-finite value. */
  protected readonly nonFinite: NonFiniteRecord = { index: -1, value: 0, t: 0 };

  private readonly description: StepperDescription;
  private readonly controller: PiStepSizeController;
  private tNow: number;
  private tPrevious: number;
  /** Size of the last accepted step (0 before the first step after construction/reset). */
  private lastStep = 0;
  /** Proposed size of the next step; NaN until chosen. */
  private proposedStep = Number.NaN;
  private started = false;

  protected constructor(
    description: StepperDescription,
    rhs: OdeRhs,
    t0: number,
    y0: Float64Array,
    options: OdeOptions,
  ) {
    if (typeof rhs !== 'function') throw new TypeError('ODE right-hand side must be a function (t, y, dydt) => void.');
    validateState('t0', 'y0', t0, y0);
    this.description = description;
    this.rhs = rhs;
    this.n = y0.length;
    this.options = resolveOdeOptions(options ?? {}, this.n);
    this.controller = new PiStepSizeController(description.controller);
    this.state = Float64Array.from(y0);
    this.previousState = Float64Array.from(y0);
    this.candidate = new Float64Array(this.n);
    this.tNow = t0;
    this.tPrevious = t0;
  }

  /** Current time. */
  get t(): number {
    return this.tNow;
  }

  /** Current state (owned by the stepper; the array is swapped on every step, so copy it to keep it). */
  get y(): Float64Array {
    return this.state;
  }

  /**
   * Computes a trial step of size `h` from (t, state) into `candidate` and returns its scaled error norm
   * (≤ 1 to accept). Returns a non-finite value when the step produced NaN/Infinity. The right-hand side
   * must be evaluated at times min(t + c_i h, `latestStageTime`): when a step lands on a target, which may
   * be a discontinuity of f (a stop), its last stages then see the left limit of f.
   */
  protected abstract attemptStep(t: number, h: number, latestStageTime: number): number;
  /**
   * Called after a step was accepted and `previousState`/`state` now hold its endpoints;
   * `stateWasClamped` tells whether non-negativity clamping changed `state`.
   */
  protected abstract commitStep(h: number, stateWasClamped: boolean): void;
  /** Writes the interpolant of the last step at fraction `theta` ∈ [0, 1] of a step of size `h`. */
  protected abstract denseOutput(theta: number, h: number, out: Float64Array): void;
  /** Returns f(t, state) for the current state (evaluating it if needed; throws when it is not finite). */
  protected abstract derivativeAtCurrentState(): Float64Array;
  /** Discards method state tied to the previous trajectory (called by `reset`). */
  protected abstract forgetHistory(): void;
  /** The method's arrays that carry over between steps (copied by `getState`, overwritten by `setState`). */
  protected abstract persistentArrays(): readonly Float64Array[];
  /** The method's flags that carry over between steps. */
  protected abstract persistentFlags(): boolean[];
  /** Restores the flags returned by `persistentFlags`. */
  protected abstract restoreFlags(flags: readonly boolean[]): void;
  /** Two scratch arrays of length n that `step` may overwrite before a trial step. */
  protected abstract scratchArrays(): readonly [Float64Array, Float64Array];

  /**
   * Evaluates the right-hand side, counting it; returns false (and records where) when the result
   * has a non-finite component.
   */
  protected evaluateRhs(t: number, y: Float64Array, dydt: Float64Array): boolean {
    this.stats.rhsEvaluations++;
    this.rhs(t, y, dydt);
    for (let i = 0; i < this.n; i++) {
      if (!Number.isFinite(dydt[i])) {
        this.nonFinite.index = i;
        this.nonFinite.value = dydt[i];
        this.nonFinite.t = t;
        return false;
      }
    }
    return true;
  }

  /** Evaluates the right-hand side at an accepted state, throwing if it is not finite. */
  protected evaluateRhsAtAcceptedState(t: number, y: Float64Array, dydt: Float64Array): void {
    if (!this.evaluateRhs(t, y, dydt)) throw nonFiniteRhsError(this.description.methodName, this.nonFinite);
  }

  /** Takes one accepted step towards `tEnd` (retrying rejected ones) and returns the new time. */
  step(tEnd: number): number {
    this.checkTarget('step', tEnd);
    if (tEnd === this.tNow) return this.tNow;
    if (!this.started) this.start(tEnd);
    const { maxStep, nonNegative } = this.options;
    for (;;) {
      const remaining = tEnd - this.tNow;
      const proposal = Math.min(this.proposedStep, maxStep);
      const landsOnTarget = proposal >= remaining;
      const h = landsOnTarget ? remaining : proposal;
      if (!landsOnTarget && h < this.minimumStep()) this.throwUnderflow(h, 'error');
      const latestStageTime = landsOnTarget ? Math.max(this.tNow, justBelow(tEnd)) : Number.POSITIVE_INFINITY;
      const error = this.attemptStep(this.tNow, h, latestStageTime);
      let cause: RejectionCause = 'error';
      if (error <= 1) {
        if (!nonNegative || !this.candidateDropsBelowZero()) {
          this.accept(landsOnTarget ? tEnd : this.tNow + h, h, error, landsOnTarget ? proposal : 0);
          return this.tNow;
        }
        cause = 'negative';
        this.controller.noteRejection();
        this.proposedStep = h * NEGATIVITY_SHRINK;
      } else {
        if (!Number.isFinite(error)) cause = 'nonFinite';
        this.proposedStep = h * this.controller.rejectedFactor(error);
      }
      this.stats.rejected++;
      if (this.proposedStep < this.minimumStep() && this.proposedStep < remaining) {
        this.throwUnderflow(this.proposedStep, cause);
      }
    }
  }

  /** Steps until exactly `tEnd`, calling `onStep(tPrev, tNow)` after each step; at most `maxSteps` steps. */
  advanceTo(tEnd: number, onStep?: (tPrev: number, tNow: number) => void): void {
    this.checkTarget('advanceTo', tEnd);
    this.stepUntil(tEnd, tEnd, onStep);
  }

  /** Steps towards `tEnd` until the time reaches `t` (≤ `tEnd`), so `interpolate(t)` works; at most `maxSteps` steps. */
  stepUntil(t: number, tEnd: number, onStep?: (tPrev: number, tNow: number) => void): void {
    const tStart = this.tNow;
    const { maxSteps } = this.options;
    let steps = 0;
    while (this.tNow < t) {
      if (steps >= maxSteps) {
        const { methodName, stiffAdvice } = this.description;
        throw maxStepsError(methodName, maxSteps, tStart, t, this.tNow, this.proposedStep, stiffAdvice);
      }
      const tPrev = this.tNow;
      this.step(tEnd);
      steps++;
      if (onStep !== undefined) onStep(tPrev, this.tNow);
    }
  }

  /** Writes the dense-output solution at `t` ∈ [tPrev, t] of the last accepted step into `out`. */
  interpolate(t: number, out: Float64Array): void {
    if (out.length !== this.n) {
      throw new RangeError(`interpolate: out has ${out.length} components, the system has ${this.n}.`);
    }
    if (t === this.tNow) {
      out.set(this.state);
      return;
    }
    const slack = 8 * Number.EPSILON * Math.max(Math.abs(this.tPrevious), Math.abs(this.tNow));
    if (this.lastStep === 0 || !(t >= this.tPrevious - slack && t <= this.tNow + slack)) {
      const range =
        this.lastStep === 0 ? `[${this.tNow}] (no step since start/reset)` : `[${this.tPrevious}, ${this.tNow}]`;
      throw new RangeError(
        `interpolate(t = ${t}): dense output is only valid inside the last accepted step ${range}; ` +
          `interpolate from an onStep callback of advanceTo.`,
      );
    }
    const theta = Math.min(1, Math.max(0, (t - this.tPrevious) / this.lastStep));
    this.denseOutput(theta, this.lastStep, out);
    if (this.options.nonNegative) {
      for (let i = 0; i < this.n; i++) if (out[i] < 0) out[i] = 0;
    }
  }

  /** Restarts at (t, y) (y is copied) with a fresh step-size history; work counters keep counting. */
  reset(t: number, y: Float64Array): void {
    validateState('reset time t', 'reset state y', t, y, this.n);
    this.tNow = t;
    this.tPrevious = t;
    this.state.set(y);
    this.previousState.set(y);
    this.lastStep = 0;
    this.proposedStep = Number.NaN;
    this.started = false;
    this.controller.reset();
    this.forgetHistory();
  }

  /** A copy of the complete state; `setState` of it continues exactly as this stepper would. */
  getState(): OdeStepperState {
    return {
      method: this.description.methodName,
      t: this.tNow,
      tPrevious: this.tPrevious,
      lastStep: this.lastStep,
      proposedStep: this.proposedStep,
      started: this.started,
      controller: this.controller.getState(),
      y: Float64Array.from(this.state),
      yPrevious: Float64Array.from(this.previousState),
      arrays: this.persistentArrays().map((a) => Float64Array.from(a)),
      flags: this.persistentFlags(),
      stats: { ...this.stats },
    };
  }

  /** Restores a state from `getState` of a stepper of the same method and dimension. */
  setState(state: OdeStepperState): void {
    const arrays = this.persistentArrays();
    if (
      state.method !== this.description.methodName ||
      state.y.length !== this.n ||
      state.arrays.length !== arrays.length ||
      state.arrays.some((a, i) => a.length !== arrays[i].length)
    ) {
      throw new RangeError(
        `setState: the state is from a ${state.method} stepper with ${state.y.length} components; this is a ` +
          `${this.description.methodName} stepper with ${this.n}.`,
      );
    }
    this.tNow = state.t;
    this.tPrevious = state.tPrevious;
    this.lastStep = state.lastStep;
    this.proposedStep = state.proposedStep;
    this.started = state.started;
    this.controller.setState(state.controller);
    this.state.set(state.y);
    this.previousState.set(state.yPrevious);
    arrays.forEach((a, i) => a.set(state.arrays[i]));
    this.restoreFlags(state.flags);
    Object.assign(this.stats, state.stats);
  }

  /** Smallest step that still advances t reliably in double precision. */
  private minimumStep(): number {
    return Math.max(UNDERFLOW_ULPS * Number.EPSILON * Math.abs(this.tNow), MIN_ABSOLUTE_STEP);
  }

  private throwUnderflow(h: number, cause: RejectionCause): never {
    const { methodName, stiffAdvice } = this.description;
    throw stepSizeUnderflowError(methodName, this.tNow, h, cause, this.nonFinite, stiffAdvice);
  }

  private checkTarget(caller: string, tEnd: number): void {
    if (!Number.isFinite(tEnd) || tEnd < this.tNow) {
      throw new RangeError(
        `${caller}(tEnd = ${tEnd}): tEnd must be a finite time ≥ the current time t = ${this.tNow} ` +
          `(integration runs forward only).`,
      );
    }
  }

  /** Chooses the first step size (user-given or Hairer's estimate). */
  private start(tEnd: number): void {
    const f0 = this.derivativeAtCurrentState();
    const hMax = Math.min(this.options.maxStep, tEnd - this.tNow);
    if (this.options.initialStep !== undefined) {
      this.proposedStep = this.options.initialStep;
    } else {
      const [scratchY, scratchF] = this.scratchArrays();
      this.stats.rhsEvaluations++;
      this.proposedStep = selectInitialStep({
        rhs: this.rhs,
        t0: this.tNow,
        y0: this.state,
        f0,
        errorOrder: this.description.controller.errorOrder,
        rtol: this.options.rtol,
        atol: this.options.atol,
        hMax,
        scratchY,
        scratchF,
      });
    }
    if (!(this.proposedStep > 0)) this.proposedStep = Math.min(hMax, 1e-6); // e.g. overflow in the estimate
    this.started = true;
  }

  private candidateDropsBelowZero(): boolean {
    const { atol } = this.options;
    for (let i = 0; i < this.n; i++) if (this.candidate[i] < -atol[i]) return true;
    return false;
  }

  /** Makes the candidate the current state and plans the next step. */
  private accept(tNew: number, h: number, error: number, unclampedProposal: number): void {
    const recycled = this.previousState;
    this.previousState = this.state;
    this.state = this.candidate;
    this.candidate = recycled;
    this.tPrevious = this.tNow;
    this.tNow = tNew;
    this.lastStep = h;
    let clamped = false;
    if (this.options.nonNegative) {
      for (let i = 0; i < this.n; i++) {
        if (this.state[i] < 0) {
          this.state[i] = 0;
          clamped = true;
        }
      }
    }
    this.stats.accepted++;
    this.commitStep(h, clamped);
    const factor = this.controller.acceptedFactor(error);
    // A step shortened to land on a target says nothing against the longer step planned before it.
    this.proposedStep = factor >= 1 ? Math.max(h * factor, unclampedProposal) : h * factor;
  }
}
