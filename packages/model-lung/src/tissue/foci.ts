import { portableMath } from '@immunotwin/engine';
import type { Lattice2D, Rng } from '@immunotwin/engine';

/** How initial infection foci are placed (the `fociPlacement` codes). */
export const FOCI_PLACEMENT = {
  /** One focus at the centre; more on a circle of radius side/8 around it. */
  centre: 0,
  /** Distinct sites drawn at random. */
  random: 1,
  /** The centres of the cells of a near-square grid. */
  grid: 2,
} as const;

/** Names of the placement codes, in code order. */
export const FOCI_PLACEMENT_NAMES: readonly string[] = ['centre', 'random', 'grid'];

/**
 * The sites of `count` initial foci on `lattice` placed by `placement` ({@link FOCI_PLACEMENT}); random
 * placement draws from `rng` (distinct sites, by rejection). A RangeError names the value when there are more
 * foci than sites or the code is unknown.
 */
export function fociSites(lattice: Lattice2D, count: number, placement: number, rng: Rng): Int32Array {
  if (!Number.isInteger(count) || count < 0 || count > lattice.size) {
    throw new RangeError(`foci: must be a whole number from 0 to ${lattice.size} (the sites); got ${count}`);
  }
  const { width, height } = lattice;
  const sites = new Int32Array(count);
  if (placement === FOCI_PLACEMENT.centre) {
    const cx = (width - 1) / 2;
    const cy = (height - 1) / 2;
    const radius = Math.min(width, height) / 8;
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * (k - 1)) / Math.max(1, count - 1);
      const r = k === 0 ? 0 : radius;
      sites[k] = lattice.index(
        Math.round(cx + r * portableMath.cos(angle)),
        Math.round(cy + r * portableMath.sin(angle)),
      );
    }
  } else if (placement === FOCI_PLACEMENT.random) {
    const taken = new Set<number>();
    for (let k = 0; k < count; k++) {
      let site = rng.integer(lattice.size);
      while (taken.has(site)) site = rng.integer(lattice.size);
      taken.add(site);
      sites[k] = site;
    }
  } else if (placement === FOCI_PLACEMENT.grid) {
    const columns = Math.ceil(Math.sqrt(count));
    const rows = Math.ceil(count / Math.max(1, columns));
    for (let k = 0; k < count; k++) {
      const x = Math.floor((((k % columns) + 0.5) * width) / columns);
      const y = Math.floor(((Math.floor(k / columns) + 0.5) * height) / rows);
      sites[k] = lattice.index(x, y);
    }
  } else {
    throw new RangeError(`fociPlacement: must be 0 (centre), 1 (random) or 2 (grid); got ${placement}`);
  }
  return sites;
}
