import type { RunResult } from './replicateRun.js';

/** Per-observable mean, median and quantile bands across replicates, at each sample time. */
export interface EnsembleSummary {
  /** The quantile levels of `bands`, ascending. */
  readonly quantiles: readonly number[];
  /** Observable id → statistics. */
  readonly observables: Readonly<
    Record<
      string,
      { readonly mean: Float64Array; readonly median: Float64Array; readonly bands: readonly Float64Array[] }
    >
  >;
}

/** The q-quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Summarises replicates that share sample times (any trajectories with `time` and `observables`: runs, forecasts). */
export function summarizeEnsemble(
  runs: readonly Pick<RunResult, 'time' | 'observables'>[],
  quantiles: readonly number[],
): EnsembleSummary {
  if (runs.length === 0) throw new Error('an ensemble summary needs at least one run');
  const nT = runs[0].time.length;
  const column = new Float64Array(runs.length);
  const observables: Record<string, { mean: Float64Array; median: Float64Array; bands: Float64Array[] }> = {};
  for (const id of Object.keys(runs[0].observables)) {
    const mean = new Float64Array(nT);
    const median = new Float64Array(nT);
    const bands = quantiles.map(() => new Float64Array(nT));
    for (let k = 0; k < nT; k++) {
      let sum = 0;
      for (let r = 0; r < runs.length; r++) {
        column[r] = runs[r].observables[id][k];
        sum += column[r];
      }
      mean[k] = sum / runs.length;
      column.sort();
      median[k] = quantileOfSorted(column, 0.5);
      quantiles.forEach((q, i) => (bands[i][k] = quantileOfSorted(column, q)));
    }
    observables[id] = { mean, median, bands };
  }
  return { quantiles: [...quantiles], observables };
}
