import { rejectArgument } from '../rng/argumentChecks.js';

/** Ranks 1..n of the values, ties given their average rank (scipy's `rankdata` 'average' method). NaN is refused. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  for (let i = 0; i < n; i++)
    if (Number.isNaN(values[i])) rejectArgument(`values[${i}]`, values[i], 'a number (not NaN)');
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end−1 (ranks start+1..end) share their average.
    const rank = 0.5 * (start + 1 + end);
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}
