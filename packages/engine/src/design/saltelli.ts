import { requireIntegerIn } from './designArgumentError.js';
import { SOBOL_MAX_DIMENSIONS } from './sobolDirections.js';
import { sobolPoints, type SobolSequenceOptions } from './sobol.js';

/**
 * Where each row of a Saltelli design sits: `n` base rows j = 0 … n − 1, each a block of d + 2 consecutive rows
 *
 *   row j(d+2)           A_j
 *   row j(d+2) + 1 + i   AB_j^(i)  (A_j with column i taken from B_j), i = 0 … d − 1
 *   row j(d+2) + d + 1   B_j
 *
 * so a design of n base rows has n (d + 2) rows, and an analysis reads f(A_j), f(AB_j^(i)), f(B_j) block by block
 * (the layout of SALib's `calc_second_order=False` sampler, block per base row).
 */
export interface SaltelliLayout {
  /** Number of base rows N. */
  readonly n: number;
  /** Number of parameters d. */
  readonly dimensions: number;
  /** Rows per block, d + 2. */
  readonly blockSize: number;
  /** Total rows, N (d + 2). */
  readonly rows: number;
  /** Row of A_j. */
  a(j: number): number;
  /** Row of AB_j^(i): A_j with column i (0-based) from B_j. */
  ab(j: number, i: number): number;
  /** Row of B_j. */
  b(j: number): number;
}

/** The row layout of a Saltelli design with `n` base rows and `dimensions` parameters (see {@link SaltelliLayout}). */
export function saltelliLayout(n: number, dimensions: number): SaltelliLayout {
  requireIntegerIn('n', n, 1, 2 ** 31);
  requireIntegerIn('dimensions', dimensions, 1, 100_000);
  const blockSize = dimensions + 2;
  return {
    n,
    dimensions,
    blockSize,
    rows: n * blockSize,
    a: (j) => j * blockSize,
    ab: (j, i) => j * blockSize + 1 + i,
    b: (j) => j * blockSize + dimensions + 1,
  };
}

/**
 * Saltelli's sampling scheme for first- and total-order Sobol' indices (A. Saltelli et al., "Variance based
 * sensitivity analysis of model output", Comput. Phys. Commun. 181 (2010) 259–270): A_j and B_j are the first and
 * last `dimensions` coordinates of point j of a Sobol' sequence in 2·dimensions dimensions (so dimensions ≤
 * SOBOL_MAX_DIMENSIONS / 2), and the rows follow {@link saltelliLayout}: n (dimensions + 2) points in the unit cube.
 */
export function saltelliPoints(n: number, dimensions: number, options: SobolSequenceOptions = {}): number[][] {
  requireIntegerIn('dimensions', dimensions, 1, Math.floor(SOBOL_MAX_DIMENSIONS / 2));
  const layout = saltelliLayout(n, dimensions);
  const base = sobolPoints(n, 2 * dimensions, options);
  const rows: number[][] = new Array<number[]>(layout.rows);
  base.forEach((point, j) => {
    const a = point.slice(0, dimensions);
    const b = point.slice(dimensions);
    rows[layout.a(j)] = a;
    for (let i = 0; i < dimensions; i++) {
      const ab = a.slice();
      ab[i] = b[i]!;
      rows[layout.ab(j, i)] = ab;
    }
    rows[layout.b(j)] = b;
  });
  return rows;
}
