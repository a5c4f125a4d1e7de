import { requireSeries } from './seriesChecks.js';

/** The final value: the last sample of the series. */
export function finalValue(time: ArrayLike<number>, values: ArrayLike<number>): number {
  requireSeries(time, values);
  return values[values.length - 1];
}
