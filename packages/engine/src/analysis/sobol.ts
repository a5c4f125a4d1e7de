import { rejectArgument } from '../rng/argumentChecks.js';
import { createRng } from '../rng/seeding.js';
import type { Rng } from '../rng/types.js';
import { normalQuantile } from '../stats/standardNormal.js';

/** Model outputs on a Saltelli design, as plain arrays (N rows each); `splitSaltelliRows` reads them off a design. */
export interface SaltelliOutputs {
  /** f(A): outputs on the base matrix A. */
  readonly fA: ArrayLike<number>;
  /** f(B): outputs on the second matrix B. */
  readonly fB: ArrayLike<number>;
  /** f(AB_i), i = 1..d: outputs on A with column i taken from B. */
  readonly fAB: readonly ArrayLike<number>[];
  /**
   * f(BA_i), i = 1..d: outputs on B with column i taken from A (second-order designs). When given, `sobolIndices`
   * also estimates the second-order indices, and these outputs enter the standardisation of all outputs, as in
   * SALib's `sobol.analyze(calc_second_order=True)`.
   */
  readonly fBA?: readonly ArrayLike<number>[];
}

/** Options for `sobolIndices`. */
export interface SobolIndexOptions {
  /** Bootstrap resamples for the intervals (default 100, as SALib; 0 for none). */
  readonly resamples?: number;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  readonly confidenceLevel?: number;
  /** Seed for the bootstrap's resampling of rows (default 1); ignored when `rng` is given. */
  readonly seed?: number;
  /** The generator for the bootstrap (takes precedence over `seed`). */
  readonly rng?: Rng;
}

/**
 * First-order and total Sobol' indices per input, and second-order indices per pair of inputs when the outputs
 * include f(BA_i), with bootstrap interval half-widths.
 */
export interface SobolIndices {
  /** S_i, Saltelli et al. (2010) estimator. */
  readonly firstOrder: Float64Array;
  /** ST_i, Jansen (1999) estimator. */
  readonly total: Float64Array;
  /** Half-widths: S_i ± firstOrderConfidence[i] is the interval (normal approximation). */
  readonly firstOrderConfidence: Float64Array;
  /** Half-widths: ST_i ± totalConfidence[i] is the interval (normal approximation). */
  readonly totalConfidence: Float64Array;
  /**
   * S_ij, Saltelli (2002) estimator, when the outputs include f(BA_i): a d × d matrix by rows, S_ij at [i·d + j] for
   * i < j and NaN on and below the diagonal (the shape of SALib's `S2`). Undefined without f(BA_i).
   */
  readonly secondOrder?: Float64Array;
  /** Half-widths of the second-order intervals, laid out as `secondOrder` (NaN on and below the diagonal). */
  readonly secondOrderConfidence?: Float64Array;
  /** The confidence level of the intervals. */
  readonly confidenceLevel: number;
}

/** Indices into the rows; identity for the point estimate. */
type Rows = ArrayLike<number>;

/** Largest minus smallest of f(A) and f(B) over the rows: SALib treats ≤ ε as a constant output (indices 0). */
function isConstant(a: Float64Array, b: Float64Array, rows: Rows): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    lo = Math.min(lo, a[i], b[i]);
    hi = Math.max(hi, a[i], b[i]);
  }
  return hi - lo <= Number.EPSILON;
}

/** Population variance (divisor 2N) of f(A) and f(B) together over the rows. */
function pooledVariance(a: Float64Array, b: Float64Array, rows: Rows): number {
  const n = rows.length;
  let mean = 0;
  for (let r = 0; r < n; r++) mean += a[rows[r]] + b[rows[r]];
  mean /= 2 * n;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += (a[rows[r]] - mean) ** 2 + (b[rows[r]] - mean) ** 2;
  return sum / (2 * n);
}

/** S_i = mean(f(B)·(f(AB_i) − f(A))) / V (Saltelli et al. 2010, Table 2 (b)). */
function firstOrderEstimate(a: Float64Array, b: Float64Array, ab: Float64Array, rows: Rows, variance: number): number {
  let sum = 0;
  for (let r = 0; r < rows.length; r++) sum += b[rows[r]] * (ab[rows[r]] - a[rows[r]]);
  return variance > Number.EPSILON ? sum / rows.length / variance : 0;
}

/** ST_i = ½·mean((f(A) − f(AB_i))²) / V (Jansen 1999; Saltelli et al. 2010, Table 2 (f)). */
function totalEstimate(a: Float64Array, ab: Float64Array, rows: Rows, variance: number): number {
  let sum = 0;
  for (let r = 0; r < rows.length; r++) sum += (a[rows[r]] - ab[rows[r]]) ** 2;
  return variance > Number.EPSILON ? (0.5 * sum) / rows.length / variance : 0;
}

/**
 * V_jk / V = mean(f(BA_j)·f(AB_k) − f(A)·f(B)) / V, the closed second-order effect of inputs j and k (Saltelli
 * 2002, Comput. Phys. Commun. 145: 280–297, as SALib estimates it); S_jk is this minus S_j and S_k.
 */
function closedSecondOrderEstimate(
  a: Float64Array,
  b: Float64Array,
  baJ: Float64Array,
  abK: Float64Array,
  rows: Rows,
  variance: number,
): number {
  let sum = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    sum += baJ[i] * abK[i] - a[i] * b[i];
  }
  return variance > Number.EPSILON ? sum / rows.length / variance : 0;
}

function sampleSd(values: Float64Array): number {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let sum = 0;
  for (const v of values) sum += (v - mean) ** 2;
  return Math.sqrt(sum / (n - 1));
}

function checkOutputs(outputs: SaltelliOutputs): number {
  const n = outputs.fA.length;
  if (n < 2) rejectArgument('fA.length', n, 'at least 2 (N rows)');
  if (outputs.fB.length !== n) rejectArgument('fB.length', outputs.fB.length, `equal to fA.length (${n})`);
  if (outputs.fAB.length < 1) rejectArgument('fAB.length', outputs.fAB.length, 'at least 1 (one array per input)');
  outputs.fAB.forEach((column, i) => {
    if (column.length !== n) rejectArgument(`fAB[${i}].length`, column.length, `equal to fA.length (${n})`);
  });
  if (outputs.fBA && outputs.fBA.length !== outputs.fAB.length) {
    rejectArgument(
      'fBA.length',
      outputs.fBA.length,
      `equal to fAB.length (${outputs.fAB.length}, one array per input)`,
    );
  }
  outputs.fBA?.forEach((column, i) => {
    if (column.length !== n) rejectArgument(`fBA[${i}].length`, column.length, `equal to fA.length (${n})`);
  });
  return n;
}

/**
 * First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol' indices from outputs on a Saltelli design, and
 * second-order indices S_jk (Saltelli 2002) when the outputs include f(BA_i) — the estimators of SALib's
 * `sobol.analyze`, including its standardisation of all outputs by their mean and population standard deviation
 * first, so point estimates agree with it to rounding. V is the population variance of f(A) and f(B) together.
 * Intervals: bootstrap with `resamples` resamples of the N rows (with replacement, from the engine's seeded Rng;
 * every index of a resample from the same rows), half-width z·sd (sd with divisor R − 1, z the normal quantile at
 * ½ + level/2): the normal approximation, as SALib reports.
 */
export function sobolIndices(outputs: SaltelliOutputs, options: SobolIndexOptions = {}): SobolIndices {
  const n = checkOutputs(outputs);
  const resamples = options.resamples ?? 100;
  if (!(Number.isInteger(resamples) && resamples >= 0) || resamples === 1) {
    rejectArgument('resamples', resamples, '0 or an integer ≥ 2');
  }
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) rejectArgument('confidenceLevel', level, 'a number in (0, 1)');

  // Standardise every output together (mean and population sd over all of them), as SALib does.
  const all = [outputs.fA, outputs.fB, ...outputs.fAB, ...(outputs.fBA ?? [])];
  let mean = 0;
  for (const column of all) for (let i = 0; i < n; i++) mean += column[i];
  mean /= all.length * n;
  let squares = 0;
  for (const column of all) for (let i = 0; i < n; i++) squares += (column[i] - mean) ** 2;
  const sd = Math.sqrt(squares / (all.length * n));
  const scale = (column: ArrayLike<number>) => Float64Array.from(column, (v) => (sd > 0 ? (v - mean) / sd : 0));
  const a = scale(outputs.fA);
  const b = scale(outputs.fB);
  const ab = outputs.fAB.map(scale);
  const ba = outputs.fBA?.map(scale);
  const d = ab.length;
  const pairs: [number, number][] = [];
  if (ba) for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) pairs.push([j, k]);

  // The indices of one set of rows, side by side: S_i at [i], ST_i at [d + i], S_jk of pairs[p] at [2d + p].
  const width = 2 * d + pairs.length;
  const estimate = (rows: Rows, out: Float64Array): void => {
    if (isConstant(a, b, rows)) {
      out.fill(0);
      return;
    }
    const variance = pooledVariance(a, b, rows);
    for (let i = 0; i < d; i++) {
      out[i] = firstOrderEstimate(a, b, ab[i], rows, variance);
      out[d + i] = totalEstimate(a, ab[i], rows, variance);
    }
    pairs.forEach(([j, k], p) => {
      out[2 * d + p] = closedSecondOrderEstimate(a, b, ba![j], ab[k], rows, variance) - out[j] - out[k];
    });
  };
  const everyRow = Int32Array.from({ length: n }, (_, i) => i);
  const point = new Float64Array(width);
  estimate(everyRow, point);

  const confidence = new Float64Array(width).fill(NaN);
  if (resamples > 0) {
    const rng = options.rng ?? createRng(options.seed ?? 1);
    // By index: boot[c·R + r] is resample r's index c.
    const boot = new Float64Array(width * resamples);
    const one = new Float64Array(width);
    const rows = new Int32Array(n);
    for (let r = 0; r < resamples; r++) {
      for (let k = 0; k < n; k++) rows[k] = rng.integer(n);
      estimate(rows, one);
      for (let c = 0; c < width; c++) boot[c * resamples + r] = one[c];
    }
    const z = normalQuantile(0.5 + level / 2);
    for (let c = 0; c < width; c++) confidence[c] = z * sampleSd(boot.subarray(c * resamples, (c + 1) * resamples));
  }
  /** The pairs' values of a row of estimates as a d × d matrix, NaN on and below the diagonal. */
  const matrix = (values: Float64Array): Float64Array => {
    const m = new Float64Array(d * d).fill(NaN);
    pairs.forEach(([j, k], p) => (m[j * d + k] = values[2 * d + p]));
    return m;
  };
  return {
    firstOrder: point.slice(0, d),
    total: point.slice(d, 2 * d),
    firstOrderConfidence: confidence.slice(0, d),
    totalConfidence: confidence.slice(d, 2 * d),
    ...(ba ? { secondOrder: matrix(point), secondOrderConfidence: matrix(confidence) } : {}),
    confidenceLevel: level,
  };
}
