/**
 * Systematic resampling (Kitagawa 1996): n ancestors from normalised weights with one uniform u in [0, 1):
 * the points (u + j)/n, j = 0 … n − 1, fall into the weights' cumulative intervals. Each ancestor i is taken
 * ⌊n·w_i⌋ or ⌈n·w_i⌉ times, the lowest variance of the usual schemes. Returns the ancestor of every slot, ascending.
 */
export function systematicResample(weights: ArrayLike<number>, u: number, out: Int32Array): Int32Array {
  const n = out.length;
  let cumulative = weights[0];
  let i = 0;
  for (let j = 0; j < n; j++) {
    const point = (u + j) / n;
    while (point >= cumulative && i < weights.length - 1) cumulative += weights[++i];
    out[j] = i;
  }
  return out;
}

/** The states of the resampled ensemble: slot j gets a copy of state `ancestors[j]` (n × d row-major). */
export function gatherStates(states: Float64Array, d: number, ancestors: Int32Array): Float64Array {
  const out = new Float64Array(ancestors.length * d);
  for (let j = 0; j < ancestors.length; j++) out.set(states.subarray(ancestors[j] * d, (ancestors[j] + 1) * d), j * d);
  return out;
}
