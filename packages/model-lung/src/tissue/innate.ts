import { allocateIn, KernelMemory } from '@immunotwin/engine';

/** Innate cell type codes (values of {@link InnatePool.type}). */
export const INNATE = {
  /** Resident alveolar macrophage (state 1: inflammatory). */
  macrophage: 0,
  /** Recruited neutrophil. */
  neutrophil: 1,
  /** Natural killer cell. */
  nk: 2,
} as const;

/** Number of innate cell types. */
export const INNATE_TYPES = 3;

/** Resident macrophages of a section of `sites` sites of `siteArea` mm² at `density` per mm² (rounded). */
export function residentMacrophages(density: number, siteArea: number, sites: number): number {
  return Math.round(density * siteArea * sites);
}

/** Names of the innate type codes, in code order (for tissue views). */
export const INNATE_TYPE_NAMES: readonly string[] = ['macrophage', 'neutrophil', 'nk'];

/** A structured-cloneable copy of an {@link InnatePool}. */
export interface InnatePoolSnapshot {
  /** Type codes. */
  readonly type: Uint8Array;
  /** States. */
  readonly state: Uint8Array;
  /** Sites. */
  readonly site: Int32Array;
  /** Loads. */
  readonly load: Float32Array;
}

/**
 * The innate cells in the section as structure-of-arrays (type, state, site and ingested load of each cell), kept
 * dense: cells 0…count−1 are alive and removal moves the last cell into the gap, so the order (and so the order of
 * random draws) depends only on the history. Several cells may share a site. The arrays double when full.
 */
export class InnatePool {
  /** Live cells. */
  count = 0;
  /** Type code of each cell ({@link INNATE}). */
  type: Uint8Array;
  /** State of each cell (macrophages: 0 resting, 1 inflammatory). */
  state: Uint8Array;
  /** Site of each cell. */
  site: Int32Array;
  /** Virion-equivalents each macrophage has ingested. */
  load: Float32Array;
  /** Live cells of each type. */
  readonly byType = new Int32Array(INNATE_TYPES);

  /**
   * A pool with room for `capacity` cells before it grows, in `memory` ({@link bytes} of it free) when given
   * (where kernels reach it; when it outgrows that room, its arrays move out to ordinary memory).
   */
  constructor(capacity = 256, memory?: KernelMemory | null) {
    this.type = allocateIn(memory, Uint8Array, capacity);
    this.state = allocateIn(memory, Uint8Array, capacity);
    this.site = allocateIn(memory, Int32Array, capacity);
    this.load = allocateIn(memory, Float32Array, capacity);
  }

  /** Bytes a pool with room for `capacity` cells takes in a {@link KernelMemory}. */
  static bytes(capacity: number): number {
    return 2 * KernelMemory.bytes(capacity, 1) + 2 * KernelMemory.bytes(capacity, 4);
  }

  /** Adds a cell of `type` at `site` (resting, nothing ingested). */
  add(type: number, site: number): void {
    if (this.count === this.type.length) this.grow(2 * this.type.length);
    const k = this.count++;
    this.type[k] = type;
    this.state[k] = 0;
    this.site[k] = site;
    this.load[k] = 0;
    this.byType[type]++;
  }

  /** Removes cell `k` (the last cell takes its place; the caller revisits k). */
  remove(k: number): void {
    this.byType[this.type[k]]--;
    const last = --this.count;
    this.type[k] = this.type[last];
    this.state[k] = this.state[last];
    this.site[k] = this.site[last];
    this.load[k] = this.load[last];
  }

  /** Cells of `type` in `state`. */
  countIn(type: number, state: number): number {
    let n = 0;
    for (let k = 0; k < this.count; k++) if (this.type[k] === type && this.state[k] === state) n++;
    return n;
  }

  /** A structured-cloneable copy of the live cells. */
  snapshot(): InnatePoolSnapshot {
    const n = this.count;
    return {
      type: this.type.slice(0, n),
      state: this.state.slice(0, n),
      site: this.site.slice(0, n),
      load: this.load.slice(0, n),
    };
  }

  /** Restores a copy taken with {@link snapshot}. */
  restore(s: InnatePoolSnapshot): void {
    if (s.type.length > this.type.length) this.grow(s.type.length);
    this.count = s.type.length;
    this.type.set(s.type);
    this.state.set(s.state);
    this.site.set(s.site);
    this.load.set(s.load);
    this.byType.fill(0);
    for (let k = 0; k < this.count; k++) this.byType[this.type[k]]++;
  }

  private grow(capacity: number): void {
    const n = this.count;
    const type = new Uint8Array(capacity);
    const state = new Uint8Array(capacity);
    const site = new Int32Array(capacity);
    const load = new Float32Array(capacity);
    type.set(this.type.subarray(0, n));
    state.set(this.state.subarray(0, n));
    site.set(this.site.subarray(0, n));
    load.set(this.load.subarray(0, n));
    this.type = type;
    this.state = state;
    this.site = site;
    this.load = load;
  }
}
