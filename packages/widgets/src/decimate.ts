/**
 * Thins a line to at most `maxPoints` points for drawing, keeping its shape: the samples are cut into
 * buckets of equal count, and each bucket keeps its lowest and its highest point, in time order (min–max
 * decimation). The first and the last point are always kept, and so is every extreme a bucket holds, so the
 * peak of a line — what a student reads off it — is never lost. Lines with at most `maxPoints` points come
 * back unchanged (as copies).
 */
export function decimateMinMax(
  time: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints: number,
): { time: number[]; values: number[] } {
  const n = Math.min(time.length, values.length);
  if (n <= maxPoints || maxPoints < 4)
    return { time: Array.from(time).slice(0, n), values: Array.from(values).slice(0, n) };
  const t: number[] = [time[0]];
  const v: number[] = [values[0]];
  // Two points per bucket between the kept first and last points.
  const buckets = Math.floor((maxPoints - 2) / 2);
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      // NaN (a gap) never wins a comparison, so a bucket of real values keeps real ones.
      if (values[i] < values[lo] || Number.isNaN(values[lo])) lo = i;
      if (values[i] > values[hi] || Number.isNaN(values[hi])) hi = i;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    t.push(time[first]);
    v.push(values[first]);
    if (second !== first) {
      t.push(time[second]);
      v.push(values[second]);
    }
  }
  t.push(time[n - 1]);
  v.push(values[n - 1]);
  return { time: t, values: v };
}
