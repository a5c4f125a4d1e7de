import { rejectArgument } from '../rng/argumentChecks.js';

/** Checks that a time series has matching, non-empty columns; otherwise throws a RangeError naming the argument. */
export function requireSeries(time: ArrayLike<number>, values: ArrayLike<number>): void {
  if (time.length === 0) rejectArgument('time.length', time.length, 'at least 1 (a series needs a sample)');
  if (values.length !== time.length) {
    rejectArgument('values.length', values.length, `equal to time.length (${time.length})`);
  }
}
