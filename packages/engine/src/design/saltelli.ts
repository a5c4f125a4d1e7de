import { requireIntegerIn } from './designArgumentError.js';
import { SOBOL_MAX_DIMENSIONS } from './sobolDirections.js';
import { sobolPoints, type SobolSequenceOptions } from './sobol.js';

/** Options of {@link saltelliLayout} and {@link saltelliPoints}. */
export interface SaltelliLayoutOptions {
  /** Add the rows BA_j^(i) that second-order indices need (blocks of 2d + 2 rows instead of d + 2); default false. */
  secondOrder?: boolean;
}

/** Options of {@link saltelliPoints}: the Sobol' sequence's and the layout's. */
export interface SaltelliOptions extends SobolSequenceOptions, SaltelliLayoutOptions {}

/**
 * Where each row of a Saltelli design sits: `n` base rows j = 0 … n − 1, each a block of consecutive rows
 *
 *   row j·s               A_j
 *   row j·s + 1 + i       AB_j^(i)  (A_j with column i taken from B_j), i = 0 … d − 1
 *   row j·s + 1 + d + i   BA_j^(i)  (B_j with column i taken from A_j), i = 0 … d − 1 — second-order designs only
 *   row j·s + s − 1       B_j
 *
 * with block size s = d + 2, or 2d + 2 with `secondOrder`, so a design of n base rows has n·s rows, and an analysis
 * reads f(A_j), f(AB_j^(i)), [f(BA_j^(i)),] f(B_j) block by block (the layout of SALib's Saltelli sampler with
 * `calc_second_order=False`, or `True`).
 */
export interface SaltelliLayout {
  /** Number of base rows N. */
  readonly n: number;
  /** Number of parameters d. */
  readonly dimensions: number;
  /** Whether the blocks hold the BA rows of second-order indices. */
  readonly secondOrder: boolean;
  /** Rows per block: d + 2, or 2d + 2 with second order. */
  readonly blockSize: number;
  /** Total rows, N times the block size. */
  readonly rows: number;
  /** Row of A_j. */
  a(j: number): number;
  /** Row of AB_j^(i): A_j with column i (0-based) from B_j. */
  ab(j: number, i: number): number;
  /** Row of BA_j^(i): B_j with column i (0-based) from A_j; throws for a layout without second order. */
  ba(j: number, i: number): number;
  /** Row of B_j. */
  b(j: number): number;
}

/**
 * The row layout of a Saltelli design with `n` base rows and `dimensions` parameters, with or without the rows of
 * second-order indices (see {@link SaltelliLayout}).
 */
export function saltelliLayout(n: number, dimensions: number, options: SaltelliLayoutOptions = {}): SaltelliLayout {
  requireIntegerIn('n', n, 1, 2 ** 31);
  requireIntegerIn('dimensions', dimensions, 1, 100_000);
  const secondOrder = options.secondOrder ?? false;
  const blockSize = secondOrder ? 2 * dimensions + 2 : dimensions + 2;
  return {
    n,
    dimensions,
    secondOrder,
    blockSize,
    rows: n * blockSize,
    a: (j) => j * blockSize,
    ab: (j, i) => j * blockSize + 1 + i,
    ba: (j, i) => {
      if (!secondOrder) throw new RangeError('this Saltelli layout has no BA rows: make it with secondOrder: true');
      return j * blockSize + 1 + dimensions + i;
    },
    b: (j) => j * blockSize + blockSize - 1,
  };
}

/**
 * Saltelli's sampling scheme for Sobol' indices (A. Saltelli et al., "Variance based sensitivity analysis of model
 * output", Comput. Phys. Commun. 181 (2010) 259–270; with `secondOrder`, the BA rows of A. Saltelli, "Making best
 * use of model evaluations to compute sensitivity indices", Comput. Phys. Commun. 145 (2002) 280–297): A_j and B_j
 * are the first and last `dimensions` coordinates of point j of a Sobol' sequence in 2·dimensions dimensions (so
 * dimensions ≤ SOBOL_MAX_DIMENSIONS / 2), and the rows follow {@link saltelliLayout}: n (dimensions + 2) points in
 * the unit cube, or n (2·dimensions + 2) with second order.
 */
export function saltelliPoints(n: number, dimensions: number, options: SaltelliOptions = {}): number[][] {
  requireIntegerIn('dimensions', dimensions, 1, Math.floor(SOBOL_MAX_DIMENSIONS / 2));
  const layout = saltelliLayout(n, dimensions, { secondOrder: options.secondOrder ?? false });
  const base = sobolPoints(n, 2 * dimensions, { skip: options.skip ?? 0 });
  const rows: number[][] = new Array<number[]>(layout.rows);
  /** `into` with column i taken from `from`. */
  const crossed = (into: number[], from: number[], i: number): number[] => {
    const row = into.slice();
    row[i] = from[i]!;
    return row;
  };
  base.forEach((point, j) => {
    const a = point.slice(0, dimensions);
    const b = point.slice(dimensions);
    rows[layout.a(j)] = a;
    for (let i = 0; i < dimensions; i++) {
      rows[layout.ab(j, i)] = crossed(a, b, i);
      if (layout.secondOrder) rows[layout.ba(j, i)] = crossed(b, a, i);
    }
    rows[layout.b(j)] = b;
  });
  return rows;
}
