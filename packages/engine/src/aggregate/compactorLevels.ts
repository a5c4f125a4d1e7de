import { pow } from '../math/portableMath.js';

/** Capacity shrink factor between a level and the one above it (Karnin–Lang–Liberty 2016 use c ∈ (0.5, 1)). */
export const CAPACITY_RATIO = 2 / 3;

/** Most levels a sketch may grow to: level h holds items of weight 2^h, so 48 levels cover far beyond 2^53 runs. */
export const MAX_LEVELS = 48;

/** Smallest and largest accepted sketch parameter k. */
export const MIN_K = 8;
export const MAX_K = 1 << 16;

/** Throws unless `k` is an allowed sketch parameter (an integer from MIN_K to MAX_K). */
export function requireSketchK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K || k > MAX_K) {
    throw new RangeError(`sketch parameter k is ${k}; allowed: an integer from ${MIN_K} to ${MAX_K}`);
  }
}

/**
 * A deterministic fair-looking coin for a compaction: one bit of a 32-bit integer mix (a murmur3-style
 * finaliser) of the compaction's serial number and level. The same compactions give the same coins.
 */
export function compactionCoin(serial: number, level: number): 0 | 1 {
  let h = (Math.imul(serial | 0, 0x9e3779b1) ^ Math.imul(level + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h & 1) as 0 | 1;
}

/** Capacity of level `level` in a sketch of `height` levels: max(2, ⌊k·c^(height−1−level)⌋). */
export function levelCapacity(k: number, height: number, level: number): number {
  return Math.max(2, Math.floor(k * pow(CAPACITY_RATIO, height - 1 - level)));
}

/**
 * Slots one sketch needs, for any number of items: the largest Σ_h capacity(h) over every height up to
 * `MAX_LEVELS`, plus one item in transit. It is at most 3k + 2·MAX_LEVELS + 1.
 */
export function slotsPerSketch(k: number): number {
  let most = 0;
  for (let height = 1; height <= MAX_LEVELS; height++) {
    let total = 0;
    for (let h = 0; h < height; h++) total += levelCapacity(k, height, h);
    most = Math.max(most, total);
  }
  return most + 1;
}

/**
 * The level structure of a KLL compactor hierarchy, shared by every sketch of a bank: all of them see one
 * item per run, and when to compact depends only on counts, never on values, so one structure serves all.
 * Level h holds items of weight 2^h and lies at `offset(h)`; levels are stored top first, level 0 last,
 * so a new item is an append and a compaction moves kept items onto the end of the level above.
 */
export class CompactorLevels {
  /** Items held at each level. */
  readonly sizes = new Int32Array(MAX_LEVELS);
  /** Levels in use (1 until the first compaction). */
  height = 1;
  /** Compactions done so far (their serial numbers feed the coins). */
  compactions = 0;
  /** Σ over compactions of (weight of the compacted items)²: the variance budget of the rank error. */
  squaredWeights = 0;

  constructor(readonly k: number) {}

  /** Items held in all levels. */
  get used(): number {
    let total = 0;
    for (let h = 0; h < this.height; h++) total += this.sizes[h];
    return total;
  }

  /** Start of level h in a sketch's slots. */
  offset(level: number): number {
    let start = 0;
    for (let h = this.height - 1; h > level; h--) start += this.sizes[h];
    return start;
  }

  /**
   * The level to compact next, or -1: nothing while all levels together hold fewer items than their total
   * capacity (the "lazy" schedule of Ivkin et al. 2019, which compacts rarely and in larger batches); then the
   * lowest level at or over its own capacity (one exists, by counting).
   */
  overfull(): number {
    let capacity = 0;
    for (let h = 0; h < this.height; h++) capacity += levelCapacity(this.k, this.height, h);
    if (this.used < capacity) return -1;
    for (let h = 0; h < this.height; h++) if (this.sizes[h] >= levelCapacity(this.k, this.height, h)) return h;
    return -1;
  }

  /** Records a compaction of `level` that kept `kept` items and held back `held` (0 or 1). */
  recordCompaction(level: number, kept: number, held: number): void {
    if (level + 1 >= MAX_LEVELS) throw new RangeError(`the quantile sketch is full (${MAX_LEVELS} levels)`);
    this.sizes[level + 1] += kept;
    this.sizes[level] = held;
    if (level + 1 === this.height) this.height++;
    this.compactions++;
    this.squaredWeights += pow(4, level);
  }

  /** A copy. */
  clone(): CompactorLevels {
    const copy = new CompactorLevels(this.k);
    copy.sizes.set(this.sizes);
    copy.height = this.height;
    copy.compactions = this.compactions;
    copy.squaredWeights = this.squaredWeights;
    return copy;
  }
}
