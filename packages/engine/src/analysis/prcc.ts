import { rejectArgument } from '../rng/argumentChecks.js';
import { leastSquaresResiduals } from './linearAlgebra.js';
import { averageRanks } from './ranks.js';
import { studentTTwoSidedP } from '../stats/specialFunctions.js';

/** The partial rank correlation of one input with the output, with its test. */
export interface PrccEntry {
  /** Partial rank correlation coefficient in [−1, 1]. */
  readonly coefficient: number;
  /** t statistic r·√(df/(1 − r²)). */
  readonly t: number;
  /** Degrees of freedom n − 2 − k, k = number of other inputs controlled for. */
  readonly df: number;
  /** Two-sided p-value from Student's t with `df` degrees of freedom. */
  readonly pValue: number;
}

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Partial rank correlation coefficients (PRCC) of each input with the output. Inputs and output are
 * rank-transformed (ties get average ranks); for input j, the ranks of x_j and of y are each regressed
 * (least squares with an intercept, by QR) on the ranks of the other inputs, and the coefficient is the
 * Pearson correlation of the two residual vectors. The p-value is two-sided from Student's t with
 * n − 2 − k degrees of freedom, k = d − 1 the number of inputs controlled for.
 *
 * @param inputs one column per input (d ≥ 1 columns of n values each)
 * @param output n output values, one per row of the inputs
 */
export function prcc(inputs: readonly ArrayLike<number>[], output: ArrayLike<number>): PrccEntry[] {
  const d = inputs.length;
  const n = output.length;
  if (d < 1) rejectArgument('inputs.length', d, 'at least 1 (one column per input)');
  inputs.forEach((column, j) => {
    if (column.length !== n) rejectArgument(`inputs[${j}].length`, column.length, `equal to output.length (${n})`);
  });
  const k = d - 1;
  const df = n - 2 - k;
  if (df < 1) rejectArgument('output.length', n, `at least ${d + 2} (n − 2 − k ≥ 1 for ${d} inputs)`);
  const ranks = inputs.map((column) => averageRanks(column));
  const outputRanks = averageRanks(output);
  const p = d; // intercept + the k other inputs
  return ranks.map((_, j) => {
    const design = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      design[i * p] = 1;
      let c = 1;
      for (let m = 0; m < d; m++) if (m !== j) design[i * p + c++] = ranks[m][i];
    }
    const rx = leastSquaresResiduals(design, n, p, ranks[j]);
    const ry = leastSquaresResiduals(design, n, p, outputRanks);
    const r = Math.max(-1, Math.min(1, pearson(rx, ry)));
    const t = r * Math.sqrt(df / (1 - r * r));
    return { coefficient: r, t, df, pValue: studentTTwoSidedP(t, df) };
  });
}
