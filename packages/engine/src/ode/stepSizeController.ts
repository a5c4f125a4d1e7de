import { pow } from '../math/portableMath.js';
/** Tuning of a `PiStepSizeController`. */
export interface StepSizeControllerSettings {
  /** Exponent base k: the local error estimate behaves like C·h^k (k = embedded order + 1). */
  readonly errorOrder: number;
  /** Integral gain α: the new step scales with err^(−α). */
  readonly alpha: number;
  /** Proportional gain β: the new step scales with errPrevious^β. */
  readonly beta: number;
  /** Safety factor (< 1) applied to every proposal. */
  readonly safety: number;
  /** Smallest allowed ratio h_new / h. */
  readonly minFactor: number;
  /** Largest allowed ratio h_new / h. */
  readonly maxFactor: number;
}

/** Floor on the remembered error so that one very accurate step does not inflate the next proposal. */
const MIN_REMEMBERED_ERROR = 1e-4;

/**
 * PI step-size controller in the style of Hairer & Wanner (HNW I, Section II.4; HW II, Section IV.2):
 * after an accepted step h_new = h · clamp(safety · err^(−α) · errPrev^β), after a rejected step
 * h_new = h · clamp(safety · err^(−1/k)). The step never grows right after a rejection.
 */
export class PiStepSizeController {
  private previousError = MIN_REMEMBERED_ERROR;
  private lastWasRejected = false;

  constructor(private readonly settings: StepSizeControllerSettings) {}

  /** Step-size ratio to use after a step accepted with scaled error `error` (≤ 1). */
  acceptedFactor(error: number): number {
    const { alpha, beta, safety, minFactor, maxFactor } = this.settings;
    let factor = error === 0 ? maxFactor : safety * pow(error, -alpha) * pow(this.previousError, beta);
    factor = Math.min(maxFactor, Math.max(minFactor, factor));
    if (this.lastWasRejected) factor = Math.min(factor, 1);
    this.previousError = Math.max(error, MIN_REMEMBERED_ERROR);
    this.lastWasRejected = false;
    return factor;
  }

  /** Step-size ratio to retry with after a step rejected with scaled error `error` (> 1, possibly non-finite). */
  rejectedFactor(error: number): number {
    const { errorOrder, safety, minFactor } = this.settings;
    this.lastWasRejected = true;
    if (!Number.isFinite(error)) return minFactor;
    return Math.min(1, Math.max(minFactor, safety * pow(error, -1 / errorOrder)));
  }

  /** Records a rejection that had another cause than the error estimate (e.g. negativity). */
  noteRejection(): void {
    this.lastWasRejected = true;
  }

  /** The controller's memory, for snapshots. */
  getState(): { previousError: number; lastWasRejected: boolean } {
    return { previousError: this.previousError, lastWasRejected: this.lastWasRejected };
  }

  /** Restores memory taken with `getState`. */
  setState(state: { previousError: number; lastWasRejected: boolean }): void {
    this.previousError = state.previousError;
    this.lastWasRejected = state.lastWasRejected;
  }

  /** Forgets the step history (after a discontinuity). */
  reset(): void {
    this.previousError = MIN_REMEMBERED_ERROR;
    this.lastWasRejected = false;
  }
}
