import type { EnsembleAggregateState } from './aggregateState.js';

/**
 * Count, mean, sum of squared deviations, min and max for many cells at once, updated one row at a time by
 * Welford's method (1962) on shifted data (each cell's first value is subtracted, so a large common offset such
 * as 1e6 cells ± 3 costs no accuracy) and merged by the pairwise formulas of Chan, Golub & LeVeque (1979).
 * Memory is `5 × cells × 8` bytes.
 *
 * Merging re-bases both sides on the smaller shift K, then mean = (nA·mA + nB·mB)/n and
 * M2 = M2A + M2B + δ²·nA·nB/n with δ = mB − mA. Each is symmetric in A and B, so `a.merge(b)` and `b.merge(a)`
 * give the same bits; merging is not associative in floating point, so different splits of the same runs agree
 * only to rounding.
 */
export class MomentBank {
  /** Rows added (the same for every cell). */
  count = 0;
  /** Per-cell shift K (the first value seen); `mean` is of x − K. */
  readonly shift: Float64Array;
  /** Running means of the shifted values. */
  readonly mean: Float64Array;
  /** Running sums of squared deviations from the mean (M2). */
  readonly m2: Float64Array;
  /** Running minima. */
  readonly min: Float64Array;
  /** Running maxima. */
  readonly max: Float64Array;

  constructor(readonly cells: number) {
    this.shift = new Float64Array(cells);
    this.mean = new Float64Array(cells);
    this.m2 = new Float64Array(cells);
    this.min = new Float64Array(cells).fill(Infinity);
    this.max = new Float64Array(cells).fill(-Infinity);
  }

  /** Bytes held in typed arrays. */
  get byteSize(): number {
    return (
      this.shift.byteLength + this.mean.byteLength + this.m2.byteLength + this.min.byteLength + this.max.byteLength
    );
  }

  /** Copies of the state. */
  toState(): EnsembleAggregateState['moments'] {
    const { count, shift, mean, m2, min, max } = this;
    return { count, shift: shift.slice(), mean: mean.slice(), m2: m2.slice(), min: min.slice(), max: max.slice() };
  }

  /** Restores a state taken with `toState` from a bank of the same size. */
  restore(state: EnsembleAggregateState['moments']): void {
    for (const name of ['shift', 'mean', 'm2', 'min', 'max'] as const) {
      if (state[name].length !== this.cells) {
        throw new RangeError(`restore: state.moments.${name} has ${state[name].length} values; allowed: ${this.cells}`);
      }
      this[name].set(state[name]);
    }
    this.count = state.count;
  }

  /** Adds one value per cell. */
  add(row: Float64Array): void {
    const n = ++this.count;
    const { shift, mean, m2, min, max } = this;
    if (n === 1) shift.set(row.subarray(0, this.cells));
    for (let c = 0; c < this.cells; c++) {
      const x = row[c];
      const y = x - shift[c];
      const delta = y - mean[c];
      mean[c] += delta / n;
      m2[c] += delta * (y - mean[c]);
      if (x < min[c]) min[c] = x;
      if (x > max[c]) max[c] = x;
    }
  }

  /** The mean of cell c (shift + shifted mean). */
  meanOf(c: number): number {
    return this.shift[c] + this.mean[c];
  }

  /** Merges another bank of the same size into this one (Chan et al.). */
  merge(other: MomentBank): void {
    if (other.cells !== this.cells) {
      throw new RangeError(`merge: the other moment bank has ${other.cells} cells; allowed: ${this.cells}`);
    }
    const na = this.count;
    const nb = other.count;
    if (nb === 0) return;
    const n = na + nb;
    const weight = (na * nb) / n;
    for (let c = 0; c < this.cells; c++) {
      const shift = na === 0 ? other.shift[c] : Math.min(this.shift[c], other.shift[c]);
      const ma = this.shift[c] - shift + this.mean[c];
      const mb = other.shift[c] - shift + other.mean[c];
      const delta = mb - ma;
      this.shift[c] = shift;
      this.mean[c] = na === 0 ? other.mean[c] : (na * ma + nb * mb) / n;
      this.m2[c] = this.m2[c] + other.m2[c] + delta * delta * weight;
      this.min[c] = Math.min(this.min[c], other.min[c]);
      this.max[c] = Math.max(this.max[c], other.max[c]);
    }
    this.count = n;
  }
}
