/**
 * Root-mean-square norm of an error estimate, each component scaled by
 * sc_i = atol_i + rtol · max(|y0_i|, |y1_i|). A value ≤ 1 means the step meets the tolerances.
 * Non-finite inputs yield a non-finite result.
 */
export function scaledRmsNorm(
  error: Float64Array,
  y0: Float64Array,
  y1: Float64Array,
  rtol: number,
  atol: Float64Array,
): number {
  const n = error.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol[i] + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
    const ratio = error[i] / scale;
    sum += ratio * ratio;
  }
  return Math.sqrt(sum / n);
}
