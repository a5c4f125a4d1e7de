import { requireIntegerIn } from './designArgumentError.js';

/** Where a grid's levels sit in [0, 1]: at both ends and evenly between, or at the midpoints of equal strata. */
export type GridSpacing = 'endpoints' | 'midpoints';

/**
 * The `count` levels of one grid axis in [0, 1]: `endpoints` gives i/(count − 1) (0 and 1 included; one level is
 * 1/2), `midpoints` gives (i + 1/2)/count (for distributions with unbounded tails). Increasing order.
 */
export function gridLevels(count: number, spacing: GridSpacing): number[] {
  requireIntegerIn('levels', count, 1, 1_000_000);
  if (spacing === 'endpoints' && count > 1) return Array.from({ length: count }, (_, i) => i / (count - 1));
  return Array.from({ length: count }, (_, i) => (i + 0.5) / count);
}

/**
 * The full-factorial grid of the given axes (each a list of values): ∏ lengths points, in lexicographic order —
 * the last axis varies fastest, the first slowest (like nested loops over the axes in order).
 */
export function fullFactorial(axes: readonly (readonly number[])[]): number[][] {
  const size = axes.reduce((product, axis) => product * axis.length, 1);
  requireIntegerIn('grid size (the product of the levels)', size, 0, 10_000_000);
  const points: number[][] = [];
  for (let index = 0; index < size; index++) {
    const point = new Array<number>(axes.length);
    let rest = index;
    for (let d = axes.length - 1; d >= 0; d--) {
      const axis = axes[d]!;
      point[d] = axis[rest % axis.length]!;
      rest = Math.floor(rest / axis.length);
    }
    points.push(point);
  }
  return points;
}
