import { rejectArgument } from '../rng/argumentChecks.js';
import { peakIndex } from './peak.js';
import { requireSeries } from './seriesChecks.js';

/**
 * Clearance time: the first sample time at or after the peak from which the observable stays strictly
 * below `threshold` for every later sample. Convention: sample times only (no interpolation between
 * samples); NaN when the series never clears (the last sample is at or above the threshold, or every
 * sample is NaN). A series already below the threshold at its peak clears at the peak's time.
 */
export function clearanceTime(time: ArrayLike<number>, values: ArrayLike<number>, threshold: number): number {
  requireSeries(time, values);
  if (!Number.isFinite(threshold)) rejectArgument('threshold', threshold, 'a finite number');
  const peak = peakIndex(values);
  if (peak < 0) return NaN;
  let cleared = NaN;
  // Walk back from the end while samples are below the threshold; the last such sample walked is the answer.
  for (let k = values.length - 1; k >= peak; k--) {
    if (!(values[k] < threshold)) break;
    cleared = time[k];
  }
  return cleared;
}
