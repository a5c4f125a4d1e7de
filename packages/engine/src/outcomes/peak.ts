import { requireSeries } from './seriesChecks.js';

/**
 * Index of the largest value of a series (the first one on ties; NaN samples are skipped). −1 when every
 * sample is NaN.
 */
export function peakIndex(values: ArrayLike<number>): number {
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    if (!Number.isNaN(values[k]) && (best < 0 || values[k] > values[best])) best = k;
  }
  return best;
}

/** The peak: the largest sampled value (NaN when every sample is NaN). */
export function peakValue(time: ArrayLike<number>, values: ArrayLike<number>): number {
  requireSeries(time, values);
  const k = peakIndex(values);
  return k < 0 ? NaN : values[k];
}

/** Time to peak: the sample time of the largest value (the first such time on ties; NaN when every sample is NaN). */
export function timeToPeak(time: ArrayLike<number>, values: ArrayLike<number>): number {
  requireSeries(time, values);
  const k = peakIndex(values);
  return k < 0 ? NaN : time[k];
}
