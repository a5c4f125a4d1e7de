import type { Rng } from '@immunotwin/engine';
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
 * weight (inverse of the cumulative weights, kept in `cumulative`, one entry per site). Returns the cells added.
 */
export function recruit(
  cytokine: Float32Array,
  signal: RecruitmentSignal,
  types: readonly number[],
  ratesPerStep: readonly number[],
  cumulative: Float64Array,
  pool: InnatePool,
  rng: Rng,
): number {
  if (!ratesPerStep.some((rate) => rate > 0)) return 0;
  let total = 0;
  for (let i = 0; i < cytokine.length; i++) {
    total += recruitmentWeight(cytokine[i], signal);
    cumulative[i] = total;
  }
  if (total <= 0) return 0;
  let added = 0;
  for (let t = 0; t < types.length; t++) {
    const rate = ratesPerStep[t];
    if (!(rate > 0)) continue;
    for (let n = rng.poisson(rate * total); n > 0; n--) {
      pool.add(types[t], firstAtLeast(cumulative, rng.uniform() * total));
      added++;
    }
  }
  return added;
}

/** The first index whose cumulative weight exceeds `x` (binary search; the weights are non-decreasing). */
function firstAtLeast(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
