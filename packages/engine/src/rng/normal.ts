import { log } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';
import type { UniformSource } from './types.js';

/**
 * A normal variate with the given mean and standard deviation, by Marsaglia's polar method. The
 * second variate of each pair is discarded, so a draw depends only on the source's current state
 * (nothing is cached between calls, which keeps snapshots and replays exact).
 */
export function sampleNormal(source: UniformSource, mean = 0, sd = 1): number {
  if (!Number.isFinite(mean)) rejectArgument('mean', mean, 'a finite number');
  if (!(Number.isFinite(sd) && sd >= 0)) rejectArgument('sd', sd, 'a finite number ≥ 0');
  for (;;) {
    const x = 2 * source.uniform() - 1;
    const y = 2 * source.uniform() - 1;
    const radiusSquared = x * x + y * y;
    if (radiusSquared < 1 && radiusSquared > 0) {
      return mean + sd * x * Math.sqrt((-2 * log(radiusSquared)) / radiusSquared);
    }
  }
}
