import { log, pow } from '../math/portableMath.js';
import { rejectArgument } from './argumentChecks.js';
import { sampleNormal } from './normal.js';
import type { UniformSource } from './types.js';

/**
 * A gamma variate with the given shape k > 0 and scale θ > 0 (mean kθ, variance kθ²), by Marsaglia and Tsang's
 * squeeze method (ACM TOMS 26:363, 2000) for k ≥ 1 and, for k < 1, as Gamma(k + 1)·U^(1/k).
 */
export function sampleGamma(source: UniformSource, shape: number, scale = 1): number {
  if (!(Number.isFinite(shape) && shape > 0)) rejectArgument('shape', shape, 'a finite number > 0');
  if (!(Number.isFinite(scale) && scale > 0)) rejectArgument('scale', scale, 'a finite number > 0');
  if (shape < 1) {
    const boost = pow(1 - source.uniform(), 1 / shape);
    return sampleGamma(source, shape + 1, scale) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(source);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - source.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v * scale;
  }
}
