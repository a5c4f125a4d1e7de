import type { Rng, SiteBox } from '@immunotwin/engine';
import type { InnatePool } from './innate.js';

/** How cytokine at a site turns into recruitment there (PhysiCell COVID-19's linear ramp). */
export interface RecruitmentSignal {
  /** Cytokine per site below which nothing is recruited. */
  readonly min: number;
  /** Cytokine per site at and above which recruitment is maximal. */
  readonly saturation: number;
}

/** The share of the maximal recruitment at a site with `cytokine`: 0 below min, 1 above saturation, linear between. */
export function recruitmentWeight(cytokine: number, s: RecruitmentSignal): number {
  if (cytokine <= s.min) return 0;
  if (cytokine >= s.saturation) return 1;
  return (cytokine - s.min) / (s.saturation - s.min);
}

/**
 * Recruits cells from the blood over one step: each site draws in cells of each type at the type's maximal rate
 * (cells per site per step) times its {@link recruitmentWeight}. For each type in `types` order the section
 * receives Poisson(rate × Σ weights) cells, each placed at a site drawn with probability proportional to its
 * weight: the first site, in site order, whose cumulative weight exceeds uniform × Σ weights (the inverse of the
 * cumulative weights). With a `region` only the sites in its box are read: it must hold every site where the
 * cytokine is above `signal.min` (the others weigh 0; the same draws and sites result). Returns the cells added.
 *
 * A step recruits a few cells (some ten in a 3000² section's day 24), so the cumulative weights are not stored
 * per site: one pass sums the weights, keeping the running sum at the end of each row; the draws are taken (in the
 * order above); then each cell's row is found among the row ends and only that row is summed again, from the sum
 * before it and in the same order, so the same doubles and the same sites result as from a per-site table.
 */
export function recruit(
  cytokine: Float32Array,
  signal: RecruitmentSignal,
  types: readonly number[],
  ratesPerStep: readonly number[],
  pool: InnatePool,
  rng: Rng,
  region?: { readonly box: Readonly<SiteBox>; readonly width: number },
): number {
  if (!ratesPerStep.some((rate) => rate > 0)) return 0;
  // The whole section as one row unless a region is given.
  const rows: SiteRows = region
    ? [region.width, region.box[0], region.box[1], region.box[2], region.box[3]]
    : [cytokine.length, 0, 0, cytokine.length - 1, 0];
  const rowEnds = rowEndWeights(cytokine, signal, rows);
  const total = rowEnds.length > 0 ? rowEnds[rowEnds.length - 1] : 0;
  if (!(total > 0)) return 0;
  let added = 0;
  for (let t = 0; t < types.length; t++) {
    const rate = ratesPerStep[t];
    if (!(rate > 0)) continue;
    for (let n = rng.poisson(rate * total); n > 0; n--) {
      pool.add(types[t], siteAbove(cytokine, signal, rows, rowEnds, rng.uniform() * total));
      added++;
    }
  }
  return added;
}

/** The rows of a box `[x0, y0, x1, y1]` of a lattice `width` wide, as [width, x0, y0, x1, y1]. */
type SiteRows = readonly [number, number, number, number, number];

/** The running sum of the recruitment weights, added in site order, at the end of each of the rows. */
function rowEndWeights(cytokine: Float32Array, signal: RecruitmentSignal, rows: SiteRows): Float64Array {
  const [width, x0, y0, x1, y1] = rows;
  const ends = new Float64Array(Math.max(0, y1 - y0 + 1));
  const min = signal.min;
  let total = 0;
  for (let row = y0; row <= y1; row++) {
    const end = row * width + x1;
    for (let i = row * width + x0; i <= end; i++) {
      if (cytokine[i] > min) total += recruitmentWeight(cytokine[i], signal);
    }
    ends[row - y0] = total;
  }
  return ends;
}

/**
 * The first site, in site order, whose running sum of weights exceeds `x`: in the first row whose end sum exceeds
 * it, summed again from the end sum of the row before. There is always one: x = u × total with u ≤ 1 − 2^−53, and
 * that product rounds to below the total (it is at most total − total·2^−53, more than half an ulp below it unless
 * the total is a power of two, where it is a double).
 */
function siteAbove(
  cytokine: Float32Array,
  signal: RecruitmentSignal,
  rows: SiteRows,
  rowEnds: Float64Array,
  x: number,
): number {
  const [width, x0, y0, x1] = rows;
  const r = firstAbove(rowEnds, x);
  const row = y0 + r;
  let sum = r > 0 ? rowEnds[r - 1] : 0;
  const end = row * width + x1;
  for (let i = row * width + x0; i <= end; i++) {
    if (!(cytokine[i] > signal.min)) continue;
    sum += recruitmentWeight(cytokine[i], signal);
    if (sum > x) return i;
  }
  throw new Error(`recruitment: no site's running weight exceeds ${x} (total ${rowEnds[rowEnds.length - 1]})`);
}

/** The first entry greater than `x` (binary search over non-decreasing values), or the last if none is. */
function firstAbove(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
