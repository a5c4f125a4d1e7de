/**
 * An `EnsembleAggregate` as plain data (structured-cloneable; every typed array is a fresh copy that may be
 * transferred), so a worker can send its shard's aggregate to the one that merges.
 */
export interface EnsembleAggregateState {
  /** Quantile levels of the bands. */
  readonly quantiles: readonly number[];
  /** KLL parameter k. */
  readonly k: number;
  /** Observable ids, in order. */
  readonly ids: readonly string[];
  /** Sample times. */
  readonly times: Float64Array;
  /** Welford state per cell (cell = observable index × samples + sample index). */
  readonly moments: {
    readonly count: number;
    readonly shift: Float64Array;
    readonly mean: Float64Array;
    readonly m2: Float64Array;
    readonly min: Float64Array;
    readonly max: Float64Array;
  };
  /** KLL state: the shared level structure and every sketch's values (`cells × slotsPerSketch(k)`). */
  readonly sketches: {
    readonly sizes: Int32Array;
    readonly height: number;
    readonly compactions: number;
    readonly squaredWeights: number;
    readonly values: Float64Array;
  };
}

/** The typed arrays of a state, to pass as the transfer list of `postMessage`. */
export function transferablesOf(state: EnsembleAggregateState): ArrayBuffer[] {
  const { moments: m, sketches: s } = state;
  return [state.times, m.shift, m.mean, m.m2, m.min, m.max, s.sizes, s.values].map((a) => a.buffer as ArrayBuffer);
}
