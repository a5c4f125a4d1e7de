import type { StudySeries } from '@immunotwin/engine';

/** A series' interval as plotly error bars take it: how far above and below each value its `high` and `low` are. */
export function errorArrays(
  series: StudySeries,
): { array: (number | null)[]; arrayminus: (number | null)[] } | undefined {
  const { low, high, values } = series;
  if (!low && !high) return undefined;
  const distance = (bound: (number | null)[] | undefined, i: number, sign: 1 | -1): number | null => {
    const b = bound?.[i];
    const v = values[i];
    return b === null || b === undefined || v === null ? null : Math.max(0, sign * (b - v));
  };
  return {
    array: values.map((_, i) => distance(high, i, 1)),
    arrayminus: values.map((_, i) => distance(low, i, -1)),
  };
}

/** Each point's interval `[low, high]` (null where not given), for hover text. */
export function intervalData(series: StudySeries): [number | null, number | null][] {
  return series.values.map((_, i) => [series.low?.[i] ?? null, series.high?.[i] ?? null]);
}

/** Whether a series has both ends of an interval. */
export function hasInterval(series: StudySeries): boolean {
  return series.low !== undefined && series.high !== undefined;
}
