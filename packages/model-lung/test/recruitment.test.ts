import { describe, expect, it } from 'vitest';
import { createRng, type Rng, type SiteBox } from '@immunotwin/engine';
import { InnatePool } from '../src/tissue/innate.js';
import { recruit, recruitmentWeight, type RecruitmentSignal } from '../src/tissue/recruitment.js';

// Recruitment places each new neutrophil or NK cell at a site drawn in proportion to its weight. The twin's bits
// (and so every saved figure and validation seed) depend on which site each draw picks, so the placement must be
// exactly the inverse of the cumulative weights summed in site order, whatever way it is computed.

const signal: RecruitmentSignal = { min: 0.05, saturation: 0.5 };

/**
 * The reference: the straightforward inverse over a per-site table (every site of the box with a positive weight
 * and the running sum up to it; the first entry whose sum exceeds uniform × total, else the last entry).
 */
function referenceRecruit(
  cytokine: Float32Array,
  types: number[],
  rates: number[],
  pool: InnatePool,
  rng: Rng,
  box: SiteBox,
  width: number,
): number {
  const sites: number[] = [];
  const sums: number[] = [];
  let total = 0;
  for (let y = box[1]; y <= box[3]; y++) {
    for (let x = box[0]; x <= box[2]; x++) {
      const i = y * width + x;
      if (!(cytokine[i] > signal.min)) continue;
      total += recruitmentWeight(cytokine[i], signal);
      sites.push(i);
      sums.push(total);
    }
  }
  if (total <= 0) return 0;
  let added = 0;
  types.forEach((type, t) => {
    for (let n = rng.poisson(rates[t] * total); n > 0; n--) {
      const u = rng.uniform() * total;
      const k = sums.findIndex((sum) => sum > u);
      pool.add(type, sites[k < 0 ? sites.length - 1 : k]);
      added++;
    }
  });
  return added;
}

/** A `side`² field of cytokine: a few bumps (most sites below the ramp), and ragged rows with none above it. */
function field(side: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const c = new Float32Array(side * side);
  const bumps = Array.from({ length: 4 }, () => [rng.uniform() * side, rng.uniform() * side, 1 + rng.uniform() * 8]);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let v = 0;
      for (const [bx, by, r] of bumps) v += 0.8 * Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (r * r));
      c[y * side + x] = v;
    }
  }
  return c;
}

const sitesOf = (pool: InnatePool) => Array.from(pool.site.subarray(0, pool.count));
const typesOf = (pool: InnatePool) => Array.from(pool.type.subarray(0, pool.count));

describe('Lung Twin: recruitment from the blood', () => {
  it('places every cell where the inverse over a per-site table does, with the same draws (40 fields)', () => {
    const side = 48;
    let placed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const cytokine = field(side, seed);
      const box = Int32Array.of(seed % 5, seed % 3, side - 1 - (seed % 4), side - 1) as SiteBox;
      const mine = new InnatePool(8);
      const theirs = new InnatePool(8);
      const rngA = createRng(seed);
      const rngB = createRng(seed);
      const rates = [0.05, 0.02];
      const a = recruit(cytokine, signal, [1, 2], rates, mine, rngA, { box, width: side });
      const b = referenceRecruit(cytokine, [1, 2], rates, theirs, rngB, box, side);
      expect(a).toBe(b);
      expect(sitesOf(mine)).toEqual(sitesOf(theirs));
      expect(typesOf(mine)).toEqual(typesOf(theirs));
      expect(rngA.getState()).toEqual(rngB.getState());
      placed += a;
    }
    expect(placed).toBeGreaterThan(200); // the comparison covered many placements, not a few
  });

  it('reads only the region, and without one reads the whole section as one row, to the same sites', () => {
    const side = 40;
    const cytokine = field(side, 7);
    const whole = Int32Array.of(0, 0, side - 1, side - 1) as SiteBox;
    const a = new InnatePool(8);
    const b = new InnatePool(8);
    recruit(cytokine, signal, [1], [0.2], a, createRng(3), { box: whole, width: side });
    recruit(cytokine, signal, [1], [0.2], b, createRng(3));
    expect(a.count).toBeGreaterThan(10);
    expect(sitesOf(a)).toEqual(sitesOf(b));
  });

  it('places the highest possible draw at the last site with a weight, even in a row before empty ones', () => {
    // u = 1 − 2^−53, the largest uniform: u × total stays below the total, so the last weighing site takes it.
    const cytokine = new Float32Array(12); // 3 rows of 4
    cytokine[1] = 0.3; // row 0
    cytokine[6] = 0.17; // row 1, column 2 (row 2 weighs nothing)
    const top = { poisson: () => 3, uniform: () => 1 - 2 ** -53 } as unknown as Rng;
    const pool = new InnatePool(4);
    recruit(cytokine, signal, [1], [1], pool, top, { box: Int32Array.of(0, 0, 3, 2) as SiteBox, width: 4 });
    expect(sitesOf(pool)).toEqual([6, 6, 6]);
    const low = { poisson: () => 1, uniform: () => 0.5 } as unknown as Rng; // half of ~0.822: in site 1's ~0.556
    recruit(cytokine, signal, [2], [1], pool, low, { box: Int32Array.of(0, 0, 3, 2) as SiteBox, width: 4 });
    expect(sitesOf(pool)).toEqual([6, 6, 6, 1]);
  });

  it('recruits nothing where no site is above the ramp, and draws nothing then', () => {
    const cytokine = new Float32Array(100).fill(0.04); // below the ramp: weight 0
    const rng = createRng(9);
    const before = rng.getState();
    const pool = new InnatePool(4);
    expect(recruit(cytokine, signal, [1, 2], [1, 1], pool, rng)).toBe(0);
    expect(pool.count).toBe(0);
    expect(rng.getState()).toEqual(before);
  });
});
