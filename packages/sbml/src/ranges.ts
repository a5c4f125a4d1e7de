/** The range an imported parameter may take: SBML gives a value, not a range. */
export interface ImportedRange {
  readonly min: number;
  readonly max: number;
  readonly scale: 'linear';
}

/**
 * The range rule for an imported value v: [0, max(10·v, 1)] when v ≥ 0, and [−m, m] with
 * m = max(10·|v|, 1) when v < 0. Always linear (log scales need min > 0, and 0 is a common value).
 */
export function importedRange(value: number): ImportedRange {
  const reach = Math.max(10 * Math.abs(value), 1);
  return value >= 0 ? { min: 0, max: reach, scale: 'linear' } : { min: -reach, max: reach, scale: 'linear' };
}
