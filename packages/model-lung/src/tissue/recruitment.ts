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
 * Scratch for {@link recruit}: the sites with a positive weight and the running sum of the weights up to each,
 * grown as needed (a section rarely has cytokine above the ramp's start at more than a share of its sites).
 */
export class RecruitmentScratch {
  /** Sites with a positive weight, in site order (the first `count`). */
  sites = new Int32Array(1024);
  /** Cumulative weight up to and including each of those sites. */
  cumulative = new Float64Array(1024);

  /** Makes room for at least `n` entries, keeping the first `kept`. */
  reserve(n: number, kept: number): void {
    if (n <= this.sites.length) return;
    const size = Math.max(n, 2 * this.sites.length);
    const sites = new Int32Array(size);
    const cumulative = new Float64Array(size);
    sites.set(this.sites.subarray(0, kept));
    cumulative.set(this.cumulative.subarray(0, kept));
    this.sites = sites;
    this.cumulative = cumulative;
  }
}

/**
 * Recruits cells from the blood over one step: each site draws in cells of each type at the type's maximal rate
 * (cells per site per step) times its {@link recruitmentWeight}. For each type in `types` order the section
 * receives Poisson(rate × Σ weights) cells, each placed at a site drawn with probability proportional to its
 * weight (inverse of the cumulative weights over the sites with a positive weight, kept in `scratch`). With a
 * `region` only the sites in its box are read: it must hold every site where the cytokine is above `signal.min`
 * (the others weigh 0; the same draws and sites result). Returns the cells added.
 */
export function recruit(
  cytokine: Float32Array,
  signal: RecruitmentSignal,
  types: readonly number[],
  ratesPerStep: readonly number[],
  scratch: RecruitmentScratch,
  pool: InnatePool,
  rng: Rng,
  region?: { readonly box: Readonly<SiteBox>; readonly width: number },
): number {
  if (!ratesPerStep.some((rate) => rate > 0)) return 0;
  let total = 0;
  let count = 0;
  const min = signal.min;
  const width = region ? region.width : cytokine.length;
  const [x0, y0, x1, y1] = region ? region.box : [0, 0, cytokine.length - 1, 0];
  for (let row = y0; row <= y1; row++) {
    const end = row * width + x1;
    for (let i = row * width + x0; i <= end; i++) {
      if (!(cytokine[i] > min)) continue; // weight 0: the sum and the inverse are as if it were there
      if (count === scratch.sites.length) scratch.reserve(count + 1, count);
      total += recruitmentWeight(cytokine[i], signal);
      scratch.sites[count] = i;
      scratch.cumulative[count] = total;
      count++;
    }
  }
  if (total <= 0) return 0;
  let added = 0;
  for (let t = 0; t < types.length; t++) {
    const rate = ratesPerStep[t];
    if (!(rate > 0)) continue;
    for (let n = rng.poisson(rate * total); n > 0; n--) {
      pool.add(types[t], scratch.sites[firstAbove(scratch.cumulative, count, rng.uniform() * total)]);
      added++;
    }
  }
  return added;
}

/**
 * The first of the `count` entries whose cumulative weight exceeds `x` (binary search; non-decreasing weights):
 * the site the whole section's inverse would pick, as sites of weight 0 never first exceed `x`.
 */
function firstAbove(cumulative: Float64Array, count: number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
