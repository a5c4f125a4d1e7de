import { allocateIn, KernelMemory, mooreNeighbourAt, type Rng } from '@immunotwin/engine';
import { CELL } from './cells.js';
import { direction, steepestNeighbour } from './moves.js';

/**
 * Effector CD8 T cells in the section as structure-of-arrays, at most one per site (`occupied`). Removal swaps
 * the last cell into the gap, so the order (and so the order of random draws) depends only on the history.
 */
export class TCellPool {
  /** Site of each T cell. */
  readonly site: Int32Array;
  /** Minutes each T cell has left to live in the tissue. */
  readonly life: Float32Array;
  /** Minutes each T cell stays bound (0: unbound). */
  readonly bound: Float32Array;
  /** 1 where a T cell is. */
  readonly occupied: Uint8Array;
  /** Number of T cells. */
  count = 0;

  /** A pool for a section of `sites` sites, in `memory` ({@link bytes} of it free) when given. */
  constructor(sites: number, memory?: KernelMemory | null) {
    this.site = allocateIn(memory, Int32Array, sites);
    this.life = allocateIn(memory, Float32Array, sites);
    this.bound = allocateIn(memory, Float32Array, sites);
    this.occupied = allocateIn(memory, Uint8Array, sites);
  }

  /** Bytes a pool for `sites` sites takes in a {@link KernelMemory}. */
  static bytes(sites: number): number {
    return 3 * KernelMemory.bytes(sites, 4) + KernelMemory.bytes(sites, 1);
  }

  /** Adds a T cell at `site` with `life` minutes to live; false if a T cell is there already. */
  add(site: number, life: number): boolean {
    if (this.occupied[site]) return false;
    const k = this.count++;
    this.site[k] = site;
    this.life[k] = life;
    this.bound[k] = 0;
    this.occupied[site] = 1;
    return true;
  }

  /** Removes the k-th T cell (the last one takes its place). */
  remove(k: number): void {
    this.occupied[this.site[k]] = 0;
    const last = --this.count;
    this.site[k] = this.site[last];
    this.life[k] = this.life[last];
    this.bound[k] = this.bound[last];
  }

  /** Removes each T cell with probability `fraction` (a depletion), one draw per cell in pool order. */
  cull(fraction: number, rng: Rng): void {
    let k = 0;
    while (k < this.count) {
      if (rng.uniform() < fraction) this.remove(k);
      else k++;
    }
  }

  /** A structured-cloneable copy of the pool. */
  snapshot(): { site: Int32Array; life: Float32Array; bound: Float32Array } {
    const n = this.count;
    return { site: this.site.slice(0, n), life: this.life.slice(0, n), bound: this.bound.slice(0, n) };
  }

  /** Restores a copy taken with {@link snapshot}. */
  restore(s: { site: Int32Array; life: Float32Array; bound: Float32Array }): void {
    this.occupied.fill(0);
    this.count = s.site.length;
    this.site.set(s.site);
    this.life.set(s.life);
    this.bound.set(s.bound);
    for (let k = 0; k < this.count; k++) this.occupied[s.site[k]] = 1;
  }
}

/** What the T cells see and change. */
export interface TCellWorld {
  /** Epithelial cell states (expressing cells are bound and made apoptotic). */
  readonly cells: Uint8Array;
  /** Minutes left in each cell's period (set to the apoptosis period on binding). */
  readonly timers: Float32Array;
  /** Chemokine per site (for chemotaxis). */
  readonly chemokine: Float32Array;
  /** Sites per row of the (closed) section. */
  readonly width: number;
  /** Rows of the section. */
  readonly height: number;
}

/** T-cell behaviour (per minute). */
export interface TCellRules {
  /** Mean apoptosis period of a bound cell, minutes (Poisson). */
  readonly apoptosisPeriod: number;
  /** Minutes a T cell stays bound. */
  readonly bindingPeriod: number;
  /** Probability per minute that an unbound T cell moves. */
  readonly moveRate: number;
  /** Probability that a move follows the chemokine gradient. */
  readonly chemotaxis: number;
}

/**
 * Advances every T cell by `minutes` whole minutes. A T cell whose life runs out is removed. Each minute a bound T
 * cell counts its binding down; an unbound one looks at its site and its 8 neighbours, starting at a random one
 * of the 9 and going round in a fixed order, and binds the first expressing cell, which becomes apoptotic with a
 * Poisson apoptosis period; failing that it may move to a neighbour (with most chemokine, or at random) not held
 * by another T cell. Returns the number of cells bound (induced to apoptosis).
 */
export function stepTCells(pool: TCellPool, w: TCellWorld, rules: TCellRules, minutes: number, rng: Rng): number {
  const { cells, timers, chemokine, width, height } = w;
  let kills = 0;
  let k = 0;
  while (k < pool.count) {
    pool.life[k] -= minutes;
    if (pool.life[k] <= 0) {
      pool.remove(k);
      continue;
    }
    for (let m = 0; m < minutes; m++) {
      if (pool.bound[k] > 0) {
        pool.bound[k] -= 1;
        continue;
      }
      const site = pool.site[k];
      const y = (site / width) | 0;
      const x = site - y * width;
      const start = rng.integer(9);
      for (let j = 0; j < 9; j++) {
        const d = (start + j) % 9;
        const target = d === 8 ? site : mooreNeighbourAt(x, y, d, width, height);
        if (target >= 0 && cells[target] === CELL.expressing) {
          cells[target] = CELL.apoptotic;
          timers[target] = rng.poisson(rules.apoptosisPeriod);
          pool.bound[k] = rules.bindingPeriod;
          kills++;
          break;
        }
      }
      if (pool.bound[k] > 0) continue;
      if (rules.moveRate < 1 && rng.uniform() >= rules.moveRate) continue;
      const to =
        rules.chemotaxis > 0 && rng.uniform() < rules.chemotaxis
          ? steepestNeighbour(site, width, height, chemokine, direction(rng))
          : mooreNeighbourAt(x, y, direction(rng), width, height);
      if (to >= 0 && !pool.occupied[to]) {
        pool.occupied[site] = 0;
        pool.occupied[to] = 1;
        pool.site[k] = to;
      }
    }
    k++;
  }
  return kills;
}
