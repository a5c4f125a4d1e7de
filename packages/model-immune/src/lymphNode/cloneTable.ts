/**
 * The clones of one lymphocyte lineage (CD8, CD4 or B) in the lymph node, as counts: one row per distinct
 * receptor with its affinity and a count per state, in flat typed arrays (`counts[clone·states + state]`).
 * Clones are keyed by receptor, so a hypermutated B cell that lands on an existing receptor joins that clone.
 * Expanded clones stay cheap: a clone of 10^6 cells is one row.
 */
export class CloneTable {
  /** Number of clones. */
  size = 0;
  /** Receptor bit string of each clone. */
  receptor: Int32Array;
  /** Affinity in [0, 1] of each clone for its epitope. */
  affinity: Float64Array;
  /** Cells per clone and state. */
  counts: Float64Array;
  /** Naive precursors each clone started with. */
  precursors: Float64Array;
  private readonly index = new Map<number, number>();

  constructor(
    /** Number of states per clone. */
    readonly states: number,
    capacity = 64,
  ) {
    this.receptor = new Int32Array(capacity);
    this.affinity = new Float64Array(capacity);
    this.counts = new Float64Array(capacity * states);
    this.precursors = new Float64Array(capacity);
  }

  /** Index of the clone with `receptor`, adding it (with no cells) if new. */
  cloneOf(receptor: number, affinity: number): number {
    const found = this.index.get(receptor);
    if (found !== undefined) return found;
    if (this.size === this.receptor.length) this.grow();
    const c = this.size++;
    this.receptor[c] = receptor;
    this.affinity[c] = affinity;
    this.index.set(receptor, c);
    return c;
  }

  /** Total cells in `state` over all clones. */
  total(state: number): number {
    let sum = 0;
    for (let c = 0; c < this.size; c++) sum += this.counts[c * this.states + state];
    return sum;
  }

  /** Σ count·affinity over clones in `state`. */
  affinityWeighted(state: number): number {
    let sum = 0;
    for (let c = 0; c < this.size; c++) sum += this.counts[c * this.states + state] * this.affinity[c];
    return sum;
  }

  /** Cells of clone `c` in states other than 0 (the naive state). */
  experienced(c: number): number {
    let sum = 0;
    for (let s = 1; s < this.states; s++) sum += this.counts[c * this.states + s];
    return sum;
  }

  /** Removes each cell with probability `fraction` (binomially per clone and state), e.g. a depletion. */
  deplete(fraction: number, binomial: (n: number, p: number) => number): void {
    for (let k = 0; k < this.size * this.states; k++) {
      if (this.counts[k] > 0) this.counts[k] -= binomial(this.counts[k], fraction);
    }
  }

  /** A structured-cloneable copy. */
  snapshot(): Record<string, unknown> {
    return {
      receptor: this.receptor.slice(0, this.size),
      affinity: this.affinity.slice(0, this.size),
      counts: this.counts.slice(0, this.size * this.states),
      precursors: this.precursors.slice(0, this.size),
    };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: Record<string, unknown>): void {
    const receptor = s.receptor as Int32Array;
    while (this.receptor.length < receptor.length) this.grow();
    this.size = receptor.length;
    this.receptor.fill(0);
    this.counts.fill(0);
    this.receptor.set(receptor);
    this.affinity.set(s.affinity as Float64Array);
    this.counts.set(s.counts as Float64Array);
    this.precursors.set(s.precursors as Float64Array);
    this.index.clear();
    for (let c = 0; c < this.size; c++) this.index.set(this.receptor[c], c);
  }

  private grow(): void {
    const n = this.receptor.length * 2;
    const receptor = new Int32Array(n);
    receptor.set(this.receptor);
    const affinity = new Float64Array(n);
    affinity.set(this.affinity);
    const counts = new Float64Array(n * this.states);
    counts.set(this.counts);
    const precursors = new Float64Array(n);
    precursors.set(this.precursors);
    this.receptor = receptor;
    this.affinity = affinity;
    this.counts = counts;
    this.precursors = precursors;
  }
}
