import type { EnsembleSummary } from '../run/ensembleSummary.js';
import type { RunResult } from '../run/replicateRun.js';
import type { EnsembleAggregateState } from './aggregateState.js';
import { requireSketchK, slotsPerSketch } from './compactorLevels.js';
import { MomentBank } from './momentBank.js';
import { SketchBank } from './sketchBank.js';

/** Options of an `EnsembleAggregate`. */
export interface EnsembleAggregateOptions {
  /** Quantile levels of the bands, each in [0, 1] (e.g. the scenario's `quantiles`). */
  readonly quantiles: readonly number[];
  /** KLL sketch parameter: capacity of the top compactor (default 200). Larger is more accurate and bigger. */
  readonly k?: number;
}

/** Moments of one observable at each sample time. */
export interface ObservableMoments {
  /** Mean over runs. */
  readonly mean: Float64Array;
  /** Sample variance M2/(n − 1) (0 for a single run). */
  readonly variance: Float64Array;
  /** Sample standard deviation, √variance. */
  readonly sd: Float64Array;
  /** Smallest value seen. */
  readonly min: Float64Array;
  /** Largest value seen. */
  readonly max: Float64Array;
}

/** An `EnsembleSummary` (mean from the moments, median and bands from the sketches) plus the moments. */
export interface AggregateSummary extends EnsembleSummary {
  /** Runs aggregated. */
  readonly runs: number;
  /** Sample times. */
  readonly time: Float64Array;
  /** Observable id → moments. */
  readonly moments: Readonly<Record<string, ObservableMoments>>;
  /** `rankErrorBound(1e-3)`: bound on the rank error of each band value, in runs (0 while exact). */
  readonly rankErrorBound: number;
}

/** What an aggregate holds once it has seen a run. */
interface AggregateState {
  readonly ids: readonly string[];
  readonly times: Float64Array;
  readonly moments: MomentBank;
  readonly sketches: SketchBank;
  readonly row: Float64Array;
}

/** Default KLL parameter k. */
export const DEFAULT_SKETCH_K = 200;

/**
 * Streaming ensemble statistics: takes runs one at a time (`add`), keeps none of them, and gives at any time,
 * for every sample time and observable, the count, mean, variance, sd, min, max (Welford) and quantile bands
 * from a KLL sketch (one per sample time × observable). Partial aggregates of shards combine with `merge`.
 *
 * Memory bound, independent of the number of runs (S samples, O observables, `slotsPerSketch(k)` ≤ 3k + 97):
 * `byteSize() = 8·S·O·(slotsPerSketch(k) + 6) + 8·S + 8·slotsPerSketch(k) + 704` bytes, fixed at the first run
 * (`EnsembleAggregate.memoryBound` computes it); a `merge` briefly needs up to twice the sketch values.
 *
 * Error: mean and variance are Welford's, accurate to rounding. Each band value's rank among the n runs is
 * within `rankErrorBound(δ)` of q·n with probability ≥ 1 − δ per query (Hoeffding over the KLL compactions'
 * coin flips, which here are a fixed hash so results are reproducible); until the first compaction (fewer than k
 * runs) the bands are exactly the type-7 quantiles of `summarizeEnsemble`.
 * For k = 200 the bound (δ = 1e-3) is about 1.7–1.9 % of n from 2000 to 30 000 runs, and the observed worst
 * rank error over uniform, normal and log-normal data is about 0.5 % of n (k = 64: bound ≈ 6 %, observed ≈ 1.8 %).
 *
 * Determinism: the same runs added in the same order give the same bits. `a.merge(b)` and `b.merge(a)` give
 * the same bits (every formula is symmetric). Merging is not associative, so splitting runs differently among
 * workers changes moments by rounding only (~1e-15 relative) and band values within the rank bound; to get the
 * same bits from a given split, merge the shards' aggregates in shard index order.
 */
export class EnsembleAggregate {
  /** Quantile levels of the bands. */
  readonly quantiles: readonly number[];
  /** KLL parameter k. */
  readonly k: number;
  private state: AggregateState | undefined;

  constructor(options: EnsembleAggregateOptions) {
    const { quantiles, k = DEFAULT_SKETCH_K } = options;
    if (!Array.isArray(quantiles) || quantiles.length === 0) {
      throw new RangeError(`EnsembleAggregate: quantiles is ${JSON.stringify(quantiles)}; allowed: a non-empty array`);
    }
    quantiles.forEach((q, i) => {
      if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
        throw new RangeError(`EnsembleAggregate: quantiles[${i}] is ${q}; allowed: a number from 0 to 1`);
      }
    });
    this.quantiles = [...quantiles];
    this.k = k;
    requireSketchK(k);
  }

  /** Bytes that an aggregate of `samples` × `observables` with parameter k holds, for any number of runs. */
  static memoryBound(samples: number, observables: number, k = DEFAULT_SKETCH_K): number {
    const slots = slotsPerSketch(k);
    return 8 * samples * observables * (slots + 6) + 8 * samples + 8 * slots + 4 * 48 + 2 * 4 * 64;
  }

  /** The aggregate as plain data with fresh typed arrays (see `transferablesOf`); needs one run. */
  toState(): EnsembleAggregateState {
    if (!this.state) throw new Error('EnsembleAggregate.toState: no runs have been added');
    const { ids, times, moments, sketches } = this.state;
    return {
      quantiles: [...this.quantiles],
      k: this.k,
      ids: [...ids],
      times: times.slice(),
      moments: moments.toState(),
      sketches: sketches.toState(),
    };
  }

  /** An aggregate from `toState`'s data (e.g. received from a worker); continues bit-identically. */
  static fromState(state: EnsembleAggregateState): EnsembleAggregate {
    const aggregate = new EnsembleAggregate({ quantiles: state.quantiles, k: state.k });
    const ours = aggregate.allocate(state.times, state.ids);
    ours.moments.restore(state.moments);
    ours.sketches.restore(state.sketches);
    return aggregate;
  }

  /** Runs aggregated so far. */
  get count(): number {
    return this.state?.moments.count ?? 0;
  }

  /** Observable ids, in the first run's order. */
  get observableIds(): readonly string[] {
    return this.state?.ids ?? [];
  }

  /** Bytes held in typed arrays (0 before the first run, then fixed). */
  byteSize(): number {
    const state = this.state;
    if (!state) return 0;
    return state.moments.byteSize + state.sketches.byteSize + state.times.byteLength + state.row.byteLength;
  }

  private allocate(time: Float64Array, ids: readonly string[]): AggregateState {
    const cells = time.length * ids.length;
    this.state = {
      ids: [...ids],
      times: Float64Array.from(time),
      moments: new MomentBank(cells),
      sketches: new SketchBank(cells, this.k),
      row: new Float64Array(cells),
    };
    return this.state;
  }

  /** Adds one run; its sample times and observables must match the first run's. The run is not kept. */
  add(run: RunResult): void {
    const state = this.state ?? this.allocate(run.time, Object.keys(run.observables));
    const { times, ids, row } = state;
    const nT = times.length;
    if (run.time.length !== nT || run.time.some((t, i) => t !== times[i])) {
      throw new RangeError(
        `EnsembleAggregate.add: run.time has ${run.time.length} samples from ${run.time[0]} to ${run.time[run.time.length - 1]}; ` +
          `allowed: the first run's ${nT} sample times from ${times[0]} to ${times[nT - 1]}`,
      );
    }
    const got = Object.keys(run.observables);
    if (got.length !== ids.length || ids.some((id) => !(id in run.observables))) {
      throw new RangeError(
        `EnsembleAggregate.add: run.observables is {${got.join(', ')}}; allowed: the first run's {${ids.join(', ')}}`,
      );
    }
    for (let j = 0; j < ids.length; j++) {
      const column = run.observables[ids[j]];
      if (column.length !== nT) {
        throw new RangeError(
          `EnsembleAggregate.add: run.observables.${ids[j]} has ${column.length} values; allowed: ${nT} (one per sample time)`,
        );
      }
      for (let i = 0, c = j * nT; i < nT; i++, c++) {
        const x = column[i];
        if (!Number.isFinite(x)) {
          throw new RangeError(
            `EnsembleAggregate.add: run.observables.${ids[j]}[${i}] is ${x}; allowed: a finite number`,
          );
        }
        row[c] = x;
      }
    }
    state.moments.add(row);
    state.sketches.add(row);
  }

  /**
   * Adds another aggregate's runs to this one (same quantiles, k, sample times and observables). Symmetric to
   * the bit; not associative (see the class comment). `other` is left unchanged.
   */
  merge(other: EnsembleAggregate): void {
    const theirs = other.state;
    if (!theirs) return;
    if (other.k !== this.k || other.quantiles.join() !== this.quantiles.join()) {
      throw new RangeError(
        `EnsembleAggregate.merge: other has k = ${other.k} and quantiles [${other.quantiles.join(', ')}]; ` +
          `allowed: k = ${this.k} and quantiles [${this.quantiles.join(', ')}]`,
      );
    }
    const ours = this.state ?? this.allocate(theirs.times, theirs.ids);
    if (
      theirs.times.length !== ours.times.length ||
      theirs.times.some((t, i) => t !== ours.times[i]) ||
      theirs.ids.join('\u0000') !== ours.ids.join('\u0000')
    ) {
      throw new RangeError(
        `EnsembleAggregate.merge: other has ${theirs.times.length} samples and observables {${theirs.ids.join(', ')}}; ` +
          `allowed: ${ours.times.length} samples at the same times and observables {${ours.ids.join(', ')}} in that order`,
      );
    }
    ours.moments.merge(theirs.moments);
    ours.sketches.merge(theirs.sketches);
  }

  /**
   * Bound on the rank error (in runs) of each band value, holding with probability ≥ 1 − `delta` per query;
   * 0 while the sketches are still exact.
   */
  rankErrorBound(delta = 1e-3): number {
    return this.state ? this.state.sketches.rankErrorBound(delta) : 0;
  }

  /** The statistics so far: an `EnsembleSummary` (plots use it as it is) plus the moments. Needs one run. */
  summary(): AggregateSummary {
    if (!this.state) throw new Error('EnsembleAggregate.summary: no runs have been added');
    const { times, moments, sketches, ids } = this.state;
    const nT = times.length;
    const n = moments.count;
    const levels = [...this.quantiles, 0.5];
    const observables: Record<string, EnsembleSummary['observables'][string]> = {};
    const momentsOut: Record<string, ObservableMoments> = {};
    ids.forEach((id, j) => {
      const out = levels.map(() => new Float64Array(nT));
      for (let i = 0; i < nT; i++) sketches.quantiles(j * nT + i, levels, n, out, i);
      const span = [j * nT, (j + 1) * nT] as const;
      const mean = Float64Array.from({ length: nT }, (_, i) => moments.meanOf(j * nT + i));
      const variance = moments.m2.slice(...span).map((m2) => (n > 1 ? m2 / (n - 1) : 0));
      observables[id] = { mean, median: out[levels.length - 1], bands: out.slice(0, -1) };
      momentsOut[id] = {
        mean,
        variance,
        sd: variance.map(Math.sqrt),
        min: moments.min.slice(...span),
        max: moments.max.slice(...span),
      };
    });
    return {
      quantiles: [...this.quantiles],
      observables,
      runs: n,
      time: times.slice(),
      moments: momentsOut,
      rankErrorBound: this.rankErrorBound(1e-3),
    };
  }

  /** Only the `EnsembleSummary` fields (quantiles, mean, median, bands): the results schema's shape. */
  ensembleSummary(): EnsembleSummary {
    const { quantiles, observables } = this.summary();
    return {
      quantiles,
      observables: Object.fromEntries(
        Object.entries(observables).map(([id, o]) => [id, { mean: o.mean, median: o.median, bands: o.bands }]),
      ),
    };
  }
}
