import { log, pow } from '../math/portableMath.js';
import { quantileOfSorted } from '../run/ensembleSummary.js';
import { compactionCoin, CompactorLevels, requireSketchK, slotsPerSketch } from './compactorLevels.js';
import type { EnsembleAggregateState } from './aggregateState.js';
import { sortRange } from './sortRange.js';

/**
 * Compacts level `level` of every sketch in `values` (stride `stride`), then records it in `levels`. Levels
 * above 0 are kept sorted: level 0 is sorted here, the kept half (already sorted) is merged into the level
 * above from the back, so no level above 0 is ever sorted again. `spare` holds at least k values.
 */
function compact(
  values: Float64Array,
  stride: number,
  cells: number,
  levels: CompactorLevels,
  level: number,
  spare: Float64Array,
): void {
  const start = levels.offset(level);
  const size = levels.sizes[level];
  const end = start + size;
  const used = levels.used;
  const above = levels.sizes[level + 1];
  const held = size & 1;
  const kept = (size - held) >> 1;
  const coin = compactionCoin(levels.compactions, level);
  for (let c = 0, base = 0; c < cells; c++, base += stride) {
    if (level === 0) sortRange(values, base + start, base + end);
    // The smallest item stays at this level when the count is odd; of the rest, every other one moves up.
    const smallest = values[base + start];
    const from = base + start + held + coin;
    for (let i = 0; i < kept; i++) spare[i] = values[from + 2 * i];
    // Merge the kept items into the (sorted) level above, which ends at `start`, writing from the back.
    let i = base + start - 1;
    let j = kept - 1;
    const floor = base + start - above;
    for (let w = base + start + kept - 1; j >= 0; w--) {
      if (i >= floor && values[i] > spare[j]) values[w] = values[i--];
      else values[w] = spare[j--];
    }
    if (held) values[base + start + kept] = smallest;
    values.copyWithin(base + start + kept + held, base + end, base + used);
  }
  levels.recordCompaction(level, kept, held);
}

/** Compacts until every level is under its capacity. */
function settle(
  values: Float64Array,
  stride: number,
  cells: number,
  levels: CompactorLevels,
  spare: Float64Array,
): void {
  for (let h = levels.overfull(); h >= 0; h = levels.overfull()) compact(values, stride, cells, levels, h, spare);
}

/**
 * A bank of KLL quantile sketches (Karnin, Lang & Liberty 2016), one per cell (a sample time × observable),
 * in one Float64Array of `cells × slots` values. Every sketch receives one item per run, so they share one
 * level structure (`CompactorLevels`: capacities k·(2/3)^depth, at least 2; the lazy compaction schedule);
 * coins are a deterministic hash of the compaction's serial number and level, shared by all cells. Memory is
 * fixed at construction: `cells × slotsPerSketch(k) × 8` bytes (slotsPerSketch(k) ≤ 3k + 97; 663 for k = 200),
 * whatever the number of items.
 *
 * Rank error: a compaction of items of weight w changes the estimated rank of any fixed value by 0 or ±w with
 * equal chance (zero mean), independently per compaction, so by Hoeffding's inequality the estimated rank of a
 * fixed value is within sqrt(2·ln(2/δ)·Σw²) of the true rank with probability ≥ 1 − δ (Σw² over compactions is
 * tracked). A quantile answer adds at most the largest item weight. See `rankErrorBound`. The probability is
 * over the coins; here they come from a fixed hash, so the guarantee is the usual one for hashed coins
 * (independent of the data, which never feeds the hash), and the result is reproducible.
 */
export class SketchBank {
  /** Parameter k: capacity of the top level. */
  readonly k: number;
  /** Slots per sketch. */
  readonly slots: number;
  private levels: CompactorLevels;
  private readonly values: Float64Array;
  private readonly scratch: Float64Array;
  private readonly heads = new Int32Array(64);
  private readonly ends = new Int32Array(64);

  constructor(
    readonly cells: number,
    k: number,
  ) {
    requireSketchK(k);
    this.k = k;
    this.levels = new CompactorLevels(k);
    this.slots = slotsPerSketch(k);
    this.values = new Float64Array(cells * this.slots);
    this.scratch = new Float64Array(this.slots);
  }

  /** Bytes held in typed arrays (fixed at construction). */
  get byteSize(): number {
    return (
      this.values.byteLength +
      this.scratch.byteLength +
      this.levels.sizes.byteLength +
      this.heads.byteLength +
      this.ends.byteLength
    );
  }

  /** Number of sketch compactions so far. */
  get compactions(): number {
    return this.levels.compactions;
  }

  /** Copies of the level structure and the values. */
  toState(): EnsembleAggregateState['sketches'] {
    const { sizes, height, compactions, squaredWeights } = this.levels;
    return { sizes: sizes.slice(), height, compactions, squaredWeights, values: this.values.slice() };
  }

  /** Restores a state taken with `toState` from a bank of the same cells and k (checked by the caller's sizes). */
  restore(state: EnsembleAggregateState['sketches']): void {
    if (state.values.length !== this.values.length || state.sizes.length !== this.levels.sizes.length) {
      throw new RangeError(
        `restore: state.sketches.values has ${state.values.length} values; allowed: ${this.values.length} (${this.cells} cells × ${this.slots} slots)`,
      );
    }
    const levels = new CompactorLevels(this.k);
    levels.sizes.set(state.sizes);
    levels.height = state.height;
    levels.compactions = state.compactions;
    levels.squaredWeights = state.squaredWeights;
    this.levels = levels;
    this.values.set(state.values);
  }

  /** Adds one item to each sketch: `row[cell]`. */
  add(row: Float64Array): void {
    const at = this.levels.used;
    for (let c = 0, i = at; c < this.cells; c++, i += this.slots) this.values[i] = row[c];
    this.levels.sizes[0]++;
    settle(this.values, this.slots, this.cells, this.levels, this.scratch);
  }

  /**
   * Merges another bank of the same shape into this one: level by level (this bank's items first), then
   * compacts. The merged multiset at each level does not depend on which bank is `this`, and compaction
   * sorts first, so `a.merge(b)` and `b.merge(a)` answer queries with the same bits.
   */
  merge(other: SketchBank): void {
    if (other.cells !== this.cells || other.k !== this.k) {
      throw new RangeError(
        `merge: the other sketch bank has ${other.cells} cells and k = ${other.k}; allowed: ${this.cells} cells and k = ${this.k}`,
      );
    }
    const a = this.levels;
    const b = other.levels;
    const merged = new CompactorLevels(this.k);
    merged.height = Math.max(a.height, b.height);
    for (let h = 0; h < merged.height; h++) merged.sizes[h] = a.sizes[h] + b.sizes[h];
    merged.compactions = a.compactions + b.compactions;
    merged.squaredWeights = a.squaredWeights + b.squaredWeights;
    const stride = a.used + b.used;
    const work = new Float64Array(this.cells * stride);
    for (let c = 0; c < this.cells; c++) {
      let at = c * stride;
      for (let h = merged.height - 1; h >= 0; h--) {
        const sa = a.offset(h);
        work.set(this.values.subarray(c * this.slots + sa, c * this.slots + sa + a.sizes[h]), at);
        at += a.sizes[h];
        const sb = b.offset(h);
        work.set(other.values.subarray(c * other.slots + sb, c * other.slots + sb + b.sizes[h]), at);
        at += b.sizes[h];
      }
    }
    // Concatenated levels above 0 are sorted again (compaction expects them sorted).
    for (let h = 1; h < merged.height; h++) {
      const start = merged.offset(h);
      for (let c = 0; c < this.cells; c++) sortRange(work, c * stride + start, c * stride + start + merged.sizes[h]);
    }
    settle(work, stride, this.cells, merged, this.scratch);
    const used = merged.used;
    for (let c = 0; c < this.cells; c++) this.values.set(work.subarray(c * stride, c * stride + used), c * this.slots);
    this.levels = merged;
  }

  /**
   * Upper bound on the rank error of a quantile answer, in items, holding with probability ≥ 1 − `delta` for
   * each query: sqrt(2·ln(2/δ)·Σw²) + (largest item weight), and exactly 0 before the first compaction.
   */
  rankErrorBound(delta: number): number {
    if (!(delta > 0 && delta < 1)) throw new RangeError(`rankErrorBound: delta is ${delta}; allowed: 0 < delta < 1`);
    if (this.levels.compactions === 0) return 0;
    return Math.sqrt(2 * log(2 / delta) * this.levels.squaredWeights) + pow(2, this.levels.height - 1);
  }

  /**
   * Writes the q-quantile of cell `cell` for each q of `qs` into `out[i][at]`. `total` is the number of items.
   * Before any compaction the sketch holds every item and the answer is the exact type-7 quantile (as
   * `summarizeEnsemble`); afterwards it is the first item whose cumulative weight reaches q·total.
   */
  quantiles(cell: number, qs: readonly number[], total: number, out: readonly Float64Array[], at: number): void {
    const { levels, scratch, heads, ends } = this;
    const used = levels.used;
    scratch.set(this.values.subarray(cell * this.slots, cell * this.slots + used));
    if (levels.compactions === 0) {
      sortRange(scratch, 0, used);
      const sorted = scratch.subarray(0, used);
      for (let i = 0; i < qs.length; i++) out[i][at] = quantileOfSorted(sorted, qs[i]);
      return;
    }
    for (let h = 0; h < levels.height; h++) {
      heads[h] = levels.offset(h);
      ends[h] = heads[h] + levels.sizes[h];
      sortRange(scratch, heads[h], ends[h]);
    }
    for (let i = 0; i < qs.length; i++) {
      const target = qs[i] * total;
      for (let h = 0; h < levels.height; h++) heads[h] = levels.offset(h);
      let answer = NaN;
      let cumulative = 0;
      for (;;) {
        let best = -1;
        for (let h = 0; h < levels.height; h++) {
          if (heads[h] < ends[h] && (best < 0 || scratch[heads[h]] < scratch[heads[best]])) best = h;
        }
        if (best < 0) break;
        answer = scratch[heads[best]++];
        cumulative += pow(2, best);
        if (cumulative >= target) break;
      }
      out[i][at] = answer;
    }
  }
}
