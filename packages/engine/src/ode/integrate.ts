import { DormandPrince54 } from './dormandPrince54.js';
import { validateState } from './odeOptions.js';
import { Rosenbrock } from './rosenbrock.js';
import type { OdeOptions, OdeRhs, OdeStats, OdeStepper } from './types.js';

/** Integration methods: explicit Dormand–Prince 5(4) for non-stiff, RODAS4 Rosenbrock for stiff systems. */
export type OdeMethod = 'dopri5' | 'rosenbrock';

/** Options of `solveOde`: stepper options plus the method and the times where the RHS may jump. */
export interface SolveOdeOptions extends OdeOptions {
  /** Integration method (default 'dopri5'). */
  method?: OdeMethod;
  /**
   * Sorted times where the right-hand side may be discontinuous (doses, interventions). The solver lands
   * exactly on each and restarts there, so no step straddles a stop.
   */
  stops?: readonly number[];
}

/** Output of `solveOde`. */
export interface OdeSolution {
  /** The requested output times. */
  t: Float64Array;
  /** One array per state component; y[i][j] is component i at time t[j]. */
  y: Float64Array[];
  /** Work done by the stepper. */
  stats: OdeStats;
}

const METHODS: readonly OdeMethod[] = ['dopri5', 'rosenbrock'];

/** Creates an adaptive stepper of the given method at (t0, y0). */
export function createStepper(
  method: OdeMethod,
  rhs: OdeRhs,
  t0: number,
  y0: Float64Array,
  options: OdeOptions = {},
): OdeStepper {
  switch (method) {
    case 'dopri5':
      return new DormandPrince54(rhs, t0, y0, options);
    case 'rosenbrock':
      return new Rosenbrock(rhs, t0, y0, options);
    default:
      throw new RangeError(`Unknown ODE method '${String(method)}': allowed values are ${METHODS.join(', ')}.`);
  }
}

/** Checks that `times` are finite, non-decreasing and (when `notBefore` is given) ≥ it. */
function validateSortedTimes(field: string, times: ArrayLike<number>, notBefore?: number): void {
  for (let i = 0; i < times.length; i++) {
    const value = times[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`Invalid ${field}[${i}] = ${String(value)}: every time must be a finite number.`);
    }
    if (i > 0 && value < times[i - 1]) {
      throw new RangeError(
        `Invalid ${field}: must be sorted in non-decreasing order, but ${field}[${i}] = ${value} < ` +
          `${field}[${i - 1}] = ${times[i - 1]}.`,
      );
    }
    if (notBefore !== undefined && value < notBefore) {
      throw new RangeError(`Invalid ${field}[${i}] = ${value}: output times must be ≥ t0 = ${notBefore}.`);
    }
  }
}

/**
 * Integrates dy/dt = f(t, y) from (t0, y0) and returns the solution at `outputTimes` (sorted, ≥ t0),
 * read from the dense output of the steps. At every time in `options.stops` the integration lands
 * exactly and restarts (`reset`), so discontinuities of the right-hand side there cost no accuracy.
 */
export function solveOde(
  rhs: OdeRhs,
  t0: number,
  y0: Float64Array,
  outputTimes: ArrayLike<number>,
  options: SolveOdeOptions = {},
): OdeSolution {
  validateState('t0', 'y0', t0, y0);
  validateSortedTimes('outputTimes', outputTimes, t0);
  const stops = options.stops ?? [];
  validateSortedTimes('stops', stops);
  const { method = 'dopri5', stops: _stops, ...stepperOptions } = options;
  const stepper = createStepper(method, rhs, t0, y0, stepperOptions);

  const count = outputTimes.length;
  const n = y0.length;
  const t = Float64Array.from(outputTimes);
  const y = Array.from({ length: n }, () => new Float64Array(count));
  const buffer = new Float64Array(n);
  let next = 0;
  const record = (value: Float64Array): void => {
    for (let i = 0; i < n; i++) y[i][next] = value[i];
    next++;
  };
  const emitUpTo = (tNow: number): void => {
    while (next < count && t[next] <= tNow) {
      if (t[next] === tNow) {
        record(stepper.y);
      } else {
        stepper.interpolate(t[next], buffer);
        record(buffer);
      }
    }
  };

  emitUpTo(t0);
  const tFinal = count > 0 ? t[count - 1] : t0;
  for (const stop of stops) {
    if (stop <= stepper.t || stop >= tFinal) continue;
    stepper.advanceTo(stop, (_tPrev, tNow) => emitUpTo(tNow));
    stepper.reset(stop, stepper.y);
  }
  stepper.advanceTo(tFinal, (_tPrev, tNow) => emitUpTo(tNow));
  emitUpTo(stepper.t);
  return { t, y, stats: { ...stepper.stats } };
}
