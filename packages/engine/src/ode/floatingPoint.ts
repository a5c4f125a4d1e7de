/**
 * A double strictly below the finite number `x` and at most 2 ulps away from it: used as the "left
 * limit" time at which a step that ends on a possible discontinuity evaluates the right-hand side.
 */
export function justBelow(x: number): number {
  return x - Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}
