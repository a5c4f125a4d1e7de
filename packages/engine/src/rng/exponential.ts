import { log1p } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';
import type { UniformSource } from './types.js';

/** An exponential variate with the given rate (mean 1/rate), by inversion: −log(1 − U)/rate. */
export function sampleExponential(source: UniformSource, rate: number): number {
  if (!(Number.isFinite(rate) && rate > 0)) rejectArgument('rate', rate, 'a finite number > 0');
  return -log1p(-source.uniform()) / rate;
}
