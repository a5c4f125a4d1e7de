/** A histogram's bins: `counts[i]` values lie in `[edges[i], edges[i + 1])` (the last bin includes its top edge). */
export interface IHistogramBins {
  /** Bin edges in data units, ascending: one more than the counts. */
  edges: number[];
  /** Values per bin. */
  counts: number[];
  /** Values counted (finite, and above 0 on a log scale). */
  counted: number;
  /** Runs without a value (null, or not finite). */
  missing: number;
  /** Values not drawn because a log scale cannot show them (≤ 0). */
  nonPositive: number;
}

/** Most and fewest bins (the Rice rule, 2·∛n, between these). */
const MIN_BINS = 5;
const MAX_BINS = 40;

/**
 * Bins the values evenly — in decades on a log scale, so an outcome spread over orders of magnitude gets as many
 * bins per decade — from the smallest to the largest value, with 2·∛n bins (Rice rule) between 5 and 40. When
 * every value is the same there is one bin around it (a decade wide on a log scale, ±5 % or ±0.5 otherwise).
 */
export function histogramBins(values: readonly (number | null)[], log: boolean): IHistogramBins {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const shown = log ? finite.filter((v) => v > 0) : finite;
  const result = {
    edges: [] as number[],
    counts: [] as number[],
    counted: shown.length,
    missing: values.length - finite.length,
    nonPositive: finite.length - shown.length,
  };
  if (shown.length === 0) return result;
  const to = (v: number): number => (log ? Math.log10(v) : v);
  const from = (t: number): number => (log ? 10 ** t : t);
  const t = shown.map(to);
  // A loop, not Math.min(...t): a cohort of many runs would overflow the call's arguments.
  let low = Infinity;
  let high = -Infinity;
  for (const v of t) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  let bins = Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(2 * Math.cbrt(shown.length))));
  if (low === high) {
    const half = log ? 0.5 : low === 0 ? 0.5 : Math.abs(low) * 0.05;
    low -= half;
    high += half;
    bins = 1;
  }
  const width = (high - low) / bins;
  result.counts = new Array<number>(bins).fill(0);
  for (const v of t) result.counts[Math.min(bins - 1, Math.floor((v - low) / width))]++;
  result.edges = Array.from({ length: bins + 1 }, (_, i) => from(i === bins ? high : low + i * width));
  return result;
}
