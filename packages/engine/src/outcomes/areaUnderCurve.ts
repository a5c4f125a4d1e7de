import { log10 } from '../math/portableMath.js';
import { rejectArgument } from '../rng/argumentChecks.js';
import { requireSeries } from './seriesChecks.js';

/** How to transform values before integrating them. */
export interface AreaOptions {
  /** Integrate log10(max(value, floor)) instead of the value (default false). */
  readonly log10?: boolean;
  /** Lower bound applied before log10, > 0 (default 1, so values below 1 count as 0 on the log scale). */
  readonly floor?: number;
}

/**
 * Area under the curve by the trapezoidal rule over the samples (no interpolation beyond them), of the
 * values or, with `log10`, of log10(max(value, floor)). A single sample has area 0.
 */
export function areaUnderCurve(time: ArrayLike<number>, values: ArrayLike<number>, options: AreaOptions = {}): number {
  requireSeries(time, values);
  const floor = options.floor ?? 1;
  if (!(Number.isFinite(floor) && floor > 0)) rejectArgument('floor', floor, 'a finite number > 0');
  const f = options.log10 ? (v: number) => log10(Math.max(v, floor)) : (v: number) => v;
  let area = 0;
  let previous = f(values[0]);
  for (let k = 1; k < time.length; k++) {
    const current = f(values[k]);
    area += 0.5 * (time[k] - time[k - 1]) * (previous + current);
    previous = current;
  }
  return area;
}
